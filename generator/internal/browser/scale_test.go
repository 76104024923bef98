package browser

import (
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"handbook/generator/internal/build"
	"handbook/generator/internal/publish"
	"handbook/generator/internal/synth"
)

// TestSearchAtScale measures search on the 10,000-document synthetic
// handbook: the index's size and the median time of a query in the
// browser. It takes a minute, so it runs only with HANDBOOK_SCALE=1:
//
//	HANDBOOK_SCALE=1 go test -run SearchAtScale -v ./generator/internal/browser
func TestSearchAtScale(t *testing.T) {
	if os.Getenv("HANDBOOK_SCALE") == "" {
		t.Skip("set HANDBOOK_SCALE=1 to measure search on 10,000 documents")
	}
	out := filepath.Join(t.TempDir(), "public")
	w, err := publish.NewDir(out, publish.Guard{})
	if err != nil {
		t.Fatal(err)
	}
	res := build.Run(synth.Generate(10_000), w, build.Options{})
	if res.Errors > 0 {
		t.Fatalf("synthetic build: %d errors", res.Errors)
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(filepath.Join(out, "search-index.js"))
	if err != nil {
		t.Fatal(err)
	}
	srv := serve(t, out)
	tb := newTab(t, srv)
	tb.open("/")
	t0 := time.Now()
	tb.do(chromedp.Focus(chromedp.CSS("#search-input")))
	tb.waitFor(`typeof window.handbookSearch === "function"`)
	load := time.Since(t0)
	queries := []string{"booking", "payment retry", "status:accepted schema", "kind:strategy queue", "docu", "owner:team-3 cache",
		"tag:t7", "rollout migration contract", "interface", "golden example library", "latency budget", "part one", "sponsor", "feed partner"}
	var times []float64
	for range 3 {
		for _, q := range queries {
			ms := eval[float64](tb, `(() => { const t = performance.now(); window.handbookSearch(`+js(q)+`); return performance.now() - t; })()`)
			times = append(times, ms)
		}
	}
	sort.Float64s(times)
	t.Logf("search index: %.1f MB for %d documents; loaded and prepared in %s; query median %.1f ms, p90 %.1f ms over %d queries",
		float64(st.Size())/(1<<20), len(res.Site.Docs), load.Round(time.Millisecond), times[len(times)/2], times[len(times)*9/10], len(times))
}
