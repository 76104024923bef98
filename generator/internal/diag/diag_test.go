package diag

import (
	"bytes"
	"fmt"
	"math/rand"
	"testing"
	"unicode/utf8"
)

// slowPosition is the definition of a position: count from the start. A
// line ends at a line feed or at a carriage return that no line feed
// follows; a byte order mark is no column.
func slowPosition(src []byte, offset int) (line, col int) {
	offset = max(min(offset, len(src)), 0)
	line, start := 1, 0
	for i := 0; i < offset; i++ {
		if src[i] == '\n' || src[i] == '\r' && (i+1 == len(src) || src[i+1] != '\n') {
			line++
			start = i + 1
		}
	}
	col = utf8.RuneCount(src[start:offset]) + 1
	if start == 0 && offset >= 3 && bytes.HasPrefix(src, []byte("\ufeff")) {
		col--
	}
	return line, col
}

var positionSources = []string{
	"",
	"\n",
	"one line, no newline",
	"---\ntitle: Été\n---\n\nBody with ünïcödé and a tab\there.\r\nCRLF line\r\n\n\nlast",
	"\n\n\nx\n",
	"---\rtitle: old Mac\r---\r\rBody\r\rlast\r",
	"\ufeff---\ntitle: BOM\n---\nü\r\n\rx",
}

func TestPositionsAgreeWithCountingFromTheStart(t *testing.T) {
	for _, s := range positionSources {
		src := []byte(s)
		ix := NewLines(src)
		for off := -2; off <= len(src)+2; off++ {
			wl, wc := slowPosition(src, off)
			if l, c := Position(src, off); l != wl || c != wc {
				t.Errorf("Position(%q, %d) = %d:%d, want %d:%d", s, off, l, c, wl, wc)
			}
			if l, c := ix.Position(off); l != wl || c != wc {
				t.Errorf("Lines(%q).Position(%d) = %d:%d, want %d:%d", s, off, l, c, wl, wc)
			}
			inBOM := off < 3 && bytes.HasPrefix(src, []byte("\ufeff"))
			if off >= 0 && off <= len(src) && (off == len(src) || utf8.RuneStart(src[off])) && !inBOM {
				if back := Offset(src, wl, wc); back != off {
					t.Errorf("Offset(%q, %d, %d) = %d, want %d", s, wl, wc, back, off)
				}
				if back := ix.Offset(wl, wc); back != off {
					t.Errorf("Lines(%q).Offset(%d, %d) = %d, want %d", s, wl, wc, back, off)
				}
			}
		}
	}
}

func TestListResolvesEveryDiagnosticOfAFile(t *testing.T) {
	src := []byte("---\ntitle: Été\n---\nü one ü two ü\nthree\r\nfour")
	var l List
	l.AddSource("a.md", src)
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 200; i++ {
		off := rng.Intn(len(src) + 3)
		for off < len(src) && !utf8.RuneStart(src[off]) {
			off++
		}
		l.Errorf("a.md", off, "hint", "at %d", off)
	}
	l.Errorf("a.md", -1, "hint", "nowhere")
	l.Add(Diagnostic{Path: "a.md", Offset: 3, Line: 9, Col: 9, Message: "given"})
	l.Errorf("unknown.md", 5, "hint", "no source")
	for _, d := range l.All() {
		var off int
		switch {
		case d.Message == "nowhere" || d.Path == "unknown.md":
			if d.Line != 0 {
				t.Errorf("%s: resolved to %d:%d without a position", d.Message, d.Line, d.Col)
			}
			continue
		case d.Message == "given":
			if d.Line != 9 || d.Col != 9 {
				t.Errorf("a given position was replaced: %d:%d", d.Line, d.Col)
			}
			continue
		}
		fmt.Sscanf(d.Message, "at %d", &off)
		if wl, wc := slowPosition(src, off); d.Line != wl || d.Col != wc {
			t.Errorf("offset %d: %d:%d, want %d:%d", off, d.Line, d.Col, wl, wc)
		}
	}
}

func TestLineText(t *testing.T) {
	ix := NewLines([]byte("first\r\nsecond\n\nlast"))
	for n, want := range map[int]string{0: "", 1: "first", 2: "second", 3: "", 4: "last", 5: ""} {
		if got := string(ix.Line(n)); got != want {
			t.Errorf("Line(%d) = %q, want %q", n, got, want)
		}
	}
	if ix.Line(5) != nil || ix.Line(0) != nil {
		t.Error("a line outside the file is not nil")
	}
	if ix.Count() != 4 {
		t.Errorf("Count() = %d, want 4", ix.Count())
	}
}

func TestLineIndexFollowsNewBytes(t *testing.T) {
	var l List
	l.AddSource("a.md", []byte("a\nb\nc\n"))
	if got := string(l.Lines("a.md").Line(3)); got != "c" {
		t.Fatalf("line 3 = %q", got)
	}
	l.AddSource("a.md", []byte("x\ny\n"))
	if got := l.Lines("a.md").Line(3); len(got) != 0 {
		t.Errorf("the index of the old bytes was kept: line 3 = %q", got)
	}
}

// bigSource is n bytes of Markdown-like lines with some multi-byte text.
func bigSource(n int) []byte {
	var b bytes.Buffer
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, "Line %d of the document, with a word or two — and ünïcödé.\n", i)
	}
	return b.Bytes()[:n]
}

// BenchmarkPositions resolves 10,000 diagnostics spread over files of 2
// and 20 MB, of short lines and of one single line: the time grows with
// the file's size, not with size times diagnostics.
//
//	go test -run XXX -bench Positions ./generator/internal/diag
func BenchmarkPositions(b *testing.B) {
	for _, mb := range []int{2, 20} {
		for _, oneLine := range []bool{false, true} {
			src := bigSource(mb << 20)
			name := fmt.Sprintf("%dMB/lines", mb)
			if oneLine {
				src = bytes.ReplaceAll(src, nl, []byte{' '})
				name = fmt.Sprintf("%dMB/one-line", mb)
			}
			b.Run(name, func(b *testing.B) {
				const n = 10_000
				b.SetBytes(int64(len(src)))
				for b.Loop() {
					l := &List{}
					l.AddSource("big.md", src)
					for i := range n {
						l.Errorf("big.md", (n-1-i)*(len(src)/n), "hint", "problem")
					}
					if ds := l.All(); ds[len(ds)-1].Line == 0 {
						b.Fatal("not resolved")
					}
				}
			})
		}
	}
}

// TestListReadsEachFileOnce: positions in files the list reads through
// Sources (a build's, whose documents' bytes are gone) are found reading
// each file once, and kept; the bytes are not, so that a run with warnings
// in every file of a large handbook does not end holding them all.
func TestListReadsEachFileOnce(t *testing.T) {
	files := map[string]string{"a.md": "one\ntwo\nthree\n", "b.md": "x\ny\n"}
	reads := map[string]int{}
	l := List{Sources: func(p string) []byte { reads[p]++; return []byte(files[p]) }}
	l.Errorf("a.md", 4, "", "two")
	l.Errorf("a.md", 8, "", "three")
	l.Errorf("b.md", 2, "", "y")
	for range 3 {
		for _, d := range l.All() {
			if want := map[string]int{"two": 2, "three": 3, "y": 2}[d.Message]; d.Line != want || d.Col != 1 {
				t.Errorf("%s at %d:%d, want %d:1", d.Message, d.Line, d.Col, want)
			}
		}
	}
	if reads["a.md"] != 1 || reads["b.md"] != 1 {
		t.Errorf("files read %v times, want once each", reads)
	}
	if len(l.lines) != 0 {
		t.Errorf("the list keeps the line index (and bytes) of %d files", len(l.lines))
	}
}
