package render

import (
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"handbook/generator/internal/diag"
	"handbook/generator/internal/graph"
	"handbook/generator/internal/handbook"
	"handbook/generator/internal/i18n"
	"handbook/generator/internal/sitepath"
)

// templates holds the compiled layouts. Every layout is compiled once, up
// front, so that rendering pages in parallel only executes them.
type templates struct {
	byName map[string]*template.Template
	// base is the set of baseof and the partials, which the partial and
	// partialCached functions execute.
	base  *template.Template
	cache partialCache
	// depth counts each partial's calls in progress, by name, to stop a
	// partial that calls itself: one partial's count, so that a loop on
	// one page does not fail the other partials of pages rendered
	// meanwhile. Made once, as the partials are read; other counts the
	// templates a partial's file defines under other names.
	depth  map[string]*atomic.Int64
	other  atomic.Int64
	failed map[string]bool // layouts that did not compile (already reported)
	broken bool            // baseof or a partial did not compile (already reported)
	diags  *diag.List
	fsys   fs.FS
}

// loadTemplates compiles each layout in fsys together with
// _default/baseof.html and partials/*.html. A layout that defines "main" is
// rendered through baseof; any other is rendered on its own.
func loadTemplates(fsys fs.FS, fm template.FuncMap, diags *diag.List) *templates {
	t := &templates{byName: map[string]*template.Template{}, failed: map[string]bool{}, diags: diags, fsys: fsys, depth: map[string]*atomic.Int64{}}
	fm = maps.Clone(fm)
	fm["partial"] = t.partial
	fm["partialCached"] = t.partialCached
	base := template.New("").Funcs(fm)
	t.base = base
	ok := true
	partials, _ := fs.Glob(fsys, "partials/*.html")
	for _, name := range append([]string{"_default/baseof.html"}, partials...) {
		src, err := fs.ReadFile(fsys, name)
		if err != nil {
			continue
		}
		t.depth[name] = &atomic.Int64{}
		if _, err := base.New(name).Parse(string(src)); err != nil {
			t.report(err, name, "")
			ok = false
		}
	}
	if !ok {
		t.broken = true
		return t
	}
	_ = fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(name) != ".html" || strings.HasPrefix(name, "partials/") || name == "_default/baseof.html" {
			return nil
		}
		if strings.HasPrefix(name, "shortcodes/") || strings.HasPrefix(name, "_shortcodes/") {
			return nil // Hugo shortcodes, which the markdown stage runs
		}
		src, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil
		}
		c, err := base.Clone()
		if err != nil {
			return nil
		}
		lt, err := c.New(name).Parse(string(src))
		if err != nil {
			t.report(err, name, "")
			t.failed[name] = true
			return nil
		}
		// A layout that defines "main" itself renders through baseof.
		if own, err := template.New(name).Funcs(fm).Parse(string(src)); err == nil && own.Lookup("main") != nil && lt.Lookup("_default/baseof.html") != nil {
			lt = lt.Lookup("_default/baseof.html")
		}
		t.byName[name] = lt
		return nil
	})
	return t
}

// find returns the first compiled layout among names.
func (t *templates) find(names []string) (*template.Template, string) {
	for _, n := range names {
		if tp, ok := t.byName[n]; ok {
			return tp, n
		}
		if t.failed[n] {
			return nil, n
		}
	}
	return nil, ""
}

// partialCache holds the output of partialCached calls for one render.
type partialCache struct {
	mu sync.Mutex
	m  map[string]template.HTML
}

// maxPartialDepth bounds the calls of one partial in progress across all
// pages, far above what the pages rendering at once can nest, so that a
// partial that calls itself is an error instead of a stack overflow.
func maxPartialDepth() int64 { return 1000 + 16*int64(runtime.GOMAXPROCS(0)) }

// errTooDeep ends a partial that calls itself.
var errTooDeep = errors.New("nests too deep: does it call itself?")

// partial executes the partial layouts/partials/name (the "partials/"
// prefix may be given or not) with data and returns its HTML.
func (t *templates) partial(name string, data any) (template.HTML, error) {
	name = "partials/" + strings.TrimPrefix(name, "partials/")
	pt := t.base.Lookup(name)
	if pt == nil {
		return "", fmt.Errorf("no partial %s in layouts/partials/", strings.TrimPrefix(name, "partials/"))
	}
	depth := t.depth[name]
	if depth == nil {
		depth = &t.other
	}
	if depth.Add(1) > maxPartialDepth() {
		depth.Add(-1)
		return "", fmt.Errorf("partial %s %w", name, errTooDeep)
	}
	defer depth.Add(-1)
	var b strings.Builder
	if err := pt.Execute(&b, data); err != nil {
		if errors.Is(err, errTooDeep) {
			// Not the error of every level, which would grow as the
			// square of the depth.
			return "", fmt.Errorf("partial %s %w", name, errTooDeep)
		}
		return "", err
	}
	return template.HTML(b.String()), nil
}

// partialCached is partial, executed once per name and variants in a
// render: every later call with the same name and variants returns the
// first call's output, whatever its data. As in Hugo, the variants must
// name everything in data that the partial's output depends on.
func (t *templates) partialCached(name string, data any, variants ...any) (template.HTML, error) {
	// The key is built on the stack and copied only when stored: every
	// page looks up its header, footer and head links here.
	var buf [256]byte
	k := append(buf[:0], name...)
	for _, v := range variants {
		k = append(k, 0)
		switch v := v.(type) {
		case string:
			k = append(k, v...)
		case bool:
			k = strconv.AppendBool(k, v)
		case int:
			k = strconv.AppendInt(k, int64(v), 10)
		default:
			k = fmt.Append(k, v)
		}
	}
	c := &t.cache
	c.mu.Lock()
	h, ok := c.m[string(k)]
	c.mu.Unlock()
	if ok {
		return h, nil
	}
	key := string(k)
	h, err := t.partial(name, data)
	if err != nil {
		return "", err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if first, ok := c.m[key]; ok {
		// Pages rendering at once both ran it: all keep the first.
		return first, nil
	}
	if c.m == nil {
		c.m = map[string]template.HTML{}
	}
	c.m[key] = h
	return h, nil
}

// reset empties the partialCached outputs: each render starts afresh, so
// that serve's rebuilds never show a partial of the site before the edit.
func (t *templates) reset() {
	t.cache.mu.Lock()
	t.cache.m = nil
	t.cache.mu.Unlock()
}

var tplErrRE = regexp.MustCompile(`template: ([^:\s]+):(\d+)(?::(\d+))?: (.*)`)

// report turns a template error into a diagnostic at layouts/file:line:col.
func (t *templates) report(err error, name, context string) {
	msg := err.Error()
	file, line, col := name, 0, 0
	// A partial called as a function nests its error in its caller's: the
	// innermost position is the one to fix.
	var m []string
	for rest := msg; ; {
		sub := tplErrRE.FindStringSubmatchIndex(rest)
		if sub == nil {
			break
		}
		m = make([]string, len(sub)/2)
		for i := range m {
			if sub[2*i] >= 0 {
				m[i] = rest[sub[2*i]:sub[2*i+1]]
			}
		}
		rest = rest[sub[2]:]
	}
	if m != nil {
		if m[1] != "" && !strings.HasPrefix(m[1], "\"") {
			file = m[1]
		}
		line, _ = strconv.Atoi(m[2])
		col, _ = strconv.Atoi(m[3])
		msg = m[4]
	}
	hint := "fix the template; the default theme's layouts are a working reference"
	if context != "" {
		msg += " (" + context + ")"
	}
	if strings.Contains(msg, "function") && strings.Contains(msg, "not defined") {
		hint = "the functions layouts can call are listed in README.md under Layouts"
	}
	if col == 0 && line > 0 {
		col = 1
	}
	t.diags.Add(diag.Diagnostic{Path: "layouts/" + file, Offset: -1, Line: line, Col: col, Severity: diag.Error, Message: "template: " + msg, Hint: hint})
}

// funcs are the functions layouts can call, besides the methods of Page.
// loc gives T (and its other name, Hugo's i18n), date and timeTag the
// handbook's language.
func funcs(loc *i18n.Locale, lab *labels) template.FuncMap {
	return template.FuncMap{
		// T is a string of the theme's table in the handbook's language:
		// {{ T "key" }}, {{ T "key" N }} (N fills {n} and picks the
		// plural form), {{ T "key" "name" VALUE … }}.
		"T":    loc.T,
		"i18n": loc.T,
		"date": loc.Date,
		// timeTag is a <time> element: the date in the handbook's
		// language, its ISO form in datetime.
		"timeTag": func(t time.Time) template.HTML {
			if t.IsZero() {
				return ""
			}
			return template.HTML(`<time datetime="` + t.Format(isoLayout) + `">` + template.HTMLEscapeString(loc.Date(t)) + "</time>")
		},
		"isodate": func(t time.Time) string {
			if t.IsZero() {
				return ""
			}
			return t.Format(isoLayout)
		},
		"kindLabel": lab.kind,
		// linkTo is a link for a string's placeholder: {{ T "moved_to"
		// "link" (linkTo HREF TEXT) }}. TEXT is escaped unless it is HTML
		// (a T); an HREF a link may not have is left out.
		"linkTo": linkTo,
		// code is a <code> element for a string's placeholder.
		"code": func(s string) template.HTML {
			return template.HTML("<code>" + template.HTMLEscapeString(s) + "</code>")
		},
		// statusLabel is a status in the handbook's language.
		"statusLabel": lab.status,
		"tagSlug":     graph.TagSlug,
		"join":        strings.Join,
		"add":         func(a, b int) int { return a + b },
		"pct": func(a, b int) int {
			if b == 0 {
				return 0
			}
			return a * 100 / b
		},
		"first": func(n int, ds []*handbook.Document) []*handbook.Document {
			if len(ds) > n {
				return ds[:n]
			}
			return ds
		},
		"more": func(n int, ds []*handbook.Document) int { return max(0, len(ds)-n) },
		"param": func(d *handbook.Document, key string) any {
			if d == nil {
				return nil
			}
			if v, ok := d.Params[key]; ok {
				return v
			}
			return d.Params[strings.ToLower(key)] // keys are read in lower case, as in Hugo
		},
		"sprintf": fmt.Sprintf,
		// dict2 passes a page and an item to a partial as .Page and .Item.
		"dict2": func(p *Page, item any) map[string]any { return map[string]any{"Page": p, "Item": item} },
	}
}

// kindLabel is a kind's name in the handbook's language, plural when many
// is true (the kinds table's English label when the table lacks it).
func kindLabel(loc *i18n.Locale, k handbook.Kind, many bool) string {
	key := "kind_" + string(k)
	if many {
		key = "kinds_" + string(k)
	}
	if loc.Has(key) {
		return loc.Text(key)
	}
	return k.Label(many)
}

// statusLabel is a status in the handbook's language, as a badge writes
// it; a status the table does not know as it is written.
func statusLabel(loc *i18n.Locale, s string) string {
	if loc.Has("status_" + s) {
		return loc.Text("status_" + s)
	}
	return s
}

// labels are kindLabel and statusLabel of every kind and of the statuses
// the kinds table lists, looked up once a render: pages write them by
// the thousand, and each lookup joins a key.
type labels struct {
	loc      *i18n.Locale
	kinds    map[handbook.Kind][2]string // singular, plural
	statuses map[string]string
}

func newLabels(loc *i18n.Locale) *labels {
	l := &labels{loc: loc, kinds: map[handbook.Kind][2]string{}, statuses: map[string]string{}}
	for _, k := range handbook.Kinds {
		l.kinds[k] = [2]string{kindLabel(loc, k, false), kindLabel(loc, k, true)}
		for _, s := range k.Statuses() {
			l.statuses[s] = statusLabel(loc, s)
		}
	}
	return l
}

// kind is kindLabel(k, many).
func (l *labels) kind(k handbook.Kind, many bool) string {
	if v, ok := l.kinds[k]; ok {
		if many {
			return v[1]
		}
		return v[0]
	}
	return kindLabel(l.loc, k, many)
}

// status is statusLabel(s).
func (l *labels) status(s string) string {
	if v, ok := l.statuses[s]; ok {
		return v
	}
	return statusLabel(l.loc, s)
}

// linkTo writes <a href="href">text</a>: text escaped, or as it is when
// it is template.HTML; an href with a scheme a link may not have
// (javascript:, data:) is dropped, as html/template drops it.
func linkTo(href string, text any) template.HTML {
	var t string
	switch v := text.(type) {
	case template.HTML:
		t = string(v)
	case string:
		t = template.HTMLEscapeString(v)
	default:
		t = template.HTMLEscapeString(fmt.Sprint(v))
	}
	if _, ok := sitepath.SafeURL(href, false); !ok {
		return template.HTML(t)
	}
	return template.HTML(`<a href="` + template.HTMLEscapeString(href) + `">` + t + "</a>")
}
