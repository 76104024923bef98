package handbook

import (
	"slices"
	"unsafe"

	"github.com/klauspost/compress/s2"
)

// Pack keeps the body's HTML compressed (s2, at about two fifths of its
// size) until HTMLText reads it. A single build holds every body from
// parsing until its page is written, most of its memory: packed, the
// bodies of a large handbook take a fraction of it. Unpacking costs about
// what copying the body does. Pack compresses in scratch, and returns it
// for the next body (nil: a buffer of its own).
func (b *Body) Pack(scratch []byte) []byte {
	if len(b.HTML) < 512 {
		return scratch // too short to be worth it
	}
	if n := s2.MaxEncodedLen(len(b.HTML)); cap(scratch) < n {
		scratch = make([]byte, n)
	}
	enc := s2.Encode(scratch[:cap(scratch)], unsafe.Slice(unsafe.StringData(b.HTML), len(b.HTML)))
	b.packed = slices.Clone(enc)
	b.HTML = ""
	return scratch
}

// HTMLText returns the rendered body: HTML, or the packed HTML unpacked.
func (b *Body) HTMLText() string {
	if b.packed == nil {
		return b.HTML
	}
	n, err := s2.DecodedLen(b.packed)
	if err != nil {
		return ""
	}
	out, err := s2.Decode(make([]byte, n), b.packed)
	if err != nil || len(out) == 0 {
		return ""
	}
	// out is written once, here, and never again: it may back a string.
	return unsafe.String(unsafe.SliceData(out), len(out))
}

// HTMLLen is len(b.HTMLText()), without unpacking.
func (b *Body) HTMLLen() int {
	if b.packed == nil {
		return len(b.HTML)
	}
	n, _ := s2.DecodedLen(b.packed)
	return n
}

// Release lets go of the body's HTML, packed or not, once no page will
// show it again (a single build, after the document's page is written).
func (b *Body) Release() {
	b.HTML, b.packed = "", nil
}
