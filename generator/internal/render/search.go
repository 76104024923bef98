package render

import (
	"bytes"
	"encoding/json"

	"handbook/generator/internal/handbook"
	"handbook/generator/internal/pool"
)

// SearchFile is the search index: a script, not JSON, so that it loads from
// file:// as well as over HTTP. It sets window.HANDBOOK_SEARCH to
// {"v":1,"docs":[[url, title, kind, status, owner, tags, headings, summary, words], ...]}
// where url is a site path, tags and headings are lists, and words are the
// body's distinct lower-case words in order of first use, space-separated.
const SearchFile = "search-index.js"

// searchIndex builds the search index script. Rows are computed on every
// core and kept, so that serve's rebuild after an edit recomputes only the
// rows of documents whose text changed.
func (r *Renderer) searchIndex() []byte {
	docs := r.site.Docs
	rows := make([][]byte, len(docs))
	pool.Each(len(docs), func(i int) { rows[i] = r.searchRow(docs[i]) })
	var b bytes.Buffer
	r.cacheMu.Lock()
	b.Grow(r.searchSize)
	r.cacheMu.Unlock()
	b.WriteString(`window.HANDBOOK_SEARCH={"v":1,"docs":[`)
	for i, row := range rows {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(row)
	}
	b.WriteString("]};\n")
	r.cacheMu.Lock()
	r.searchSize = b.Len()
	r.cacheMu.Unlock()
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
	heads := make([]string, 0, len(d.Headings))
	for _, h := range d.Headings {
		if h.Level > 0 {
			heads = append(heads, h.Text)
		}
	}
	tags := d.Tags
	if tags == nil {
		tags = []string{}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode([]any{d.URL, d.Title, string(d.Kind), d.Status, d.Owner, tags, heads, d.Summary, d.Words})
	row := bytes.TrimSuffix(b.Bytes(), []byte("\n"))
	r.cacheMu.Lock()
	r.rows[d] = searchRow{d.Words, row}
	r.cacheMu.Unlock()
	return row
}
