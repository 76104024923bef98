package main

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// floorEnv names the variable under which the test binary runs as the
// floor instead of the tests: its value is a JSON list of the handbook's
// content folder and the folder to write in.
const floorEnv = "HANDBOOK_BENCH_FLOOR"

// floor is the least a static site generator does with a folder of
// Markdown: it converts every .md file under src with goldmark (GFM) on
// every core and writes each into a folder of its own under out, as
// name/index.html, the layout of the handbook's pages. Front matter is
// cut off first, unread.
func floor(src, out string) error {
	var files []string
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		return err
	}
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	var next atomic.Int64
	var first atomic.Pointer[error]
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			var buf bytes.Buffer
			for {
				i := int(next.Add(1)) - 1
				if i >= len(files) || first.Load() != nil {
					return
				}
				if err := floorOne(md, &buf, src, out, files[i]); err != nil {
					first.CompareAndSwap(nil, &err)
				}
			}
		})
	}
	wg.Wait()
	if err := first.Load(); err != nil {
		return *err
	}
	return nil
}

func floorOne(md goldmark.Markdown, buf *bytes.Buffer, src, out, file string) error {
	b, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	if rest, ok := bytes.CutPrefix(b, []byte("---\n")); ok {
		if _, body, ok := bytes.Cut(rest, []byte("\n---\n")); ok {
			b = body
		}
	}
	buf.Reset()
	if err := md.Convert(b, buf); err != nil {
		return err
	}
	rel, err := filepath.Rel(src, file)
	if err != nil {
		return err
	}
	dir := filepath.Join(out, strings.TrimSuffix(rel, ".md"))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "index.html"), buf.Bytes(), 0o644)
}

// floorOnce runs the floor over the content of the handbook at src into
// out in a new process and returns its wall and processor time.
func floorOnce(b *testing.B, src, out string) (wall, cpu time.Duration) {
	a, err := json.Marshal([]string{filepath.Join(src, "content"), out})
	if err != nil {
		b.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run", "^$")
	cmd.Env = append(os.Environ(), floorEnv+"="+string(a))
	start := time.Now()
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("floor: %v\n%s", err, out)
	}
	wall = time.Since(start)
	return wall, cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
}

// BenchmarkBuildVsFloorProcess10k runs handbook build of 10,000 synthetic
// documents and the floor (goldmark converting the same documents and
// writing a page each, see floor) in turn, each a fresh process writing a
// new folder, and reports the median of the ratios of their times pair by
// pair, wall (time-ratio) and processor (cpu-ratio), beside each one's
// median times.
//
//	go test -run XXX -bench BuildVsFloorProcess10k -benchtime 5x ./generator
func BenchmarkBuildVsFloorProcess10k(b *testing.B) {
	src := synthDir(b, 10_000)
	var ratios, cpuRatios []float64
	var bw, bc, fw, fc []time.Duration
	for b.Loop() {
		w, c, _ := buildOnce(b, src, filepath.Join(keptDir(b, "public"), "public"))
		fwall, fcpu := floorOnce(b, src, filepath.Join(keptDir(b, "floor"), "floor"))
		ratios = append(ratios, w.Seconds()/fwall.Seconds())
		cpuRatios = append(cpuRatios, c.Seconds()/fcpu.Seconds())
		bw, bc, fw, fc = append(bw, w), append(bc, c), append(fw, fwall), append(fc, fcpu)
	}
	slices.Sort(ratios)
	slices.Sort(cpuRatios)
	b.ReportMetric(ratios[len(ratios)/2], "time-ratio")
	b.ReportMetric(cpuRatios[len(cpuRatios)/2], "cpu-ratio")
	b.ReportMetric(median(bw).Seconds(), "build-s")
	b.ReportMetric(median(bc).Seconds(), "build-cpu-s")
	b.ReportMetric(median(fw).Seconds(), "floor-s")
	b.ReportMetric(median(fc).Seconds(), "floor-cpu-s")
}
