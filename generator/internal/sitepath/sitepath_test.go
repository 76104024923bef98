package sitepath

import (
	"errors"
	"testing"
)

func TestCheckLongNames(t *testing.T) {
	long := make([]byte, MaxName+1)
	for i := range long {
		long[i] = 'a'
	}
	if err := Check("tags/" + string(long) + "/index.html"); !errors.Is(err, ErrLongName) {
		t.Errorf("a %d-byte name passes Check: %v", len(long), err)
	}
	if err := Check("tags/" + string(long[:MaxName]) + "/index.html"); err != nil {
		t.Errorf("a %d-byte name fails Check: %v", MaxName, err)
	}
}

func TestSafeURL(t *testing.T) {
	for _, c := range []struct {
		dest   string
		image  bool
		scheme string // refused scheme; "" when allowed
	}{
		{"https://example.com/x", false, ""},
		{"HTTP://example.com/", false, ""},
		{"mailto:a@example.com", false, ""},
		{"tel:+15551234", false, ""},
		{"../strategies/databases.md#why", false, ""},
		{"/site/path/", false, ""},
		{"//cdn.example.com/x.png", true, ""},
		{"#heading", false, ""},
		{"a b:c", false, ""},          // a space: no scheme, a relative path
		{"%6Aavascript:x", false, ""}, // percent-encoding is not decoded
		{"javascript:alert(1)", false, "javascript"},
		{"JavaScript:alert(1)", false, "javascript"},
		{"  \x01\x1fjavascript:alert(1)", false, "javascript"},
		{"java\tscript:alert(1)", false, "javascript"},
		{"java\nscr\ript:alert(1)", false, "javascript"},
		{"&#106;avascript:alert(1)", false, "javascript"},
		{"jav&#x09;ascript:alert(1)", false, "javascript"},
		{"javascript&colon;alert(1)", false, "javascript"},
		{"jav&Tab;ascript:alert(1)", false, "javascript"},
		{`javascript\:alert(1)`, false, "javascript"},
		{"vbscript:msgbox", false, "vbscript"},
		{"file:///etc/passwd", false, "file"},
		{"ftp://example.com/", false, "ftp"},
		{"ADR-7: Use Postgres", false, "adr-7"},
		{"data:text/html,<script>alert(1)</script>", false, "data"},
		{"data:image/png;base64,iVBORw0KGgo=", false, "data"}, // a link, not an image
		{"data:image/png;base64,iVBORw0KGgo=", true, ""},
		{"DATA:Image/JPEG;base64,/9j/", true, ""},
		{"data:image/gif,GIF89a", true, ""},
		{"data:image/webp;base64,UklGR", true, ""},
		{"data:image/svg+xml,<svg onload=alert(1)>", true, "data"},
		{"data:image/pngx;base64,AAAA", true, "data"},
		{"data:text/html;image/png,x", true, "data"},
	} {
		scheme, ok := SafeURL(c.dest, c.image)
		if ok != (c.scheme == "") || !ok && scheme != c.scheme {
			t.Errorf("SafeURL(%q, image %v) = %q, %v; want refused scheme %q", c.dest, c.image, scheme, ok, c.scheme)
		}
	}
}
