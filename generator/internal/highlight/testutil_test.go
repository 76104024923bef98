package highlight

import (
	"bytes"
	"fmt"
	"strings"
)

// render returns the HTML Write gives for code in lang.
func render(lang, code string) string {
	var buf bytes.Buffer
	Write(&buf, lang, []byte(code))
	return buf.String()
}

// A segment is a run of output text and the class of the span holding
// it, "" for text outside any span.
type segment struct {
	class, text string
}

// parse splits the HTML of one block into its opening tags and its
// segments, text unescaped. It fails on anything Write should never
// write: nested or unclosed spans, empty spans, stray < or &.
func parse(out string) (open string, segs []segment, err error) {
	const closeTags = "</code></pre>\n"
	i := strings.Index(out, "<code")
	if i < 0 {
		return "", nil, fmt.Errorf("no <code> in %q", out)
	}
	j := strings.IndexByte(out[i:], '>')
	if j < 0 {
		return "", nil, fmt.Errorf("unclosed <code in %q", out)
	}
	open = out[:i+j+1]
	body, ok := strings.CutSuffix(out[i+j+1:], closeTags)
	if !ok {
		return "", nil, fmt.Errorf("output does not end with %q: %q", closeTags, out)
	}
	class := ""
	for len(body) > 0 {
		switch {
		case strings.HasPrefix(body, `<span class="`):
			if class != "" {
				return "", nil, fmt.Errorf("nested span in %q", out)
			}
			rest := body[len(`<span class="`):]
			k := strings.Index(rest, `">`)
			if k <= 0 {
				return "", nil, fmt.Errorf("bad span in %q", body)
			}
			class = rest[:k]
			body = rest[k+2:]
			if strings.HasPrefix(body, "</span>") {
				return "", nil, fmt.Errorf("empty span of class %q", class)
			}
		case strings.HasPrefix(body, "</span>"):
			if class == "" {
				return "", nil, fmt.Errorf("unopened </span> in %q", out)
			}
			class = ""
			body = body[len("</span>"):]
		case body[0] == '<':
			return "", nil, fmt.Errorf("stray tag or < in %q", body)
		default:
			k := strings.IndexByte(body, '<')
			if k < 0 {
				k = len(body)
			}
			text, err := unescape(body[:k])
			if err != nil {
				return "", nil, err
			}
			segs = append(segs, segment{class, text})
			body = body[k:]
		}
	}
	if class != "" {
		return "", nil, fmt.Errorf("unclosed span in %q", out)
	}
	return open, segs, nil
}

// unescape undoes the writer's escaping, and only that.
func unescape(s string) (string, error) {
	var b strings.Builder
	for len(s) > 0 {
		k := strings.IndexByte(s, '&')
		if k < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:k])
		s = s[k:]
		matched := false
		for _, e := range [...][2]string{{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&#34;", `"`}, {"&#39;", "'"}} {
			if strings.HasPrefix(s, e[0]) {
				b.WriteString(e[1])
				s = s[len(e[0]):]
				matched = true
				break
			}
		}
		if !matched {
			return "", fmt.Errorf("unknown entity at %q", s)
		}
	}
	return b.String(), nil
}

// text returns the code a block's segments hold.
func text(segs []segment) string {
	var b strings.Builder
	for _, s := range segs {
		b.WriteString(s.text)
	}
	return b.String()
}

// byteClasses returns, for each byte of the code the segments hold, the
// class of the span holding it.
func byteClasses(segs []segment) []string {
	var cs []string
	for _, s := range segs {
		for range len(s.text) {
			cs = append(cs, s.class)
		}
	}
	return cs
}
