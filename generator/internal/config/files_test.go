package config

import (
	"strings"
	"testing"

	"handbook/generator/internal/diag"
)

func TestAbsBase(t *testing.T) {
	for base, want := range map[string]string{
		"https://intranet.example.com/eng/": "https://intranet.example.com/eng",
		"http://handbook.example.com":       "http://handbook.example.com",
		"/":                                 "",
		"/eng/":                             "",
		"":                                  "",
		"//handbook.example.com/":           "",
		"ftp://handbook.example.com/":       "",
	} {
		s := Default()
		s.SetBaseURL(base)
		if got := s.AbsBase(); got != want {
			t.Errorf("AbsBase of %q = %q, want %q", base, got, want)
		}
		if (s.NoHostNote() == "") != (want != "") {
			t.Errorf("%q: note %q", base, s.NoHostNote())
		}
	}
}

func TestLogoAndFaviconPaths(t *testing.T) {
	for _, c := range []struct{ yaml, want string }{
		{"logo: /etc/logo.png\n", `site.yaml:1:7: error: logo "/etc/logo.png" is not a file inside the handbook`},
		{"favicon: a/../../x.ico\n", `site.yaml:1:10: error: favicon "a/../../x.ico" is not a file inside the handbook`},
		{"logo: static/\n", `site.yaml:1:7: error: logo "static/" is not a file inside the handbook`},
	} {
		var diags diag.List
		s := Parse([]byte(c.yaml), &diags)
		var got string
		if all := diags.All(); len(all) == 1 {
			got = all[0].String()
		}
		if !strings.HasPrefix(got, c.want+"\n\thint: ") {
			t.Errorf("%q: %q, want %q", c.yaml, got, c.want)
		}
		if s.Logo != "" || s.Favicon != "" {
			t.Errorf("%q: the path is kept", c.yaml)
		}
	}
}
