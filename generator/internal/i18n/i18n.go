// Package i18n gives the default theme its words in the handbook's
// language: one table of strings per language, kept in the theme as
// layouts/i18n/<language>.yaml (English, Japanese, simplified Chinese, Korean,
// German, French, Spanish, Brazilian Portuguese and Arabic are built in),
// with a site's own layouts/i18n/<language>.yaml laid over it string by string, as
// Hugo's i18n files are.
//
// Input: the site's and the theme's i18n folders (fs.FS) and site.yaml's
// language. Output: a *Locale that the layouts read through the T
// template function, the Go fragments of package render through Text and
// HTML, and the browser script through Script (strings.js, which sets
// window.HANDBOOK_STRINGS for assets/i18n.js): one table, never a copy.
// A Locale also formats dates in the language's form, picks plural forms
// by the language's rules and says the direction of its script.
//
// Invariants: every built-in table has every key of English, with the
// same placeholders; a site's string that is unknown, misses a
// placeholder or is not a string is a warning at its position and the
// built-in string is kept; a file that does not parse is an error.
package i18n

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Locale is the string table of one language, ready to use.
type Locale struct {
	// Lang is the language as site.yaml writes it ("ja", "pt-BR"): the
	// lang attribute of the pages.
	Lang string
	// Table is the language of the strings used: a built-in table's code,
	// a site's own file's, or "en" when neither knows the language.
	Table string
	// Dir is "rtl" for a language written from right to left (Arabic,
	// Hebrew, Persian…), else "ltr".
	Dir string

	msgs       map[string]*message
	months     []string
	dateFormat []segment
	plural     func(n int) string
	script     []byte
}

// message is one string, with its plural forms when it has them.
type message struct {
	forms map[string][]segment // by plural category; "other" always
	// placeholders are those of the English string, which every use
	// gives a value.
	placeholders []string
}

// segment is a piece of a string: literal text, or a placeholder's name.
type segment struct {
	text        string
	placeholder bool
}

// Text is the string of key with args filled in (see Format), as plain
// text; the key itself when the table has no such string.
func (l *Locale) Text(key string, args ...any) string {
	s, err := l.Format(key, args...)
	if err != nil {
		return key
	}
	return s
}

// Format is the string of key with its placeholders filled from args:
// one argument fills {n}; otherwise args are pairs of a placeholder's
// name and its value. An integer n picks the plural form. Values are
// written as text: a time.Time as a date of the language.
func (l *Locale) Format(key string, args ...any) (string, error) {
	segs, vals, err := l.pick(key, args)
	if err != nil {
		return "", err
	}
	if len(segs) == 1 && !segs[0].placeholder {
		return segs[0].text, nil
	}
	var b strings.Builder
	for _, s := range segs {
		if !s.placeholder {
			b.WriteString(s.text)
			continue
		}
		b.WriteString(l.value(vals[s.text], false))
	}
	return b.String(), nil
}

// HTML is Format for a page: the string is escaped, and so is each value
// but a template.HTML one (a link), which is written as it is.
func (l *Locale) HTML(key string, args ...any) (template.HTML, error) {
	segs, vals, err := l.pick(key, args)
	if err != nil {
		return "", err
	}
	if len(segs) == 1 && !segs[0].placeholder {
		// Most strings of a page: no builder, and no copy when nothing
		// needs escaping.
		return template.HTML(template.HTMLEscapeString(segs[0].text)), nil
	}
	var b strings.Builder
	for _, s := range segs {
		if !s.placeholder {
			b.WriteString(template.HTMLEscapeString(s.text))
			continue
		}
		b.WriteString(l.value(vals[s.text], true))
	}
	return template.HTML(b.String()), nil
}

// T is HTML for a layout's {{ T "key" … }}: a string the table lacks is
// an error at the template's position.
func (l *Locale) T(key string, args ...any) (template.HTML, error) {
	return l.HTML(key, args...)
}

// Has reports whether the table has a string for key.
func (l *Locale) Has(key string) bool { return l.msgs[key] != nil }

// Keys lists the keys of the table, sorted.
func (l *Locale) Keys() []string {
	out := make([]string, 0, len(l.msgs))
	for k := range l.msgs {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// Forms returns every form of the string of key (its plural forms, or
// the one string), with placeholders as written: the words a reader may
// see of it.
func (l *Locale) Forms(key string) []string {
	m := l.msgs[key]
	if m == nil {
		return nil
	}
	var out []string
	for _, c := range pluralOrder {
		if segs, ok := m.forms[c]; ok {
			out = append(out, joinSegments(segs))
		}
	}
	return out
}

func (l *Locale) pick(key string, args []any) ([]segment, map[string]any, error) {
	m := l.msgs[key]
	if m == nil {
		return nil, nil, fmt.Errorf("no string %q in the theme's i18n tables (layouts/i18n/en.yaml lists them)", key)
	}
	var vals map[string]any
	switch {
	case len(args) == 1:
		vals = map[string]any{"n": args[0]}
	case len(args)%2 == 1:
		return nil, nil, fmt.Errorf("string %q: give one value for {n}, or pairs of a placeholder's name and its value", key)
	case len(args) > 0:
		vals = make(map[string]any, len(args)/2)
		for i := 0; i < len(args); i += 2 {
			name, ok := args[i].(string)
			if !ok {
				return nil, nil, fmt.Errorf("string %q: argument %d names a placeholder, so it is a string, not %T", key, i+1, args[i])
			}
			vals[name] = args[i+1]
		}
	}
	for _, p := range m.placeholders {
		if _, ok := vals[p]; !ok {
			return nil, nil, fmt.Errorf("string %q needs a value for {%s}", key, p)
		}
	}
	segs := m.forms["other"]
	if len(m.forms) > 1 {
		if n, ok := asInt(vals["n"]); ok {
			if f, ok := m.forms[l.plural(n)]; ok {
				segs = f
			}
		}
	}
	return segs, vals, nil
}

func asInt(v any) (int, bool) {
	switch n := v.(type) {
	case int:
		return n, true
	case int64:
		return int(n), true
	case int32:
		return int(n), true
	}
	return 0, false
}

func (l *Locale) value(v any, html bool) string {
	var s string
	switch v := v.(type) {
	case template.HTML:
		if html {
			return string(v)
		}
		s = string(v)
	case string:
		s = v
	case int:
		s = strconv.Itoa(v)
	case time.Time:
		s = l.Date(v)
	default:
		s = fmt.Sprint(v)
	}
	if html {
		return template.HTMLEscapeString(s)
	}
	return s
}

// Date writes t as the language writes a date in running text: "1
// December 2026", "2026年12月1日", "1. Dezember 2026"; "" for the zero
// time.
func (l *Locale) Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	var b strings.Builder
	for _, s := range l.dateFormat {
		switch {
		case !s.placeholder:
			b.WriteString(s.text)
		case s.text == "day":
			b.WriteString(strconv.Itoa(t.Day()))
		case s.text == "month":
			b.WriteString(l.months[t.Month()-1])
		case s.text == "year":
			b.WriteString(strconv.Itoa(t.Year()))
		}
	}
	return b.String()
}

// Plural is the plural category of n in the language: "one", "other",
// and "zero", "two", "few" or "many" where the language has them (CLDR's
// rules for whole numbers).
func (l *Locale) Plural(n int) string { return l.plural(n) }

// Script is strings.js: a script that sets window.HANDBOOK_STRINGS to the
// table, {"lang", "dir", "date_format", "months", "strings": {key: string
// or {category: string}}}, for assets/i18n.js. It loads from file:// as
// from a server, like the search index.
func (l *Locale) Script() []byte { return l.script }

func (l *Locale) makeScript() {
	type table struct {
		Lang       string         `json:"lang"`
		Dir        string         `json:"dir"`
		DateFormat string         `json:"date_format"`
		Months     []string       `json:"months"`
		Strings    map[string]any `json:"strings"`
	}
	t := table{Lang: l.Lang, Dir: l.Dir, DateFormat: joinSegments(l.dateFormat), Months: l.months, Strings: map[string]any{}}
	for k, m := range l.msgs {
		if len(m.forms) == 1 {
			t.Strings[k] = joinSegments(m.forms["other"])
			continue
		}
		forms := map[string]string{}
		for c, segs := range m.forms {
			forms[c] = joinSegments(segs)
		}
		t.Strings[k] = forms
	}
	var b bytes.Buffer
	b.WriteString("window.HANDBOOK_STRINGS=")
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(true) // no "</script>" can close a script element
	_ = enc.Encode(t)       // maps are written in key order
	b.Truncate(b.Len() - 1)
	b.WriteString(";\n")
	l.script = b.Bytes()
}

// parseSegments splits a string at its {placeholders}: a name of
// letters, digits and underscores in braces. Any other brace is text.
func parseSegments(s string) []segment {
	var out []segment
	lit := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '{' {
			continue
		}
		j := i + 1
		for j < len(s) && (s[j] == '_' || 'a' <= s[j] && s[j] <= 'z' || 'A' <= s[j] && s[j] <= 'Z' || '0' <= s[j] && s[j] <= '9') {
			j++
		}
		if j == i+1 || j >= len(s) || s[j] != '}' {
			continue
		}
		if lit < i {
			out = append(out, segment{text: s[lit:i]})
		}
		out = append(out, segment{text: s[i+1 : j], placeholder: true})
		lit = j + 1
		i = j
	}
	if lit < len(s) || len(out) == 0 {
		out = append(out, segment{text: s[lit:]})
	}
	return out
}

func joinSegments(segs []segment) string {
	var b strings.Builder
	for _, s := range segs {
		if s.placeholder {
			b.WriteString("{" + s.text + "}")
		} else {
			b.WriteString(s.text)
		}
	}
	return b.String()
}

// placeholdersOf lists the placeholders of every form, sorted, each once.
func placeholdersOf(forms map[string][]segment) []string {
	var out []string
	for _, segs := range forms {
		for _, s := range segs {
			if s.placeholder && !slices.Contains(out, s.text) {
				out = append(out, s.text)
			}
		}
	}
	slices.Sort(out)
	return out
}
