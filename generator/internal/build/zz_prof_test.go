package build

import (
	"os"
	"runtime"
	"runtime/pprof"
	"sync/atomic"
	"testing"
	"os/exec"
	"strconv"

	"handbook/generator/internal/synth"
)

type profWriter struct {
	n    atomic.Int64
	at   int64
	name string
}

func (w *profWriter) WriteFile(_ string, b []byte) error {
	if w.n.Add(1) == w.at {
		runtime.GC()
		f, _ := os.Create(w.name)
		pprof.WriteHeapProfile(f)
		f.Close()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		println("heapinuse MB", ms.HeapInuse>>20, "alloc", ms.HeapAlloc>>20)
	}
	return nil
}

func TestZZProf(t *testing.T) {
	fsys := os.DirFS("/tmp/mem/s10k"); _ = synth.Generate
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	println("fsys heap MB", ms.HeapAlloc>>20)
	w := &profWriter{at: int64(atN()), name: "/tmp/mem/heap.prof"}
	Run(fsys, w, Options{Now: testNow})
	_ = exec.Command
}

func atN() int { n, _ := strconv.Atoi(os.Getenv("AT")); return n }
