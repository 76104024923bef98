package build

import (
	"bytes"
	"fmt"
	"sort"
	"testing"
	"time"

	"handbook/generator/internal/publish"
	"handbook/generator/internal/synth"
)

// BenchmarkRebuildBodyEdit10k measures serve's rebuild after a body edit
// of one document in a 10,000-document handbook: go test -bench Rebuild
// -benchtime 20x ./generator/internal/build. The median is reported as
// median-ms; the time from the file write to the reload event adds the
// watcher's batching (10 ms by default) to it.
func BenchmarkRebuildBodyEdit10k(b *testing.B) { benchRebuild(b, 10_000, false) }

// BenchmarkRebuildTitleEdit10k measures a title edit, which changes the
// navigation of every page of its section.
func BenchmarkRebuildTitleEdit10k(b *testing.B) { benchRebuild(b, 10_000, true) }

func benchRebuild(b *testing.B, n int, title bool) {
	fsys := synth.Generate(n)
	sess := NewSession(fsys, Options{Now: testNow})
	start := time.Now()
	sess.Rebuild(nil)
	b.Logf("first build: %s", time.Since(start).Round(time.Millisecond))
	var times []time.Duration
	i := 0
	for b.Loop() {
		p := synth.Doc((i * 7919) % n)
		old := fsys[p].Data
		var edited []byte
		if title {
			edited = bytes.Replace(old, []byte("title: Document"), []byte(fmt.Sprintf("title: Edited %d", i)), 1)
		} else {
			edited = append(append([]byte{}, old...), fmt.Sprintf("\nAn edit, number %d.\n", i)...)
		}
		fsys[p].Data = edited
		t0 := time.Now()
		up := sess.Rebuild([]string{p})
		times = append(times, time.Since(t0))
		if up.Result.Errors > 0 {
			b.Fatal(up.Result.Diags.All()[0])
		}
		i++
	}
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "median-ms")
	_ = publish.NewMemory
}
