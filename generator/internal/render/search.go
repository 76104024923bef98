package render

import (
	"bytes"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
	"unsafe"

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
//     character of a term: dictionary shard}, "tails": {first character
//     of a tail: tail shard}}. kinds and kind_aliases come
//     from handbook.KindTable, so that the script holds no list of kinds.
//   - search/dN.js calls HANDBOOK_SEARCH_PART("dN", text): the terms that
//     begin with the characters the entry gives this shard, sorted, one a
//     line: term, tab, the postings shard, tab, the number of documents.
//   - search/tN.js calls HANDBOOK_SEARCH_PART("tN", text): each term of
//     five letters or more under its tail (the term without its first
//     letter), sorted by tail, one a line: tail, tab, term; the tails that
//     begin with the characters the entry gives this shard.
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

// rowTerm is a term of one document.
type rowTerm struct {
	id    uint32 // the term's number in the dictionary
	score int32
	sec   int32
	// The term's CJK positions, ascending, are its row's
	// pos[posEnd of the term before:posEnd].
	posEnd int32
}

// searchRow is one document's part of the index, kept while its inputs
// are the same.
type searchRow struct {
	key   string // the small inputs, joined
	words string // the body's text
	terms []rowTerm
	pos   []int32 // the CJK positions of all terms
}

// positions returns the CJK positions of row.terms[k].
func (row *searchRow) positions(k int) []int32 {
	at := int32(0)
	if k > 0 {
		at = row.terms[k-1].posEnd
	}
	return row.pos[at:row.terms[k].posEnd]
}

// dictShardBits is the number of a term's dictionary shard, in the low
// bits of its number.
const dictShardBits = 6

// termDict numbers the terms of the index, each once, so that rows hold
// numbers rather than strings: rows are made on every core, and the
// dictionary is cut in shards by hash, each with its lock, so that they
// seldom wait for each other. A term's number never changes while the
// dictionary lives (serve keeps it with its rows).
type termDict struct {
	shards [1 << dictShardBits]struct {
		mu    sync.Mutex
		ids   map[string]uint32
		terms []string
	}
}

// id returns the number of term, whose termHash is h, numbering it if it
// is new. term may be a part of a reused buffer: the dictionary keeps a
// copy.
func (t *termDict) id(term string, h uint64) uint32 {
	s := &t.shards[h&(1<<dictShardBits-1)]
	s.mu.Lock()
	id, ok := s.ids[term]
	if !ok {
		if s.ids == nil {
			s.ids = map[string]uint32{}
		}
		term = strings.Clone(term)
		id = uint32(len(s.terms))<<dictShardBits | uint32(h&(1<<dictShardBits-1))
		s.terms = append(s.terms, term)
		s.ids[term] = id
	}
	s.mu.Unlock()
	return id
}

// dense numbers the dictionary's terms from 0 to len(terms)-1: it returns
// where each shard's terms start, and the terms in that order. Nothing
// may number a term meanwhile.
func (t *termDict) dense() (base []uint32, terms []string) {
	base = make([]uint32, len(t.shards))
	n := 0
	for i := range t.shards {
		base[i] = uint32(n)
		n += len(t.shards[i].terms)
	}
	terms = make([]string, 0, n)
	for i := range t.shards {
		terms = append(terms, t.shards[i].terms...)
	}
	return base, terms
}

// posting is a term in a document: rows[doc].terms[k]. It holds no
// pointer, so that the collector need not read the postings.
type posting struct {
	doc, k uint32
}

// searchFiles builds the search index: its entry and shards. Rows are
// computed on every core and, for serve (Options.Rebuilds), kept, so that
// a rebuild after an edit recomputes only the rows of documents whose
// text changed; the shards are then assembled from the rows.
func (r *Renderer) searchFiles(write func(name string, b []byte) bool) {
	docs := r.site.Docs
	rows := make([]*searchRow, len(docs))
	scratch := &sync.Pool{New: newRowScratch}
	dict := r.searchDict()
	pool.Each(len(docs), func(i int) { rows[i] = r.searchRow(docs[i], dict, scratch) })
	var stopped atomic.Bool
	part := func(name string, size int) *bytes.Buffer {
		b := bytes.NewBuffer(make([]byte, 0, size+64))
		b.WriteString(`HANDBOOK_SEARCH_PART("` + name + `",`)
		return b
	}
	end := func(name string, b *bytes.Buffer) {
		b.WriteString(");\n")
		if !stopped.Load() && !write("search/"+name+".js", b.Bytes()) {
			stopped.Store(true)
		}
	}

	// Store shards, made on every core from the documents.
	pool.Each((len(rows)+storeGroup-1)/storeGroup, func(g int) {
		lo, hi := g*storeGroup, min(len(rows), (g+1)*storeGroup)
		size := 0
		for i := lo; i < hi; i++ {
			size += storeSize(docs[i])
		}
		b := part("s"+strconv.Itoa(g), size)
		b.WriteByte('[')
		for i := lo; i < hi; i++ {
			if i > lo {
				b.WriteByte(',')
			}
			writeSearchStore(b, docs[i], sections(docs[i]))
		}
		b.WriteByte(']')
		end("s"+strconv.Itoa(g), b)
	})

	// Postings, by term, in document order: the postings of all terms are
	// laid out in one slice, each term's together, in the order of the
	// terms. A term's place in the dictionary's dense order is base[its
	// shard] plus its number in the shard.
	base, all := dict.dense()
	place := func(id uint32) uint32 { return base[id&(1<<dictShardBits-1)] + id>>dictShardBits }
	count := make([]uint32, len(all)) // the postings of each term
	total := 0
	for _, row := range rows {
		total += len(row.terms)
		for _, t := range row.terms {
			count[place(t.id)]++
		}
	}
	// The terms with postings, sorted (serve's dictionary keeps the terms
	// no document has any more).
	type named struct {
		term  string
		place uint32
	}
	order := make([]named, 0, len(all))
	for i, t := range all {
		if count[i] > 0 {
			order = append(order, named{t, uint32(i)})
		}
	}
	all = nil
	slices.SortFunc(order, func(a, b named) int { return strings.Compare(a.term, b.term) })
	start := make([]uint32, len(count)) // by place: where its postings start
	next := uint32(0)
	for _, o := range order {
		start[o.place] = next
		next += count[o.place]
	}
	count = nil
	postings := make([]posting, total)
	for i, row := range rows {
		for k, t := range row.terms {
			p := place(t.id)
			postings[start[p]] = posting{uint32(i), uint32(k)}
			start[p]++
		}
	}
	// start[place] is now where the postings of the term end; in term
	// order they follow one another.
	terms := make([]string, len(order))
	ends := make([]uint32, len(order))
	for i, o := range order {
		terms[i], ends[i] = o.term, start[o.place]
	}
	order, start = nil, nil
	postingsOf := func(i int) []posting {
		lo := uint32(0)
		if i > 0 {
			lo = ends[i-1]
		}
		return postings[lo:ends[i]]
	}

	// Postings shards, packed in term order.
	shardOf := make([]int, len(terms))
	var enc []byte
	shard, size := 0, 0
	var pb *bytes.Buffer
	for i, t := range terms {
		enc = encodePostings(enc[:0], rows, postingsOf(i))
		if pb != nil && size+len(enc) > postingsShard {
			pb.WriteByte('}')
			end("p"+strconv.Itoa(shard), pb)
			pb, shard, size = nil, shard+1, 0
		}
		if pb == nil {
			pb = part("p"+strconv.Itoa(shard), max(postingsShard, len(t)+len(enc))+1024)
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

	// byFirst writes n sorted keys into shards named prefix+N, the keys of
	// one first character in one shard, one line a key (line writes it),
	// and returns the entry's map of first characters to shards.
	byFirst := func(prefix string, n int, key func(i int) string, line func(b *strings.Builder, i int)) []byte {
		var m bytes.Buffer
		m.WriteByte('{')
		var lines strings.Builder
		lines.Grow(dictShard)
		num, first := 0, true
		flush := func() {
			b := part(prefix+strconv.Itoa(num), lines.Len()*3/2)
			writeJSONString(b, lines.String(), false)
			end(prefix+strconv.Itoa(num), b)
			lines.Reset()
			lines.Grow(dictShard)
			num++
		}
		for i := 0; i < n; {
			c, _ := utf8.DecodeRuneInString(key(i))
			j := i
			for j < n && strings.HasPrefix(key(j), string(c)) {
				j++
			}
			size := 0
			for k := i; k < j; k++ {
				size += len(key(k)) + 8
			}
			if lines.Len() > 0 && lines.Len()+size > dictShard {
				flush()
			}
			for k := i; k < j; k++ {
				line(&lines, k)
			}
			if !first {
				m.WriteByte(',')
			}
			first = false
			writeJSONString(&m, string(c), false)
			m.WriteByte(':')
			m.WriteString(strconv.Itoa(num))
			i = j
		}
		if lines.Len() > 0 {
			flush()
		}
		m.WriteByte('}')
		return m.Bytes()
	}

	// Dictionary shards: term, tab, postings shard, tab, documents.
	dictMap := byFirst("d", len(terms), func(i int) string { return terms[i] }, func(b *strings.Builder, k int) {
		b.WriteString(terms[k])
		b.WriteByte('\t')
		b.WriteString(strconv.Itoa(shardOf[k]))
		b.WriteByte('\t')
		b.WriteString(strconv.Itoa(len(postingsOf(k))))
		b.WriteByte('\n')
	})

	// Tail shards: each word of five letters or more under its tail, the
	// word without its first letter (tail, tab, word), sorted by tail. A
	// query reads one of them to find the words one edit away in their
	// first letter (changed or missing) without loading every dictionary.
	type tailed struct{ tail, term string }
	var tails []tailed
	for _, t := range terms {
		if utf8.RuneCountInString(t) < 5 || strings.IndexByte(t, ':') >= 0 {
			continue
		}
		_, n := utf8.DecodeRuneInString(t)
		tails = append(tails, tailed{t[n:], t})
	}
	slices.SortFunc(tails, func(a, b tailed) int {
		if c := strings.Compare(a.tail, b.tail); c != 0 {
			return c
		}
		return strings.Compare(a.term, b.term)
	})
	tailMap := byFirst("t", len(tails), func(i int) string { return tails[i].tail }, func(b *strings.Builder, k int) {
		b.WriteString(tails[k].tail)
		b.WriteByte('\t')
		b.WriteString(tails[k].term)
		b.WriteByte('\n')
	})

	var b bytes.Buffer
	b.Write(r.searchHead())
	b.WriteString(`,"docs":` + strconv.Itoa(len(rows)) + `,"group":` + strconv.Itoa(storeGroup) + `,"dict":`)
	b.Write(dictMap)
	b.WriteString(`,"tails":`)
	b.Write(tailMap)
	b.WriteString("};\n")
	if !stopped.Load() {
		write(SearchFile, b.Bytes())
	}
}

// encodePostings appends a term's postings to out.
func encodePostings(out []byte, rows []*searchRow, ps []posting) []byte {
	last := uint32(0)
	for k, p := range ps {
		if k > 0 {
			out = append(out, ',')
		}
		row := rows[p.doc]
		t := &row.terms[p.k]
		out = strconv.AppendUint(out, uint64(p.doc-last), 36)
		last = p.doc
		out = append(out, '.')
		out = strconv.AppendInt(out, int64(t.score), 36)
		out = append(out, '.')
		out = strconv.AppendInt(out, int64(t.sec), 36)
		at := int32(0)
		for _, x := range row.positions(int(p.k)) {
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

// searchDict returns the dictionary rows are numbered by: the
// renderer's, which lives as long as its rows, for serve; a new one for a
// single build.
func (r *Renderer) searchDict() *termDict {
	if !r.opts.Rebuilds {
		return &termDict{}
	}
	r.cacheMu.Lock()
	defer r.cacheMu.Unlock()
	if r.terms == nil {
		r.terms = &termDict{}
	}
	return r.terms
}

// searchRow returns d's row of the index, from the cache while its inputs
// are the same.
func (r *Renderer) searchRow(d *handbook.Document, dict *termDict, scratch *sync.Pool) *searchRow {
	if !r.opts.Rebuilds {
		// A single build keeps no rows.
		return makeSearchRow(d, dict, scratch)
	}
	key := searchKey(d)
	r.cacheMu.Lock()
	c, ok := r.rows[d]
	r.cacheMu.Unlock()
	if ok && c.words == d.Words && c.key == key {
		return c
	}
	row := makeSearchRow(d, dict, scratch)
	row.key, row.words = key, d.Words
	r.cacheMu.Lock()
	r.rows[d] = row
	r.cacheMu.Unlock()
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
	out = make([]section, 0, strings.Count(text[i:], string(markdown.SectionMark))+1)
	out = append(out, section{text: strings.TrimSpace(text[:i])})
	// headings returns the text of the last heading (not the title) with
	// the id, as a map filled in order would.
	headings := func(id string) string {
		for k := len(d.Headings) - 1; k >= 0; k-- {
			if h := d.Headings[k]; h.Level > 0 && h.ID == id {
				return h.Text
			}
		}
		return ""
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
		if h := headings(s.id); h != "" && strings.HasPrefix(body, h) {
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

// termAcc gathers a term's matches in one document.
type termAcc struct {
	term   string // a part of the folded text
	hash   uint64
	fields [6]int32 // best weight in each field
	sec    int32
	secW   int32
	npos   int32 // the number of its CJK positions
	posAt  int32 // where they start in the row's pos
	slot   int32 // its place in the table
}

// cjkPos is a CJK position of the term accs[k].
type cjkPos struct{ k, pos int32 }

// rowScratch is the memory makeSearchRow works in, reused from one
// document to the next: an open-addressed table of the document's terms
// (slots hold an index into accs, plus one; 0 is empty), their entries,
// the folded texts and the CJK positions.
type rowScratch struct {
	slots  []int32
	accs   []termAcc
	folded []byte // the document's texts, folded, one after another
	cjk    []cjkPos
	fill   []int32
	name   []byte // a filter term being made
}

func newRowScratch() any { return &rowScratch{slots: make([]int32, 256)} }

// termHash hashes a term for the scratch table and the dictionary
// (FNV-1a).
func termHash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// find returns the index in accs of term's entry, adding it if it is
// new.
func (sc *rowScratch) find(term string) int32 {
	h := termHash(term)
	mask := uint64(len(sc.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		k := sc.slots[i]
		if k == 0 {
			if 2*(len(sc.accs)+1) > len(sc.slots) {
				sc.grow()
				return sc.find(term)
			}
			sc.accs = append(sc.accs, termAcc{term: term, hash: h, sec: -1, slot: int32(i)})
			sc.slots[i] = int32(len(sc.accs))
			return int32(len(sc.accs) - 1)
		}
		if a := &sc.accs[k-1]; a.hash == h && a.term == term {
			return k - 1
		}
	}
}

// grow doubles the table and places the entries again.
func (sc *rowScratch) grow() {
	sc.slots = make([]int32, 2*len(sc.slots))
	mask := uint64(len(sc.slots) - 1)
	for k := range sc.accs {
		a := &sc.accs[k]
		i := a.hash & mask
		for sc.slots[i] != 0 {
			i = (i + 1) & mask
		}
		sc.slots[i] = int32(k + 1)
		a.slot = int32(i)
	}
}

// reset empties the table for the next document, clearing only the slots
// in use.
func (sc *rowScratch) reset() {
	for k := range sc.accs {
		sc.slots[sc.accs[k].slot] = 0
		sc.accs[k] = termAcc{}
	}
	sc.accs, sc.folded, sc.cjk = sc.accs[:0], sc.folded[:0], sc.cjk[:0]
}

// makeSearchRow computes a document's terms, numbered by dict. scratch,
// when not nil, lends the working memory.
func makeSearchRow(d *handbook.Document, dict *termDict, scratch *sync.Pool) *searchRow {
	var sc *rowScratch
	if scratch != nil {
		sc = scratch.Get().(*rowScratch)
		defer scratch.Put(sc)
	} else {
		sc = newRowScratch().(*rowScratch)
	}
	pos := 0
	add := func(text string, field int, weight int32, sec int32, minWord int) {
		// Each text is folded onto the end of the buffer, and read in
		// place: what was appended is never written over while the
		// document is read (a longer buffer is a new array, the old one
		// left as it was), and no part of it outlives the document, as
		// the dictionary copies a term it has not seen. So the texts cost
		// no string of their own.
		at := len(sc.folded)
		sc.folded = searchtext.AppendFold(sc.folded, text)
		folded := ""
		if len(sc.folded) > at {
			folded = unsafe.String(&sc.folded[at], len(sc.folded)-at)
		}
		pos = searchtext.Tokens(folded, minWord, pos, func(t searchtext.Token) {
			k := sc.find(t.Term)
			a := &sc.accs[k]
			a.fields[field] = max(a.fields[field], weight)
			if sec >= 0 && weight > a.secW {
				a.sec, a.secW = sec, weight
			}
			if t.CJK {
				a.npos++
				sc.cjk = append(sc.cjk, cjkPos{k, int32(t.Pos)})
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
	for k, s := range sections(d) {
		if s.heading != "" {
			add(s.heading, 4, weightHeading, int32(k), 1)
		}
		add(s.text, 5, weightBody, int32(k), 3)
	}
	scale := 1.0
	if fadedStatus[strings.ToLower(d.Status)] {
		scale = fadedScale
	}
	accs := sc.accs
	row := &searchRow{terms: make([]rowTerm, 0, len(accs)+3+len(d.Tags))}
	// The CJK positions, each term's together, in the order of accs and
	// ascending, as they were read in order.
	if len(sc.cjk) > 0 {
		row.pos = make([]int32, len(sc.cjk))
		n := int32(0)
		for i := range accs {
			accs[i].posAt = n
			n += accs[i].npos
		}
		fill := slices.Grow(sc.fill[:0], len(accs))[:len(accs)]
		clear(fill)
		for _, c := range sc.cjk {
			row.pos[accs[c.k].posAt+fill[c.k]] = c.pos
			fill[c.k]++
		}
		sc.fill = fill
	}
	for i := range accs {
		a := &accs[i]
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
		row.terms = append(row.terms, rowTerm{id: dict.id(a.term, a.hash), score: max(score, 1), sec: max(sec, 0), posEnd: a.posAt + a.npos})
	}
	sc.reset()
	// Filters: a term each, once, though two tags may squash alike.
	words := len(row.terms)
	filter := func(field, value string) {
		v := searchtext.Squash(value)
		if v == "" {
			return
		}
		sc.name = append(append(append(sc.name[:0], field...), ':'), v...)
		name := unsafe.String(&sc.name[0], len(sc.name))
		id := dict.id(name, termHash(name))
		for _, t := range row.terms[words:] {
			if t.id == id {
				return
			}
		}
		row.terms = append(row.terms, rowTerm{id: id, score: 1, posEnd: int32(len(row.pos))})
	}
	filter("kind", string(d.Kind))
	filter("status", d.Status)
	filter("owner", d.Owner)
	for _, t := range d.Tags {
		filter("tag", t)
	}
	return row
}

// writeSearchStore writes a document's entry in its store shard.
func writeSearchStore(b *bytes.Buffer, d *handbook.Document, secs []section) {
	b.WriteByte('[')
	for _, s := range []string{d.URL, d.Title, string(d.Kind), d.Status, d.Summary} {
		writeJSONString(b, s, false)
		b.WriteByte(',')
	}
	b.WriteByte('[')
	for k, s := range secs {
		if k > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('[')
		writeJSONString(b, s.id, false)
		b.WriteByte(',')
		writeJSONString(b, s.heading, false)
		b.WriteByte(',')
		writeJSONString(b, s.text, false)
		b.WriteByte(']')
	}
	b.WriteString("]]")
}

// storeSize estimates the bytes of d's store entry, escapes aside.
func storeSize(d *handbook.Document) int {
	return 64 + len(d.URL) + len(d.Title) + len(d.Kind) + len(d.Status) + len(d.Summary) + len(d.Words) + 16*len(d.Headings)
}
