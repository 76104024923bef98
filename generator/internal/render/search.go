package render

import (
	"bytes"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"unicode/utf8"

	"handbook/generator/internal/handbook"
	"handbook/generator/internal/markdown"
	"handbook/generator/internal/pool"
	"handbook/generator/internal/searchtext"
)

// SearchFile is the search index's entry: a script, not JSON, so that it
// loads from file:// as well as over HTTP, as do the shards it names, all
// in the folder search/. The reader's browser loads the entry when search
// is first used, then only the shards a query needs:
//
//   - search/index.js sets window.HANDBOOK_SEARCH to {"v":2, "kinds":
//     {kind: badge}, "kind_aliases": {word: kind}, "docs": number of
//     documents, "group": documents a store shard, "dict": {first
//     character of a term: dictionary shard}}. kinds and kind_aliases come
//     from handbook.KindTable, so that the script holds no list of kinds.
//   - search/dN.js calls HANDBOOK_SEARCH_PART("dN", text): the terms that
//     begin with the characters the entry gives this shard, sorted, one a
//     line: term, tab, the postings shard, tab, the number of documents.
//   - search/pN.js calls HANDBOOK_SEARCH_PART("pN", {term: postings}):
//     postings are comma-separated, each "doc.score.section" in base 36,
//     doc the gap from the previous posting's, section the document's
//     section where the term matched best (0 is the text before the first
//     heading), and for a CJK term its positions after, each the gap from
//     the one before.
//   - search/sN.js calls HANDBOOK_SEARCH_PART("sN", [doc, ...]) for
//     documents N*group to N*group+group-1: [url, title, kind, status,
//     summary, [[heading id, heading, text], ...]], the text that snippets
//     are cut from.
//
// Terms are as searchtext cuts them; filters are terms too: "kind:k",
// "status:s", "tag:t", "owner:o", values squashed.
const SearchFile = "search/index.js"

// Field weights: a title or id match outranks a heading, tags and owner,
// the summary and the body, in that order; a term's score in a document
// is its best field's weight and a tenth of the others'.
const (
	weightTitle   = 100
	weightHeading = 40
	weightMeta    = 25
	weightSummary = 12
	weightBody    = 5
)

// fadedStatus are the statuses whose documents no longer guide anyone:
// their scores are multiplied by fadedScale.
var fadedStatus = map[string]bool{"superseded": true, "deprecated": true, "rejected": true, "retired": true}

const fadedScale = 0.4

// Shard sizes, in bytes of terms and postings: a term's postings larger
// than postingsShard make a shard of their own.
const (
	postingsShard = 48 << 10
	dictShard     = 24 << 10
	storeGroup    = 2
)

// searchHead opens the search index entry: everything before the
// counts and the shard map. The kind aliases are the kinds table's words
// and the kind's names in the handbook's language (kind:戦略), each once.
func (r *Renderer) searchHead() []byte {
	var b bytes.Buffer
	b.WriteString(`window.HANDBOOK_SEARCH={"v":2,"kinds":{`)
	n := 0
	for _, s := range handbook.KindTable {
		if s.Badge == "" {
			continue
		}
		if n > 0 {
			b.WriteByte(',')
		}
		n++
		writeJSONString(&b, string(s.Name), false)
		b.WriteByte(':')
		writeJSONString(&b, s.Badge, false)
	}
	b.WriteString(`},"kind_aliases":{`)
	n = 0
	seen := map[string]bool{}
	for _, s := range handbook.KindTable {
		words := s.Aliases()
		for _, k := range []string{"kind_", "kinds_", "badge_"} {
			if r.loc.Has(k + string(s.Name)) {
				words = append(words, r.loc.Text(k+string(s.Name)))
			}
		}
		for _, a := range words {
			key := strings.ToLower(a)
			if seen[key] || key == string(s.Name) {
				continue
			}
			seen[key] = true
			if n > 0 {
				b.WriteByte(',')
			}
			n++
			writeJSONString(&b, a, false)
			b.WriteByte(':')
			writeJSONString(&b, string(s.Name), false)
		}
	}
	b.WriteString(`}`)
	return b.Bytes()
}

// docTerm is a term of one document.
type docTerm struct {
	term  string
	score int32
	sec   int32
	pos   []int32 // CJK positions, ascending
}

// searchRow is one document's part of the index, kept while its inputs
// are the same.
type searchRow struct {
	key   string // the small inputs, joined
	words string // the body's text
	terms []docTerm
	store []byte
}

type posting struct {
	doc int32
	t   *docTerm
}

// searchFiles builds the search index: its entry and shards. Rows are
// computed on every core and, for serve (Options.Rebuilds), kept, so that
// a rebuild after an edit recomputes only the rows of documents whose
// text changed; the shards are then assembled from the rows.
func (r *Renderer) searchFiles(write func(name string, b []byte) bool) {
	docs := r.site.Docs
	rows := make([]*searchRow, len(docs))
	pool.Each(len(docs), func(i int) { rows[i] = r.searchRow(docs[i]) })
	var stopped atomic.Bool
	part := func(name string) *bytes.Buffer {
		b := new(bytes.Buffer)
		b.WriteString(`HANDBOOK_SEARCH_PART("` + name + `",`)
		return b
	}
	end := func(name string, b *bytes.Buffer) {
		b.WriteString(");\n")
		if !stopped.Load() && !write("search/"+name+".js", b.Bytes()) {
			stopped.Store(true)
		}
	}

	// Store shards, made on every core; a single build keeps no text in
	// its rows, and makes it here.
	pool.Each((len(rows)+storeGroup-1)/storeGroup, func(g int) {
		b := part("s" + strconv.Itoa(g))
		b.WriteByte('[')
		for i := g * storeGroup; i < min(len(rows), (g+1)*storeGroup); i++ {
			if i > g*storeGroup {
				b.WriteByte(',')
			}
			if rows[i].store != nil {
				b.Write(rows[i].store)
			} else {
				b.Write(searchStore(docs[i], sections(docs[i])))
			}
		}
		b.WriteByte(']')
		end("s"+strconv.Itoa(g), b)
	})

	// Postings, by term, in document order.
	byTerm := make(map[string][]posting, len(rows)*16)
	for i, row := range rows {
		for k := range row.terms {
			t := &row.terms[k]
			byTerm[t.term] = append(byTerm[t.term], posting{int32(i), t})
		}
	}
	terms := make([]string, 0, len(byTerm))
	for t := range byTerm {
		terms = append(terms, t)
	}
	slices.Sort(terms)

	// Postings shards, packed in term order.
	shardOf := make([]int, len(terms))
	var enc []byte
	shard, size := 0, 0
	var pb *bytes.Buffer
	for i, t := range terms {
		enc = encodePostings(enc[:0], byTerm[t])
		if pb != nil && size+len(enc) > postingsShard {
			pb.WriteByte('}')
			end("p"+strconv.Itoa(shard), pb)
			pb, shard, size = nil, shard+1, 0
		}
		if pb == nil {
			pb = part("p" + strconv.Itoa(shard))
			pb.WriteByte('{')
		} else {
			pb.WriteByte(',')
		}
		writeJSONString(pb, t, false)
		pb.WriteByte(':')
		pb.WriteByte('"')
		pb.Write(enc)
		pb.WriteByte('"')
		size += len(t) + len(enc) + 4
		shardOf[i] = shard
	}
	if pb != nil {
		pb.WriteByte('}')
		end("p"+strconv.Itoa(shard), pb)
	}

	// Dictionary shards: the terms of a first character are in one shard.
	var dict bytes.Buffer // the entry's map
	dict.WriteByte('{')
	var lines strings.Builder
	dshard, first := 0, true
	flushDict := func() {
		b := part("d" + strconv.Itoa(dshard))
		writeJSONString(b, lines.String(), false)
		end("d"+strconv.Itoa(dshard), b)
		lines.Reset()
		dshard++
	}
	for i := 0; i < len(terms); {
		c, _ := utf8.DecodeRuneInString(terms[i])
		j := i
		for j < len(terms) && strings.HasPrefix(terms[j], string(c)) {
			j++
		}
		n := 0
		for _, t := range terms[i:j] {
			n += len(t) + 8
		}
		if lines.Len() > 0 && lines.Len()+n > dictShard {
			flushDict()
		}
		for k := i; k < j; k++ {
			lines.WriteString(terms[k])
			lines.WriteByte('\t')
			lines.WriteString(strconv.Itoa(shardOf[k]))
			lines.WriteByte('\t')
			lines.WriteString(strconv.Itoa(len(byTerm[terms[k]])))
			lines.WriteByte('\n')
		}
		if !first {
			dict.WriteByte(',')
		}
		first = false
		writeJSONString(&dict, string(c), false)
		dict.WriteByte(':')
		dict.WriteString(strconv.Itoa(dshard))
		i = j
	}
	if lines.Len() > 0 {
		flushDict()
	}
	dict.WriteByte('}')

	var b bytes.Buffer
	b.Write(r.searchHead())
	b.WriteString(`,"docs":` + strconv.Itoa(len(rows)) + `,"group":` + strconv.Itoa(storeGroup) + `,"dict":`)
	b.Write(dict.Bytes())
	b.WriteString("};\n")
	if !stopped.Load() {
		write(SearchFile, b.Bytes())
	}
}

// encodePostings appends a term's postings to out.
func encodePostings(out []byte, ps []posting) []byte {
	last := int32(0)
	for k, p := range ps {
		if k > 0 {
			out = append(out, ',')
		}
		out = strconv.AppendInt(out, int64(p.doc-last), 36)
		last = p.doc
		out = append(out, '.')
		out = strconv.AppendInt(out, int64(p.t.score), 36)
		out = append(out, '.')
		out = strconv.AppendInt(out, int64(p.t.sec), 36)
		at := int32(0)
		for _, x := range p.t.pos {
			out = append(out, '.')
			out = strconv.AppendInt(out, int64(x-at), 36)
			at = x
		}
	}
	return out
}

// searchKey joins the inputs of a document's row other than its text.
func searchKey(d *handbook.Document) string {
	var b strings.Builder
	for _, s := range []string{d.URL, d.Title, string(d.Kind), d.Status, d.Owner, d.Summary, searchIDs(d)} {
		b.WriteString(s)
		b.WriteByte(0)
	}
	for _, t := range d.Tags {
		b.WriteString(t)
		b.WriteByte(1)
	}
	for _, h := range d.Headings {
		b.WriteString(h.ID)
		b.WriteByte(2)
		b.WriteString(h.Text)
		b.WriteByte(3)
	}
	return b.String()
}

// searchIDs are the ids a reader may type for d: its own, its record
// number and the ids of the decisions it makes.
func searchIDs(d *handbook.Document) string {
	ids := d.ID
	if n := d.Number(); n != "" {
		ids += " " + n
	}
	for _, x := range d.Decisions {
		ids += " " + x.ID
	}
	return ids
}

// searchRow returns d's row of the index, from the cache while its inputs
// are the same.
func (r *Renderer) searchRow(d *handbook.Document) *searchRow {
	key := searchKey(d)
	if !r.opts.Rebuilds {
		// A single build keeps no rows.
		return makeSearchRow(d, false)
	}
	r.cacheMu.Lock()
	c, ok := r.rows[d]
	r.cacheMu.Unlock()
	if ok && c.words == d.Words && c.key == key {
		return c
	}
	row := makeSearchRow(d, true)
	row.key = key
	if r.opts.Rebuilds {
		r.cacheMu.Lock()
		r.rows[d] = row
		r.cacheMu.Unlock()
	}
	return row
}

// section is a part of a body's text: the text before the first heading,
// or a heading and the text up to the next.
type section struct {
	id, heading, text string
}

// sections cuts a body's search text at its headings.
func sections(d *handbook.Document) []section {
	text := d.Words
	var out []section
	i := strings.IndexByte(text, markdown.SectionMark)
	if i < 0 {
		return []section{{text: text}}
	}
	out = append(out, section{text: strings.TrimSpace(text[:i])})
	headings := map[string]string{}
	for _, h := range d.Headings {
		if h.Level > 0 {
			headings[h.ID] = h.Text
		}
	}
	for text = text[i+1:]; ; {
		var s section
		j := strings.IndexByte(text, markdown.IDMark)
		if j < 0 {
			break
		}
		s.id, text = text[:j], text[j+1:]
		k := strings.IndexByte(text, markdown.SectionMark)
		body := text
		if k >= 0 {
			body, text = text[:k], text[k+1:]
		}
		if h := headings[s.id]; h != "" && strings.HasPrefix(body, h) {
			s.heading, body = h, body[len(h):]
		}
		s.text = strings.TrimSpace(body)
		out = append(out, s)
		if k < 0 {
			break
		}
	}
	return out
}

// makeSearchRow computes a document's terms and, if keep is set, its
// store entry.
func makeSearchRow(d *handbook.Document, keep bool) *searchRow {
	type acc struct {
		fields [6]int32 // best weight in each field
		sec    int32
		secW   int32
		pos    []int32
	}
	m := map[string]*acc{}
	pos := 0
	add := func(text string, field int, weight int32, sec int32, minWord int) {
		pos = searchtext.Tokens(searchtext.Fold(text), minWord, pos, func(t searchtext.Token) {
			a := m[t.Term]
			if a == nil {
				// A copy: the term is a part of the folded text, which
				// the row need not keep.
				a = &acc{sec: -1}
				m[strings.Clone(t.Term)] = a
			}
			a.fields[field] = max(a.fields[field], weight)
			if sec >= 0 && weight > a.secW {
				a.sec, a.secW = sec, weight
			}
			if t.CJK {
				a.pos = append(a.pos, int32(t.Pos))
			}
		})
	}
	add(d.Title, 0, weightTitle, -1, 1)
	add(searchIDs(d), 1, weightTitle, -1, 1)
	meta := d.Owner
	for _, t := range d.Tags {
		meta += " " + t
	}
	add(meta, 2, weightMeta, -1, 1)
	add(d.Summary, 3, weightSummary, -1, 1)
	secs := sections(d)
	for k, s := range secs {
		if s.heading != "" {
			add(s.heading, 4, weightHeading, int32(k), 1)
		}
		add(s.text, 5, weightBody, int32(k), 3)
	}
	scale := 1.0
	if fadedStatus[strings.ToLower(d.Status)] {
		scale = fadedScale
	}
	row := &searchRow{words: d.Words, terms: make([]docTerm, 0, len(m)+4)}
	for t, a := range m {
		var best, sum int32
		for _, w := range a.fields {
			best = max(best, w)
			sum += w
		}
		score := int32(math.Round((float64(best) + 0.1*float64(sum-best)) * scale))
		// A result opens at its section when the term is best matched
		// there, not in the title, ids, tags or summary.
		sec := a.sec
		if a.secW < best {
			sec = 0
		}
		row.terms = append(row.terms, docTerm{term: t, score: max(score, 1), sec: max(sec, 0), pos: a.pos})
	}
	filter := func(field, value string) {
		if v := searchtext.Squash(value); v != "" {
			row.terms = append(row.terms, docTerm{term: field + ":" + v, score: 1})
		}
	}
	filter("kind", string(d.Kind))
	filter("status", d.Status)
	filter("owner", d.Owner)
	for _, t := range d.Tags {
		filter("tag", t)
	}
	slices.SortFunc(row.terms, func(a, b docTerm) int { return strings.Compare(a.term, b.term) })
	row.terms = slices.CompactFunc(row.terms, func(a, b docTerm) bool { return a.term == b.term })

	if keep {
		row.store = searchStore(d, secs)
	}
	return row
}

// searchStore is a document's entry in its store shard.
func searchStore(d *handbook.Document, secs []section) []byte {
	var b bytes.Buffer
	b.WriteByte('[')
	for _, s := range []string{d.URL, d.Title, string(d.Kind), d.Status, d.Summary} {
		writeJSONString(&b, s, false)
		b.WriteByte(',')
	}
	b.WriteByte('[')
	for k, s := range secs {
		if k > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('[')
		writeJSONString(&b, s.id, false)
		b.WriteByte(',')
		writeJSONString(&b, s.heading, false)
		b.WriteByte(',')
		writeJSONString(&b, s.text, false)
		b.WriteByte(']')
	}
	b.WriteString("]]")
	return b.Bytes()
}
