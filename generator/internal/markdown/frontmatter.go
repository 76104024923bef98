package markdown

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/gohugoio/hugo/parser/metadecoders"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"

	"handbook/generator/internal/config"
	"handbook/generator/internal/diag"
	"handbook/generator/internal/handbook"
	"handbook/generator/internal/i18n"
)

// knownKeys are the front matter keys of the content model.
var knownKeys = []string{
	"title", "kind", "id", "status", "owner", "authors", "date", "reviewed",
	"tags", "area", "summary", "weight", "draft", "aliases", "slug", "horizon",
	"strategies", "design_docs", "decisions", "supersedes", "deciders", "lang",
}

// otherKeys are the keys other generators' front matter takes (Hugo,
// Docsy, Jekyll, Just the Docs, Docusaurus, MkDocs, GitBook): kept for
// layouts, never taken for a misspelling of the handbook's. description
// and linktitle the handbook reads too.
var otherKeys = []string{
	"description", "linktitle", "stage", "name", "nav_order", "parent", "grand_parent", "layout",
	"type", "categories", "keywords", "menu", "toc", "hide", "sidebar_position", "sidebar_label",
	"has_children", "has_toc", "nav_exclude", "permalink", "redirect_from", "lastmod", "publishdate",
	"expirydate", "images", "image", "author", "url", "sitemap", "robotsnocontent", "outputs",
	"cascade", "headless", "resources", "translationkey", "series", "hidden", "pagination_label",
	"custom_edit_url", "hide_title", "hide_table_of_contents", "sidebar_class_name", "excerpt",
	"search", "icon", "subtitle", "comments", "published", "language", "nav", "order",
	"no_list", "simple_list", "manuallinkrelref", "banner", "feature_image", "summary_large_image",
	"pubdate", "unpublishdate", "build", "_build", "toc_hide", "unlisted", "eleventyexcludefromcollections",
	"bookhidden", "geekdochidden",
}

// keyKinds limits keys to the kinds they apply to.
var keyKinds = handbook.KeyKinds()

// fields is decoded front matter with the position of each key and
// value.
type fields struct {
	values  map[string]any
	offsets map[string]int // where each key is written
	// vals holds where each value is written: [0] the value, then each
	// element of a list (see handbook.Document.ValueOffsets).
	vals   map[string][]int
	src    []byte // the whole file
	start  int    // offset of the front matter text
	end    int
	failed bool // present but unreadable (already reported)
	// inferred marks keys read from leading bullets rather than front
	// matter: a wrong value there is a warning, not an error.
	inferred map[string]bool
	// successor is the decision named in a "Status: superseded by X" bullet
	// or a "Superseded by" line of a record's Status section.
	successor *handbook.Ref
	// predecessors are the records named in "Supersedes X" lines of a
	// record's Status section.
	predecessors []handbook.Ref
	// heading is the text of the body's first "# " heading, number the
	// record number it starts with ("# 2. Title"), both "" when absent.
	heading, number string
	// placeholder is true when the status is a template's placeholder
	// ("[draft | proposed | accepted]", "{status}").
	placeholder bool
	// isTemplate is true for a decision log's template: a page whose
	// blanks, a missing title among them, are not errors.
	isTemplate bool
}

var yamlLineRE = regexp.MustCompile(`line (\d+)`)

// plainPair is a front matter line "key: value" whose value is not
// quoted: the key, and the value's start.
var plainPair = regexp.MustCompile(`^([ \t]*[\w-]+:[ \t]+)([^"'\[{|>&*!#\s].*)$`)

// yamlMistake explains the two mistakes that most YAML errors of front
// matter come from, in src between start and end, at the place they are
// made: an unquoted value that holds ": " (title: Kafka: a primer), read
// as another key, and a quoted value that is never closed. It returns the
// offset, message and hint, or "" when msg, the parser's, is neither.
func yamlMistake(src []byte, start, end int, msg string) (int, string, string) {
	for at := start; at < end; {
		next := bytes.IndexByte(src[at:end], '\n')
		if next < 0 {
			next = end - at
		}
		line := string(src[at : at+next])
		if strings.Contains(msg, "mapping values are not allowed") {
			if m := plainPair.FindStringSubmatch(line); m != nil && strings.Contains(m[2], ": ") {
				key := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(m[1]), ":"))
				value := strings.TrimRight(m[2], " \t")
				return at + len(m[1]) + strings.Index(m[2], ": "),
					fmt.Sprintf("the value of %s holds \": \", which YAML reads as the start of another key", key),
					fmt.Sprintf("quote the value: %s: %s", key, strconv.Quote(value))
			}
		}
		if strings.Contains(msg, "end of stream") || strings.Contains(msg, "did not find expected") {
			trimmed := strings.TrimSpace(line)
			if i := strings.Index(trimmed, `: "`); i > 0 && !closedQuote(trimmed[i+2:]) {
				return at + strings.Index(line, `: "`) + 2,
					fmt.Sprintf("the quote that opens the value of %s is never closed", trimmed[:i]),
					`close it at the end of the value with "`
			}
		}
		at += next + 1
	}
	return 0, "", ""
}

// closedQuote reports whether the double-quoted YAML scalar that s starts
// with ends on the line.
func closedQuote(s string) bool {
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			return true
		}
	}
	return false
}

var tomlPosRE = regexp.MustCompile(`(\d+):(\d+)`)

// frontMatter decodes the YAML (goldmark-meta) or TOML front matter of the
// parsed document, removing its block from the AST.
func (p *Parser) frontMatter(doc *handbook.Document, root ast.Node, ctx parser.Context, diags *diag.List) *fields {
	src := doc.Source
	first := root.FirstChild()
	f := &fields{src: src, offsets: map[string]int{}, vals: map[string][]int{}}
	if tb, ok := first.(*TOMLFrontMatter); ok {
		doc.HasFrontMatter = true
		root.RemoveChild(root, tb)
		lines := tb.Lines()
		var buf bytes.Buffer
		for i := range lines.Len() {
			seg := lines.At(i)
			buf.Write(seg.Value(src))
		}
		f.start = bytes.IndexByte(src, '\n') + 1
		f.end = f.start + buf.Len()
		if !tb.Closed {
			diags.Errorf(doc.SourcePath, 0, "end the front matter with a line holding only +++", "TOML front matter is never closed")
			f.failed = true
			return f
		}
		m, err := metadecoders.Default.UnmarshalToMap(buf.Bytes(), metadecoders.TOML)
		if err != nil {
			off := f.start
			if mm := tomlPosRE.FindStringSubmatch(err.Error()); mm != nil {
				l, _ := strconv.Atoi(mm[1])
				c, _ := strconv.Atoi(mm[2])
				off = diag.Offset(src, l+1, c)
			}
			diags.Errorf(doc.SourcePath, off, "check the TOML syntax: strings in quotes, `key = value`, lists in [ ]", "invalid TOML front matter: %s", tomlMessage(err))
			f.failed = true
			return f
		}
		f.values = m
		f.scan(true)
		return f
	}
	if !bytes.HasPrefix(src, []byte("---")) || !isDashLine(firstLine(src)) {
		return f
	}
	doc.HasFrontMatter = true
	f.start = bytes.IndexByte(src, '\n') + 1
	if f.start == 0 {
		f.start = len(src)
	}
	f.end = closingDashes(src, f.start)
	if f.end < 0 {
		diags.Errorf(doc.SourcePath, 0, "end the front matter with a line holding only ---", "front matter is never closed")
		f.end = len(src)
		f.failed = true
		return f
	}
	m, err := frontMatterValues(ctx)
	if err != nil {
		off := f.start
		msg := err.Error()
		if mm := yamlLineRE.FindStringSubmatch(msg); mm != nil {
			l, _ := strconv.Atoi(mm[1])
			off = diag.Offset(src, l+1, 1)
			msg = strings.TrimPrefix(msg[strings.Index(msg, mm[0])+len(mm[0]):], ": ")
		}
		msg = strings.TrimPrefix(msg, "yaml: ")
		hint := "check indentation, and quote values containing ': ' or starting with '[', '{', '*' or '&'"
		if o, m, h := yamlMistake(src, f.start, f.end, msg); m != "" {
			off, msg, hint = o, m, h
		} else if strings.Contains(msg, "tab character") {
			hint = "indent with spaces: YAML does not allow tabs"
		}
		diags.Errorf(doc.SourcePath, off, hint, "invalid YAML front matter: %s", msg)
		if tb, ok := first.(*ast.TextBlock); ok {
			root.RemoveChild(root, tb)
		}
		f.failed = true
		return f
	}
	f.values = normalize(m).(map[string]any)
	f.scan(false)
	return f
}

func tomlMessage(err error) string {
	s := err.Error()
	if i := strings.LastIndex(s, ": "); i >= 0 && i+2 < len(s) {
		return s[i+2:]
	}
	return s
}

func firstLine(b []byte) []byte {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return b[:i]
	}
	return b
}

func isDashLine(l []byte) bool {
	l = bytes.TrimSpace(l)
	return len(l) >= 3 && len(bytes.Trim(l, "-")) == 0
}

// closingDashes returns the offset of the closing --- line after start, or -1.
func closingDashes(src []byte, start int) int {
	for off := start; off < len(src); {
		line := firstLine(src[off:])
		if isDashLine(line) {
			return off
		}
		off += len(line) + 1
	}
	return -1
}

// scan finds where each top-level key and its value are written, and
// each element of a list, in YAML or TOML front matter (see posScan).
func (f *fields) scan(toml bool) {
	s := posScan{src: f.src, start: f.start, end: f.end, toml: toml, keys: f.offsets, vals: f.vals}
	s.scan()
}

// at returns the offset of key, or of the front matter when unknown.
func (f *fields) at(key string) int {
	if o, ok := f.offsets[key]; ok {
		return o
	}
	return max(0, f.start-4)
}

// value returns the offset of key's value, when it is written.
func (f *fields) value(key string) (int, bool) {
	if v := f.vals[key]; len(v) > 0 {
		return v[0], true
	}
	return 0, false
}

// valueAt returns the offset of key's value, or of the key when the value
// is not written or its place is unknown: a problem with a value is
// reported where the value is.
func (f *fields) valueAt(key string) int {
	if o, ok := f.value(key); ok {
		return o
	}
	return f.at(key)
}

// elemAt returns the offset of element i of the list under key, or of the
// value when it is not a list.
func (f *fields) elemAt(key string, i int) int {
	if v := f.vals[key]; i >= 0 && i+1 < len(v) {
		return v[i+1]
	}
	return f.valueAt(key)
}

func normalize(v any) any {
	switch v := v.(type) {
	case map[any]any:
		m := make(map[string]any, len(v))
		for k, x := range v {
			m[fmt.Sprint(k)] = normalize(x)
		}
		return m
	case map[string]any:
		for k, x := range v {
			v[k] = normalize(x)
		}
		return v
	case []any:
		for i, x := range v {
			v[i] = normalize(x)
		}
		return v
	}
	return v
}

// applyFrontMatter sets the document's fields from its front matter and
// checks them against the content model.
func (p *Parser) applyFrontMatter(doc *handbook.Document, f *fields, diags *diag.List) {
	f.lowerKeys()
	f.bullets()
	f.record()
	f.statusWord()
	// A log's README or template is a page among its records, and the
	// blanks of a template are not errors, wherever it is kept.
	_, kindSet := f.values["kind"]
	f.isTemplate = !kindSet && !doc.IsSection && f.template(doc)
	asPage := !kindSet && !doc.IsSection && p.opts.KindOf(dirOf(doc.Path)) != handbook.KindPage && (indexName(doc.Path) || f.isTemplate)
	if asPage || f.isTemplate {
		f.dropInferred()
	}
	doc.KeyOffsets = f.offsets
	doc.ValueOffsets = f.vals
	path := doc.SourcePath
	dec := decoder{f: f, path: path, diags: diags}
	v := f.values
	keys := make([]string, 0, len(v))
	for k := range v {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if slices.Contains(knownKeys, k) || k == "description" || k == "linktitle" {
			continue
		}
		if k == "superseded_by" {
			diags.Errorf(path, f.at(k), "write `supersedes:` on the newer decision instead; superseded_by is computed from it", "superseded_by is computed, never written")
			continue
		}
		if doc.Params == nil {
			doc.Params = map[string]any{}
		}
		doc.Params[k] = v[k]
		if sug := likelyKey(k); sug != "" {
			diags.Warnf(path, f.at(k), fmt.Sprintf("did you mean %q?", sug), "unknown front matter key %q", k)
		}
	}

	doc.Title = dec.str("title")
	doc.Outline.ID = dec.str("id")
	doc.Status = dec.str("status")
	if list, ok := v["owner"].([]any); ok && len(list) > 1 {
		dec.fail("owner", "name one owner, a team or a person, who answers for it; list the others in authors:", "owner names %d owners", len(list))
	} else {
		doc.Outline.Owner = dec.str("owner")
	}
	doc.Authors = dec.strs("authors")
	doc.Date = dec.date("date")
	doc.Reviewed = dec.date("reviewed")
	if every := dec.str("review_every"); every != "" {
		// The document's own review period, which the health report
		// reads from its params: a value it cannot read is an error
		// here, where the author wrote it, not a period left unread.
		if _, err := config.ParseDays(every); err != nil {
			dec.fail("review_every", `write a number and a unit: "180d", "26w", "6m" or "1y"`, "review_every %q is not a period", every)
		}
	}
	doc.Tags = dec.strs("tags")
	doc.Area = dec.str("area")
	doc.Summary = dec.str("summary")
	if doc.Summary == "" {
		doc.Summary = dec.str("description") // Hugo's, Docsy's, MkDocs', GitBook's
	}
	doc.Summary = p.summaryText(doc.Summary)
	doc.LinkTitle = dec.str("linktitle")
	if doc.LinkTitle == "" {
		doc.LinkTitle, _ = v["sidebar_label"].(string) // Docusaurus'
	}
	doc.Weight = dec.int("weight")
	if _, set := v["weight"]; !set {
		// The order of other generators' sidebars: Docusaurus',
		// just-the-docs'. Only a whole number is read, and nothing else
		// reported: the key is theirs.
		for _, k := range []string{"sidebar_position", "nav_order"} {
			if w, ok := v[k].(int); ok {
				doc.Weight = w
				break
			}
			if w, ok := v[k].(uint64); ok && w < 1<<31 {
				doc.Weight = int(w)
				break
			}
		}
	}
	doc.Menus = menus(v["menu"])
	doc.Draft = dec.bool("draft")
	p.publishing(doc, &dec, v)
	doc.Outline.Aliases = dec.refs("aliases")
	doc.Slug = dec.str("slug")
	doc.Horizon = dec.int("horizon")
	if lang := dec.str("lang"); lang != "" {
		if i18n.ValidTag(lang) {
			doc.Lang = i18n.Normalize(lang)
		} else {
			diags.Warnf(path, f.valueAt("lang"), `write a language code such as "ja", "zh-CN" or "pt-BR"`, "lang %q is not a language code: the page is taken to be in the handbook's language", lang)
		}
	}
	doc.Strategies = dec.refs("strategies")
	doc.DesignDocs = dec.refs("design_docs")
	doc.Supersedes = dec.refs("supersedes")
	doc.Deciders = dec.strs("deciders")
	doc.SupersededBy = f.successor
	doc.Supersedes = append(doc.Supersedes, f.predecessors...)

	if id := doc.Outline.ID; id != "" && strings.ContainsAny(id, " \t#|[]?") {
		diags.Errorf(path, f.valueAt("id"), "use letters, digits, '-', '_', '.' and '/'", "id %q cannot be used in links", id)
		doc.Outline.ID = ""
	}

	// Kind: front matter, else the section's, else page. Section index pages
	// are pages unless they say otherwise.
	kind := dec.str("kind")
	if kind != "" && !handbook.Kind(kind).Valid() {
		hint := "kinds are " + strings.Join(handbook.KindNames(), ", ")
		if sug := diag.Suggest(kind, handbook.KindNames()); sug != "" {
			hint = fmt.Sprintf("did you mean %q?", sug)
		}
		diags.Errorf(path, f.valueAt("kind"), hint, "unknown kind %q", kind)
		// Read as if it said none: its other keys are checked as its
		// section's kind takes them, not reported as a page's.
		kind = ""
	}
	switch {
	case kind != "":
		doc.Kind = handbook.Kind(kind)
	case doc.IsSection:
		doc.Kind = handbook.KindPage
	default:
		doc.Kind = p.opts.KindOf(dirOf(doc.Path))
		if asPage {
			doc.Kind = handbook.KindPage
		}
	}
	if doc.Kind == handbook.KindDecision && f.number != "" && doc.Title == "" {
		doc.RecordNumber = f.number
	}

	if f.failed {
		return // what the front matter would have said is unknown; its error is reported
	}
	p.checkStatus(doc, f, diags)
	for key, kinds := range keyKinds {
		if _, ok := v[key]; ok && !slices.Contains(kinds, doc.Kind) && !f.inferred[key] {
			names := make([]string, len(kinds))
			for i, k := range kinds {
				names[i] = string(k)
			}
			diags.Warnf(path, f.at(key), "remove it, or set the kind this key belongs to", "%s applies to %s documents, not to a %s", key, strings.Join(names, " and "), doc.Kind)
		}
	}
	checkRequired(doc, f, &dec, diags)
	if raw, ok := v["decisions"]; ok {
		doc.InlineDecisions = p.inlineDecisions(doc, raw, &dec)
	}
}

// likelyKey returns the known key an unknown one is likely a misspelling
// of: one edit away for a key of five letters or fewer, two for longer.
// A key other generators use is never one.
func likelyKey(k string) string {
	lk := strings.ToLower(k)
	if slices.Contains(otherKeys, lk) {
		return ""
	}
	sug := diag.Suggest(lk, knownKeys)
	if sug == "" {
		return ""
	}
	limit := 2
	if len([]rune(lk)) <= 5 {
		limit = 1
	}
	if diag.Distance(lk, sug) > limit {
		return ""
	}
	return sug
}

// lowerKeys makes front matter keys case-insensitive, as in Hugo: a key
// written in capitals ("Title:", "linkTitle:") is read as its lower-case
// form, unless that form is written too. Positions move with the key.
func (f *fields) lowerKeys() {
	for k, v := range f.values {
		lk := strings.ToLower(k)
		if lk == k {
			continue
		}
		if _, both := f.values[lk]; both {
			continue
		}
		delete(f.values, k)
		f.values[lk] = v
		for name, o := range f.offsets {
			if name == k || strings.HasPrefix(name, k+".") {
				delete(f.offsets, name)
				f.offsets[lk+name[len(k):]] = o
			}
		}
		for name, o := range f.vals {
			if name == k || strings.HasPrefix(name, k+".") {
				delete(f.vals, name)
				f.vals[lk+name[len(k):]] = o
			}
		}
	}
}

// missing reports a required key that is absent: an error in a document
// whose front matter was written for the handbook (it has a title), a
// warning in one without (content brought from another tool, whose records
// enter the registry as far as they can be read).
func missing(f *fields, diags *diag.List) func(string, int, string, string, ...any) {
	if _, ok := f.values["title"]; ok {
		return diags.Errorf
	}
	return diags.Warnf
}

// foreign reports whether a document's front matter was written for
// another tool (it has no `title:`, or its status was read from the body):
// a status outside the handbook's list is then mapped or a warning.
func foreign(f *fields) bool {
	_, titled := f.values["title"]
	return !titled || f.inferred["status"]
}

func (p *Parser) checkStatus(doc *handbook.Document, f *fields, diags *diag.List) {
	allowed := doc.Kind.Statuses()
	path := doc.SourcePath
	switch {
	case allowed == nil && doc.Status != "" && f.inferred["status"]:
		doc.Status = "" // a bullet list of a page, not its lifecycle
	case allowed == nil && doc.Status != "":
		kind, folder := handbook.KindDecision, "decisions"
		for _, s := range handbook.KindTable {
			if len(s.Folders) > 0 && s.DefaultStatus != "" && slices.Contains(s.Statuses, doc.Status) {
				kind, folder = s.Name, s.Folders[0]
			}
		}
		diags.Warnf(path, f.at("status"), fmt.Sprintf("put it in a %s/ folder or set kind: %s (or remove the status)", folder, kind), "status: %s on a %s: a %s has no status", doc.Status, doc.Kind, doc.Kind)
	case allowed == nil:
	case doc.Status == "" && doc.Kind.DefaultStatus() != "":
		doc.Status = doc.Kind.DefaultStatus()
	case doc.Status == "":
		if doc.Kind.Requires("status") {
			missing(f, diags)(path, f.at("title"), "add `status:` with one of "+strings.Join(allowed, ", "), "%s has no status", strings.ToLower(doc.Kind.Label(false)))
		}
	case !slices.Contains(allowed, doc.Status) && slices.Contains(allowed, strings.ToLower(doc.Status)):
		doc.Status = strings.ToLower(doc.Status)
	case !slices.Contains(allowed, doc.Status) && foreign(f):
		if st, ok := mapStatus(strings.ToLower(doc.Status)); ok && slices.Contains(allowed, st) {
			doc.Status = st
			return
		}
		where := "the status was read from the record as written"
		if !f.inferred["status"] {
			where = "the record's front matter comes from another tool"
		}
		diags.Warnf(path, f.valueAt("status"), where+"; use one of "+strings.Join(allowed, ", "), "unknown status %q for a %s", doc.Status, doc.Kind)
		doc.Status = ""
	case !slices.Contains(allowed, doc.Status) && f.inferred["status"]:
		diags.Warnf(path, f.valueAt("status"), "the status was read from the bullet list at the top; use one of "+strings.Join(allowed, ", "), "unknown status %q for a %s", doc.Status, doc.Kind)
		doc.Status = ""
	case !slices.Contains(allowed, doc.Status):
		hint := "a " + string(doc.Kind) + " is one of " + strings.Join(allowed, ", ")
		if sug := diag.Suggest(doc.Status, allowed); sug != "" {
			hint = fmt.Sprintf("did you mean %q? %s", sug, hint)
		}
		diags.Errorf(path, f.valueAt("status"), hint, "unknown status %q for a %s", doc.Status, doc.Kind)
	}
}

func (p *Parser) inlineDecisions(doc *handbook.Document, raw any, dec *decoder) []handbook.DecisionEntry {
	f := dec.f
	list, ok := raw.([]any)
	if !ok {
		dec.diags.Errorf(doc.SourcePath, f.valueAt("decisions"), "write a list of entries with id, title, status and rationale", "decisions must be a list")
		return nil
	}
	var out []handbook.DecisionEntry
	for i, item := range list {
		entry := f.elemAt("decisions", i)
		m, ok := item.(map[string]any)
		if !ok {
			dec.diags.Errorf(doc.SourcePath, entry, "each entry is a map: - id: ...\n  title: ...", "decisions entry %d is not a map", i+1)
			continue
		}
		sub := decoder{f: f, path: dec.path, diags: dec.diags, m: m, parent: "decisions." + strconv.Itoa(i), entry: entry}
		d := handbook.DecisionEntry{
			ID: sub.str("id"), Title: sub.str("title"), Status: sub.str("status"),
			Rationale: sub.str("rationale"), Area: sub.str("area"), Owner: sub.str("owner"),
			Date: sub.date("date"), Deciders: sub.strs("deciders"), Supersedes: sub.refs("supersedes"),
			Inline: true,
		}
		d.Offset = entry
		if _, ok := m["id"]; ok {
			d.Offset = sub.valueAt("id")
		}
		for k := range m {
			if !slices.Contains([]string{"id", "title", "status", "rationale", "area", "owner", "date", "deciders", "supersedes"}, k) {
				hint := "entries take id, title, status, rationale, area, owner, date, deciders, supersedes"
				if sug := diag.Suggest(k, []string{"id", "title", "status", "rationale", "area", "owner", "date", "deciders", "supersedes"}); sug != "" {
					hint = fmt.Sprintf("did you mean %q?", sug)
				}
				dec.diags.Warnf(doc.SourcePath, sub.keyAt(k), hint, "unknown key %q in inline decision", k)
			}
		}
		if d.ID == "" {
			dec.diags.Errorf(doc.SourcePath, d.Offset, "give each inline decision a unique id, such as "+strings.TrimSuffix(strings.ReplaceAll(doc.Path, "/", "-"), ".md")+"-"+strconv.Itoa(i+1), "inline decision %d has no id", i+1)
			continue
		}
		if d.Title == "" {
			dec.diags.Errorf(doc.SourcePath, d.Offset, "add `title:` to the entry", "inline decision %q has no title", d.ID)
		}
		if d.Status == "" {
			dec.diags.Errorf(doc.SourcePath, d.Offset, "add `status:` with one of "+strings.Join(handbook.DecisionStatuses, ", "), "inline decision %q has no status", d.ID)
		} else if !slices.Contains(handbook.DecisionStatuses, d.Status) {
			hint := "one of " + strings.Join(handbook.DecisionStatuses, ", ")
			if sug := diag.Suggest(d.Status, handbook.DecisionStatuses); sug != "" {
				hint = fmt.Sprintf("did you mean %q?", sug)
			}
			dec.diags.Errorf(doc.SourcePath, sub.valueAt("status"), hint, "unknown status %q in inline decision %q", d.Status, d.ID)
		}
		if d.Area == "" {
			d.Area = doc.Area
		}
		if d.Owner == "" {
			d.Owner = doc.Outline.Owner
		}
		if d.Date.IsZero() {
			d.Date = doc.Date
		}
		out = append(out, d)
	}
	return out
}

// decoder reads typed values from front matter, reporting wrong types.
type decoder struct {
	f      *fields
	path   string
	diags  *diag.List
	m      map[string]any // nil: the top level
	parent string         // name of m's entry, for positions: "decisions.0"
	entry  int            // offset of m's entry
	bad    map[string]bool
}

func (d *decoder) get(key string) (any, bool) {
	if d.m != nil {
		v, ok := d.m[key]
		return v, ok
	}
	v, ok := d.f.values[key]
	return v, ok
}

// keyAt returns the offset of key in the entry, or of the entry.
func (d *decoder) keyAt(key string) int {
	if d.parent == "" {
		return d.f.at(key)
	}
	if o, ok := d.f.offsets[d.parent+"."+key]; ok {
		return o
	}
	return d.entry
}

// valueAt returns the offset of key's value, else of key.
func (d *decoder) valueAt(key string) int {
	if d.parent == "" {
		return d.f.valueAt(key)
	}
	if o, ok := d.f.value(d.parent + "." + key); ok {
		return o
	}
	return d.keyAt(key)
}

// elemAt returns the offset of element i of key's list, else of its value.
func (d *decoder) elemAt(key string, i int) int {
	name := key
	if d.parent != "" {
		name = d.parent + "." + key
	}
	if v := d.f.vals[name]; i >= 0 && i+1 < len(v) {
		return v[i+1]
	}
	return d.valueAt(key)
}

// fail reports a value of key that cannot be read, at the value.
func (d *decoder) fail(key, hint, format string, args ...any) {
	d.failAt(key, d.valueAt(key), hint, format, args...)
}

// failAt reports a value of key that cannot be read, at offset.
func (d *decoder) failAt(key string, offset int, hint, format string, args ...any) {
	if d.bad == nil {
		d.bad = map[string]bool{}
	}
	d.bad[key] = true
	if d.m == nil && d.f.inferred[key] {
		d.diags.Warnf(d.path, offset, hint+" (read from the text of the document, which has no front matter)", format, args...)
		return
	}
	d.diags.Errorf(d.path, offset, hint, format, args...)
}

func (d *decoder) failed(key string) bool { return d.bad[key] }

func (d *decoder) str(key string) string {
	v, ok := d.get(key)
	if !ok || v == nil {
		return ""
	}
	switch v := v.(type) {
	case string:
		return strings.TrimSpace(v)
	case int, int64, uint64, float64, bool:
		return fmt.Sprint(v)
	case time.Time:
		return v.Format("2006-01-02")
	}
	d.fail(key, "write a single value, in quotes if it contains ':'", "%s must be text, not a %s", key, typeName(v))
	return ""
}

func (d *decoder) strs(key string) []string {
	v, ok := d.get(key)
	if !ok || v == nil {
		return nil
	}
	switch v := v.(type) {
	case string:
		if v == "" {
			return nil
		}
		return []string{strings.TrimSpace(v)}
	case []any:
		out := make([]string, 0, len(v))
		for i, x := range v {
			switch x := x.(type) {
			case string:
				out = append(out, strings.TrimSpace(x))
			case int, int64, float64, bool:
				out = append(out, fmt.Sprint(x))
			default:
				d.failAt(key, d.elemAt(key, i), "write a list of names: [a, b]", "%s must be a list of text values", key)
				return nil
			}
		}
		return out
	case []string:
		return v
	}
	d.fail(key, "write a list: [a, b]", "%s must be a list, not a %s", key, typeName(v))
	return nil
}

func (d *decoder) refs(key string) []handbook.Ref {
	names := d.strs(key)
	if len(names) == 0 {
		return nil
	}
	out := make([]handbook.Ref, len(names))
	for i, n := range names {
		out[i] = handbook.Ref{Target: n, Offset: d.elemAt(key, i)}
	}
	return out
}

var dateLayouts = []string{"2006-01-02", time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01"}

func (d *decoder) date(key string) time.Time {
	v, ok := d.get(key)
	if !ok || v == nil {
		return time.Time{}
	}
	switch v := v.(type) {
	case time.Time:
		return v
	case fmt.Stringer: // TOML local dates and times
		if t, ok := parseDate(v.String()); ok {
			return t
		}
	case string:
		s := strings.TrimSpace(v)
		if t, ok := parseDate(s); ok {
			return t
		}
		if t, ambiguous, ok := parseLooseDate(s); ok {
			if ambiguous {
				d.diags.Warnf(d.path, d.valueAt(key), fmt.Sprintf("write it as %s (YYYY-MM-DD); if the month comes first, %s", t.Format("2006-01-02"), time.Date(t.Year(), time.Month(t.Day()), int(t.Month()), 0, 0, 0, 0, time.UTC).Format("2006-01-02")),
					"%s %q is read day first, as %s", key, s, t.Format("2 January 2006"))
			}
			return t
		}
		d.fail(key, "write dates as YYYY-MM-DD, for example 2026-03-14", "%s %q is not a date", key, s)
		return time.Time{}
	}
	d.fail(key, "write dates as YYYY-MM-DD, for example 2026-03-14", "%s must be a date, not a %s", key, typeName(v))
	return time.Time{}
}

func parseDate(s string) (time.Time, bool) {
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

func (d *decoder) int(key string) int {
	v, ok := d.get(key)
	if !ok || v == nil {
		return 0
	}
	switch v := v.(type) {
	case int:
		return v
	case int64:
		return int(v)
	case uint64:
		return int(v)
	case float64:
		if v == float64(int(v)) {
			return int(v)
		}
	case string:
		if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil {
			return n
		}
	}
	d.fail(key, "write a whole number", "%s must be a whole number", key)
	return 0
}

func (d *decoder) bool(key string) bool {
	v, ok := d.get(key)
	if !ok || v == nil {
		return false
	}
	if b, ok := v.(bool); ok {
		return b
	}
	d.fail(key, "write true or false", "%s must be true or false", key)
	return false
}

// publishing reads when other generators publish a page, and whether they
// list it (Unlisted): Hugo's
// publishDate (or pubdate, or published as a date) and expiryDate (or
// unpublishdate), Jekyll's `published: false`, and Hugo's pages that are
// never rendered (headless: true, or render: never or false under build
// or _build).
func (p *Parser) publishing(doc *handbook.Document, dec *decoder, v map[string]any) {
	for _, k := range []string{"publishdate", "pubdate", "published"} {
		if b, ok := v[k].(bool); ok && k == "published" {
			doc.Unpublished = !b
		} else if _, ok := v[k]; ok && doc.PublishDate.IsZero() {
			doc.PublishDate = dec.date(k)
		}
	}
	for _, k := range []string{"expirydate", "unpublishdate"} {
		if _, ok := v[k]; ok && doc.ExpiryDate.IsZero() {
			doc.ExpiryDate = dec.date(k)
		}
	}
	if dec.bool("headless") {
		doc.Headless = "headless: true"
	}
	for _, k := range []string{"nav_exclude", "toc_hide", "unlisted", "eleventyexcludefromcollections", "hidden", "bookhidden", "geekdochidden"} {
		if b, _ := v[k].(bool); b {
			doc.Unlisted = true
		}
	}
	if l, _ := v["layout"].(string); strings.EqualFold(l, "search") {
		// A Hugo theme's page of search results: the handbook searches
		// from every page's header, and lists no page that has none.
		doc.Unlisted = true
	}
	for _, k := range []string{"build", "_build"} {
		m, _ := v[k].(map[string]any)
		if l, ok := m["list"].(bool); ok && !l {
			doc.Unlisted = true
		} else if l, _ := m["list"].(string); strings.EqualFold(l, "never") {
			doc.Unlisted = true
		}
		switch r := m["render"].(type) {
		case bool:
			if !r {
				doc.Headless = "render: false"
			}
		case string:
			if r = strings.ToLower(r); r == "never" || r == "link" {
				doc.Headless = "render: " + r
			}
		}
	}
}

func typeName(v any) string {
	switch v.(type) {
	case map[string]any:
		return "map"
	case []any:
		return "list"
	case string:
		return "text"
	case bool:
		return "boolean"
	}
	return fmt.Sprintf("%T", v)
}

// supersededByRE reads the successor in "superseded by [ADR-0005](0005-x.md)"
// or "superseded by ADR-0005".
var supersededByRE = regexp.MustCompile(`(?i)^superseded\s+by\s+(?:\[[^\]]*\]\(([^)\s]+)\)|([\w./-]+))`)

var bulletRE = regexp.MustCompile(`(?i)^\s*[-*]\s+(?:\*\*)?(status|date|start date|deciders|decision-makers|owner)(?:\*\*)?\s*:\s*(?:\*\*)?\s*(.+?)\s*$`)

// bullets reads metadata written as a leading bullet list, the habit of
// decision logs and RFCs without front matter ("- Status: accepted",
// "* Date: 2020-05-01", "- Start Date: 2014-03-20"), for the keys the front
// matter does not set. Only the first lines of the body are read.
func (f *fields) bullets() {
	body := f.end
	if body > 0 {
		body += len(firstLine(f.src[body:])) + 1 // the closing --- line
	}
	lines := 0
	for off := min(body, len(f.src)); off < len(f.src) && lines < 20; off += len(firstLine(f.src[off:])) + 1 {
		line := firstLine(f.src[off:])
		if len(bytes.TrimSpace(line)) > 0 {
			lines++
		}
		if t := bytes.TrimLeft(line, " \t\n\f\r"); len(t) < 3 || t[0] != '-' && t[0] != '*' || bytes.IndexByte(t, ':') < 0 {
			continue // no "- key: value": spare the regexp
		}
		if loc := bulletRE.FindSubmatchIndex(line); loc != nil {
			key := strings.ToLower(string(line[loc[2]:loc[3]]))
			val := strings.TrimSpace(string(line[loc[4]:loc[5]]))
			at := off + loc[4] // where the value is written
			switch key {
			case "start date":
				key = "date"
			case "decision-makers":
				key = "deciders"
			}
			if key == "status" {
				// "Accepted", "superseded by ADR-0005", "proposed (2020-01-01)"
				if m := supersededByRE.FindStringSubmatch(val); m != nil && f.successor == nil {
					target := m[2]
					if m[1] != "" {
						target = m[1] // [text](target)
					}
					at := off + bytes.Index(line, []byte(target))
					f.successor = &handbook.Ref{Target: strings.TrimSpace(target), Offset: at}
				}
			}
			if key == "date" {
				// "(2016-06-17)", "`2020-01-01`": the date inside.
				inner := strings.TrimLeft(val, "([`*_")
				at += len(val) - len(inner)
				if val = inner; len(val) >= 10 {
					val = val[:10]
				}
			}
			if _, set := f.values[key]; !set {
				f.infer(key, val, off, at)
			}
		}
	}
}

// menus reads Hugo's `menu:` of front matter: a menu's name ("main"), a
// list of names, or names with each entry's weight and name
// ({main: {weight: 20, name: Docs}}). What it cannot read is left: the
// key is Hugo's.
func menus(v any) []handbook.MenuRef {
	var out []handbook.MenuRef
	switch v := v.(type) {
	case string:
		if v != "" {
			out = append(out, handbook.MenuRef{Menu: v})
		}
	case []any:
		for _, e := range v {
			if name, ok := e.(string); ok && name != "" {
				out = append(out, handbook.MenuRef{Menu: name})
			}
		}
	case map[string]any:
		for name, e := range v {
			m := handbook.MenuRef{Menu: name}
			if entry, ok := e.(map[string]any); ok {
				for k, x := range entry {
					switch strings.ToLower(k) {
					case "weight":
						switch w := x.(type) {
						case int:
							m.Weight = w
						case uint64:
							if w < 1<<31 {
								m.Weight = int(w)
							}
						case int64:
							m.Weight = int(w)
						}
					case "name":
						m.Name, _ = x.(string)
					}
				}
			}
			out = append(out, m)
		}
		slices.SortFunc(out, func(a, b handbook.MenuRef) int { return strings.Compare(a.Menu, b.Menu) })
	}
	return out
}
