package markdown

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"handbook/generator/internal/diag"
)

// HasShortcodes reports whether a document's bytes may hold Hugo
// shortcodes, or Liquid block tags read as shortcodes (liquidBlocks),
// whose output depends on more than the document: the site's shortcode
// templates, its params, the files readfile and snippets read. A parse of such a
// document is not reused for another run.
func HasShortcodes(src []byte) bool {
	return bytes.Contains(src, []byte("{{<")) || bytes.Contains(src, []byte("{{%")) || liquidEnd.Match(src) || bytes.Contains(src, []byte(snippetMark)) || bytes.Contains(src, []byte("![[")) || bytes.Contains(src, []byte("include_relative"))
}

// liquidEnd matches the closing tag of a Liquid block.
var liquidEnd = regexp.MustCompile(`\{%-?\s*end`)

// ReadsFiles reports whether a document's shortcodes may include other
// files (readfile, include, MkDocs' snippets, Obsidian's embedded notes),
// whose edits change its page too.
func ReadsFiles(src []byte) bool {
	return HasShortcodes(src) && (bytes.Contains(src, []byte("readfile")) || bytes.Contains(src, []byte("include")) || bytes.Contains(src, []byte(snippetMark)) || bytes.Contains(src, []byte("![[")))
}

var unknownRE = regexp.MustCompile(`^(` + hugoKind + `|` + liquidKind + `) ("(?:[^"\\]|\\.)*") is not known: it shows its inner content only \((\d+) uses?\)$`)

// FoldShortcodes returns the diagnostics of a run with the warnings about
// unknown shortcodes, which each parse makes per document, folded into one
// per name: at its first use in path order, with the count of all. A
// diagnostic that several documents report alike (a site shortcode's
// template error) is kept once. The list comes back as it is when it
// holds none of these.
func FoldShortcodes(l *diag.List) *diag.List {
	if !l.Any(func(d diag.Diagnostic) bool {
		return isTemplate(d.Path) || d.Severity == diag.Warning && unknownRE.MatchString(d.Message)
	}) {
		return l
	}
	ds := l.All()
	out := &diag.List{Sources: l.Source}
	type use struct {
		first       int // index in ds
		uses, files int
	}
	byName := map[string]*use{}
	var order []string
	for i, d := range ds {
		m := unknownRE.FindStringSubmatch(d.Message)
		if m == nil || d.Severity != diag.Warning {
			out.Add(d)
			continue
		}
		name, err := strconv.Unquote(m[2])
		n, _ := strconv.Atoi(m[3])
		name = m[1] + "\x00" + name // Hugo's and Liquid's apart
		if err != nil {
			out.Add(d)
			continue
		}
		u := byName[name]
		if u == nil {
			u = &use{first: i}
			byName[name] = u
			order = append(order, name)
		}
		u.uses += n
		u.files++
	}
	for _, name := range order {
		u := byName[name]
		d := ds[u.first]
		kind, name, _ := strings.Cut(name, "\x00")
		d.Message = fmt.Sprintf(unknownFormat, kind, name, u.uses, plural(u.uses, "use", "uses"))
		if u.files > 1 {
			d.Message = strings.TrimSuffix(d.Message, ")") + fmt.Sprintf(" in %d files)", u.files)
		}
		out.Add(d)
	}
	return out
}

func isTemplate(p string) bool {
	return strings.HasPrefix(p, "layouts/shortcodes/") || strings.HasPrefix(p, "layouts/_shortcodes/")
}
