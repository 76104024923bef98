// Package serve serves a site from memory, with live reload.
//
// Input: successive builds (files by site path, each gzip-compressed as
// publish.Gzip does, and diagnostics). Output: HTTP responses for the
// current good site, sent compressed to a client that accepts gzip and
// inflated otherwise: the right content types, the
// site's 404 page, no directory listings, no path outside the site, ETags;
// a server-sent-events stream that tells open pages to reload (or to swap
// their stylesheet) when a build changed them; and, while the last build
// failed, an overlay in every page with the diagnostics. The reload client
// is injected into HTML responses here, never into built files.
package serve

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"path"
	"sort"
	"strings"
	"sync"

	"handbook/generator/internal/diag"
	"handbook/generator/internal/publish"
)

//go:embed client.js
var clientJS []byte

const prefix = "/__handbook/"

// Problem is a diagnostic as the overlay shows it.
type Problem struct {
	diag.Item
	Source string `json:"source,omitempty"` // the offending line
}

// Event tells open pages what a build changed.
type Event struct {
	Version int       `json:"version"`
	Changed []string  `json:"changed,omitempty"` // site paths of changed pages ("/a/b/")
	All     bool      `json:"all,omitempty"`     // reload every page
	CSS     string    `json:"css,omitempty"`     // only the stylesheet changed: its new path
	Errors  []Problem `json:"errors,omitempty"`  // the build failed; the site is the last good one
	// AsBuilt says that the site with Errors is the one that failed, as
	// it was built: no build has succeeded yet, so there is no good one
	// to keep.
	AsBuilt bool `json:"asBuilt,omitempty"`
}

// Server holds the current site.
type Server struct {
	mu      sync.RWMutex
	files   map[string][]byte
	etags   map[string]string
	last    Event
	subs    map[chan Event]struct{}
	version int
	// base is the path the site is published under (config's BasePath),
	// which serve leaves out: "/" when there is none.
	base string
}

// SetBase sets the path the site is published under (such as "/eng/"):
// a request for a page under it that is not in the site is redirected to
// the page's address in serve, which serves the site at its root.
func (s *Server) SetBase(p string) {
	s.mu.Lock()
	s.base = p
	s.mu.Unlock()
}

// underBase returns the address in serve of a request for clean, a
// cleaned path under the base path, when the site has a page or file
// there; s.mu is held for reading.
func (s *Server) underBase(clean string, slash bool) (string, bool) {
	base := strings.TrimSuffix(s.base, "/")
	if base == "" || clean != base && !strings.HasPrefix(clean, base+"/") {
		return "", false
	}
	rest := strings.TrimPrefix(clean, base)
	key := strings.TrimPrefix(rest, "/")
	if slash && key != "" {
		key += "/"
	}
	if key == "" || strings.HasSuffix(key, "/") {
		key += "index.html"
	}
	if _, ok := s.files[key]; !ok {
		if _, ok := s.files[key+"/index.html"]; !ok {
			return "", false
		}
	}
	if rest == "" || slash && !strings.HasSuffix(rest, "/") {
		rest += "/"
	}
	return rest, true
}

// New returns a Server with an empty site.
func New() *Server {
	return &Server{files: map[string][]byte{}, etags: map[string]string{}, subs: map[chan Event]struct{}{}}
}

// Problems turns diagnostics into overlay entries, errors only, with the
// line of source each points at, taken from the file's line index (lines
// returns nil for a file without source).
func Problems(ds []diag.Diagnostic, lines func(path string) *diag.Lines) []Problem {
	var out []Problem
	for _, d := range ds {
		if d.Severity != diag.Error {
			continue
		}
		p := Problem{Item: d.Item()}
		if d.Line > 0 {
			if ix := lines(d.Path); ix != nil {
				p.Source = string(ix.Line(d.Line))
			}
		}
		out = append(out, p)
	}
	return out
}

// Update installs a successful build, its files compressed by
// publish.Gzip, and tells open pages what changed.
// written lists the paths the build wrote anew, when it knows (a partial
// rebuild); otherwise every file is compared with the previous site.
// cssOnly says the change was to stylesheets alone: pages then swap their
// stylesheet instead of reloading.
func (s *Server) Update(files map[string][]byte, written []string, cssOnly bool) Event {
	s.mu.Lock()
	ev := s.install(files, written, cssOnly)
	s.broadcast(ev)
	s.mu.Unlock()
	return ev
}

// ShowFailed installs a build that found errors as it was built, and
// shows its problems in every open page: serve does so until a first
// build succeeds, as until then there is no good site to keep.
func (s *Server) ShowFailed(files map[string][]byte, problems []Problem) Event {
	s.mu.Lock()
	ev := s.install(files, nil, false)
	ev.Errors, ev.AsBuilt = problems, true
	s.broadcast(ev)
	s.mu.Unlock()
	return ev
}

// install makes files the site (see Update) and returns the event that
// says what changed; s.mu is held.
func (s *Server) install(files map[string][]byte, written []string, cssOnly bool) Event {
	var changed []string
	css := ""
	note := func(p string, b []byte) {
		if strings.HasSuffix(p, ".html") {
			changed = append(changed, pagePath(p))
		}
		if strings.HasSuffix(p, ".css") {
			css = "/" + p
		}
	}
	var etags map[string]string
	if written != nil {
		etags = s.etags
		for _, p := range written {
			if old, ok := s.files[p]; ok && bytes.Equal(old, files[p]) {
				continue
			}
			etags[p] = etag(files[p])
			note(p, files[p])
		}
	} else {
		etags = make(map[string]string, len(files))
		for p, b := range files {
			old, ok := s.files[p]
			if ok && bytes.Equal(old, b) {
				etags[p] = s.etags[p]
				continue
			}
			etags[p] = etag(b)
			note(p, b)
		}
		for p := range s.files {
			if _, ok := files[p]; !ok && strings.HasSuffix(p, ".html") {
				changed = append(changed, pagePath(p))
			}
		}
	}
	sort.Strings(changed)
	s.files, s.etags = files, etags
	s.version++
	ev := Event{Version: s.version, Changed: changed}
	if cssOnly && css != "" {
		ev.CSS, ev.Changed = css, nil
	}
	return ev
}

// Fail keeps the last good site and shows problems in every open page.
func (s *Server) Fail(problems []Problem) Event {
	s.mu.Lock()
	s.version++
	ev := Event{Version: s.version, Errors: problems}
	s.broadcast(ev)
	s.mu.Unlock()
	return ev
}

// broadcast sends ev to every open page; s.mu is held.
func (s *Server) broadcast(ev Event) {
	s.last = ev
	for ch := range s.subs {
		select {
		case ch <- ev:
		default: // a slow client gets the next event
		}
	}
}

func pagePath(p string) string {
	if p == "index.html" {
		return "/"
	}
	return "/" + strings.TrimSuffix(p, "index.html")
}

func etag(b []byte) string {
	h := sha256.Sum256(b)
	return `"` + hex.EncodeToString(h[:10]) + `"`
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	switch r.URL.Path {
	case prefix + "events":
		s.events(w, r)
		return
	case prefix + "client.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.Write(clientJS)
		return
	}
	clean := path.Clean("/" + r.URL.Path)
	key := strings.TrimPrefix(clean, "/")
	if strings.HasSuffix(r.URL.Path, "/") && key != "" {
		key += "/"
	}
	if key == "" || strings.HasSuffix(key, "/") {
		key += "index.html"
	}
	s.mu.RLock()
	body, ok := s.files[key]
	tag := s.etags[key]
	_, isDir := s.files[key+"/index.html"]
	to, moved := "", false
	if !ok && !isDir {
		to, moved = s.underBase(clean, strings.HasSuffix(r.URL.Path, "/"))
	}
	s.mu.RUnlock()
	if !ok && isDir {
		http.Redirect(w, r, clean+"/", http.StatusMovedPermanently)
		return
	}
	if moved {
		// The address it has when published: serve has it at the root.
		if r.URL.RawQuery != "" {
			to += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, to, http.StatusFound)
		return
	}
	status := http.StatusOK
	gzipped := ok
	if !ok {
		s.mu.RLock()
		body, ok = s.files["404.html"]
		s.mu.RUnlock()
		status, key, tag, gzipped = http.StatusNotFound, "404.html", "", ok
		if !ok {
			// No good build yet: a bare page that still shows the overlay.
			body = []byte("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Not built yet</title></head><body><p>The site has not built yet.</p></body></html>")
		}
	}
	h := w.Header()
	ext := path.Ext(key)
	if gzipped && (ext == ".html" || !acceptsGzip(r.Header.Get("Accept-Encoding"))) {
		// A page gets the reload client; a client that takes no gzip,
		// the bytes as they are.
		raw, err := publish.Gunzip(body)
		if err != nil {
			http.Error(w, "cannot read the built file", http.StatusInternalServerError)
			return
		}
		body, gzipped = raw, false
	}
	if gzipped {
		h.Set("Content-Encoding", "gzip")
		if tag != "" {
			tag = strings.TrimSuffix(tag, `"`) + `-gzip"`
		}
	}
	if ext != ".html" {
		h.Set("Vary", "Accept-Encoding")
	}
	ctype := mime.TypeByExtension(ext)
	switch ext {
	case ".html":
		ctype = "text/html; charset=utf-8"
		body = inject(body)
	case ".xml":
		ctype = "application/xml; charset=utf-8"
	case ".json":
		ctype = "application/json; charset=utf-8"
	}
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	h.Set("Content-Type", ctype)
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Content-Type-Options", "nosniff")
	if tag != "" {
		h.Set("ETag", tag)
		if match := r.Header.Get("If-None-Match"); match != "" && strings.Contains(match, tag) {
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	h.Set("Content-Length", fmt.Sprint(len(body)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// acceptsGzip reports whether an Accept-Encoding header takes gzip: named
// (or "*") with a weight above zero.
func acceptsGzip(header string) bool {
	for _, part := range strings.Split(header, ",") {
		coding, params, _ := strings.Cut(part, ";")
		coding = strings.ToLower(strings.TrimSpace(coding))
		if coding != "gzip" && coding != "x-gzip" && coding != "*" {
			continue
		}
		q := strings.ReplaceAll(strings.ToLower(params), " ", "")
		if q == "q=0" || strings.HasPrefix(q, "q=0.") && strings.Trim(q[4:], "0") == "" || q == "q=0." {
			return false
		}
		return true
	}
	return false
}

var clientTag = []byte(`<script src="` + prefix + `client.js"></script>`)

// inject adds the reload client before </body>.
func inject(b []byte) []byte {
	i := bytes.LastIndex(b, []byte("</body>"))
	if i < 0 {
		return append(append([]byte{}, b...), clientTag...)
	}
	out := make([]byte, 0, len(b)+len(clientTag))
	out = append(out, b[:i]...)
	out = append(out, clientTag...)
	return append(out, b[i:]...)
}

// events streams Events to one page. The first event is the current state,
// so a page opened while the build is broken shows the overlay at once.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	ch := make(chan Event, 8)
	s.mu.Lock()
	s.subs[ch] = struct{}{}
	first := s.last
	first.Version = s.version
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.subs, ch)
		s.mu.Unlock()
	}()
	send := func(ev Event) bool {
		b, _ := json.Marshal(ev)
		if _, err := fmt.Fprintf(w, "data: %s\n\n", b); err != nil {
			return false
		}
		fl.Flush()
		return true
	}
	if !send(Event{Version: first.Version, Errors: first.Errors, AsBuilt: first.AsBuilt}) {
		return
	}
	for {
		select {
		case <-r.Context().Done():
			return
		case ev := <-ch:
			if !send(ev) {
				return
			}
		}
	}
}

// Subscribe returns a channel of events, for tests and the terminal; call
// the returned function to stop.
func (s *Server) Subscribe() (<-chan Event, func()) {
	ch := make(chan Event, 64)
	s.mu.Lock()
	s.subs[ch] = struct{}{}
	s.mu.Unlock()
	return ch, func() {
		s.mu.Lock()
		delete(s.subs, ch)
		s.mu.Unlock()
	}
}
