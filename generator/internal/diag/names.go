package diag

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Names is an index of many names for "did you mean" hints: the name
// closest to a word by edit distance, without measuring the word against
// every name. It is a BK-tree: each name hangs below the first name it was
// compared with at the distance between them, so that by the triangle
// inequality a search for names within r of a word skips every subtree
// whose distance from its parent differs from the word's by more than r.
// The search starts with the caller's limit as r and narrows it to the
// best distance found so far.
//
// Names are compared case-insensitively, by Levenshtein distance in
// runes (Distance), computed a machine word at a time (Myers' algorithm)
// for words of up to 64 runes. Build a Names once; it is read-only
// afterwards and safe for concurrent use, and its answers depend on
// nothing but the names and the word.
type Names struct {
	nodes []bkNode
}

type bkNode struct {
	name     string // lower case
	pos      int    // the first position of the name in the list given
	children []bkEdge
}

type bkEdge struct {
	dist int // from the parent to every name of the subtree
	node int32
}

// NewNames indexes names. A name given twice, in any letter case, keeps
// its first position.
func NewNames(names []string) *Names {
	ix := &Names{nodes: make([]bkNode, 0, len(names))}
	var p pattern
	for i, name := range names {
		lower := strings.ToLower(name)
		if len(ix.nodes) == 0 {
			ix.nodes = append(ix.nodes, bkNode{name: lower, pos: i})
			continue
		}
		p.set(lower)
		at := 0
		for {
			d := p.distance(ix.nodes[at].name)
			if d == 0 {
				break // the same name, kept at its first position
			}
			cs := ix.nodes[at].children
			k := sort.Search(len(cs), func(k int) bool { return cs[k].dist >= d })
			if k < len(cs) && cs[k].dist == d {
				at = int(cs[k].node)
				continue
			}
			ix.nodes = append(ix.nodes, bkNode{name: lower, pos: i})
			edge := bkEdge{dist: d, node: int32(len(ix.nodes) - 1)}
			ix.nodes[at].children = append(cs, bkEdge{})
			copy(ix.nodes[at].children[k+1:], cs[k:])
			ix.nodes[at].children[k] = edge
			break
		}
	}
	return ix
}

// Nearest returns the position in the indexed list of the name closest
// to word, among those less than limit away, and its distance; among
// equally close names, the one given first. It returns -1 when no name is
// that close.
func (ix *Names) Nearest(word string, limit int) (pos, dist int) {
	if len(ix.nodes) == 0 || limit <= 0 {
		return -1, 0
	}
	var p pattern
	p.set(strings.ToLower(word))
	best, bestDist := -1, limit
	// radius is how far a name may be and still be the answer: below the
	// limit at first, then as close as the best, which an earlier name
	// at the same distance would still beat.
	radius := func() int {
		if best < 0 {
			return bestDist - 1
		}
		return bestDist
	}
	type visit struct {
		node  int32
		lower int // a lower bound of the word's distance to the subtree
	}
	stack := []visit{{node: 0}}
	for len(stack) > 0 {
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		r := radius()
		if v.lower > r {
			continue
		}
		n := &ix.nodes[v.node]
		d := p.distance(n.name)
		if d < bestDist || d == bestDist && best >= 0 && n.pos < best {
			best, bestDist = n.pos, d
			r = radius()
		}
		// The children within r of d, pushed farthest first so that the
		// likeliest are searched first and narrow the radius soonest.
		cs := n.children
		lo := sort.Search(len(cs), func(k int) bool { return cs[k].dist >= d-r })
		hi := sort.Search(len(cs), func(k int) bool { return cs[k].dist > d+r })
		for lo < hi {
			var e bkEdge
			if d-cs[lo].dist > cs[hi-1].dist-d {
				e = cs[lo]
				lo++
			} else {
				hi--
				e = cs[hi]
			}
			stack = append(stack, visit{node: e.node, lower: abs(d - e.dist)})
		}
	}
	if best < 0 {
		return -1, 0
	}
	return best, bestDist
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// pattern holds what Myers' bit-parallel algorithm precomputes for one
// word: for each rune, the bit mask of the positions where the word has
// it. Words longer than 64 runes fall back to Distance.
type pattern struct {
	word  string
	runes int
	ascii [utf8.RuneSelf]uint64
	other map[rune]uint64
}

func (p *pattern) set(word string) {
	p.word = word
	p.ascii = [utf8.RuneSelf]uint64{}
	clear(p.other)
	p.runes = 0
	for _, r := range word {
		if p.runes < 64 {
			if r < utf8.RuneSelf {
				p.ascii[r] |= 1 << p.runes
			} else {
				if p.other == nil {
					p.other = map[rune]uint64{}
				}
				p.other[r] |= 1 << p.runes
			}
		}
		p.runes++
	}
}

// distance is Distance(p.word, t).
func (p *pattern) distance(t string) int {
	if p.runes > 64 {
		return Distance(p.word, t)
	}
	if p.runes == 0 {
		return utf8.RuneCountInString(t)
	}
	// Hyyrö's formulation of Myers' algorithm: the vertical differences
	// of the dynamic programme's column, a bit per row, updated a text
	// rune at a time; the score is the bottom row's value.
	var (
		pv    uint64 = ^uint64(0)
		mv    uint64
		score = p.runes
		high  = uint64(1) << (p.runes - 1)
	)
	for _, c := range t {
		var eq uint64
		if c < utf8.RuneSelf {
			eq = p.ascii[c]
		} else if p.other != nil {
			eq = p.other[c]
		}
		xv := eq | mv
		xh := (((eq & pv) + pv) ^ pv) | eq
		ph := mv | ^(xh | pv)
		mh := pv & xh
		if ph&high != 0 {
			score++
		} else if mh&high != 0 {
			score--
		}
		ph = ph<<1 | 1
		mh <<= 1
		pv = mh | ^(xv | ph)
		mv = ph & xv
	}
	return score
}
