// Package handbook holds the domain types shared by every stage of the
// pipeline: documents and their kinds, links, decisions and the site.
//
// KindTable is the one description of every document kind (labels,
// statuses, required and allowed front matter, conventional folders); the
// other stages read it rather than naming kinds themselves.
//
// The types carry data only. Offsets are byte offsets into a document's
// source; the diag package turns them into line and column when reporting.
package handbook

import (
	"bytes"
	"path"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Ref is a reference to another document or decision written in front
// matter: the id or path as written, and where it was written.
type Ref struct {
	Target string
	Offset int
}

// LinkForm tells how a link was written in the body.
type LinkForm int

// The link forms of the body.
const (
	LinkMarkdown LinkForm = iota // [x](target)
	LinkWiki                     // [[target|label]]
	LinkImage                    // ![x](target)
	// LinkRef is [x]({{< ref "target" >}}) or relref, Hugo's: the target
	// is looked up relative to the page, else by name anywhere.
	LinkRef
)

// BodyLink is one link of a document body as parsing finds it: where it
// points as written, and how it was written.
type BodyLink struct {
	Dest   string   // the target as written, with shortcodes expanded
	Form   LinkForm // how it was written
	Offset int      // byte offset of the link in the source
}

// Link is one link in a document body, resolved: the graph stage makes one
// for each of the parse's BodyLinks, in order. Its href in the rendered
// HTML is a slot filled once the link is resolved (see Body.HTML).
type Link struct {
	BodyLink
	Target   *Document // the document it points at, nil when external or a file
	Fragment string    // the heading id after '#', if any
	File     string    // site path of a static file it points at, if any
	Decision *Decision // the decision it points at: a record, or an inline entry by id
	External bool      // a URL with a scheme, mailto:, or a protocol-relative URL
	// Folder is the address, in the handbook's repository, of the folder
	// it points at when that folder holds files and no page: the folder
	// as the forge lists it.
	Folder  string
	Broken  bool // resolution failed; rendered as the original text
	Counted bool // counted in Site.Links (a resolved link to a document)
}

// Heading is a heading of a document body.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// DecisionEntry is a decision as a document writes it: the entry of a
// design doc's or strategy's `decisions:` list, or a decision record's
// front matter.
type DecisionEntry struct {
	ID         string
	Title      string
	Status     string
	Area       string
	Owner      string
	Date       time.Time
	Rationale  string
	Deciders   []string
	Supersedes []Ref
	// Inline is true for an entry of a document's `decisions:` list.
	Inline bool
	// Offset of the entry in its document's source.
	Offset int
}

// Decision is one entry of the decision registry, made by the graph
// stage: a `kind: decision` document, or an inline entry of a design doc
// or strategy, with its place among the others.
type Decision struct {
	DecisionEntry
	// Doc is the decision record, or the document that declares it inline.
	Doc *Document
	// SupersededBy and Replaces are the decisions that supersede this one
	// and that it supersedes.
	SupersededBy []*Decision
	Replaces     []*Decision
}

// HeldBack says why the document is not published on a build at now, as
// the key that holds it back ("draft: true", "publishDate 2027-03-01"…),
// or "" when it is published. drafts (--drafts) publishes drafts and
// the pages held back by their dates or by `published: false`; a
// headless page is never published.
func (o *Outline) HeldBack(now time.Time, drafts bool) string {
	switch {
	case o.Headless != "":
		return o.Headless
	case drafts:
		return ""
	case o.Draft:
		return "draft: true"
	case o.Unpublished:
		return "published: false"
	case !o.PublishDate.IsZero() && o.PublishDate.After(now):
		return "publishDate " + o.PublishDate.Format("2006-01-02")
	case !o.ExpiryDate.IsZero() && !o.ExpiryDate.After(now):
		return "expiryDate " + o.ExpiryDate.Format("2006-01-02")
	}
	return ""
}

// Held is a document a build does not publish, and why: the key that
// holds it back ("draft: true", "publishDate 2027-03-01"), or the
// headless bundle it belongs to.
type Held struct {
	Doc *Document
	Why string
}

// Outline is everything parsing finds in a document but its body: the
// front matter's values and their places, the title and the headings. Two
// parses with the same outline differ in what a body edit can change.
//
// An Outline and a Body are what the markdown stage makes of a document's
// bytes, its parse. A parse is never modified once made, so that one
// parse serves every build of an unchanged file (serve keeps them) and is
// shared, not copied, by the documents of those builds; what linking
// computes is the Document's own. (A single build, whose parses no other
// build shares, lets go of a body's HTML once its page is written.)
type Outline struct {
	Title string
	Kind  Kind
	// ID is the id front matter gives, "" for none; Document.ID is the id
	// the document is known by.
	ID       string
	Status   string
	Owner    string
	Authors  []string
	Date     time.Time
	Reviewed time.Time
	Tags     []string
	Area     string
	Summary  string
	// Lang is the language the document is written in, when it is not
	// the handbook's ("zh-CN" in a Japanese handbook): a BCP 47 tag, ""
	// for the handbook's language.
	Lang string
	// LinkTitle is the shorter title navigation shows (Hugo's and Docsy's
	// linkTitle), "" for the title itself: see NavTitle.
	LinkTitle string
	Weight    int
	// Menus are the site menus front matter puts the document in, as
	// Hugo's `menu:` does ("main" is the header's).
	Menus []MenuRef
	Draft bool
	// Unpublished is true for a page another generator would not publish
	// whatever the day: Jekyll's `published: false`.
	Unpublished bool
	// PublishDate and ExpiryDate are the moments Hugo publishes a page
	// from and until (publishDate, expiryDate and their aliases); zero
	// for none.
	PublishDate, ExpiryDate time.Time
	// Unlisted is set for a page published but listed in no navigation
	// (the sidebar, its section's list, prev and next), as another
	// generator's key says: nav_exclude, toc_hide, unlisted or hidden
	// (bookHidden, geekdocHidden): true, eleventyExcludeFromCollections,
	// list: never under build.
	Unlisted bool
	// Headless names the key that makes a page one Hugo never renders,
	// whose content other pages include: "headless: true", or "render:
	// never" under build; "" for a page.
	Headless string
	// Template is true for a decision log's template (named so, or with
	// placeholders for its title or status), a page: its blanks, and
	// links to what its placeholders name, are not errors.
	Template bool
	// Aliases are the aliases front matter gives; Document.Aliases adds
	// those of other generators' keys.
	Aliases    []Ref
	Slug       string // replaces the last element of the URL
	Horizon    int
	Strategies []Ref
	DesignDocs []Ref
	// InlineDecisions are the entries of a design doc's or strategy's
	// `decisions:` list; Document.Decisions are their places in the
	// registry.
	InlineDecisions []DecisionEntry
	Supersedes      []Ref // decision records
	// SupersededBy is the successor named where a decision log writes
	// "Status: superseded by X" in its leading bullets (never front matter:
	// there superseded_by is computed).
	SupersededBy *Ref
	Deciders     []string
	Params       map[string]any // keys the content model does not know
	// KeyOffsets is the byte offset of each top-level front matter key,
	// and of each key of the entries of a top-level list of maps, named
	// by the list's key and the entry's index: "decisions.0.status".
	KeyOffsets map[string]int
	// ValueOffsets is, by the same names, where each value is written:
	// [0] is the byte offset of the value, and for a list [1+i] that of
	// its element i (supersedes: [a, b] has b at [2]). A problem with a
	// value is reported there; a key whose value's place is unknown has
	// none, and is reported at the key.
	ValueOffsets map[string][]int
	// RecordNumber is the number a decision record's title was written
	// with, as adr-tools writes them ("# 2. Implement as shell scripts"):
	// the title keeps the words, Number shows the number.
	RecordNumber string
	// HasFrontMatter is false for a file without front matter.
	HasFrontMatter bool
	Headings       []Heading // every heading, in order; level 0 for anchors of raw HTML (id="x")
	TitleID        string    // the id of the first heading when it became the title
}

// MenuRef is a document's entry in a site menu: the menu's name, the
// entry's weight among the menu's (0: unset) and its name ("" for the
// document's navigation title).
type MenuRef struct {
	Menu   string
	Weight int
	Name   string
}

// Body is the rendered body of a document and what was counted in it.
type Body struct {
	// HTML is the rendered body; link hrefs are slots "\x00N\x00" for
	// BodyLinks[N]. Once packed (see Pack) it is "": read the body with
	// HTMLText.
	HTML string
	// packed is HTML compressed, nil unless Pack was called.
	packed    []byte
	BodyLinks []BodyLink // body links, in order
	WordCount int
	// Words is the body's plain text as the search index reads it: the
	// text before the first heading, then for each heading "\x1e" id
	// "\x1f" and the heading's text and the text up to the next heading
	// (markdown.SectionMark, markdown.IDMark). Once packed (see Pack) it
	// is "": read it with WordsText.
	Words string
	// packedWords is Words compressed, nil unless Pack was called.
	packedWords []byte
	Tasks       int // task list items
	// Diagrams counts the body's ```mermaid fences, drawn in the reader's
	// browser: a page with one loads the diagram script.
	Diagrams int
}

// Document is one Markdown file: where it was read from, its parse
// (shared, never modified: see Outline) and, after the graph stage, its
// place in the site. Only the load and graph stages write a Document's own
// fields.
type Document struct {
	// Source location.
	Path       string // slash path relative to the content directory, e.g. "strategies/databases.md"
	SourcePath string // slash path relative to the site root, used in diagnostics
	Source     []byte // the file's bytes

	// The parse, from the markdown stage; its fields read as the
	// document's own (d.Title, d.HTML). Both are set on every document
	// the graph stage links.
	*Outline
	*Body

	// Place in the site, from the load and graph stages.
	Section   string // first path element, "" for the root
	IsSection bool   // a section's index page (_index.md, or index.md/README.md beside other pages)
	Synthetic bool   // made by the generator for a folder without an index page
	IsBundle  bool   // index.md alone in its folder: other files there are its resources
	URL       string // site path, "" for the home page, otherwise "a/b/" (pretty URL)
	// ID is the id the document is known by: front matter's, else its
	// path's (see Outline.ID).
	ID string
	// Aliases are the old addresses that redirect to the document.
	Aliases []Ref
	// Owner is the document's owner: its front matter's (Outline.Owner),
	// else the one the repository's CODEOWNERS file gives its file.
	Owner string
	// Links are the body links resolved, one for each of BodyLinks.
	Links []*Link
	// Decisions are the inline decisions of the registry, one for each
	// of InlineDecisions.
	Decisions []*Decision
	Parent    *Document
	Refs      []*Document // resolved front matter references (strategies, design_docs)
	Children  []*Document // for section pages: documents directly in the section
	Prev      *Document
	Next      *Document
	// NavPos orders the document among its siblings before weight, from
	// the site's navigation (config.Nav): its own place there, or for a
	// section its first page's; 0 when the navigation leaves it out.
	NavPos int
	// NavLabel is the title the site's navigation gives the document,
	// "" for none (see NavTitle).
	NavLabel string
	// NavWeight, when not 0, orders a section among its siblings in
	// place of its weight: its folder's position in the site's
	// navigation (config.Nav.FolderWeights).
	NavWeight int
}

// NavTitle is the title navigation shows (the sidebar, breadcrumbs): the
// document's linkTitle, else the site navigation's label, else its title.
func (d *Document) NavTitle() string {
	if d.LinkTitle != "" {
		return d.LinkTitle
	}
	if d.NavLabel != "" {
		return d.NavLabel
	}
	return d.Title
}

// ReadingMinutes estimates reading time at 220 words a minute, at least 1.
func (d *Document) ReadingMinutes() int {
	return max(1, (d.WordCount+219)/220)
}

// Number is the record's number: the one its title was written with
// (RecordNumber), else the one its file name starts with ("0004" for
// 0004-kafka.md), as decision logs number their records; "" without one.
func (d *Document) Number() string {
	if d.RecordNumber != "" {
		return d.RecordNumber
	}
	name := path.Base(d.Path)
	i := 0
	for i < len(name) && name[i] >= '0' && name[i] <= '9' {
		i++
	}
	if i == 0 || i == len(name) || name[i] != '-' && name[i] != '_' {
		return ""
	}
	return name[:i]
}

// Anchor reports whether the document has a heading (or an HTML anchor)
// with the given id, or it is the id of the title.
func (d *Document) Anchor(id string) bool {
	if id == d.TitleID && id != "" {
		return true
	}
	for _, h := range d.Headings {
		if h.ID == id {
			return true
		}
	}
	return false
}

// StaticFile is a file copied as is into the output: a page bundle's
// resources or a non-Markdown file of the content directory.
type StaticFile struct {
	Path   string // its site path: the slash path relative to the content folder, or to the static folder (load.StaticDir)
	Source string // slash path relative to the site root
}

// ReadingPath is a reading path of site.yaml with its steps resolved.
type ReadingPath struct {
	ID      string
	Title   string
	Summary string
	Steps   []*Document
	Minutes int // total reading time
}

// Site is the whole handbook after the graph stage: every document in its
// place, every link resolved, and the indexes built from them.
type Site struct {
	Docs []*Document // published documents, sorted by Path
	// Held are the documents the build does not publish, sorted by path:
	// drafts, pages held back by their dates (Outline.HeldBack), and a
	// headless bundle's pages.
	Held     []Held
	Home     *Document   // the root index page; synthesised when content/ has none
	Sections []*Document // top-level section pages, in menu order
	ByID     map[string]*Document
	ByPath   map[string]*Document // content path ("strategies/databases.md")
	ByURL    map[string]*Document // site path ("strategies/databases/")
	Files    []StaticFile
	FileSet  map[string]bool
	// Backlinks lists, for each document, the documents that link to it or
	// reference it in front matter, sorted by path, each once.
	Backlinks map[*Document][]*Document
	Tags      map[string][]*Document
	// Related lists, for each document, up to five documents that share
	// its tags, area, owner, kind or year.
	Related map[*Document][]*Document
	// Paths are the reading paths in site.yaml order.
	Paths []*ReadingPath
	// PathsOf lists the reading paths a document is a step of.
	PathsOf map[*Document][]*ReadingPath
	// Decisions is the registry: records and inline entries, sorted by date then id.
	Decisions    []*Decision
	DecisionByID map[string]*Decision
	// TouchedBy lists the design docs that declare or link to each decision.
	TouchedBy map[*Decision][]*Document
	// Orphans are the documents nothing links to (see graph.orphans).
	Orphans []*Document
	// Links counts resolved internal links.
	Links int
}

// HeadingID is the id a heading's text gives it, as GitHub makes them:
// lower case, letters, digits, marks, '-' and '_' kept, spaces made '-',
// the rest dropped; "section" when nothing is left. The markdown stage
// gives headings these ids and the graph stage matches links' fragments
// with them.
func HeadingID(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	for _, r := range text {
		r = unicode.ToLower(r) // as strings.ToLower lowers each rune
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '-' || r == '_':
			b.WriteRune(r)
		case r == ' ':
			b.WriteByte('-')
		}
	}
	if b.Len() == 0 {
		return "section"
	}
	return b.String()
}

// IsMarkdown reports whether the file at p is a document by its
// extension: .md, .markdown, or MDX's .mdx (Docusaurus), in any case.
func IsMarkdown(p string) bool {
	switch strings.ToLower(path.Ext(p)) {
	case ".md", ".markdown", ".mdx":
		return true
	}
	return false
}

// Dependencies reports whether the folder p holds other projects' files
// or another tool's output rather than content: node_modules and
// bower_components anywhere, and at the root of a repository read whole
// (atRoot: content_dir "."), vendor/ (Go, Ruby, PHP), a Python venv/ and
// Jekyll's _site/. Their READMEs are not the handbook's.
func Dependencies(p string, atRoot bool) bool {
	switch path.Base(p) {
	case "node_modules", "bower_components":
		return true
	}
	switch p {
	case "vendor", "venv", "_site":
		return atRoot
	}
	return false
}

// TrimMarkdown returns p without its extension when IsMarkdown(p).
func TrimMarkdown(p string) string {
	if IsMarkdown(p) {
		return p[:len(p)-len(path.Ext(p))]
	}
	return p
}

// NameTitle makes a title of a file or folder name without its extension
// ("decision-records", "on_call"): hyphens and underscores become spaces,
// the first letter a capital, and the abbreviations engineering writes in
// capitals (adr, rfcs, api, faq…) are written so: "ADR log", "RFCs".
func NameTitle(name string) string { return NameTitleAs(name, nil) }

// TrimExportID returns name (a file's name without its extension, or a
// folder's) without the id Notion's export ends each name with: a space
// and 32 hexadecimal digits ("Onboarding 1a2b…c6" is "Onboarding"). A
// name that is the id alone, or has none, is returned as it is.
func TrimExportID(name string) string {
	const n = 32
	if len(name) < n+2 || name[len(name)-n-1] != ' ' {
		return name
	}
	for _, c := range []byte(name[len(name)-n:]) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return name
		}
	}
	if base := strings.TrimRight(name[:len(name)-n-1], " "); base != "" {
		return base
	}
	return name
}

// NameTitleAs is NameTitle for the name of a document whose text is
// text: a word the text writes in capitals, or with a capital inside
// (CEO, GitHub, iOS), more often than in lower case is written as the
// text writes it most, whether or not NameTitle knows it ("ceo-team" is
// "CEO team" where the page speaks of the CEO).
func NameTitleAs(name string, text []byte) string {
	name = TrimExportID(name)
	words := strings.Fields(strings.NewReplacer("-", " ", "_", " ").Replace(name))
	// The first word after a number (a record's, a date's) starts with a
	// capital, unless the text writes it otherwise: "0001 Private fields".
	lead := 0
	for lead < len(words)-1 && strings.Trim(words[lead], "0123456789") == "" {
		lead++
	}
	capital := true
	for i, w := range words {
		lower := strings.ToLower(w)
		if form := writtenAs(lower, text); form != "" {
			words[i] = form
			capital = capital && i != lead
		} else if acronym(lower) {
			words[i] = strings.ToUpper(lower)
		} else if s, ok := strings.CutSuffix(lower, "s"); ok && acronym(s) {
			words[i] = strings.ToUpper(s) + "s"
		}
	}
	if len(words) > 0 && capital {
		r, n := utf8.DecodeRuneInString(words[lead])
		words[lead] = string(unicode.ToUpper(r)) + words[lead][n:]
	}
	return strings.Join(words, " ")
}

// writtenAs returns the form the prose of text, a document's Markdown,
// writes the lower-case word w in most often, when that form has a
// capital after its first letter and is more frequent than any other;
// "" otherwise. Only whole words of two ASCII letters or more are looked
// for, and not in code (`WINDOWS`, a fenced block), which names things
// in its own case.
func writtenAs(w string, text []byte) string {
	if len(w) < 2 || len(text) == 0 {
		return ""
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return ""
		}
	}
	forms := map[string]int{}
	fence := ""
	for line := range bytes.Lines(text) {
		trimmed := strings.TrimLeft(string(line), " ")
		if len(line)-len(trimmed) < 4 && (strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~")) {
			if fence == "" {
				fence = trimmed[:3]
			} else if strings.HasPrefix(trimmed, fence) {
				fence = ""
			}
			continue
		}
		if fence != "" {
			continue
		}
		code := false
		for i := 0; i+len(w) <= len(line); i++ {
			c := line[i]
			if c == '`' {
				code = !code
			}
			if code || c|0x20 != w[0] || i > 0 && wordByte(line[i-1]) {
				continue
			}
			end := i + len(w)
			if end < len(line) && wordByte(line[end]) || !bytes.EqualFold(line[i:end], []byte(w)) {
				continue
			}
			forms[string(line[i:end])]++
			i = end - 1
		}
	}
	best, n, tie := "", 0, false
	for f, k := range forms {
		switch {
		case k > n:
			best, n, tie = f, k, false
		case k == n:
			tie = true
		}
	}
	if tie || strings.ToLower(best[min(1, len(best)):]) == best[min(1, len(best)):] {
		return ""
	}
	return best
}

// wordByte reports whether c continues a word: a letter, a digit, or a
// byte of a UTF-8 sequence.
func wordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80 || c == '_'
}

// acronym reports whether a lower-case word is one NameTitle writes in
// capitals: words of engineering handbooks' folder and file names that
// are no English word.
func acronym(w string) bool {
	switch w {
	case "adr", "rfc", "api", "faq", "sre", "sla", "slo", "okr", "kpi", "ci", "ui", "ux", "qa", "hr",
		"aws", "gcp", "sql", "url", "sso", "mfa", "cli", "sdk", "pr", "ml", "llm", "dns", "tls", "vpn":
		return true
	}
	return false
}
