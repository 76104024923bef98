package serve

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"handbook/generator/internal/publish"
)

// FuzzServe sends serve's handler requests with any path and Host: it
// never panics, refuses every host it should not answer, redirects only
// within the site, and answers only with the site's own files.
//
//	go test -run XXX -fuzz FuzzServe -fuzztime 60s ./generator/internal/serve
func FuzzServe(f *testing.F) {
	for _, s := range [][2]string{
		{"/", "127.0.0.1:1313"}, {"/a", "localhost"}, {"/a/b.css", "[::1]:1313"}, {"/../../etc/passwd", "127.0.0.1"},
		{"//evil.example/", "localhost:1313"}, {"/a/..%2f..%2f", "LOCALHOST"}, {"/__handbook/client.js", "evil.example"},
		{"/%5cevil.example", "127.0.0.1:1313"}, {"/a%00/", "127.0.0.1:99"}, {"/\\\\evil/", ""},
	} {
		f.Add(s[0], s[1])
	}
	files := map[string][]byte{
		"index.html":   []byte("<html><body>home</body></html>"),
		"a/index.html": []byte("<html><body>a</body></html>"),
		"a/b.css":      []byte("body{}"),
		"404.html":     []byte("<html><body>missing</body></html>"),
	}
	gz := map[string][]byte{}
	for p, b := range files {
		gz[p] = publish.Gzip(b)
	}
	s := New()
	s.Update(gz, nil, false)
	h := guardHosts(s, "127.0.0.1", 1313, nil, io.Discard)
	f.Fuzz(func(t *testing.T, p, host string) {
		u, err := url.ParseRequestURI(p)
		if err != nil || strings.HasPrefix(u.Path, prefix+"events") {
			return // the event stream never ends; its host check is tested apart
		}
		r := &http.Request{Method: http.MethodGet, URL: u, Host: host, Header: http.Header{}, RequestURI: p}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if !h.allows(host) {
			if w.Code != http.StatusForbidden {
				t.Fatalf("host %q answered %d", host, w.Code)
			}
			return
		}
		switch w.Code {
		case http.StatusOK, http.StatusNotFound:
			body := w.Body.Bytes()
			if strings.HasPrefix(u.Path, prefix) {
				return
			}
			for _, f := range files {
				if bytes.Equal(body, f) || bytes.HasPrefix(body, f[:bytes.Index(f, []byte("</body>"))+1]) {
					return
				}
			}
			t.Fatalf("%q answered %d with bytes that are no file of the site: %q", p, w.Code, body)
		case http.StatusMovedPermanently:
			loc := w.Header().Get("Location")
			if !strings.HasPrefix(loc, "/") || strings.HasPrefix(loc, "//") || strings.HasPrefix(loc, "/\\") {
				t.Fatalf("%q redirects off the site, to %q", p, loc)
			}
		case http.StatusNotModified:
		default:
			t.Fatalf("%q answered %d", p, w.Code)
		}
	})
}
