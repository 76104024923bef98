package markdown

import (
	"encoding/binary"
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// wordIndex reads a body's text once, segment by segment, for two things:
// its word count (runs of non-space, for reading time) and its plain text
// for the search index, cut into sections at headings.
//
// The text is written as search reads it (handbook.Document.Words): the
// text before the first heading, then for each heading "\x1e" id "\x1f"
// and the heading's text and the text up to the next heading. Segments
// are joined by a space unless one follows the other in the source, as
// the parts of a word split by inline markup do.
type wordIndex struct {
	count int
	out   []byte
	end   int // the source offset where the last segment ended, -1 if unknown
}

// SectionMark and IDMark frame a section's heading id in a body's search
// text: SectionMark id IDMark text.
const (
	SectionMark = '\x1e'
	IDMark      = '\x1f'
)

// add reads a segment that stands apart from the one before.
func (w *wordIndex) add(seg []byte) { w.addAt(seg, -1) }

// addAt reads a segment that starts at offset start of the source (-1 if
// it has none).
func (w *wordIndex) addAt(seg []byte, start int) {
	if len(seg) == 0 {
		return
	}
	if len(w.out) > 0 && (start < 0 || start != w.end) {
		if c := w.out[len(w.out)-1]; c != ' ' && c != IDMark {
			w.out = append(w.out, ' ')
		}
	}
	w.end = -1
	if start >= 0 {
		w.end = start + len(seg)
	}
	in := false // inside a run of non-space
	// The text grows by at most the segment and the space before it:
	// room is made once, and bytes are written in place.
	n := len(w.out)
	out := slices.Grow(w.out, len(seg)+1)
	out = out[:cap(out)]
	for i := 0; i < len(seg); {
		if i+8 <= len(seg) {
			// Eight bytes of printable ASCII with single spaces between
			// words, the common case, are copied at once and their words
			// counted from a mask.
			x := binary.LittleEndian.Uint64(seg[i:])
			if sp, ok := spaceMask(x); ok && (sp&0x80 == 0 || n > 0 && out[n-1] != ' ' && out[n-1] != IDMark) {
				word := ^sp & hi
				starts := word &^ (word<<8 | inMask(in))
				w.count += bits.OnesCount64(starts)
				in = word>>63 != 0
				binary.LittleEndian.PutUint64(out[n:], x)
				n += 8
				i += 8
				continue
			}
		}
		c := seg[i]
		if c < utf8.RuneSelf {
			i++
			switch asciiClass[c] {
			case asciiSpaceByte:
				in = false
				if n > 0 && out[n-1] != ' ' && out[n-1] != IDMark {
					out[n] = ' '
					n++
				}
				continue
			case asciiControl:
				c = ' ' // no control characters: the marks stay unambiguous
			}
			out[n] = c
			n++
			if !in {
				in = true
				w.count++
			}
			continue
		}
		r, size := utf8.DecodeRune(seg[i:])
		if r == utf8.RuneError && size == 1 {
			out[n] = ' '
			n++
		} else {
			n += copy(out[n:], seg[i:i+size])
		}
		i += size
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in = true
			w.count++
		}
	}
	w.out = out[:n]
}

const (
	hi  = 0x8080808080808080 // the high bit of each byte
	lo7 = 0x7f7f7f7f7f7f7f7f // the other bits
	one = 0x0101010101010101 // 1 in each byte
)

// spaceMask returns the high bit of each byte of x that is a space; ok
// is false unless all eight are printable ASCII and no two spaces are
// side by side.
func spaceMask(x uint64) (sp uint64, ok bool) {
	del := x ^ lo7 // DEL becomes a zero byte
	if x&hi != 0 || (x-0x20*one)&^x&hi != 0 || (del-one)&^del&hi != 0 {
		return 0, false // beyond ASCII, a control character or DEL
	}
	s := x ^ 0x20*one // a space becomes a zero byte
	sp = ^((s&lo7 + lo7) | s) & hi
	return sp, sp&(sp<<8) == 0
}

// inMask is the high bit of the byte before the first one when that byte
// is inside a word.
func inMask(in bool) uint64 {
	if in {
		return 0x80
	}
	return 0
}

// The classes of ASCII bytes in search text: printable, space (as
// unicode.IsSpace says) and the other control characters.
const (
	asciiPrint = iota
	asciiSpaceByte
	asciiControl
)

// asciiClass is the class of each ASCII byte.
var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		switch {
		case asciiSpace[c]:
			t[c] = asciiSpaceByte
		case c < ' ' || c == 0x7f:
			t[c] = asciiControl
		}
	}
	return t
}()

// section starts the section of the heading with id id.
func (w *wordIndex) section(id string) {
	for len(w.out) > 0 && w.out[len(w.out)-1] == ' ' {
		w.out = w.out[:len(w.out)-1]
	}
	w.out = append(w.out, SectionMark)
	w.out = append(w.out, strings.Map(func(r rune) rune {
		if r == SectionMark || r == IDMark {
			return -1
		}
		return r
	}, id)...)
	w.out = append(w.out, IDMark)
	w.end = -1
}

// reset empties the index for the next body.
func (w *wordIndex) reset(n int) {
	if cap(w.out) < n {
		w.out = make([]byte, 0, n)
	}
	w.out, w.count, w.end = w.out[:0], 0, -1
}

// words returns the text.
func (w *wordIndex) words() string {
	return strings.TrimRight(string(w.out), " ")
}

// dropPlaceholders removes from a body's search text the words that are
// shortcodes' inline placeholders ("hbsc…").
func dropPlaceholders(text string) string {
	var b strings.Builder
	for {
		i := strings.Index(text, "hbsc")
		if i < 0 {
			b.WriteString(text)
			return b.String()
		}
		if i > 0 && !placeholderEdge(text[i-1]) {
			b.WriteString(text[:i+4])
			text = text[i+4:]
			continue
		}
		b.WriteString(text[:i])
		j := i
		for j < len(text) && !placeholderEdge(text[j]) {
			j++
		}
		text = text[j:]
	}
}

func placeholderEdge(c byte) bool {
	return c == ' ' || c == SectionMark || c == IDMark
}
