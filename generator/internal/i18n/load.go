package i18n

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"handbook/generator/internal/diag"
)

// Sources are the folders a Locale is read from, each holding
// <language>.yaml files.
type Sources struct {
	Site    fs.FS // the site's own layouts/i18n/ folder; nil when it has none
	Builtin fs.FS // the theme's
}

// Position is where site.yaml names the language, for the warning about
// a language without strings.
type Position struct {
	Path      string
	Line, Col int
}

// Folder is the folder of string tables, in the theme and in a site.
const Folder = "layouts/i18n"

// table is one file's strings.
type table struct {
	msgs       map[string]*message
	months     []string
	dateFormat []segment
}

// Load returns the Locale of lang: English under the built-in table of
// the language (or of its base language: "de" for "de-AT", "zh-CN" for
// "zh", "pt-BR" for "pt"), under the site's own file for it, string by
// string. A language that neither the theme nor the site has strings
// for is a warning at `at`, naming the built-in languages, and the
// strings are English. Problems in the site's file are reported at their
// position in it (see the package doc).
func Load(src Sources, lang string, at Position, diags *diag.List) *Locale {
	if diags == nil {
		diags = &diag.List{}
	}
	tag := Normalize(lang)
	if tag == "" {
		tag = "en"
	}
	builtins := codes(src.Builtin)
	en := readTable(src.Builtin, "en.yaml", nil, diags)
	if en == nil {
		en = &table{msgs: map[string]*message{}}
	}
	for _, m := range en.msgs {
		m.placeholders = placeholdersOf(m.forms)
	}
	l := &Locale{Lang: tag, Table: "en", Dir: Dir(tag), msgs: map[string]*message{}, months: en.months, dateFormat: en.dateFormat}
	l.plural, _ = pluralRule(base(tag))
	for k, m := range en.msgs {
		l.msgs[k] = m
	}
	overlay := func(t *table) {
		for k, m := range t.msgs {
			if ref := en.msgs[k]; ref != nil {
				m.placeholders = ref.placeholders
			}
			l.msgs[k] = m
		}
		if t.months != nil {
			l.months = t.months
		}
		if t.dateFormat != nil {
			l.dateFormat = t.dateFormat
		}
	}
	builtin := match(builtins, tag)
	if builtin != "" && builtin != "en" {
		if t := readTable(src.Builtin, builtin+".yaml", en, diags); t != nil {
			overlay(t)
		}
		l.Table = builtin
	}
	siteFile := ""
	if src.Site != nil {
		names := codes(src.Site)
		if c := match(names, tag); c != "" {
			siteFile = fileOf(src.Site, c)
		}
	}
	if siteFile != "" {
		if t := readTable(src.Site, siteFile, en, diags); t != nil {
			overlay(t)
			if builtin == "" {
				l.Table = strings.TrimSuffix(strings.TrimSuffix(siteFile, ".yaml"), ".yml")
				if missing := len(en.msgs) - len(t.msgs); missing > 0 {
					diags.Add(diag.Diagnostic{Path: Folder + "/" + siteFile, Offset: -1, Line: 1, Col: 1, Severity: diag.Warning,
						Message: fmt.Sprintf("%d of the theme's %d strings are not in this file: they are shown in English", missing, len(en.msgs)),
						Hint:    "the theme's layouts/i18n/en.yaml lists every string; copy the missing ones and translate them"})
				}
			}
		}
	}
	if builtin == "" && siteFile == "" && tag != "en" {
		msg := fmt.Sprintf("no strings for language %q: the theme's words are shown in English", lang)
		if !ValidTag(lang) {
			msg = fmt.Sprintf("language %q is not a language code: the theme's words are shown in English", lang)
		}
		hint := "the built-in languages are " + strings.Join(builtins, ", ") + "; or write the strings in " + Folder + "/" + tag + ".yaml (the theme's layouts/i18n/en.yaml lists them)"
		if sug := diag.Suggest(strings.ToLower(lang), lower(builtins)); sug != "" {
			hint = fmt.Sprintf("did you mean %q? %s", builtins[slices.Index(lower(builtins), sug)], hint)
		}
		diags.Add(diag.Diagnostic{Path: at.Path, Offset: -1, Line: at.Line, Col: at.Col, Severity: diag.Warning, Message: msg, Hint: hint})
	}
	l.makeScript()
	return l
}

func lower(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strings.ToLower(s)
	}
	return out
}

// Builtin lists the languages the theme in fsys has tables for, English
// first.
func Builtin(fsys fs.FS) []string { return codes(fsys) }

// codes lists the languages of the .yaml files in fsys, English first.
func codes(fsys fs.FS) []string {
	if fsys == nil {
		return nil
	}
	es, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range es {
		ext := path.Ext(e.Name())
		if e.IsDir() || ext != ".yaml" && ext != ".yml" {
			continue
		}
		out = append(out, strings.TrimSuffix(e.Name(), ext))
	}
	slices.SortFunc(out, func(a, b string) int {
		switch {
		case a == b:
			return 0
		case a == "en":
			return -1
		case b == "en":
			return 1
		}
		return strings.Compare(a, b)
	})
	return out
}

// fileOf is the file name of language code c in fsys.
func fileOf(fsys fs.FS, c string) string {
	if _, err := fs.Stat(fsys, c+".yaml"); err == nil {
		return c + ".yaml"
	}
	return c + ".yml"
}

// match picks the table for tag among codes: the same tag (in any case,
// "_" for "-"), else the base language's own table ("de" for "de-AT"),
// else the first table of the base language ("zh-CN" for "zh-Hans",
// "pt-BR" for "pt"); "" when none.
func match(codes []string, tag string) string {
	for _, c := range codes {
		if strings.EqualFold(Normalize(c), tag) {
			return c
		}
	}
	b := base(tag)
	for _, c := range codes {
		if strings.EqualFold(Normalize(c), b) {
			return c
		}
	}
	for _, c := range codes {
		if base(c) == b {
			return c
		}
	}
	return ""
}

var yamlLineRE = regexp.MustCompile(`^(?:yaml: )?line (\d+): `)

// readTable reads one file of strings. With ref (English), every string
// is checked against it, and one that is unknown, lacks a placeholder,
// has one English does not, or is not a string is reported and left out.
func readTable(fsys fs.FS, name string, ref *table, diags *diag.List) *table {
	shown := Folder + "/" + name
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			diags.Errorf(shown, -1, "", "cannot read: %v", err)
		}
		return nil
	}
	warn := func(n *yaml.Node, hint, format string, args ...any) {
		diags.Add(diag.Diagnostic{Path: shown, Offset: -1, Line: n.Line, Col: n.Column, Severity: diag.Warning,
			Message: fmt.Sprintf(format, args...), Hint: hint})
	}
	var root yaml.Node
	if err := yaml.Unmarshal(src, &root); err != nil {
		line, msg := 1, strings.TrimPrefix(err.Error(), "yaml: ")
		if m := yamlLineRE.FindStringSubmatch(err.Error()); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = err.Error()[len(m[0]):]
		}
		diags.Add(diag.Diagnostic{Path: shown, Offset: -1, Line: line, Col: 1, Severity: diag.Error,
			Message: "invalid YAML: " + msg, Hint: "each line is key: string; quote a string that holds ':' or '#' or starts with '{'"})
		return nil
	}
	t := &table{msgs: map[string]*message{}}
	if len(root.Content) == 0 {
		return t
	}
	doc := root.Content[0]
	if doc.Kind != yaml.MappingNode {
		diags.Add(diag.Diagnostic{Path: shown, Offset: -1, Line: doc.Line, Col: doc.Column, Severity: diag.Error,
			Message: "a strings file is a map of keys to strings", Hint: "write one key: string per line, as the theme's layouts/i18n/en.yaml does"})
		return nil
	}
	var keys []string
	if ref != nil {
		for k := range ref.msgs {
			keys = append(keys, k)
		}
		keys = append(keys, "date_format", "months")
	}
	kept := "the theme's string is kept"
	for i := 0; i+1 < len(doc.Content); i += 2 {
		k, v := doc.Content[i], doc.Content[i+1]
		key := k.Value
		switch key {
		case "months":
			if v.Kind != yaml.SequenceNode || len(v.Content) != 12 || slices.ContainsFunc(v.Content, func(n *yaml.Node) bool { return !isString(n) }) {
				warn(v, "write the twelve names as a list: [January, February, …]", "months is not a list of twelve names: %s", kept)
				continue
			}
			for _, n := range v.Content {
				t.months = append(t.months, n.Value)
			}
			continue
		case "date_format":
			if !isString(v) {
				warn(v, `write the form of a date with {day}, {month} and {year}: "{day} {month} {year}"`, "date_format is not a string: %s", kept)
				continue
			}
			segs := parseSegments(v.Value)
			ph := placeholdersOf(map[string][]segment{"other": segs})
			if !slices.Equal(ph, []string{"day", "month", "year"}) {
				warn(v, `write the form of a date with {day}, {month} and {year}: "{day} {month} {year}"`, "date_format %q does not have {day}, {month} and {year} each once: %s", v.Value, kept)
				continue
			}
			t.dateFormat = segs
			continue
		}
		var want *message
		if ref != nil {
			want = ref.msgs[key]
			if want == nil {
				hint := "the theme's layouts/i18n/en.yaml lists the keys"
				if sug := diag.Suggest(key, keys); sug != "" {
					hint = fmt.Sprintf("did you mean %q?", sug)
				}
				warn(k, hint, "unknown string %q", key)
				continue
			}
		}
		m := &message{forms: map[string][]segment{}}
		switch {
		case isString(v):
			m.forms["other"] = parseSegments(v.Value)
		case v.Kind == yaml.MappingNode:
			ok := true
			for j := 0; j+1 < len(v.Content); j += 2 {
				fk, fv := v.Content[j], v.Content[j+1]
				if !slices.Contains(pluralOrder, fk.Value) {
					warn(fk, "plural forms are zero, one, two, few, many and other (those the language has)", "%q is not a plural form", fk.Value)
					ok = false
					break
				}
				if !isString(fv) {
					warn(fv, `quote it: "…"`, "the %s form of %q is not a string: %s", fk.Value, key, kept)
					ok = false
					break
				}
				m.forms[fk.Value] = parseSegments(fv.Value)
			}
			if !ok {
				continue
			}
			if _, has := m.forms["other"]; !has {
				warn(v, "give at least the other form, which every count falls back to", "%q has no other form: %s", key, kept)
				continue
			}
		default:
			warn(v, `write a string, quoted if it holds ':' or '#' or starts with '{': "…"`, "%q is not a string: %s", key, kept)
			continue
		}
		if want != nil {
			have, need := placeholdersOf(m.forms), placeholdersOf(want.forms)
			if missing := difference(need, have); len(missing) > 0 {
				warn(v, fmt.Sprintf("the English string is %q", joinSegments(want.forms["other"])), "%q lacks %s: %s", key, braces(missing), kept)
				continue
			}
			if extra := difference(have, need); len(extra) > 0 {
				warn(v, fmt.Sprintf("the placeholders of %q are %s", key, braces(need)), "%q has %s, which nothing fills: %s", key, braces(extra), kept)
				continue
			}
		}
		t.msgs[key] = m
	}
	return t
}

// isString reports whether n is a string scalar, as YAML reads it: not a
// number, a boolean or null.
func isString(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!str"
}

// difference lists what a has and b does not.
func difference(a, b []string) []string {
	var out []string
	for _, s := range a {
		if !slices.Contains(b, s) {
			out = append(out, s)
		}
	}
	return out
}

func braces(names []string) string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = "{" + n + "}"
	}
	return strings.Join(out, ", ")
}
