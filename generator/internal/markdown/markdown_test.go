package markdown

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestCountWords(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
	}{
		{"", 0},
		{"  one  ", 1},
		{"one two\tthree\nfour", 4},
		{"non\u00a0breaking\u2003em space", 4},
		{"naïve café, déjà vu", 4},
		{"\xff\xfe bytes", 2},
	} {
		var w wordIndex
		w.add([]byte(c.in))
		if w.count != c.want {
			t.Errorf("count of %q = %d, want %d", c.in, w.count, c.want)
		}
	}
}

func TestDistinctWords(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"ab cd", ""},
		{"The cache, the CACHE and the Cache-aside pattern", "the cache and aside pattern"},
		{"Éclair éclair ÉCLAIR über-cool naïve", "éclair über cool naïve"},
		{"é́é ééé x1 x12 2026-11-23", "ééé x12 2026"},
		{"bad\xffbyte end", "bad byte end"},
	} {
		var w wordIndex
		w.add([]byte(c.in))
		if got := w.words(); got != c.want {
			t.Errorf("distinct words of %q = %q, want %q", c.in, got, c.want)
		}
	}
}

// FuzzWords compares the word index with the obvious versions: a map of
// words seen, and strings.FieldsFunc, over text cut into segments at each
// '|' (segments end words, as text nodes do). The seeds grow the set past
// its first size.
func FuzzWords(f *testing.F) {
	f.Add("The cache, the CACHE and the Cache-aside pattern")
	f.Add("Éclair éclair ÉCLAIR über-cool naïve \xff abc|def g|hi")
	f.Add(strings.Repeat("alpha beta gamma delta ", 50) + "epsilon")
	var many strings.Builder
	for i := range 700 {
		many.WriteString("w" + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + string(rune('a'+i/26%26)) + " ")
	}
	f.Add(many.String())
	f.Fuzz(func(t *testing.T, text string) {
		var w wordIndex
		var seen []string
		count := 0
		set := map[string]bool{}
		for _, seg := range strings.Split(text, "|") {
			w.add([]byte(seg))
			count += len(strings.FieldsFunc(seg, unicode.IsSpace))
			for _, word := range strings.FieldsFunc(seg, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
				word = strings.Map(func(r rune) rune {
					if r == utf8.RuneError {
						return -1
					}
					return unicode.ToLower(r)
				}, word)
				if utf8.RuneCountInString(word) >= 3 && !set[word] {
					set[word] = true
					seen = append(seen, word)
				}
			}
		}
		if got, want := w.words(), strings.Join(seen, " "); got != want {
			t.Errorf("distinct words of %q:\n got %q\nwant %q", text, got, want)
		}
		if w.count != count {
			t.Errorf("count of %q = %d, want %d", text, w.count, count)
		}
		// An index is reused from document to document.
		first := w.words()
		w.reset(len(text))
		for _, seg := range strings.Split(text, "|") {
			w.add([]byte(seg))
		}
		if w.words() != first || w.count != count {
			t.Errorf("reused index of %q: %q, count %d", text, w.words(), w.count)
		}
	})
}
