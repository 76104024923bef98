package markdown

import (
	"unicode"
	"unicode/utf8"
)

// wordIndex reads a body's text once, segment by segment, for two things:
// its word count (runs of non-space, for reading time) and its distinct
// lower-case words of three letters or more, in order of first use, for
// the search index. Words seen are kept in an open-addressing set of
// offsets into the output, which costs a hash and a comparison per word
// and no allocation per distinct word.
type wordIndex struct {
	count int
	out   []byte  // distinct words, space-separated
	slots []int32 // 1 + the offset of a word in out; 0 is empty
	used  int
	word  []byte // the word being read, lower-cased
}

// add reads one segment of text. A segment's edges end its words.
func (w *wordIndex) add(seg []byte) {
	in := false // inside a run of non-space
	for i := 0; i < len(seg); {
		c := seg[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
				w.word = append(w.word, c)
			case 'A' <= c && c <= 'Z':
				w.word = append(w.word, c+'a'-'A')
			default:
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
		} else {
			w.end()
		}
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in = true
			w.count++
		}
	}
	w.end()
}

func hashWord(b []byte) uint32 {
	h := uint32(2166136261)
	for _, c := range b {
		h = (h ^ uint32(c)) * 16777619
	}
	return h
}

// end adds the word read so far, if it is long enough and new.
func (w *wordIndex) end() {
	word := w.word
	if len(word) < 3 || len(word) < 9 && utf8.RuneCount(word) < 3 {
		w.word = word[:0]
		return
	}
	w.word = word[:0]
	if 2*(w.used+1) > len(w.slots) {
		w.grow()
	}
	mask := uint32(len(w.slots) - 1)
	for i := hashWord(word) & mask; ; i = (i + 1) & mask {
		at := w.slots[i]
		if at == 0 {
			if len(w.out) > 0 {
				w.out = append(w.out, ' ')
			}
			w.slots[i] = int32(len(w.out)) + 1
			w.out = append(w.out, word...)
			w.used++
			return
		}
		if string(w.wordAt(at-1)) == string(word) {
			return
		}
	}
}

// wordAt is the word of out that starts at offset at.
func (w *wordIndex) wordAt(at int32) []byte {
	rest := w.out[at:]
	for j, c := range rest {
		if c == ' ' {
			return rest[:j]
		}
	}
	return rest
}

// grow doubles the set (from 256 slots) and places its words again.
func (w *wordIndex) grow() {
	old := w.slots
	w.slots = make([]int32, max(256, 2*len(old)))
	mask := uint32(len(w.slots) - 1)
	for _, at := range old {
		if at == 0 {
			continue
		}
		i := hashWord(w.wordAt(at-1)) & mask
		for w.slots[i] != 0 {
			i = (i + 1) & mask
		}
		w.slots[i] = at
	}
}

// words returns the distinct words, space-separated.
func (w *wordIndex) words() string { return string(w.out) }
