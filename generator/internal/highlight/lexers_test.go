package highlight

import (
	"bytes"
	"sync"
	"testing"
)

// A Highlighter writes what Write writes, for a language of its own
// scanners, one of chroma's, one nobody knows and none, from many
// goroutines at once, asking again for names it has seen.
func TestHighlighterWritesWhatWriteDoes(t *testing.T) {
	blocks := []struct{ lang, code string }{
		{"go", "func f() int { return 1 }\n"},
		{"haskell", "main = putStrLn \"hi\"\n"},
		{"mermaid", "graph TD\n  A --> B<script>\n"},
		{"", "plain <text>\n"},
		{"Haskell", "x = 1\n"},
	}
	var h Highlighter
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 3 {
				for _, b := range blocks {
					var want, got bytes.Buffer
					Write(&want, b.lang, []byte(b.code))
					h.Write(&got, b.lang, []byte(b.code))
					if got.String() != want.String() {
						t.Errorf("%s: Highlighter wrote\n%s\nWrite wrote\n%s", b.lang, got.String(), want.String())
					}
				}
			}
		}()
	}
	wg.Wait()
	var plain bytes.Buffer
	h.Write(&plain, "mermaid", []byte("A --> B<script>\n"))
	if want := "<pre><code class=\"language-mermaid\">A --&gt; B&lt;script&gt;\n</code></pre>\n"; plain.String() != want {
		t.Errorf("mermaid: %q, want %q", plain.String(), want)
	}
}
