package markdown

import "testing"

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
		if got := countWords([]byte(c.in)); got != c.want {
			t.Errorf("countWords(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}
