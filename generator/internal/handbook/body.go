package handbook

import (
	"slices"
	"unsafe"

	"github.com/klauspost/compress/s2"
)

// Pack keeps the body's HTML and search text compressed (s2, at about
// two fifths and a half of their sizes) until HTMLText and WordsText read
// them. A single build holds every body from parsing until its page and
// the search index are written, most of its memory: packed, the bodies of
// a large handbook take a fraction of it. Unpacking costs about what
// copying the text does. Pack compresses in scratch, and returns it for
// the next body (nil: a buffer of its own).
func (b *Body) Pack(scratch []byte) []byte {
	b.packed, scratch = pack(&b.HTML, scratch)
	b.packedWords, scratch = pack(&b.Words, scratch)
	return scratch
}

// pack compresses *s in scratch and returns a copy of exactly its length,
// emptying *s, or nil, leaving it, when it is too short to be worth it.
func pack(s *string, scratch []byte) ([]byte, []byte) {
	if len(*s) < 512 {
		return nil, scratch
	}
	if n := s2.MaxEncodedLen(len(*s)); cap(scratch) < n {
		scratch = make([]byte, n)
	}
	enc := s2.Encode(scratch[:cap(scratch)], unsafe.Slice(unsafe.StringData(*s), len(*s)))
	*s = ""
	// A copy of exactly its length: the buffer has room for the worst
	// case, which would be kept with it.
	return slices.Clone(enc), scratch
}

// unpack returns the text packed, or s when nothing is.
func unpack(s string, packed []byte) string {
	if packed == nil {
		return s
	}
	n, err := s2.DecodedLen(packed)
	if err != nil {
		return ""
	}
	out, err := s2.Decode(make([]byte, n), packed)
	if err != nil || len(out) == 0 {
		return ""
	}
	// out is written once, here, and never again: it may back a string.
	return unsafe.String(unsafe.SliceData(out), len(out))
}

// packedLen is len(unpack(s, packed)), without unpacking.
func packedLen(s string, packed []byte) int {
	if packed == nil {
		return len(s)
	}
	n, _ := s2.DecodedLen(packed)
	return n
}

// HTMLText returns the rendered body: HTML, or the packed HTML unpacked.
func (b *Body) HTMLText() string { return unpack(b.HTML, b.packed) }

// AppendHTML appends the rendered body to dst and returns it: unlike
// HTMLText it unpacks into memory the caller may use again.
func (b *Body) AppendHTML(dst []byte) []byte { return appendUnpacked(dst, b.HTML, b.packed) }

// appendUnpacked appends unpack(s, packed) to dst.
func appendUnpacked(dst []byte, s string, packed []byte) []byte {
	if packed == nil {
		return append(dst, s...)
	}
	n, err := s2.DecodedLen(packed)
	if err != nil {
		return dst
	}
	dst = slices.Grow(dst, n)
	out, err := s2.Decode(dst[len(dst):len(dst)+n], packed)
	if err != nil {
		return dst
	}
	return dst[:len(dst)+len(out)]
}

// HTMLLen is len(b.HTMLText()), without unpacking.
func (b *Body) HTMLLen() int { return packedLen(b.HTML, b.packed) }

// WordsText returns the body's search text: Words, or the packed text
// unpacked.
func (b *Body) WordsText() string { return unpack(b.Words, b.packedWords) }

// WordsLen is len(b.WordsText()), without unpacking.
func (b *Body) WordsLen() int { return packedLen(b.Words, b.packedWords) }

// Release lets go of the body's HTML, packed or not, once no page will
// show it again (a single build, after the document's page is written).
func (b *Body) Release() {
	b.HTML, b.packed = "", nil
}

// ReleaseText lets go of the search text, as Release does of the HTML,
// once the search index has read it: WordsText is "" after, and WordsLen
// 0.
func (b *Body) ReleaseText() {
	b.Words, b.packedWords = "", nil
}

// SameAs reports whether b and o say the same at any offset: the same
// HTML, text and counts, and the same links in the same forms, wherever
// in the file each is written (an edit of front matter moves the body
// without changing it).
func (b *Body) SameAs(o *Body) bool {
	if b == o {
		return true
	}
	return b.WordCount == o.WordCount && b.Tasks == o.Tasks && b.Diagrams == o.Diagrams &&
		slices.EqualFunc(b.BodyLinks, o.BodyLinks, func(x, y BodyLink) bool { return x.Dest == y.Dest && x.Form == y.Form }) &&
		b.HTMLText() == o.HTMLText() && b.WordsText() == o.WordsText()
}
