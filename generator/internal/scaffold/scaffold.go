// Package scaffold writes a new document from its kind's archetype: the
// `handbook new KIND "Title"` command.
//
// Input: the site root, a kind and a title. An archetype is a text/template
// file, archetypes/KIND.md: the site's own when it has one (Hugo's
// convention), else the default embedded here. It sees Data; its output
// must be a document of the kind that `handbook check` accepts, or nothing
// is written and the error is reported at archetypes/KIND.md:line:col.
// Output: a Markdown file in the section that site.yaml maps to the kind.
// An existing file is never overwritten, and nothing is written outside the
// content folder.
package scaffold

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"text/template"
	"time"
	"unicode"
	"unicode/utf8"

	"handbook/generator/internal/config"
	"handbook/generator/internal/diag"
	"handbook/generator/internal/handbook"
	"handbook/generator/internal/load"
	"handbook/generator/internal/markdown"
)

// ErrUsage marks errors in the command's arguments.
var ErrUsage = errors.New("usage")

// Defaults holds the default archetypes, archetypes/KIND.md for every kind
// of handbook.KindTable. They live beside the code that reads them rather
// than in the theme's layouts/ or assets/: no build reads them, and a site
// overrides them with its own archetypes/ folder, not with its theme.
//
//go:embed archetypes/*.md
var Defaults embed.FS

// Data is what an archetype sees.
type Data struct {
	// Title is the title as given on the command line. In front matter,
	// write it as {{ quote .Title }}: quotes, colons, # and line breaks
	// then stay part of the title.
	Title string
	// Slug is the title as a file name: "retry-budget-for-payments".
	Slug string
	// Date is today, YYYY-MM-DD; Year its year.
	Date string
	Year int
	// Horizon is three years ahead, the farthest a vision looks.
	Horizon int
	// Number is the next four-digit record number in the kind's folder:
	// "0013".
	Number string
	// Kind is the kind's name: "design-doc".
	Kind string
}

// Path is where the archetype of kind k is looked up, from the site root
// (and in Defaults).
func Path(k handbook.Kind) string { return "archetypes/" + string(k) + ".md" }

// New creates the document and returns its path.
func New(root, kind, title string) (string, error) {
	k, ok := handbook.KindFor(kind)
	if !ok {
		hint := ""
		if s := diag.Suggest(kind, handbook.KindNames()); s != "" {
			hint = fmt.Sprintf(" (did you mean %q?)", s)
		}
		return "", fmt.Errorf("%w: unknown kind %q%s; kinds are %s", ErrUsage, kind, hint, strings.Join(handbook.KindNames(), ", "))
	}
	slug := Slug(title)
	if slug == "" {
		return "", fmt.Errorf("%w: the title %q has no letters or digits to name the file with", ErrUsage, title)
	}
	site := os.DirFS(root)
	diags := &diag.List{}
	cfg := load.Settings(site, diags)
	if diags.HasErrors() {
		return "", fmt.Errorf("site.yaml has errors; run handbook check")
	}
	content := filepath.Join(root, filepath.FromSlash(cfg.ContentDir))
	section := sectionFor(cfg, k, content)
	numbered := k.Spec().Numbered
	if st, err := os.Stat(filepath.Join(content, filepath.FromSlash(section))); numbered && (err != nil || !st.IsDir()) {
		// No folder for the kind yet: a log whose records are elsewhere
		// (log4brains' folder read as the content) gets the new one
		// beside them.
		if f, ok := recordFolder(content); ok {
			section = f
		}
	}
	dir := filepath.Join(content, filepath.FromSlash(section))
	now := time.Now()
	names := namingOf(dir)
	prefix, number := names.next(now)
	d := NewData(k, title, now, pad(number, 4))
	name := slug + ".md"
	if numbered {
		name = prefix + name
	}
	text, doc, err := render(site, k, d, cfg.KindOf(section))
	if err != nil {
		return "", err
	}
	if _, err := fs.Stat(site, Path(k)); errors.Is(err, fs.ErrNotExist) && numbered {
		// The log's own template, when it keeps one and the site has no
		// archetype: the new record looks like the others.
		if tp, src := logTemplate(dir); tp != "" {
			if own, ownDoc, err := check(fillTemplate(src, d, number), tp, cfg.KindOf(section)); err == nil {
				text, doc = own, ownDoc
			}
		}
	}
	if doc.Kind != k && cfg.KindOf(section) == k {
		return "", fmt.Errorf("%s makes a %s, not a %s: its front matter says kind: %s\n\tnothing was written", Path(k), doc.Kind, k, doc.Kind)
	}
	if doc.Kind != k {
		where := path.Join(cfg.ContentDir, section, name)
		return "", fmt.Errorf("%s would be a %s, not a %s: site.yaml maps no section to %s\n\thint: add `%s: %s` under sections in site.yaml, or write `kind: %s` in %s", where, doc.Kind, k, k, section, k, k, Path(k))
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	// The section folder may be a link: what is written must still land
	// inside the content folder.
	if !inside(content, dir) {
		return "", fmt.Errorf("%s leads outside the content folder %s; handbook new writes only inside it", dir, content)
	}
	if numbered {
		// The next number makes any name new: a record of the same
		// title is found by the name after its number.
		if same := sameRecord(dir, slug); same != "" {
			return "", fmt.Errorf("%s already records %q; choose another title, or edit it", filepath.Join(dir, same), title)
		}
	}
	p := filepath.Join(dir, name)
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			return "", fmt.Errorf("%s already exists; choose another title", p)
		}
		return "", err
	}
	if _, err := f.Write(text); err != nil {
		f.Close()
		return "", err
	}
	return p, f.Close()
}

// sameRecord returns the name of the record in dir whose file name is
// slug after its number (0013-slug.md, adr-0013-slug.md), or "".
func sameRecord(dir, slug string) string {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		num, ok := strings.CutSuffix(e.Name(), "-"+slug+".md")
		if ok && num != "" && num[len(num)-1] >= '0' && num[len(num)-1] <= '9' {
			return e.Name()
		}
	}
	return ""
}

// NewData returns what kind k's archetype sees for a title on the day now,
// with the next record number.
func NewData(k handbook.Kind, title string, now time.Time, number string) Data {
	return Data{
		Title:   title,
		Slug:    Slug(title),
		Date:    now.Format("2006-01-02"),
		Year:    now.Year(),
		Horizon: now.Year() + 3,
		Number:  number,
		Kind:    string(k),
	}
}

// Render executes kind k's archetype for d, the site's own when site has
// one, and checks the result as a document of kind k. An error names the
// archetype's line and column.
func Render(site fs.FS, k handbook.Kind, d Data) ([]byte, error) {
	text, _, err := render(site, k, d, k)
	return text, err
}

const dataHint = "an archetype sees .Title, .Slug, .Date, .Year, .Horizon, .Number and .Kind; write the title in front matter as {{ quote .Title }}"

// render executes k's archetype and parses the result as `handbook check`
// would, in a section of kind sectionKind.
func render(site fs.FS, k handbook.Kind, d Data, sectionKind handbook.Kind) ([]byte, *handbook.Document, error) {
	name := Path(k)
	src, err := fs.ReadFile(site, name)
	which := "" // the site's archetype
	if errors.Is(err, fs.ErrNotExist) {
		src, err = fs.ReadFile(Defaults, name)
		which = "the default archetype: "
	}
	if err != nil {
		return nil, nil, err
	}
	tmpl, err := template.New(name).Funcs(template.FuncMap{"quote": Quote}).Parse(string(src))
	if err != nil {
		return nil, nil, templateError(name, which, src, err)
	}
	var out bytes.Buffer
	if err := tmpl.Execute(&out, d); err != nil {
		return nil, nil, templateError(name, which, src, err)
	}
	text, doc, errs := parseNew(out.Bytes(), name, sectionKind)
	for i, x := range errs {
		line, col := sourcePosition(src, out.Bytes(), x.Line, x.Col)
		msg, hint := which+"the document it makes is not valid: "+x.Message, x.Hint
		if strings.Contains(msg, "front matter") {
			hint += "; in an archetype, write the title as {{ quote .Title }}"
		}
		errs[i] = diag.Diagnostic{Path: name, Line: line, Col: col, Severity: diag.Error, Message: msg, Hint: hint}
	}
	if len(errs) > 0 {
		return nil, nil, fmt.Errorf("%s\n\tnothing was written", joinDiags(errs))
	}
	return text, doc, nil
}

// check parses text, a log's filled template at path p, as a new document
// in a section of kind sectionKind: an error when it is not valid.
func check(text []byte, p string, sectionKind handbook.Kind) ([]byte, *handbook.Document, error) {
	text, doc, errs := parseNew(text, p, sectionKind)
	if len(errs) > 0 {
		return nil, nil, errors.New(joinDiags(errs))
	}
	return text, doc, nil
}

func joinDiags(ds []diag.Diagnostic) string {
	s := make([]string, len(ds))
	for i, d := range ds {
		s[i] = d.String()
	}
	return strings.Join(s, "\n")
}

// parseNew parses text as `handbook check` would a new document in a
// section of kind sectionKind, and returns it with its errors, at their
// lines and columns in text.
func parseNew(text []byte, name string, sectionKind handbook.Kind) ([]byte, *handbook.Document, []diag.Diagnostic) {
	doc := &handbook.Document{Path: "new.md", SourcePath: name, Source: text}
	diags := &diag.List{}
	markdown.New(markdown.Options{KindOf: func(string) handbook.Kind { return sectionKind }}).Parse(doc, diags)
	var errs []diag.Diagnostic
	for _, x := range diags.All() {
		if x.Severity != diag.Error {
			continue
		}
		line, col := 1, 1
		if x.Offset >= 0 {
			line, col = diag.Position(text, x.Offset)
		}
		errs = append(errs, diag.Diagnostic{Path: name, Line: line, Col: col, Severity: diag.Error, Message: x.Message, Hint: x.Hint})
	}
	return text, doc, errs
}

var templateErrRE = regexp.MustCompile(`^template: [^:]*:(\d+)(?::(\d+))?: (?:executing "[^"]*" )?(.*)$`)

var startedRE = regexp.MustCompile(`in action started at [^:]*:(\d+)$`)

// templateError reports a text/template error at its place in the
// archetype. A parse error gives only a line; its column is that of the
// line's first action.
func templateError(name, which string, src []byte, err error) error {
	line, col, msg := 0, 0, err.Error()
	if m := templateErrRE.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		if m[2] != "" {
			col, _ = strconv.Atoi(m[2]) // a byte offset in the line, from 0
			col = utf8.RuneCount(lineOf(src, line)[:min(col, len(lineOf(src, line)))]) + 1
		}
		msg = m[3]
		if s := startedRE.FindStringSubmatch(msg); s != nil {
			line, col = 0, 0
			line, _ = strconv.Atoi(s[1]) // an unclosed action: where it opens
		}
		if col == 0 {
			col = 1
			if l := lineOf(src, line); bytes.Contains(l, []byte("{{")) {
				col = utf8.RuneCount(l[:bytes.Index(l, []byte("{{"))]) + 1
			}
		}
	}
	return errors.New(diag.Diagnostic{Path: name, Line: line, Col: col, Severity: diag.Error, Message: which + msg, Hint: dataHint + "\n\tnothing was written"}.String())
}

// lineOf returns line n (1-based) of src, without its newline.
func lineOf(src []byte, n int) []byte {
	for i := 1; i < n; i++ {
		j := bytes.IndexByte(src, '\n')
		if j < 0 {
			return nil
		}
		src = src[j+1:]
	}
	if j := bytes.IndexByte(src, '\n'); j >= 0 {
		return src[:j]
	}
	return src
}

// sourcePosition maps a line and column of an archetype's output back to
// the archetype: to the line that writes the output line's text (the same
// text, or the same text up to the line's first action, the longest such
// beginning, the nearest line on a tie), at its first action; else to the
// same line and column.
func sourcePosition(src, out []byte, line, col int) (int, int) {
	o := string(lineOf(out, line))
	best, bestLen, bestCol := 0, -1, 0
	for i, l := range strings.Split(string(src), "\n") {
		n := i + 1
		lit, _, action := strings.Cut(l, "{{")
		switch {
		case !action && l != o, action && (lit == "" || !strings.HasPrefix(o, lit)):
			continue
		}
		if len(lit) > bestLen || len(lit) == bestLen && abs(n-line) < abs(best-line) {
			best, bestLen, bestCol = n, len(lit), col
			if action {
				bestCol = utf8.RuneCountInString(lit) + 1
			}
		}
	}
	if best == 0 {
		return line, col
	}
	return best, bestCol
}

func abs(n int) int { return max(n, -n) }

// Quote writes s as a double-quoted string that YAML and TOML both read
// back as s: quotes and backslashes escaped, line breaks and other
// invisible characters as escapes. Invalid UTF-8 becomes U+FFFD.
func Quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == ' ' || unicode.IsPrint(r):
			b.WriteRune(r)
		case r > 0xFFFF:
			fmt.Fprintf(&b, `\U%08X`, r)
		default:
			fmt.Fprintf(&b, `\u%04X`, r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// sectionFor is the section `new` writes kind k into: of the sections
// site.yaml maps to k, one that exists, then the first in the kind's
// conventional folders, then by name; without one, the kind's usual folder
// (pages go to the root).
func sectionFor(cfg *config.Site, k handbook.Kind, content string) string {
	folders := k.Spec().Folders
	rank := func(s string) int {
		if i := slices.Index(folders, s); i >= 0 {
			return i
		}
		return len(folders)
	}
	var secs []string
	for s, kind := range cfg.Sections {
		if kind == string(k) && config.LocalPath(s) && !strings.ContainsAny(s, "*?[") {
			secs = append(secs, s)
		}
	}
	exists := map[string]bool{}
	for _, s := range secs {
		st, err := os.Stat(filepath.Join(content, filepath.FromSlash(s)))
		exists[s] = err == nil && st.IsDir()
	}
	sort.Slice(secs, func(i, j int) bool {
		a, b := secs[i], secs[j]
		if exists[a] != exists[b] {
			return exists[a]
		}
		if rank(a) != rank(b) {
			return rank(a) < rank(b)
		}
		return a < b
	})
	if len(secs) > 0 {
		return secs[0]
	}
	if len(folders) > 0 {
		return folders[0]
	}
	return ""
}

// inside reports whether dir, links resolved, is content or lies inside it.
func inside(content, dir string) bool {
	c, err1 := filepath.EvalSymlinks(content)
	d, err2 := filepath.EvalSymlinks(dir)
	if err1 != nil || err2 != nil {
		return false
	}
	rel, err := filepath.Rel(c, d)
	return err == nil && filepath.IsLocal(rel) || rel == "."
}

// Slug turns a title into a file name: lower case, hyphens between words.
func Slug(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
