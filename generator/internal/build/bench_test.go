package build

import (
	"bytes"
	"io/fs"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"

	"handbook/generator/internal/assets"
	"handbook/generator/internal/config"
	"handbook/generator/internal/diag"
	"handbook/generator/internal/graph"
	"handbook/generator/internal/handbook"
	"handbook/generator/internal/load"
	"handbook/generator/internal/markdown"
	"handbook/generator/internal/render"
	"handbook/generator/internal/synth"
	"handbook/generator/internal/theme"
)

// countingWriter discards output, counting bytes, so that benchmarks
// measure the pipeline rather than the disk or a map holding every page.
type countingWriter struct{ n atomic.Int64 }

func (w *countingWriter) WriteFile(_ string, b []byte) error {
	w.n.Add(int64(len(b)))
	return nil
}

// peak samples the heap while f runs and returns its maximum. It reads
// runtime/metrics, which does not stop the world as ReadMemStats does.
func peak(f func()) uint64 {
	var max uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/memory/classes/heap/unused:bytes"}}
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(sample)
			// Objects and the unused part of their spans: the in-use heap.
			if inuse := sample[0].Value.Uint64() + sample[1].Value.Uint64(); inuse > max {
				max = inuse
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	f()
	close(done)
	wg.Wait()
	return max
}

func benchBuild(b *testing.B, n int) {
	fsys := synth.Generate(n)
	var src int64
	for _, f := range fsys {
		src += int64(len(f.Data))
	}
	b.SetBytes(src)
	b.ReportAllocs()
	var maxHeap uint64
	var cpu cpuMeter
	for b.Loop() {
		runtime.GC()
		w := &countingWriter{}
		var res *Result
		cpu.start()
		h := peak(func() { res = Run(fsys, w, Options{Now: testNow}) })
		cpu.stop()
		maxHeap = max(maxHeap, h)
		if res.Errors > 0 {
			b.Fatalf("synthetic handbook has errors:\n%v", res.Diags.All()[:1])
		}
	}
	b.ReportMetric(float64(maxHeap)/(1<<20), "peak-heap-MB")
	cpu.report(b)
}

// cpuMeter adds up the processor time of the measured part of each
// iteration (cpu-s/op): unlike ns/op, it hardly moves when other work
// shares the machine, so a stage's figure compares with the floor's.
type cpuMeter struct {
	at, total time.Duration
	n         int
}

func (m *cpuMeter) start() { m.at = cpuTime() }
func (m *cpuMeter) stop()  { m.total += cpuTime() - m.at; m.n++ }
func (m *cpuMeter) report(b *testing.B) {
	if m.n > 0 {
		b.ReportMetric(m.total.Seconds()/float64(m.n), "cpu-s/op")
	}
}

// BenchmarkBuild1k and BenchmarkBuild10k build synthetic handbooks of
// about 6 KB per document: go test -bench Build -benchtime 3x ./generator/internal/build
func BenchmarkBuild1k(b *testing.B)  { benchBuild(b, 1_000) }
func BenchmarkBuild10k(b *testing.B) { benchBuild(b, 10_000) }

// BenchmarkFloor10k is the floor the build is measured against: goldmark
// alone (GFM) converting the same documents on every core.
func BenchmarkFloor10k(b *testing.B) {
	docs, src := synthBodies(10_000)
	benchConvert(b, docs, src, goldmark.New(goldmark.WithExtensions(extension.GFM)))
}

// BenchmarkFloorHighlighted10k is goldmark with the extensions a build
// uses (GFM, footnotes, definition lists, chroma highlighting with classes,
// heading ids) on every core: the same Markdown work without the handbook.
func BenchmarkFloorHighlighted10k(b *testing.B) {
	docs, src := synthBodies(10_000)
	md := goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.DefinitionList,
			markdown.Highlighting()),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)
	benchConvert(b, docs, src, md)
}

// BenchmarkBuildBare10k is BenchmarkBuild10k with a theme whose every
// layout writes the page's body alone: what the pipeline costs (parse,
// links, search index, graph.json, sitemap, feed and writing) without
// the default theme's markup. Set beside Floor10k, it says how much of the
// build's distance from goldmark the theme accounts for.
func BenchmarkBuildBare10k(b *testing.B) {
	fsys := synth.Generate(10_000)
	layouts, err := fs.Glob(theme.Layouts(fsys), "*/*.html")
	if err != nil {
		b.Fatal(err)
	}
	top, _ := fs.Glob(theme.Layouts(fsys), "*.html")
	for _, name := range append(layouts, top...) {
		if strings.HasPrefix(name, "partials/") {
			continue
		}
		fsys["layouts/"+name] = &fstest.MapFile{Data: []byte(`{{define "main"}}{{.Content}}{{end}}`)}
	}
	fsys["layouts/_default/baseof.html"] = &fstest.MapFile{Data: []byte(`{{block "main" .}}{{end}}`)}
	var cpu cpuMeter
	defer cpu.report(b)
	for b.Loop() {
		runtime.GC()
		cpu.start()
		res := Run(fsys, &countingWriter{}, Options{Now: testNow})
		cpu.stop()
		if res.Errors > 0 {
			b.Fatalf("bare theme: %v", res.Diags.All()[:1])
		}
	}
}

// synthBodies returns the Markdown of a synthetic handbook's documents and
// their total size.
func synthBodies(n int) ([][]byte, int64) {
	docs := make([][]byte, n)
	var src int64
	for i := range n {
		docs[i] = synth.Body(i, n)
		src += int64(len(docs[i]))
	}
	return docs, src
}

func benchConvert(b *testing.B, docs [][]byte, src int64, md goldmark.Markdown) {
	n := len(docs)
	b.SetBytes(src)
	b.ReportAllocs()
	var cpu cpuMeter
	defer cpu.report(b)
	for b.Loop() {
		cpu.start()
		var next atomic.Int64
		var wg sync.WaitGroup
		for range runtime.GOMAXPROCS(0) {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var buf bytes.Buffer
				for {
					i := int(next.Add(1)) - 1
					if i >= n {
						return
					}
					buf.Reset()
					if err := md.Convert(docs[i], &buf); err != nil {
						b.Error(err)
					}
				}
			}()
		}
		wg.Wait()
		cpu.stop()
	}
}

// BenchmarkGraph10k measures the graph stage alone on the 10,000 parsed
// documents: link resolution, backlinks, related pages and the decision
// registry. Its share of BenchmarkBuild10k is what cross-linking costs.
func BenchmarkGraph10k(b *testing.B) {
	fsys := synth.Generate(10_000)
	st := link(fsys, Options{Now: testNow}, nil, nil)
	b.ReportAllocs()
	var cpu cpuMeter
	defer cpu.report(b)
	for b.Loop() {
		docs := make([]*handbook.Document, len(st.res.Docs))
		for i, d := range st.res.Docs {
			docs[i] = loaded(d) // sharing d's parse
		}
		var diags diag.List
		cpu.start()
		site := graph.Build(st.res.Config, docs, nil, graph.Options{}, &diags)
		cpu.stop()
		if diags.HasErrors() || len(site.Docs) != len(docs) {
			b.Fatalf("graph: %d errors, %d documents", len(diags.All()), len(site.Docs))
		}
	}
}

// BenchmarkRender10k measures the render stage alone (pages, search index,
// graph.json, sitemap and feed) on the linked 10,000-document site. Run it
// with -cpu 1 for the cost per page without scheduling noise.
func BenchmarkRender10k(b *testing.B) {
	fsys := synth.Generate(10_000)
	st := link(fsys, Options{Now: testNow}, nil, nil)
	var diags diag.List
	bundle := assets.Build(theme.Assets(fsys), assets.Options{Minify: true}, &diags)
	// A single build lets go of each body once its page is written: every
	// render here starts from the bodies as parsed.
	bodies := make([]string, len(st.res.Docs))
	for i, d := range st.res.Docs {
		bodies[i] = d.HTML
	}
	b.ReportAllocs()
	var cpu cpuMeter
	defer cpu.report(b)
	for b.Loop() {
		for i, d := range st.res.Docs {
			d.HTML = bodies[i]
		}
		w := &countingWriter{}
		cpu.start()
		r := render.New(st.res.Site, st.res.Config, theme.Layouts(fsys), bundle, render.Options{Now: testNow}, &diags)
		n := r.Render(w)
		cpu.stop()
		if n < len(st.res.Site.Docs) || diags.HasErrors() {
			b.Fatalf("render wrote %d files, %d diagnostics", n, len(diags.All()))
		}
	}
}

// BenchmarkParse10k measures the markdown stage alone (front matter, body,
// links, headings, words) on every core: the part of a build that
// BenchmarkFloor10k is the floor of.
func BenchmarkParse10k(b *testing.B) {
	fsys := synth.Generate(10_000)
	var diags diag.List
	cfg := config.Load(fsys, &diags)
	content := load.Load(fsys, cfg.ContentDir, &diags)
	p := markdown.New(markdown.Options{RawHTML: cfg.RawHTML, KindOf: cfg.KindOf})
	b.ReportAllocs()
	var cpu cpuMeter
	for b.Loop() {
		docs := make([]*handbook.Document, len(content.Docs))
		for i, d := range content.Docs {
			c := *d // as loaded, not yet parsed
			docs[i] = &c
		}
		diags = diag.List{}
		cpu.start()
		parseAll(p, docs, &diags, nil, nil, nil)
		cpu.stop()
	}
	cpu.report(b)
	if diags.HasErrors() {
		b.Fatal(diags.All()[0])
	}
}

// BenchmarkCheckBroken5k is `handbook check` on a handbook as a first run
// finds one: 5,000 documents, 2,000 links to site paths that do not exist
// (each reported with its "did you mean") and 800 mermaid diagrams, a
// language chroma does not know. go test -run XXX -bench CheckBroken
// -benchtime 3x ./generator/internal/build
func BenchmarkCheckBroken5k(b *testing.B) {
	fsys := synth.GenerateWith(5_000, synth.Options{BrokenLinks: 2_000, Mermaid: 800})
	b.ReportAllocs()
	for b.Loop() {
		res := Run(fsys, nil, Options{Now: testNow})
		if res.Errors != 2_000 {
			b.Fatalf("%d errors, want the 2,000 broken links", res.Errors)
		}
	}
}

// loaded returns d as the load stage made it, before linking: its place
// from load and, shared, its parse.
func loaded(d *handbook.Document) *handbook.Document {
	return &handbook.Document{Path: d.Path, SourcePath: d.SourcePath, Source: d.Source, Outline: d.Outline, Body: d.Body,
		Section: d.Section, IsSection: d.IsSection, IsBundle: d.IsBundle, URL: d.URL}
}
