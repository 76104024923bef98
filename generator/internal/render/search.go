package render

import (
	"bytes"
	"cmp"
	"hash/maphash"
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
	key   rowKey // the small inputs
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

// term returns the term numbered id. Nothing may number a term
// meanwhile.
func (t *termDict) term(id uint32) string {
	return t.shards[id&(1<<dictShardBits-1)].terms[id>>dictShardBits]
}

// dense numbers the dictionary's terms from 0 to len(terms)-1: it returns
// where each shard's terms start, and the terms and their numbers in that
// order. Nothing may number a term meanwhile.
func (t *termDict) dense() (base []uint32, terms []string, ids []uint32) {
	base = make([]uint32, len(t.shards))
	n := 0
	for i := range t.shards {
		base[i] = uint32(n)
		n += len(t.shards[i].terms)
	}
	terms = make([]string, 0, n)
	ids = make([]uint32, 0, n)
	for i := range t.shards {
		terms = append(terms, t.shards[i].terms...)
		for k := range t.shards[i].terms {
			ids = append(ids, uint32(k)<<dictShardBits|uint32(i))
		}
	}
	return base, terms, ids
}

// posting is a term in a document: rows[doc].terms[k]. It holds no
// pointer, so that the collector need not read the postings, and, unless
// it is noSS, the term's score and section in the document (score |
// section<<8), so that most postings are written without reading their
// row again.
type posting struct {
	doc, k, ss uint32
}

// noSS marks a posting whose row must be read: it has CJK positions, or
// its score or section does not fit in ss.
const noSS = ^uint32(0)

// newPosting returns the posting of rows[doc].terms[k].
func newPosting(row *searchRow, doc, k int) posting {
	t := &row.terms[k]
	ss := noSS
	if t.score >= 0 && t.score < 256 && t.sec >= 0 && t.sec < 1<<23 && len(row.positions(k)) == 0 {
		ss = uint32(t.score) | uint32(t.sec)<<8
	}
	return posting{uint32(doc), uint32(k), ss}
}

// layout is the index's postings: the terms that have any, sorted, and
// their postings, each term's in document order.
type layout struct {
	terms []string
	ids   []uint32    // each term's number in the dictionary
	lists [][]posting // each term's postings
}

// of returns the postings of terms[i].
func (l *layout) of(i int) []posting { return l.lists[i] }

// newLayout lays out the postings of rows, whose terms dict numbers.
func newLayout(rows []*searchRow, dict *termDict) *layout {
	// A term's place in the dictionary's dense order is base[its shard]
	// plus its number in the shard.
	base, all, ids := dict.dense()
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
	l := &layout{}
	postings := make([]posting, total)
	for i, row := range rows {
		for k, t := range row.terms {
			p := place(t.id)
			postings[start[p]] = newPosting(row, i, k)
			start[p]++
		}
	}
	// start[place] is now where the postings of the term end; in term
	// order they follow one another.
	l.terms = make([]string, len(order))
	l.ids = make([]uint32, len(order))
	l.lists = make([][]posting, len(order))
	lo := uint32(0)
	for i, o := range order {
		hi := start[o.place]
		l.terms[i], l.ids[i], l.lists[i] = o.term, ids[o.place], postings[lo:hi:hi]
		lo = hi
	}
	return l
}

// samePosting reports whether the term a.terms[j] is written as
// b.terms[k] is.
func samePosting(a *searchRow, j int, b *searchRow, k int) bool {
	x, y := &a.terms[j], &b.terms[k]
	return x.score == y.score && x.sec == y.sec && slices.Equal(a.positions(j), b.positions(k))
}

// update returns the layout after the rows of the documents changed
// (ascending) have become rows[changed[k]], with, for each of its terms,
// the term's place in l (-1 for a term l has not) and whether its
// postings are written differently, and, for each term of l, whether its
// postings are written differently or it has none left, and whether a
// term's number of documents changed. l is not to be used after.
func (l *layout) update(oldRows, rows []*searchRow, changed []int, dict *termDict) (nl *layout, old []int32, affected, oldAffected []bool, recounted bool) {
	// A change of a term's postings: the changed document's posting, or
	// none, and whether it is written differently.
	type change struct {
		doc int
		p   posting
		has bool
		out bool
	}
	byTerm := map[uint32][]change{}
	for _, i := range changed {
		was := make(map[uint32]int, len(oldRows[i].terms))
		for k, t := range oldRows[i].terms {
			was[t.id] = k
		}
		for k, t := range rows[i].terms {
			out := true
			if j, ok := was[t.id]; ok {
				delete(was, t.id)
				out = !samePosting(oldRows[i], j, rows[i], k)
			}
			byTerm[t.id] = append(byTerm[t.id], change{i, newPosting(rows[i], i, k), true, out})
		}
		for id := range was {
			byTerm[id] = append(byTerm[id], change{doc: i, out: true})
		}
	}
	oldAffected = make([]bool, len(l.terms))
	type entry struct {
		term string
		id   uint32
		at   int32 // in l, or -1
		ps   []posting
	}
	var news []entry // the terms l has not, or whose postings change in number
	moved := false   // a term comes or goes
	for id, cs := range byTerm {
		term := dict.term(id)
		at, found := slices.BinarySearch(l.terms, term)
		var list []posting
		if found {
			list = l.lists[at]
		}
		out, grown := false, false
		for _, c := range cs {
			out = out || c.out
			k, ok := slices.BinarySearchFunc(list, uint32(c.doc), func(p posting, doc uint32) int { return cmp.Compare(p.doc, doc) })
			switch {
			case ok && c.has:
				list[k] = c.p // in place: the same length
			case ok:
				list = slices.Delete(slices.Clone(list), k, k+1)
				grown = true
			case c.has:
				list = slices.Insert(slices.Clone(list), k, c.p)
				grown = true
			}
		}
		recounted = recounted || grown
		if found {
			l.lists[at] = list
			oldAffected[at] = out || len(list) == 0
			moved = moved || len(list) == 0
		} else if len(list) > 0 {
			moved = true
			news = append(news, entry{term, id, -1, list})
		}
	}
	if !moved {
		// The same terms: the lists changed in place.
		old = make([]int32, len(l.terms))
		for i := range old {
			old[i] = int32(i)
		}
		return l, old, oldAffected, oldAffected, recounted
	}
	slices.SortFunc(news, func(a, b entry) int { return strings.Compare(a.term, b.term) })
	n := len(news)
	for i := range l.terms {
		if len(l.lists[i]) > 0 {
			n++
		}
	}
	nl = &layout{terms: make([]string, 0, n), ids: make([]uint32, 0, n), lists: make([][]posting, 0, n)}
	old = make([]int32, 0, n)
	affected = make([]bool, 0, n)
	add := func(term string, id uint32, at int32, ps []posting, out bool) {
		nl.terms, nl.ids, nl.lists = append(nl.terms, term), append(nl.ids, id), append(nl.lists, ps)
		old, affected = append(old, at), append(affected, out)
	}
	j := 0
	for i, t := range l.terms {
		if len(l.lists[i]) == 0 {
			oldAffected[i] = true
			continue
		}
		for j < len(news) && news[j].term < t {
			add(news[j].term, news[j].id, -1, news[j].ps, true)
			j++
		}
		add(t, l.ids[i], int32(i), l.lists[i], oldAffected[i])
	}
	for ; j < len(news); j++ {
		add(news[j].term, news[j].id, -1, news[j].ps, true)
	}
	return nl, old, affected, oldAffected, recounted
}

// searchState is what serve keeps of the index it last wrote, so that a
// rebuild after an edit makes again only the rows of the documents that
// changed and the postings of their terms, and writes only the files whose
// bytes change.
type searchState struct {
	mu     sync.Mutex
	docs   []*handbook.Document
	rows   []*searchRow
	lay    *layout
	encLen []int32 // by term of lay: the length of its encoded postings
	firsts []int   // by postings shard: its first term in lay, then len(lay.terms)
	// shardOf is the postings shard of each term of lay; dictMap and
	// tailMap the entry's maps of the dictionary and tail shards.
	shardOf          []int32
	dictMap, tailMap []byte
	seed             maphash.Seed
	hashes           map[string]uint64 // the bytes last written to each file, hashed
}

// searchFiles builds the search index: its entry and shards. Rows are
// computed on every core and, for serve (Options.Rebuilds), kept, so that
// a rebuild after an edit recomputes only the rows of documents whose
// text changed and the postings of their terms, and writes only the files
// whose bytes changed: serve keeps the files it was given before.
func (r *Renderer) searchFiles(write func(name string, b []byte) bool) {
	docs := r.site.Docs
	rows := make([]*searchRow, len(docs))
	scratch := &sync.Pool{New: newRowScratch}
	dict := r.searchDict()
	var st *searchState // serve's, else nil
	if r.opts.Rebuilds {
		st = &r.search
		st.mu.Lock()
		defer st.mu.Unlock()
		if st.hashes == nil {
			st.hashes, st.seed = map[string]uint64{}, maphash.MakeSeed()
		}
	}
	var stopped atomic.Bool
	var hashMu sync.Mutex
	emit := func(name string, b []byte) {
		if stopped.Load() {
			return
		}
		var h uint64
		if st != nil {
			h = maphash.Bytes(st.seed, b)
			hashMu.Lock()
			last, ok := st.hashes[name]
			hashMu.Unlock()
			if ok && last == h {
				return
			}
		}
		if !write(name, b) {
			stopped.Store(true)
			return
		}
		if st != nil {
			hashMu.Lock()
			st.hashes[name] = h
			hashMu.Unlock()
		}
	}
	// Each shard is made in a buffer of the renderer's, sized up front,
	// and handed back once written: a writer keeps no bytes it is given.
	part := func(name string, size int) *bytes.Buffer {
		b := r.buffers.Get().(*bytes.Buffer)
		b.Reset()
		b.Grow(size + 64)
		b.WriteString(`HANDBOOK_SEARCH_PART("` + name + `",`)
		return b
	}
	end := func(name string, b *bytes.Buffer) {
		b.WriteString(");\n")
		emit("search/"+name+".js", b.Bytes())
		r.buffers.Put(b)
	}

	// Rows and store shards, made on every core, a store shard's
	// documents together, so that each body's text is read and cut in
	// sections once; for serve, only the store shards of the documents
	// whose rows changed.
	same := func(g int) bool {
		if st == nil || len(st.docs) != len(docs) {
			return false
		}
		for i := g * storeGroup; i < min(len(rows), (g+1)*storeGroup); i++ {
			if docs[i] != st.docs[i] || rows[i] != st.rows[i] {
				return false
			}
		}
		return true
	}
	pool.Each((len(rows)+storeGroup-1)/storeGroup, func(g int) {
		lo, hi := g*storeGroup, min(len(rows), (g+1)*storeGroup)
		var secs [storeGroup][]section
		for i := lo; i < hi; i++ {
			rows[i], secs[i-lo] = r.searchRow(docs[i], dict, scratch)
		}
		if same(g) {
			return
		}
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
			if secs[i-lo] == nil { // a row kept from the last build
				secs[i-lo] = sections(docs[i])
			}
			writeSearchStore(b, docs[i], secs[i-lo])
		}
		b.WriteByte(']')
		end("s"+strconv.Itoa(g), b)
		if !r.opts.Rebuilds {
			// A single build reads no body's text again: it lets go
			// of it here, before the postings are laid out.
			for i := lo; i < hi; i++ {
				docs[i].ReleaseText()
			}
		}
	})
	// changed lists the documents whose rows changed since serve last
	// wrote the index, when the documents are the same ones.
	var changed []int
	incremental := st != nil && st.lay != nil && slices.Equal(st.docs, docs)
	if incremental {
		for i, row := range rows {
			if row != st.rows[i] {
				changed = append(changed, i)
			}
		}
		if len(changed) == 0 {
			return
		}
	}

	// The postings: laid out anew, or, for serve after an edit, with the
	// postings of the edited documents' terms changed: affected marks the
	// terms whose postings changed, old their places in the last layout,
	// and oldAffected the terms of the last layout that changed or went.
	var lay *layout
	var old []int32
	var affected, oldAffected []bool
	var recounted bool
	encLen := []int32(nil)
	if incremental {
		lay, old, affected, oldAffected, recounted = st.lay.update(st.rows, rows, changed, dict)
		encLen = make([]int32, len(lay.terms))
		for i := range lay.terms {
			encLen[i] = -1
			if !affected[i] {
				encLen[i] = st.encLen[old[i]]
			}
		}
	} else {
		lay = newLayout(rows, dict)
		encLen = make([]int32, len(lay.terms))
		for i := range encLen {
			encLen[i] = -1
		}
	}

	// Postings shards, packed in term order: a shard ends before the
	// term whose postings would take it past postingsShard. For serve, a
	// shard whose terms are the last one's and did not change is not
	// written again.
	var enc []byte
	var firsts []int
	var pb *bytes.Buffer
	shard, size := 0, 0
	shardOf := make([]int32, len(lay.terms))
	// clean reports whether the shard of the terms [a, b) is the one of
	// the same number serve wrote last.
	clean := func(num, a, b int) bool {
		if !incremental || num+1 >= len(st.firsts) {
			return false
		}
		oa, ob := st.firsts[num], st.firsts[num+1]
		if ob-oa != b-a || old[a] != int32(oa) {
			return false
		}
		return !slices.Contains(affected[a:b], true) && !slices.Contains(oldAffected[oa:ob], true)
	}
	flush := func(a, b int) {
		name := "p" + strconv.Itoa(shard)
		if pb == nil {
			if clean(shard, a, b) {
				return
			}
			sz := 0
			for i := a; i < b; i++ {
				sz += len(lay.terms[i]) + int(encLen[i]) + 4
			}
			pb = part(name, sz+8)
			for i := a; i < b; i++ {
				if i == a {
					pb.WriteByte('{')
				} else {
					pb.WriteByte(',')
				}
				enc = encodePostings(enc[:0], rows, lay.of(i))
				writeJSONString(pb, lay.terms[i], false)
				pb.WriteString(`:"`)
				pb.Write(enc)
				pb.WriteByte('"')
			}
		}
		pb.WriteByte('}')
		end(name, pb)
		pb = nil
	}
	for i, t := range lay.terms {
		if encLen[i] < 0 {
			// Not known: encoded now, and, unless serve writes only the
			// shards that changed, written at once.
			enc = encodePostings(enc[:0], rows, lay.of(i))
			encLen[i] = int32(len(enc))
		} else {
			enc = enc[:0]
		}
		n := int(encLen[i])
		if len(firsts) > 0 && size+n > postingsShard {
			flush(firsts[len(firsts)-1], i)
			shard, size = shard+1, 0
		}
		if size == 0 {
			// A new shard.
			firsts = append(firsts, i)
			if !incremental {
				pb = part("p"+strconv.Itoa(shard), max(postingsShard, len(t)+n)+1024)
			}
		}
		if pb != nil {
			if i == firsts[len(firsts)-1] {
				pb.WriteByte('{')
			} else {
				pb.WriteByte(',')
			}
			writeJSONString(pb, t, false)
			pb.WriteString(`:"`)
			pb.Write(enc)
			pb.WriteByte('"')
		}
		size += len(t) + n + 4
		shardOf[i] = int32(shard)
	}
	if len(firsts) > 0 {
		flush(firsts[len(firsts)-1], len(lay.terms))
	}
	firsts = append(firsts, len(lay.terms))

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

	// For serve, the dictionary is the same while the terms are, and
	// each has the shard and the number of documents it had; the tails
	// are the same while the terms are.
	terms := lay.terms
	sameTerms := incremental && len(lay.terms) == len(st.shardOf)
	for i := 0; sameTerms && i < len(old); i++ {
		sameTerms = old[i] == int32(i)
	}
	sameDict := sameTerms && !recounted && slices.Equal(shardOf, st.shardOf)
	var dictMap, tailMap []byte
	if sameDict {
		dictMap = st.dictMap
	} else {
		// Dictionary shards: term, tab, postings shard, tab, documents.
		dictMap = byFirst("d", len(terms), func(i int) string { return terms[i] }, func(b *strings.Builder, k int) {
			b.WriteString(terms[k])
			b.WriteByte('\t')
			b.WriteString(strconv.Itoa(int(shardOf[k])))
			b.WriteByte('\t')
			b.WriteString(strconv.Itoa(len(lay.of(k))))
			b.WriteByte('\n')
		})

	}
	if sameTerms {
		tailMap = st.tailMap
	} else {
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
		tailMap = byFirst("t", len(tails), func(i int) string { return tails[i].tail }, func(b *strings.Builder, k int) {
			b.WriteString(tails[k].tail)
			b.WriteByte('\t')
			b.WriteString(tails[k].term)
			b.WriteByte('\n')
		})

	}
	if !sameDict || !sameTerms {
		var b bytes.Buffer
		b.Write(r.searchHead())
		b.WriteString(`,"docs":` + strconv.Itoa(len(rows)) + `,"group":` + strconv.Itoa(storeGroup) + `,"dict":`)
		b.Write(dictMap)
		b.WriteString(`,"tails":`)
		b.Write(tailMap)
		b.WriteString("};\n")
		emit(SearchFile, b.Bytes())
	}
	if st == nil {
		return
	}
	if stopped.Load() {
		// What was written is not known: all is written next time.
		st.docs, st.rows, st.lay, st.hashes = nil, nil, nil, map[string]uint64{}
		return
	}
	st.docs, st.rows, st.lay, st.encLen, st.firsts = slices.Clone(docs), rows, lay, encLen, firsts
	st.shardOf, st.dictMap, st.tailMap = shardOf, dictMap, tailMap
}

// appendBase36 appends v in base 36.
func appendBase36(out []byte, v uint32) []byte {
	const digits = "0123456789abcdefghijklmnopqrstuvwxyz"
	switch {
	case v < 36:
		return append(out, digits[v])
	case v < 36*36:
		return append(out, digits[v/36], digits[v%36])
	}
	return strconv.AppendUint(out, uint64(v), 36)
}

// encodePostings appends a term's postings to out.
func encodePostings(out []byte, rows []*searchRow, ps []posting) []byte {
	last := uint32(0)
	for k, p := range ps {
		if k > 0 {
			out = append(out, ',')
		}
		out = appendBase36(out, p.doc-last)
		last = p.doc
		if p.ss != noSS {
			out = append(out, '.')
			out = appendBase36(out, p.ss&255)
			out = append(out, '.')
			out = appendBase36(out, p.ss>>8)
			continue
		}
		row := rows[p.doc]
		t := &row.terms[p.k]
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

// rowKey is what a document's row is made of, but its text: a row is
// kept while its document's are the same. Its strings are the
// document's own, so that comparing them is comparing pointers, mostly.
type rowKey struct {
	url, title, kind, status, owner, summary, id, number string
	decisions                                            []string
	tags                                                 []string
	headings                                             []handbook.Heading
}

// same reports whether d's inputs are still those of k.
func (k *rowKey) same(d *handbook.Document) bool {
	if k.url != d.URL || k.title != d.Title || k.kind != string(d.Kind) || k.status != d.Status || k.owner != d.Owner ||
		k.summary != d.Summary || k.id != d.ID || k.number != d.Number() || !slices.Equal(k.tags, d.Tags) ||
		!slices.Equal(k.headings, d.Headings) || len(k.decisions) != len(d.Decisions) {
		return false
	}
	for i, x := range d.Decisions {
		if k.decisions[i] != x.ID {
			return false
		}
	}
	return true
}

// keyOf returns the inputs of d's row but its text.
func keyOf(d *handbook.Document) rowKey {
	k := rowKey{url: d.URL, title: d.Title, kind: string(d.Kind), status: d.Status, owner: d.Owner, summary: d.Summary,
		id: d.ID, number: d.Number(), tags: slices.Clone(d.Tags), headings: slices.Clone(d.Headings)}
	for _, x := range d.Decisions {
		k.decisions = append(k.decisions, x.ID)
	}
	return k
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
// are the same, and, when it was made anew, the sections of d's text.
func (r *Renderer) searchRow(d *handbook.Document, dict *termDict, scratch *sync.Pool) (*searchRow, []section) {
	if !r.opts.Rebuilds {
		// A single build keeps no rows.
		return makeSearchRow(d, dict, scratch)
	}
	words := d.WordsText()
	r.cacheMu.Lock()
	c, ok := r.rows[d]
	r.cacheMu.Unlock()
	if ok && c.words == words && c.key.same(d) {
		return c, nil
	}
	row, secs := makeSearchRow(d, dict, scratch)
	row.key, row.words = keyOf(d), words
	r.cacheMu.Lock()
	r.rows[d] = row
	r.cacheMu.Unlock()
	return row, secs
}

// section is a part of a body's text: the text before the first heading,
// or a heading and the text up to the next.
type section struct {
	id, heading, text string
}

// sections cuts a body's search text at its headings.
func sections(d *handbook.Document) []section {
	text := d.WordsText()
	var out []section
	i := strings.IndexByte(text, markdown.SectionMark)
	if i < 0 {
		return []section{{text: text}}
	}
	out = make([]section, 0, len(d.Headings)+1) // a section a heading, mostly
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

// termHash hashes a term for the scratch table and the dictionary:
// eight bytes at a time, then a mix so that the low bits, which pick
// the slot and the dictionary's shard, depend on every byte.
func termHash(s string) uint64 {
	h := uint64(len(s)) * 0x9e3779b97f4a7c15
	for ; len(s) >= 8; s = s[8:] {
		w := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
		h = (h ^ w) * 0xbf58476d1ce4e5b9
		h ^= h >> 31
	}
	var w uint64
	for i := 0; i < len(s); i++ {
		w |= uint64(s[i]) << (8 * i)
	}
	h = (h ^ w) * 0x94d049bb133111eb
	h ^= h >> 29
	h *= 0xbf58476d1ce4e5b9
	return h ^ h>>32
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

// makeSearchRow computes a document's terms, numbered by dict, and
// returns them with the sections of its text. scratch, when not nil,
// lends the working memory.
func makeSearchRow(d *handbook.Document, dict *termDict, scratch *sync.Pool) (*searchRow, []section) {
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
	return row, secs
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
	return 64 + len(d.URL) + len(d.Title) + len(d.Kind) + len(d.Status) + len(d.Summary) + d.WordsLen() + 16*len(d.Headings)
}
