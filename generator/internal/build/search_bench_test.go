package build

import (
	"fmt"
	"runtime"
	"runtime/metrics"
	"sort"
	"testing"
	"time"

	"handbook/generator/internal/assets"
	"handbook/generator/internal/diag"
	"handbook/generator/internal/render"
	"handbook/generator/internal/synth"
	"handbook/generator/internal/theme"
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

// BenchmarkSearchIndex10k measures the search index alone, as a single
// build makes it, on the linked 10,000-document site: its share of
// BenchmarkRender10k and BenchmarkBuild10k, the most heap it adds to the
// site's (index-heap-MB) and the bytes it writes (index-MB). go test -run XXX -bench
// 'SearchIndex10k$' -benchtime 3x ./generator/internal/build
func BenchmarkSearchIndex10k(b *testing.B) {
	fsys := synth.Generate(10_000)
	st := link(fsys, Options{Now: testNow}, nil, nil)
	var diags diag.List
	bundle := assets.Build(theme.Assets(fsys), assets.Options{Minify: true}, &diags)
	b.ReportAllocs()
	var maxHeap uint64
	var cpu cpuMeter
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	for b.Loop() {
		runtime.GC()
		metrics.Read(sample)
		base := sample[0].Value.Uint64()
		w := &countingWriter{}
		var n int
		cpu.start()
		h := peak(func() {
			r := render.New(st.res.Site, st.res.Config, theme.Layouts(fsys), bundle, render.Options{Now: testNow}, &diags)
			n = r.RenderOnly(w, func(out string) bool { return out == render.SearchFile })
		})
		cpu.stop()
		maxHeap = max(maxHeap, h-min(h, base))
		if n == 0 || diags.HasErrors() {
			b.Fatalf("search index: %d files, %d diagnostics", n, len(diags.All()))
		}
		b.ReportMetric(float64(w.n.Load())/(1<<20), "index-MB")
	}
	b.ReportMetric(float64(maxHeap)/(1<<20), "index-heap-MB")
	cpu.report(b)
}
