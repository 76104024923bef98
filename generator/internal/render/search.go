package render

import (
	"bytes"

	"handbook/generator/internal/handbook"
	"handbook/generator/internal/pool"
)

// SearchFile is the search index: a script, not JSON, so that it loads from
// file:// as well as over HTTP. It sets window.HANDBOOK_SEARCH to
// {"v":1,"kinds":{kind: badge, ...},"kind_aliases":{word: kind, ...},
// "docs":[[url, title, kind, status, owner, tags, headings, summary, words], ...]}
// where kinds names each kind that shows a badge in results, kind_aliases
// are the other words a `kind:` filter takes for a kind (both from
// handbook.KindTable, so that the script holds no list of kinds), url is a
// site path, tags and headings are lists, and words are the body's distinct
// lower-case words in order of first use, space-separated.
const SearchFile = "search-index.js"

// searchHead opens the search index: everything before the rows.
var searchHead = func() []byte {
	var b bytes.Buffer
	b.WriteString(`window.HANDBOOK_SEARCH={"v":1,"kinds":{`)
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
	for _, s := range handbook.KindTable {
		for _, a := range s.Aliases() {
			if n > 0 {
				b.WriteByte(',')
			}
			n++
			writeJSONString(&b, a, false)
			b.WriteByte(':')
			writeJSONString(&b, string(s.Name), false)
		}
	}
	b.WriteString(`},"docs":[`)
	return b.Bytes()
}()

// searchIndex builds the search index script. Rows are computed on every
// core and kept, so that serve's rebuild after an edit recomputes only the
// rows of documents whose text changed.
func (r *Renderer) searchIndex() []byte {
	docs := r.site.Docs
	rows := make([][]byte, len(docs))
	pool.Each(len(docs), func(i int) { rows[i] = r.searchRow(docs[i]) })
	size := len(searchHead) + 8
	for _, row := range rows {
		size += len(row) + 1
	}
	var b bytes.Buffer
	b.Grow(size)
	b.Write(searchHead)
	for i, row := range rows {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(row)
	}
	b.WriteString("]};\n")
	return b.Bytes()
}

type searchRow struct {
	words string // the words the row was made from
	row   []byte
}

// searchRow returns d's row of the index, from the cache while d's text is
// the same string.
func (r *Renderer) searchRow(d *handbook.Document) []byte {
	r.cacheMu.Lock()
	c, ok := r.rows[d]
	r.cacheMu.Unlock()
	if ok && c.words == d.Words {
		return c.row
	}
	var b bytes.Buffer
	b.Grow(len(d.Words) + len(d.Title) + len(d.Summary) + 256)
	str := func(s string) {
		writeJSONString(&b, s, false)
		b.WriteByte(',')
	}
	b.WriteByte('[')
	str(d.URL)
	str(d.Title)
	str(string(d.Kind))
	str(d.Status)
	str(d.Owner)
	b.WriteByte('[')
	for i, t := range d.Tags {
		if i > 0 {
			b.WriteByte(',')
		}
		writeJSONString(&b, t, false)
	}
	b.WriteString("],[")
	first := true
	for _, h := range d.Headings {
		if h.Level > 0 {
			if !first {
				b.WriteByte(',')
			}
			first = false
			writeJSONString(&b, h.Text, false)
		}
	}
	b.WriteString("],")
	str(d.Summary)
	str(d.Words)
	// The ids a reader may type: the document's, its record number and
	// the ids of the decisions it makes.
	ids := d.ID
	if n := d.Number(); n != "" {
		ids += " " + n
	}
	for _, x := range d.Decisions {
		ids += " " + x.ID
	}
	writeJSONString(&b, ids, false)
	b.WriteByte(']')
	row := b.Bytes()
	if r.opts.Rebuilds {
		r.cacheMu.Lock()
		r.rows[d] = searchRow{d.Words, row}
		r.cacheMu.Unlock()
	}
	return row
}
