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
// of first use; words of one or two letters are left out. Words seen are
// kept in an open-addressing set of offsets into the output, which costs a
// hash and a comparison per word and no allocation per distinct word.
func distinctWords(text string) string {
	out := make([]byte, 0, len(text)/2)
	// A word takes three bytes and a separator, so the table stays at most
	// half full. Each slot holds 1 + the offset of a word in out; 0 is empty.
	slots := make([]int32, nextPow2(len(text)/2+64))
	mask := uint32(len(slots) - 1)
	var word []byte
	add := func() {
		if len(word) < 3 || utf8.RuneCount(word) < 3 {
			return
		}
		h := uint32(2166136261)
		for _, c := range word {
			h = (h ^ uint32(c)) * 16777619
		}
		for i := h & mask; ; i = (i + 1) & mask {
			at := slots[i]
			if at == 0 {
				if len(out) > 0 {
					out = append(out, ' ')
				}
				slots[i] = int32(len(out)) + 1
				out = append(out, word...)
				return
			}
			w := out[at-1:]
			if len(w) >= len(word) && string(w[:len(word)]) == string(word) && (len(w) == len(word) || w[len(word)] == ' ') {
				return
			}
		}
	}
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			word = append(word, c)
			i++
			continue
		case 'A' <= c && c <= 'Z':
			word = append(word, c+'a'-'A')
			i++
			continue
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(text[i:])
			i += size
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				word = utf8.AppendRune(word, unicode.ToLower(r))
				continue
			}
		default:
			i++
		}
		add()
		word = word[:0]
	}
	add()
	return string(out)
}

// nextPow2 is the smallest power of two at least n.
func nextPow2(n int) int {
	p := 1
	for p < n {
		p <<= 1
	}
	return p
}
