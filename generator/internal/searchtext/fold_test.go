package searchtext

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// cases reads a table of testdata: lines of two tab-separated fields,
// comments and blank lines left out.
func cases(t *testing.T, name string) [][2]string {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	var out [][2]string
	for i, line := range strings.Split(string(b), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		in, want, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("testdata/%s:%d: no tab", name, i+1)
		}
		out = append(out, [2]string{in, want})
	}
	return out
}

func TestFold(t *testing.T) {
	for _, c := range cases(t, "fold.txt") {
		if got := Fold(c[0]); got != c[1] {
			t.Errorf("Fold(%q) = %q, want %q", c[0], got, c[1])
		}
		if got := string(AppendFold([]byte("x"), c[0])); got != "x"+c[1] {
			t.Errorf("AppendFold(x, %q) = %q, want %q", c[0], got, "x"+c[1])
		}
	}
}

func TestTokens(t *testing.T) {
	for _, c := range cases(t, "terms.txt") {
		var got []string
		Tokens(Fold(c[0]), 3, 0, func(tok Token) {
			if tok.CJK {
				got = append(got, fmt.Sprintf("%s@%d", tok.Term, tok.Pos))
			} else {
				got = append(got, tok.Term)
			}
		})
		if g := strings.Join(got, " "); g != c[1] {
			t.Errorf("terms of %q = %q, want %q", c[0], g, c[1])
		}
	}
}

func TestSquash(t *testing.T) {
	for in, want := range map[string]string{"Design doc": "designdoc", "Platform-Team": "platformteam", "Équipe données": "equipedonnees"} {
		if got := Squash(in); got != want {
			t.Errorf("Squash(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestAppendFoldASCII holds the folding of ASCII text, eight bytes at a
// time, to strings.ToLower: every ASCII character, at every offset.
func TestAppendFoldASCII(t *testing.T) {
	var all strings.Builder
	for c := range 128 {
		all.WriteByte(byte(c))
	}
	s := all.String() + "The Quick BROWN fox, Zebra@[`{AZaz"
	for i := range len(s) {
		for _, part := range []string{s[i:], s[:i]} {
			if got, want := string(AppendFold([]byte("x"), part)), "x"+strings.ToLower(part); got != want {
				t.Errorf("AppendFold(x, %q) = %q, want %q", part, got, want)
			}
		}
	}
}
