package markdown

import (
	"encoding/binary"
	"unicode"
	"unicode/utf8"
)

// wordIndex reads a body's text once, segment by segment, for two things:
// its word count (runs of non-space, for reading time) and its distinct
// lower-case words of three letters or more, in order of first use, for
// the search index. Words seen are kept in an open-addressing set of
// slices of the output, keyed by their first eight bytes, so that a word
// costs a hash and, mostly, one comparison of integers; no allocation per
// distinct word.
type wordIndex struct {
	count int
	out   []byte     // distinct words, space-separated
	slots []wordSlot // at == 0 is empty
	used  int
	word  []byte // the word being read, lower-cased
	wide  bool   // word has a byte beyond ASCII
}

type wordSlot struct {
	key uint64 // the word's first eight bytes, little-endian, zero-padded
	at  int32  // 1 + the offset of the word in out
	n   int32  // its length
}

// wordKey returns the first eight bytes of word, zero-padded, and a hash
// of all of it. Most words fit in the key, so comparing keys and lengths
// compares the words.
func wordKey(word []byte) (uint64, uint32) {
	var key uint64
	if n := len(word); cap(word) >= 8 {
		key = binary.LittleEndian.Uint64(word[:8])
		if n < 8 {
			key &= 1<<(8*n) - 1
		}
	} else {
		for i := n - 1; i >= 0; i-- {
			key = key<<8 | uint64(word[i])
		}
	}
	x := key ^ uint64(len(word))*0x9e3779b97f4a7c15
	for rest := word[min(8, len(word)):]; len(rest) > 0; rest = rest[min(8, len(rest)):] {
		var k uint64
		for i := min(8, len(rest)) - 1; i >= 0; i-- {
			k = k<<8 | uint64(rest[i])
		}
		x = (x ^ k) * 0xff51afd7ed558ccd
	}
	x *= 0xc4ceb9fe1a85ec53
	return key, uint32(x ^ x>>29)
}

// wordByte maps the ASCII bytes of words to lower case; 0 is any other
// byte, including every byte beyond ASCII.
var wordByte = func() (t [256]byte) {
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
	in := false // inside a run of non-space
	for i := 0; i < len(seg); {
		c := seg[i]
		if wordByte[c] != 0 && len(w.word) == 0 {
			// Most words: a run of ASCII letters and digits, added as it
			// stands when it is already lower case.
			start := i
			var upper byte // nonzero if the run has a capital
			for ; i < len(seg); i++ {
				l := wordByte[seg[i]]
				if l == 0 {
					break
				}
				upper |= l ^ seg[i]
			}
			if !in {
				in = true
				w.count++
			}
			if upper == 0 && (i == len(seg) || seg[i] < utf8.RuneSelf) {
				w.insert(seg[start:i], false)
				continue
			}
			for _, b := range seg[start:i] {
				w.word = append(w.word, wordByte[b])
			}
			if i == len(seg) || seg[i] < utf8.RuneSelf {
				w.end()
			}
			// else the word may go on past ASCII: read on, letter by letter.
			continue
		}
		if c < utf8.RuneSelf {
			i++
			if l := wordByte[c]; l != 0 {
				w.word = append(w.word, l)
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
			w.word = utf8.AppendRune(w.word, unicode.ToLower(r))
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
	w.insert(w.word, w.wide)
	w.word, w.wide = w.word[:0], false
}

// insert adds word if it is long enough and new; wide says it has bytes
// beyond ASCII.
func (w *wordIndex) insert(word []byte, wide bool) {
	if len(word) < 3 || wide && utf8.RuneCount(word) < 3 {
		return
	}
	key, h := wordKey(word)
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
			*s = wordSlot{key: key, at: int32(len(w.out)) + 1, n: int32(len(word))}
			w.out = append(w.out, word...)
			w.used++
			return
		}
		if s.key == key && int(s.n) == len(word) && (len(word) <= 8 || string(w.out[s.at-1+8:s.at-1+s.n]) == string(word[8:])) {
			return
		}
	}
}

// reset empties the index for a body of n bytes, which holds about one
// distinct word in twenty bytes, keeping its tables: a set sized so that
// it seldom grows.
func (w *wordIndex) reset(n int) {
	size := 256
	for size < n/8 && size < 1<<14 {
		size <<= 1
	}
	if len(w.slots) >= size && len(w.slots) <= 4*size {
		clear(w.slots)
	} else {
		w.slots = make([]wordSlot, size)
	}
	w.out, w.word = w.out[:0], w.word[:0]
	w.count, w.used, w.wide = 0, 0, false
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
		_, h := wordKey(w.out[s.at-1 : s.at-1+s.n])
		i := h & mask
		for w.slots[i].at != 0 {
			i = (i + 1) & mask
		}
		w.slots[i] = s
	}
}

// words returns the distinct words, space-separated.
func (w *wordIndex) words() string { return string(w.out) }
