package render

import (
	"bytes"
	"encoding/json"
	"unicode"
	"unicode/utf8"

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
	text string // the text the row was made from
	row  []byte
}

// searchRow returns d's row of the index, from the cache while d's text is
// the same string.
func (r *Renderer) searchRow(d *handbook.Document) []byte {
	r.cacheMu.Lock()
	c, ok := r.rows[d]
	r.cacheMu.Unlock()
	if ok && c.text == d.Text {
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
	_ = enc.Encode([]any{d.URL, d.Title, string(d.Kind), d.Status, d.Owner, tags, heads, d.Summary, distinctWords(d.Text)})
	row := bytes.TrimSuffix(b.Bytes(), []byte("\n"))
	r.cacheMu.Lock()
	r.rows[d] = searchRow{d.Text, row}
	r.cacheMu.Unlock()
	return row
}

// distinctWords returns the lower-case words of text, each once, in order
// of first use; words of one or two letters are left out.
func distinctWords(text string) string {
	seen := make(map[string]struct{}, 256)
	out := make([]byte, 0, len(text)/2)
	var word []byte
	for i := 0; i <= len(text); {
		var c byte
		if i < len(text) {
			c = text[i]
		}
		switch {
		case i < len(text) && ('a' <= c && c <= 'z' || '0' <= c && c <= '9'):
			word = append(word, c)
			i++
			continue
		case 'A' <= c && c <= 'Z':
			word = append(word, c+'a'-'A')
			i++
			continue
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(text[i:])
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				word = utf8.AppendRune(word, unicode.ToLower(r))
				i += size
				continue
			}
			i += size - 1
		}
		i++
		if len(word) >= 3 && utf8.RuneCount(word) >= 3 {
			if _, dup := seen[string(word)]; !dup {
				seen[string(word)] = struct{}{}
				if len(out) > 0 {
					out = append(out, ' ')
				}
				out = append(out, word...)
			}
		}
		word = word[:0]
	}
	return string(out)
}
