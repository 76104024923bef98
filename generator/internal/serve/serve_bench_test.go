package serve

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"handbook/generator/internal/synth"
)

// BenchmarkEditToReload10k measures, on a 10,000-document handbook on
// disk, the time from writing a body edit of one page to the reload event
// for it: go test -bench EditToReload -benchtime 20x ./generator/internal/serve
// Each edit is written as soon as the last one's page reloads, as an
// author saving again and again does: the rest of the last rebuild may
// still be running.
func BenchmarkEditToReload10k(b *testing.B) {
	benchEditToReload(b, func(src []byte, i int) []byte { return fmt.Appendf(src, "\nEdit %d.\n", i) })
}

// BenchmarkTagEditToReload10k is BenchmarkEditToReload10k with a tag
// added to a document each time, which makes the whole site anew after
// the edited page.
func BenchmarkTagEditToReload10k(b *testing.B) {
	benchEditToReload(b, func(src []byte, i int) []byte {
		return bytes.Replace(src, []byte("tags: ["), fmt.Appendf(nil, "tags: [edited-%d, ", i%3), 1)
	})
}

func benchEditToReload(b *testing.B, edit func(src []byte, i int) []byte) {
	const n = 10_000
	root := b.TempDir()
	for p, f := range synth.Generate(n) {
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(full, f.Data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan string, 1)
	srvc := make(chan *Server, 1)
	go func() {
		_ = run(ctx, Options{Source: root, Port: 0, Ready: func(u string) { ready <- u }}, func(s *Server) { srvc <- s })
	}()
	srv := <-srvc
	<-ready
	events, stop := srv.Subscribe()
	defer stop()
	var times []time.Duration
	i := 0
	for b.Loop() {
		doc := synth.Doc((i * 7919) % n)
		full := filepath.Join(root, filepath.FromSlash(doc))
		src, _ := os.ReadFile(full)
		src = edit(src, i)
		want := "/" + doc[len("content/"):len(doc)-len(".md")] + "/"
		t0 := time.Now()
		if err := os.WriteFile(full, src, 0o644); err != nil {
			b.Fatal(err)
		}
	wait:
		for {
			select {
			case ev := <-events:
				for _, c := range ev.Changed {
					if c == want {
						break wait
					}
				}
			case <-time.After(30 * time.Second):
				b.Fatal("no reload event")
			}
		}
		times = append(times, time.Since(t0))
		i++
	}
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "median-ms")
	b.ReportMetric(float64(times[len(times)*9/10].Microseconds())/1000, "p90-ms")
}
