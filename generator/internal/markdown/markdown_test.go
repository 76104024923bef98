package markdown

import (
	"strings"
	"testing"
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
