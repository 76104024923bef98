package render

import (
	"bytes"
	"encoding/json"
	"io"
	"slices"
	"sort"
	"strconv"
	"unicode"
	"unicode/utf8"

	"handbook/generator/internal/graph"
	"handbook/generator/internal/handbook"
	"handbook/generator/internal/i18n"
	"handbook/generator/internal/pool"
)

// DecisionIndex is what a decision index page lists.
type DecisionIndex struct {
	All      []*handbook.Decision // every decision the page covers, by date
	Groups   []DecisionGroup      // the same, grouped for reading without JavaScript
	Statuses []Facet
	Areas    []Facet
	Owners   []Facet
	Years    []Facet
	// Recurring is set on the page of decisions several design docs touch.
	Recurring bool
}

// DecisionGroup is a heading and its decisions.
type DecisionGroup struct {
	Label     string
	Decisions []*handbook.Decision
}

// Facet is one value of a decision field, with its page and count.
type Facet struct {
	Name  string
	Slug  string
	URL   string // site path of the value's page, "" when it has none
	Count int
}

// statusOrder is the order statuses are shown in.
var statusOrder = []string{"accepted", "proposed", "draft", "superseded", "deprecated", "rejected"}

func facet(ds []*handbook.Decision, key func(*handbook.Decision) string, dir string) []Facet {
	counts := map[string]int{}
	for _, d := range ds {
		if k := key(d); k != "" {
			counts[k]++
		}
	}
	var out []Facet
	for _, k := range sortedKeys(counts) {
		f := Facet{Name: k, Slug: graph.TagSlug(k), Count: counts[k]}
		if dir != "" {
			f.URL = "decisions/" + dir + "/" + f.Slug + "/"
		}
		out = append(out, f)
	}
	return out
}

func year(d *handbook.Decision) string {
	if d.Date.IsZero() {
		return ""
	}
	return strconv.Itoa(d.Date.Year())
}

func byStatus(loc *i18n.Locale, ds []*handbook.Decision) []DecisionGroup {
	var out []DecisionGroup
	for _, st := range statusOrder {
		var g []*handbook.Decision
		for _, d := range ds {
			if d.Status == st {
				g = append(g, d)
			}
		}
		if len(g) > 0 {
			out = append(out, DecisionGroup{Label: capital(statusLabel(loc, st)), Decisions: g})
		}
	}
	// A record that gives no status (a log written without one) is
	// listed too, last.
	var none []*handbook.Decision
	for _, d := range ds {
		if !slices.Contains(statusOrder, d.Status) {
			none = append(none, d)
		}
	}
	if len(none) > 0 {
		out = append(out, DecisionGroup{Label: loc.Text("unstatused"), Decisions: none})
	}
	return out
}

func byYear(loc *i18n.Locale, ds []*handbook.Decision) []DecisionGroup {
	var out []DecisionGroup
	idx := map[string]int{}
	for i := len(ds) - 1; i >= 0; i-- { // newest first
		y := year(ds[i])
		if y == "" {
			y = loc.Text("undated")
		}
		j, ok := idx[y]
		if !ok {
			j = len(out)
			idx[y] = j
			out = append(out, DecisionGroup{Label: y})
		}
		out[j].Decisions = append(out[j].Decisions, ds[i])
	}
	return out
}

// decisionJobs lists the decision index pages: the index at decisions/,
// one page per status, area and owner, a timeline and the recurring
// decisions.
func (r *Renderer) decisionJobs() []job {
	s := r.site
	all := s.Decisions
	if len(all) == 0 {
		return nil
	}
	var jobs []job
	add := func(url, title string, idx *DecisionIndex, doc *handbook.Document) {
		if d := s.ByURL[url]; d != nil && d != doc {
			return // a document lives there
		}
		p := &Page{Title: title, URL: url, Kind: "decisions", Doc: doc, Index: idx, Site: r.view, r: r}
		jobs = append(jobs, job{out: url + "index.html", layout: []string{"_default/decisions.html"}, page: p})
	}
	loc := r.loc
	full := &DecisionIndex{All: all, Groups: byStatus(loc, all),
		Statuses: facet(all, func(d *handbook.Decision) string { return d.Status }, "status"),
		Areas:    facet(all, func(d *handbook.Decision) string { return d.Area }, "area"),
		Owners:   facet(all, func(d *handbook.Decision) string { return d.Owner }, "owner"),
		Years:    facet(all, year, ""),
	}
	home := s.ByURL["decisions/"]
	title := loc.Text("decisions_title")
	if home != nil && !home.Synthetic {
		title = home.Title
	}
	add("decisions/", title, full, home)
	subset := func(key func(*handbook.Decision) string, value string) []*handbook.Decision {
		var out []*handbook.Decision
		for _, d := range all {
			if key(d) == value {
				out = append(out, d)
			}
		}
		return out
	}
	for _, f := range full.Statuses {
		ds := subset(func(d *handbook.Decision) string { return d.Status }, f.Name)
		add(f.URL, loc.Text("decisions_status", "status", statusLabel(loc, f.Name)), &DecisionIndex{All: ds, Groups: byYear(loc, ds)}, nil)
	}
	for _, f := range full.Areas {
		ds := subset(func(d *handbook.Decision) string { return d.Area }, f.Name)
		add(f.URL, loc.Text("decisions_area", "area", f.Name), &DecisionIndex{All: ds, Groups: byStatus(loc, ds)}, nil)
	}
	for _, f := range full.Owners {
		ds := subset(func(d *handbook.Decision) string { return d.Owner }, f.Name)
		add(f.URL, loc.Text("decisions_owner", "owner", f.Name), &DecisionIndex{All: ds, Groups: byStatus(loc, ds)}, nil)
	}
	add("decisions/timeline/", loc.Text("decision_timeline"), &DecisionIndex{All: all, Groups: byYear(loc, all)}, nil)
	var rec []*handbook.Decision
	for _, d := range all {
		if len(s.TouchedBy[d]) >= 2 {
			rec = append(rec, d)
		}
	}
	sort.SliceStable(rec, func(i, j int) bool { return len(s.TouchedBy[rec[i]]) > len(s.TouchedBy[rec[j]]) })
	add("decisions/recurring/", loc.Text("recurring_decisions"), &DecisionIndex{All: rec, Recurring: true}, nil)
	return jobs
}

// DecisionLink returns the href of a decision: its record, or its entry
// in the document that declares it.
func (p *Page) DecisionLink(d *handbook.Decision) string {
	if d.Inline {
		return p.Link(d.Doc) + "#decision-" + d.ID
	}
	return p.Link(d.Doc)
}

// TouchedBy lists the design docs that declare or link to a decision.
func (p *Page) TouchedBy(d *handbook.Decision) []*handbook.Document {
	return p.r.site.TouchedBy[d]
}

// Year is the year of a decision, "" when undated.
func (p *Page) Year(d *handbook.Decision) string { return year(d) }

// decisionJSON is one entry of decisions.json.
type decisionJSON struct {
	ID           string   `json:"id"`
	Title        string   `json:"title"`
	Status       string   `json:"status"`
	Area         string   `json:"area,omitempty"`
	Owner        string   `json:"owner,omitempty"`
	Date         string   `json:"date,omitempty"`
	Deciders     []string `json:"deciders,omitempty"`
	Rationale    string   `json:"rationale,omitempty"`
	URL          string   `json:"url"`
	Source       string   `json:"source"`
	Inline       bool     `json:"inline"`
	DeclaredIn   string   `json:"declared_in"`
	Supersedes   []string `json:"supersedes"`
	SupersededBy []string `json:"superseded_by"`
	TouchedBy    []string `json:"touched_by"`
}

// DecisionsJSON returns the registry as decisions.json holds it.
func DecisionsJSON(s *handbook.Site, basePath string) []decisionJSON {
	out := make([]decisionJSON, 0, len(s.Decisions))
	for _, d := range s.Decisions {
		j := decisionJSON{ID: d.ID, Title: d.Title, Status: d.Status, Area: d.Area, Owner: d.Owner,
			Deciders: d.Deciders, Rationale: d.Rationale, URL: basePath + d.Doc.URL, Source: d.Doc.SourcePath,
			Inline: d.Inline, DeclaredIn: d.Doc.ID, Supersedes: []string{}, SupersededBy: []string{}, TouchedBy: []string{}}
		if d.Inline {
			j.URL += "#decision-" + d.ID
		}
		if !d.Date.IsZero() {
			j.Date = d.Date.Format("2006-01-02")
		}
		for _, x := range d.Replaces {
			j.Supersedes = append(j.Supersedes, x.ID)
		}
		for _, x := range d.SupersededBy {
			j.SupersededBy = append(j.SupersededBy, x.ID)
		}
		for _, x := range s.TouchedBy[d] {
			j.TouchedBy = append(j.TouchedBy, x.ID)
		}
		out = append(out, j)
	}
	return out
}

type graphDoc struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Kind   string `json:"kind"`
	Status string `json:"status,omitempty"`
	URL    string `json:"url"`
	Source string `json:"source"`
}

type graphLink struct {
	From     string `json:"from"`
	To       string `json:"to"`
	Fragment string `json:"fragment,omitempty"`
	Via      string `json:"via,omitempty"` // body, strategies, design_docs
}

// linkEdges caches a document's body links in graph.json, valid while its
// Links slice is the same.
type linkEdges struct {
	links []*handbook.Link
	json  []byte
}

// writeGraph writes graph.json to w: one line per document and per link,
// so that it stays readable and each document's part can be kept between
// serve's rebuilds.
func (r *Renderer) writeGraph(w io.Writer) error {
	s := r.site
	lines := make([][]byte, len(s.Docs))
	pool.Each(len(s.Docs), func(i int) { lines[i] = r.docLine(s.Docs[i]) })
	// The file is made in a buffer of some tens of kilobytes, handed to
	// w whenever it fills: a large handbook's graph is never held whole.
	var b bytes.Buffer
	var err error
	flush := func(all bool) {
		if err == nil && (all || b.Len() >= 48<<10) {
			_, err = w.Write(b.Bytes())
			b.Reset()
		}
	}
	b.Grow(64 << 10)
	b.WriteString("{\n  \"documents\": [")
	for i, line := range lines {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("\n    ")
		b.Write(line)
		flush(false)
	}
	lines = nil
	b.WriteString("\n  ],\n  \"links\": [")
	first := true
	for _, d := range s.Docs {
		if !r.opts.Rebuilds {
			// Written in place: a single build keeps no part of it.
			n := b.Len()
			if !first {
				b.WriteByte(',')
			}
			if r.writeDocEdges(&b, d) {
				first = false
			} else {
				b.Truncate(n)
			}
			flush(false)
			continue
		}
		e := r.docEdges(d)
		if len(e) == 0 {
			continue
		}
		if !first {
			b.WriteByte(',')
		}
		first = false
		b.Write(e)
		flush(false)
	}
	b.WriteString("\n  ],\n  \"decisions\": [")
	for i, d := range s.Decisions {
		if i > 0 {
			b.WriteByte(',')
		}
		writeJSONString(&b, d.ID, true)
		flush(false)
	}
	b.WriteString("],\n  \"supersedes\": [")
	first = true
	for _, d := range s.Decisions {
		for _, x := range d.Replaces {
			if !first {
				b.WriteByte(',')
			}
			first = false
			b.WriteString("\n    ")
			writeGraphLink(&b, graphLink{From: d.ID, To: x.ID})
		}
		flush(false)
	}
	b.WriteString("\n  ]\n}\n")
	flush(true)
	return err
}

// docLine is d's entry in graph.json's documents; front matter alone
// decides it, so it is kept for as long as the Renderer.
func (r *Renderer) docLine(d *handbook.Document) []byte {
	r.cacheMu.Lock()
	line, ok := r.docLines[d]
	r.cacheMu.Unlock()
	if ok {
		return line
	}
	var b bytes.Buffer
	writeGraphDoc(&b, graphDoc{ID: d.ID, Title: d.Title, Kind: string(d.Kind), Status: d.Status, URL: r.cfg.BasePath + d.URL, Source: d.SourcePath})
	line = b.Bytes()
	if r.opts.Rebuilds {
		r.cacheMu.Lock()
		r.docLines[d] = line
		r.cacheMu.Unlock()
	}
	return line
}

// docEdges is d's part of the links list: its body links, each target and
// fragment once, then its front matter references.
func (r *Renderer) docEdges(d *handbook.Document) []byte {
	r.cacheMu.Lock()
	c, ok := r.edges[d]
	r.cacheMu.Unlock()
	if ok && len(c.links) == len(d.Links) && (len(d.Links) == 0 || &c.links[0] == &d.Links[0]) {
		return c.json
	}
	var b bytes.Buffer
	r.writeDocEdges(&b, d)
	out := b.Bytes()
	r.cacheMu.Lock()
	r.edges[d] = linkEdges{d.Links, out}
	r.cacheMu.Unlock()
	return out
}

// writeDocEdges writes d's part of the links list into b, each entry
// after a ",\n    " (the first after "\n    "), and reports whether
// there was any.
func (r *Renderer) writeDocEdges(b *bytes.Buffer, d *handbook.Document) bool {
	type edge struct {
		to   *handbook.Document
		frag string
	}
	// Most documents have a few dozen links, where a scan beats a map; a
	// map keeps documents with hundreds linear.
	var seen []edge
	var seenMap map[edge]bool
	if len(d.Links) > 32 {
		seenMap = make(map[edge]bool, len(d.Links))
	}
	wrote := false
	sep := func() {
		if wrote {
			b.WriteByte(',')
		}
		wrote = true
		b.WriteString("\n    ")
	}
	for _, l := range d.Links {
		if l.Target == nil || l.Target == d {
			continue
		}
		k := edge{l.Target, l.Fragment}
		if seenMap != nil {
			if seenMap[k] {
				continue
			}
			seenMap[k] = true
		} else {
			if slices.Contains(seen, k) {
				continue
			}
			seen = append(seen, k)
		}
		sep()
		writeGraphLink(b, graphLink{From: d.ID, To: l.Target.ID, Fragment: l.Fragment, Via: "body"})
	}
	for _, t := range d.Refs {
		via := "design_docs"
		if d.Kind == handbook.KindVision {
			via = "strategies"
		}
		sep()
		writeGraphLink(b, graphLink{From: d.ID, To: t.ID, Via: via})
	}
	return wrote
}

// writeGraphDoc writes g as json.Marshal would.
func writeGraphDoc(b *bytes.Buffer, g graphDoc) {
	b.WriteString(`{"id":`)
	writeJSONString(b, g.ID, true)
	b.WriteString(`,"title":`)
	writeJSONString(b, g.Title, true)
	b.WriteString(`,"kind":`)
	writeJSONString(b, g.Kind, true)
	if g.Status != "" {
		b.WriteString(`,"status":`)
		writeJSONString(b, g.Status, true)
	}
	b.WriteString(`,"url":`)
	writeJSONString(b, g.URL, true)
	b.WriteString(`,"source":`)
	writeJSONString(b, g.Source, true)
	b.WriteByte('}')
}

// writeGraphLink writes l as json.Marshal would.
func writeGraphLink(b *bytes.Buffer, l graphLink) {
	b.WriteString(`{"from":`)
	writeJSONString(b, l.From, true)
	b.WriteString(`,"to":`)
	writeJSONString(b, l.To, true)
	if l.Fragment != "" {
		b.WriteString(`,"fragment":`)
		writeJSONString(b, l.Fragment, true)
	}
	if l.Via != "" {
		b.WriteString(`,"via":`)
		writeJSONString(b, l.Via, true)
	}
	b.WriteByte('}')
}

func jsonBytes(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
	return b.Bytes()
}

// capital writes the first letter of s in upper case: a status as the
// heading of its group ("accepted": "Accepted").
func capital(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
