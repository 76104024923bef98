package render

import (
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"

	"handbook/generator/internal/diag"
	"handbook/generator/internal/handbook"
)

// templates holds the compiled layouts. Every layout is compiled once, up
// front, so that rendering pages in parallel only executes them.
type templates struct {
	byName map[string]*template.Template
	failed map[string]bool // layouts that did not compile (already reported)
	broken bool            // baseof or a partial did not compile (already reported)
	diags  *diag.List
	fsys   fs.FS
}

// loadTemplates compiles each layout in fsys together with
// _default/baseof.html and partials/*.html. A layout that defines "main" is
// rendered through baseof; any other is rendered on its own.
func loadTemplates(fsys fs.FS, fm template.FuncMap, diags *diag.List) *templates {
	t := &templates{byName: map[string]*template.Template{}, failed: map[string]bool{}, diags: diags, fsys: fsys}
	base := template.New("").Funcs(fm)
	ok := true
	partials, _ := fs.Glob(fsys, "partials/*.html")
	for _, name := range append([]string{"_default/baseof.html"}, partials...) {
		src, err := fs.ReadFile(fsys, name)
		if err != nil {
			continue
		}
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

var tplErrRE = regexp.MustCompile(`template: ([^:\s]+):(\d+)(?::(\d+))?: (.*)`)

// report turns a template error into a diagnostic at layouts/file:line:col.
func (t *templates) report(err error, name, context string) {
	msg := err.Error()
	file, line, col := name, 0, 0
	if m := tplErrRE.FindStringSubmatch(msg); m != nil {
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
func funcs() template.FuncMap {
	return template.FuncMap{
		"date": func(t time.Time) string {
			if t.IsZero() {
				return ""
			}
			return t.Format("2 January 2006")
		},
		"isodate": func(t time.Time) string {
			if t.IsZero() {
				return ""
			}
			return t.Format("2006-01-02")
		},
		"kindLabel": func(k handbook.Kind, many bool) string { return k.Label(many) },
		"tagSlug":   TagSlug,
		"join":      strings.Join,
		"add":       func(a, b int) int { return a + b },
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
			return d.Params[key]
		},
		"sprintf": fmt.Sprintf,
		// dict2 passes a page and an item to a partial as .Page and .Item.
		"dict2": func(p *Page, item any) map[string]any { return map[string]any{"Page": p, "Item": item} },
	}
}
