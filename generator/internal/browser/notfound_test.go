package browser

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handbook/generator/internal/build"
	"handbook/generator/internal/publish"
)

// TestNotFoundSuggestsPages follows addresses that lead nowhere, as an old
// link to a renamed page does, on a web server that answers them with the
// site's 404.html, the handbook published under /handbook/: the page
// suggests the pages the address's words (typos and all) may have meant,
// and none when nothing matches.
func TestNotFoundSuggestsPages(t *testing.T) {
	browser(t)
	out := filepath.Join(t.TempDir(), "public")
	w, err := publish.NewDir(out, publish.Guard{})
	if err != nil {
		t.Fatal(err)
	}
	if res := build.Run(os.DirFS(repoRoot), w, build.Options{BaseURL: "/handbook/"}); res.Errors > 0 {
		t.Fatalf("build: %v", res.Diags.All())
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	notFound, err := os.ReadFile(filepath.Join(out, "404.html"))
	if err != nil {
		t.Fatal(err)
	}
	files := http.StripPrefix("/handbook", http.FileServer(http.Dir(out)))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rel, ok := strings.CutPrefix(r.URL.Path, "/handbook/")
		if st, err := os.Stat(filepath.Join(out, filepath.FromSlash(rel))); ok && err == nil && (!st.IsDir() || exists(filepath.Join(out, rel, "index.html"))) {
			files.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		_, _ = w.Write(notFound)
	}))
	t.Cleanup(srv.Close)

	for _, c := range []struct{ path, want string }{
		{"/handbook/strategies/databse/", "/handbook/strategies/databases/"},                      // a typo
		{"/handbook/decisions/kafka-backbone/", "/handbook/decisions/0004-kafka-event-backbone/"}, // renamed
		{"/handbook/onboarding/first-week.html", "/handbook/onboarding/engineer-first-week/"},     // another generator's address
		{"/handbook/zzqx/", ""}, // nothing like it
	} {
		t.Run(c.path, func(t *testing.T) {
			tb := attach(t, srv)
			tb.open(c.path)
			if c.want == "" {
				// The index loads, finds nothing, and the list stays hidden.
				tb.waitFor(`!!window.HANDBOOK_SEARCH`)
				if eval[bool](tb, `!document.querySelector("[data-suggest]").hidden`) {
					t.Errorf("suggestions shown for an address like no page: %v", eval[[]string](tb, `Array.from(document.querySelectorAll("[data-suggest] a"), a => a.textContent)`))
				}
			} else {
				tb.waitFor(`!document.querySelector("[data-suggest]").hidden`)
				got := eval[[]string](tb, `Array.from(document.querySelectorAll("[data-suggest] a"), a => new URL(a.href).pathname)`)
				if len(got) == 0 || got[0] != c.want {
					t.Errorf("suggestions %v, want %s first", got, c.want)
				}
				if len(got) > 5 {
					t.Errorf("%d suggestions, want at most 5", len(got))
				}
			}
			tb.rec.mu.Lock()
			defer tb.rec.mu.Unlock()
			for _, p := range tb.rec.problems {
				if p != "HTTP 404 for "+srv.URL+c.path {
					t.Errorf("page problem: %s", p)
				}
			}
			if o := outside(tb.rec.requests, srv); len(o) > 0 {
				t.Errorf("requests left the test server: %v", o)
			}
		})
	}
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
