package markdown

import (
	"unicode"
	"unicode/utf8"
)

// wordIndex reads a body's text once, segment by segment, for two things:
// its word count (runs of non-space, for reading time) and its distinct
// lower-case words of three letters or more, in order of first use, for
// the search index. Words seen are kept in an open-addressing set of
// slices of the output, with their hashes, so that a word costs a hash
// computed as it is read and, mostly, one comparison; no allocation per
// distinct word.
type wordIndex struct {
	count int
	out   []byte     // distinct words, space-separated
	slots []wordSlot // at == 0 is empty
	used  int
	word  []byte // the word being read, lower-cased
	hash  uint32 // FNV-1a of word
	wide  bool   // word has a byte beyond ASCII
}

type wordSlot struct {
	hash uint32
	at   int32 // 1 + the offset of the word in out
	n    int32 // its length
}

const fnvBasis, fnvPrime = 2166136261, 16777619

// wordByte maps the ASCII bytes of words to lower case; 0 ends a word.
var wordByte = func() (t [utf8.RuneSelf]byte) {
	for c := byte('0'); c <= '9'; c++ {
		t[c] = c
	}
	for c := byte('a'); c <= 'z'; c++ {
		t[c] = c
		t[c-'a'+'A'] = c
	}
	return t
}()

// add reads one segment of text. A segment's edges end its words.
func (w *wordIndex) add(seg []byte) {
	if w.hash == 0 {
		w.hash = fnvBasis
	}
	in := false // inside a run of non-space
	for i := 0; i < len(seg); {
		c := seg[i]
		if c < utf8.RuneSelf && wordByte[c] != 0 && len(w.word) == 0 {
			// Most words: a run of ASCII letters and digits, hashed as it
			// is read and, when already lower case, added as it stands.
			start, h, lower := i, uint32(fnvBasis), true
			for ; i < len(seg); i++ {
				c = seg[i]
				if c >= utf8.RuneSelf || wordByte[c] == 0 {
					break
				}
				l := wordByte[c]
				lower = lower && l == c
				h = (h ^ uint32(l)) * fnvPrime
			}
			if !in {
				in = true
				w.count++
			}
			if i < len(seg) && seg[i] >= utf8.RuneSelf {
				// The word may go on past ASCII: read on, letter by letter.
				for _, b := range seg[start:i] {
					w.word = append(w.word, wordByte[b])
				}
				w.hash = h
				continue
			}
			if lower {
				w.insert(seg[start:i], h, false)
				continue
			}
			for _, b := range seg[start:i] {
				w.word = append(w.word, wordByte[b])
			}
			w.hash = h
			w.end()
			continue
		}
		if c < utf8.RuneSelf {
			i++
			if l := wordByte[c]; l != 0 {
				w.word = append(w.word, l)
				w.hash = (w.hash ^ uint32(l)) * fnvPrime
			} else if len(w.word) > 0 {
				w.end()
			}
			if asciiSpace[c] {
				in = false
			} else if !in {
				in = true
				w.count++
			}
			continue
		}
		r, size := utf8.DecodeRune(seg[i:])
		i += size
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n := len(w.word)
			w.word = utf8.AppendRune(w.word, unicode.ToLower(r))
			for _, b := range w.word[n:] {
				w.hash = (w.hash ^ uint32(b)) * fnvPrime
			}
			w.wide = true
		} else if len(w.word) > 0 {
			w.end()
		}
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in = true
			w.count++
		}
	}
	if len(w.word) > 0 {
		w.end()
	}
}

// end adds the word read so far and starts the next.
func (w *wordIndex) end() {
	w.insert(w.word, w.hash, w.wide)
	w.word, w.hash, w.wide = w.word[:0], fnvBasis, false
}

// insert adds word, whose hash is h, if it is long enough and new; wide
// says it has bytes beyond ASCII.
func (w *wordIndex) insert(word []byte, h uint32, wide bool) {
	if len(word) < 3 || wide && utf8.RuneCount(word) < 3 {
		return
	}
	if 2*(w.used+1) > len(w.slots) {
		w.grow()
	}
	mask := uint32(len(w.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &w.slots[i]
		if s.at == 0 {
			if len(w.out) > 0 {
				w.out = append(w.out, ' ')
			}
			*s = wordSlot{hash: h, at: int32(len(w.out)) + 1, n: int32(len(word))}
			w.out = append(w.out, word...)
			w.used++
			return
		}
		if s.hash == h && int(s.n) == len(word) && string(w.out[s.at-1:s.at-1+s.n]) == string(word) {
			return
		}
	}
}

// grow doubles the set (from 256 slots) and places its words again.
func (w *wordIndex) grow() {
	old := w.slots
	w.slots = make([]wordSlot, max(256, 2*len(old)))
	mask := uint32(len(w.slots) - 1)
	for _, s := range old {
		if s.at == 0 {
			continue
		}
		i := s.hash & mask
		for w.slots[i].at != 0 {
			i = (i + 1) & mask
		}
		w.slots[i] = s
	}
}

// words returns the distinct words, space-separated.
func (w *wordIndex) words() string { return string(w.out) }
