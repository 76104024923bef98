package build

import (
	"bytes"
	"fmt"
	"slices"
	"testing"
	"time"

	"handbook/generator/internal/synth"
)

// BenchmarkRebuildBodyEdit10k measures serve's rebuild after a body edit
// of one document in a 10,000-document handbook: go test -bench Rebuild
// -benchtime 20x ./generator/internal/build. The median is reported as
// median-ms; the time from the file write to the reload event adds the
// watcher's batching (10 ms by default) to it.
func BenchmarkRebuildBodyEdit10k(b *testing.B) {
	benchRebuild(b, 10_000, func(src []byte, i int) []byte {
		return fmt.Appendf(bytes.Clone(src), "\nAn edit, number %d.\n", i)
	})
}

// BenchmarkRebuildTitleEdit10k measures a title edit, which changes the
// navigation of every page of its section.
func BenchmarkRebuildTitleEdit10k(b *testing.B) {
	benchRebuild(b, 10_000, func(src []byte, i int) []byte {
		return bytes.Replace(src, []byte("title: Document"), fmt.Appendf(nil, "title: Edited %d", i), 1)
	})
}

// BenchmarkRebuildTagEdit10k measures an edit of front matter other
// than the title (a tag added), which the tag's page, the pages related
// to the document and the indexes show. Its median-ms is the time until the edited page is
// written (Rebuild returns); the rest of the site follows (Update.Later),
// in total-ms.
func BenchmarkRebuildTagEdit10k(b *testing.B) {
	benchRebuild(b, 10_000, func(src []byte, i int) []byte {
		return bytes.Replace(src, []byte("tags: ["), fmt.Appendf(nil, "tags: [edited-%d, ", i%3), 1)
	})
}

func benchRebuild(b *testing.B, n int, edit func(src []byte, i int) []byte) {
	fsys := synth.Generate(n)
	sess := NewSession(fsys, Options{Now: testNow})
	start := time.Now()
	sess.Rebuild(nil)
	b.Logf("first build: %s", time.Since(start).Round(time.Millisecond))
	var times, totals []time.Duration
	i := 0
	for b.Loop() {
		p := synth.Doc((i * 7919) % n)
		old := fsys[p].Data
		fsys[p].Data = edit(old, i)
		t0 := time.Now()
		up := sess.Rebuild([]string{p})
		times = append(times, time.Since(t0))
		up.Complete()
		totals = append(totals, time.Since(t0))
		if up.Result.Errors > 0 {
			b.Fatal(up.Result.Diags.All()[0])
		}
		i++
	}
	b.ReportMetric(float64(median(times).Microseconds())/1000, "median-ms")
	b.ReportMetric(float64(median(totals).Microseconds())/1000, "total-ms")
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}
