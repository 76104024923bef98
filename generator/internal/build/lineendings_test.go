package build

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestPositionsInOddLineEndings: a broken link is reported at the line and
// column an editor shows, whether the file ends its lines with LF, CRLF or
// CR alone (old Mac files), and after a byte order mark.
func TestPositionsInOddLineEndings(t *testing.T) {
	lines := []string{"---", "title: A", "---", "", "Text and [x](missing.md) here."}
	for name, c := range map[string]struct{ sep, prefix string }{
		"lf": {"\n", ""}, "crlf": {"\r\n", ""}, "cr": {"\r", ""}, "bom": {"\n", "\ufeff"}, "bom-cr": {"\r", "\ufeff"},
	} {
		src := c.prefix + strings.Join(lines, c.sep) + c.sep
		s := buildFS(t, fstest.MapFS{"content/a.md": {Data: []byte(src)}})
		if d := s.diags(); !strings.Contains(d, "content/a.md:5:10: error:") {
			t.Errorf("%s: the broken link is not reported at 5:10:\n%s", name, d)
		}
	}
}
