package build

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/fstest"

	"handbook/generator/internal/publish"
	"handbook/generator/internal/synth"
)

// TestSearchIndexAfterEditsEqualsFreshBuild edits the bodies of a few
// documents of a handbook whose index has several shards of each kind,
// step after step (words that no other document has, words that others
// have, Japanese text, words taken away again), and checks after each
// step that the search index serve has, the files it rewrote and those it
// kept, is byte for byte a fresh build's.
func TestSearchIndexAfterEditsEqualsFreshBuild(t *testing.T) {
	const n = 500
	fsys := synth.Generate(n)
	orig := map[string][]byte{}
	for i := range n {
		orig[synth.Doc(i)] = fsys[synth.Doc(i)].Data
	}
	r := rand.New(rand.NewPCG(5, 8))
	sess := NewSession(fsys, Options{Now: testNow})
	sess.Rebuild(nil)
	words := []string{"booking", "payment", "retry", "schema", "ledger", "quorum", "検索エンジン", "設計と障害", "データ", "zebra", "quokka"}
	partial := 0
	for step := range 25 {
		var touched []string
		for range 1 + r.IntN(3) {
			p := synth.Doc(r.IntN(n))
			var extra strings.Builder
			switch r.IntN(4) {
			case 0: // back as it was
			case 1: // words of its own
				fmt.Fprintf(&extra, "\nUnheard%d words%dx of step %d.\n", r.IntN(1000), step, step)
			default:
				extra.WriteString("\n")
				for range 1 + r.IntN(12) {
					extra.WriteString(words[r.IntN(len(words))] + " ")
				}
				extra.WriteString("\n")
			}
			fsys[p] = &fstest.MapFile{Data: append(append([]byte{}, orig[p]...), extra.String()...)}
			touched = append(touched, p)
		}
		up := sess.Rebuild(touched)
		if !up.Whole() {
			partial++
		}
		want := publish.NewMemory()
		if res := Run(fsys, want, Options{Now: testNow}); res.Errors > 0 {
			t.Fatalf("step %d: %d errors", step, res.Errors)
		}
		got, wantFiles := map[string][]byte{}, map[string][]byte{}
		for p, b := range up.Complete() {
			if strings.HasPrefix(p, "search/") {
				got[p] = b
			}
		}
		for p, b := range want.Files() {
			if strings.HasPrefix(p, "search/") {
				wantFiles[p] = b
			}
		}
		if d := compareOutputs(got, wantFiles); d != "" {
			t.Fatalf("step %d: %s", step, d)
		}
	}
	if partial == 0 {
		t.Error("no rebuild took the body-edit path")
	}
}
