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

func TestSearchText(t *testing.T) {
	for _, c := range []struct {
		segs []string
		want string
	}{
		{nil, ""},
		{[]string{"one  two\tthree\n", "four"}, "one two three four"},
		{[]string{"re", "|discover", "|ed", "again"}, "rediscovered again"},
		{[]string{"Éclair", "#h1", "Heading", "body text"}, "Éclair\x1eh1\x1fHeading body text"},
		{[]string{"bad\xffbyte"}, "bad byte"},
	} {
		var w wordIndex
		w.reset(0)
		end := 0
		for _, seg := range c.segs {
			switch {
			case strings.HasPrefix(seg, "#"):
				w.section(seg[1:])
			case strings.HasPrefix(seg, "|"): // follows the last segment in the source
				w.addAt([]byte(seg[1:]), end)
				end += len(seg) - 1
			default:
				end += 10
				w.addAt([]byte(seg), end)
				end += len(seg)
			}
		}
		if got := w.words(); got != c.want {
			t.Errorf("search text of %q = %q, want %q", c.segs, got, c.want)
		}
	}
}

func TestDropPlaceholders(t *testing.T) {
	for in, want := range map[string]string{
		"a hbsc1X b":          "a  b",
		"hbsc2XXX":            "",
		"the hbscus word":     "the  word",
		"nothbsc stays":       "nothbsc stays",
		"x\x1eid\x1fhbsc3X y": "x\x1eid\x1f y",
	} {
		if got := dropPlaceholders(in); got != want {
			t.Errorf("dropPlaceholders(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzWordIndex: the word index reads any text, in any segments, as the
// rule says, one rune at a time: a run of ASCII white space is one space,
// a control character or an invalid byte a space, and each run of
// non-space in a segment counts as a word.
func FuzzWordIndex(f *testing.F) {
	f.Add("Partner example data, team, dashboard design payment library booking owner.", "re|discover", 3)
	f.Add("two  spaces\tand\x00control\x7f and  ünïcode\u00a0space\xff", " lead", 0)
	f.Add("        eight spaces then words ", "x", 9)
	f.Fuzz(func(t *testing.T, a, b string, gap int) {
		var w wordIndex
		w.reset(0)
		w.section("h")
		w.addAt([]byte(a), 10)
		w.addAt([]byte(b), 10+len(a)+gap%3)
		var want []byte
		count := 0
		add := func(seg string, joined bool) {
			if seg == "" {
				return
			}
			if n := len(want); n > 0 && !joined && want[n-1] != ' ' && want[n-1] != IDMark {
				want = append(want, ' ')
			}
			in := false
			for i := 0; i < len(seg); {
				r, size := utf8.DecodeRuneInString(seg[i:])
				i += size
				switch {
				case unicode.IsSpace(r) && r < utf8.RuneSelf:
					in = false
					if n := len(want); n > 0 && want[n-1] != ' ' && want[n-1] != IDMark {
						want = append(want, ' ')
					}
					continue
				case unicode.IsSpace(r): // kept as written
					in = false
					want = append(want, string(r)...)
					continue
				case r == utf8.RuneError && size == 1, r < ' ', r == 0x7f:
					want = append(want, ' ')
				default:
					want = append(want, string(r)...)
				}
				if !in {
					in = true
					count++
				}
			}
		}
		want = append(want, SectionMark, 'h', IDMark)
		add(a, false)
		add(b, gap%3 == 0 && a != "")
		if string(w.out) != string(want) || w.count != count {
			t.Fatalf("text %q, %d words; want %q, %d", w.out, w.count, want, count)
		}
	})
}
