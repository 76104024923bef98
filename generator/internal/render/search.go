package render

import (
	"bytes"
	"encoding/json"
	"strings"
	"unicode"
)

// SearchFile is the search index: a script, not JSON, so that it loads from
// file:// as well as over HTTP. It sets window.HANDBOOK_SEARCH to
// {"v":1,"docs":[[url, title, kind, status, owner, tags, headings, summary, words], ...]}
// where url is a site path, tags and headings are lists, and words are the
// body's distinct lower-case words in order of first use, space-separated.
const SearchFile = "search-index.js"

// searchIndex builds the search index script.
func (r *Renderer) searchIndex() []byte {
	var b bytes.Buffer
	b.WriteString(`window.HANDBOOK_SEARCH={"v":1,"docs":[`)
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	for i, d := range r.site.Docs {
		if i > 0 {
			b.WriteByte(',')
		}
		heads := make([]string, 0, len(d.Headings))
		for _, h := range d.Headings {
			heads = append(heads, h.Text)
		}
		tags := d.Tags
		if tags == nil {
			tags = []string{}
		}
		row := []any{d.URL, d.Title, string(d.Kind), d.Status, d.Owner, tags, heads, d.Summary, distinctWords(d.Text)}
		_ = enc.Encode(row)
		b.Truncate(b.Len() - 1) // Encode's newline
	}
	b.WriteString("]};\n")
	return b.Bytes()
}

// distinctWords returns the lower-case words of text, each once, in order
// of first use; words of one or two letters are left out.
func distinctWords(text string) string {
	seen := map[string]bool{}
	var out strings.Builder
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if len(w) < 3 || seen[w] {
			continue
		}
		seen[w] = true
		if out.Len() > 0 {
			out.WriteByte(' ')
		}
		out.WriteString(w)
	}
	return out.String()
}
