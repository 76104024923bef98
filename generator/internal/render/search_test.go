package render

import "testing"

func TestDistinctWords(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"ab cd", ""},
		{"The cache, the CACHE and the Cache-aside pattern", "the cache and aside pattern"},
		{"Éclair éclair ÉCLAIR über-cool naïve", "éclair über cool naïve"},
		{"é́é ééé x1 x12 2026-11-23", "ééé x12 2026"},
		{"bad\xffbyte end", "bad byte end"},
	} {
		if got := distinctWords(c.in); got != c.want {
			t.Errorf("distinctWords(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
