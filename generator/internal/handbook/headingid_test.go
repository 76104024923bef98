package handbook

import (
	"strings"
	"testing"
	"unicode"
)

// FuzzHeadingID holds HeadingID to GitHub's rule as first written: the
// text lower-cased, letters, digits, marks, '-' and '_' kept, spaces made
// '-', the rest dropped, "section" for nothing.
func FuzzHeadingID(f *testing.F) {
	for _, s := range []string{"Why now?", "ÄÖÜ straße", "İstanbul", "a\xffb", "", "!!!", "Ǆemal", "x_y-z 1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		var b strings.Builder
		for _, r := range strings.ToLower(text) {
			switch {
			case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '-' || r == '_':
				b.WriteRune(r)
			case r == ' ':
				b.WriteByte('-')
			}
		}
		want := b.String()
		if want == "" {
			want = "section"
		}
		if got := HeadingID(text); got != want {
			t.Errorf("HeadingID(%q) = %q, want %q", text, got, want)
		}
	})
}
