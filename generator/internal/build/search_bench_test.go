package build

import (
	"fmt"
	"sort"
	"testing"
	"time"

	"handbook/generator/internal/synth"
)

// BenchmarkSearchIndexAfterEdit10k measures what serve does after its
// rebuild of a body edit in a 10,000-document handbook, once the open
// pages have reloaded: the site-wide files, the search index's shards
// among them, made from the rows of the documents that did not change
// and the one row made anew. go test -run XXX -bench SearchIndexAfterEdit
// -benchtime 10x ./generator/internal/build
func BenchmarkSearchIndexAfterEdit10k(b *testing.B) {
	const n = 10_000
	fsys := synth.Generate(n)
	sess := NewSession(fsys, Options{Now: testNow})
	sess.Rebuild(nil)
	var times []time.Duration
	i := 0
	for b.Loop() {
		p := synth.Doc((i * 7919) % n)
		fsys[p].Data = append(append([]byte{}, fsys[p].Data...), fmt.Sprintf("\nAn edit, number %d.\n", i)...)
		up := sess.Rebuild([]string{p})
		if up.Result.Errors > 0 || up.Later == nil {
			b.Fatalf("rebuild: %d errors", up.Result.Errors)
		}
		t0 := time.Now()
		up.Later()
		times = append(times, time.Since(t0))
		i++
	}
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "median-ms")
}
