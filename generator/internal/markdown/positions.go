package markdown

import (
	"bytes"
	"strconv"
	"strings"
)

// Where front matter keys and values are written.
//
// The decoders (goldmark-meta for YAML, Hugo's for TOML) give values
// without positions, so the front matter text is read once more, by a scan
// that follows its structure without decoding anything: for each top-level
// key it records the offset of the key and of its value, and for a list
// the offset of each element. The entries of a top-level list that are
// maps (the inline decisions) have their keys and values recorded too, as
// "decisions.0.status". What the scan does not understand it skips: a
// value it could not place is reported at its key.

// Node levels of the scan: which positions under a node are recorded.
const (
	plainNode = iota // nothing under it
	topValue         // a top-level key's value: its list items are entries
	entryNode        // an item of a top-level list: if a map, its keys are recorded
)

// posScan reads the front matter text src[start:end].
type posScan struct {
	src   []byte
	start int
	end   int
	toml  bool
	keys  map[string]int
	vals  map[string][]int
}

// record notes where key and its value start, and its list's elements;
// val < 0 for a value not written (null). The first occurrence of a key
// is kept.
func (s *posScan) record(key string, keyOff, val int, elems []int) {
	if _, seen := s.keys[key]; seen {
		return
	}
	s.keys[key] = keyOff
	if val < 0 {
		return
	}
	v := make([]int, 1, 1+len(elems))
	v[0] = val
	s.vals[key] = append(v, elems...)
}

// lineEnd returns the offset of the line feed ending the line holding off,
// or the end of the front matter; a carriage return before it is left out.
func (s *posScan) lineEnd(off int) int {
	e := s.end
	if i := bytes.IndexByte(s.src[off:s.end], '\n'); i >= 0 {
		e = off + i
	}
	if e > off && s.src[e-1] == '\r' {
		e--
	}
	return e
}

// nextLine returns the offset of the line after the one holding off.
func (s *posScan) nextLine(off int) int {
	if off >= s.end {
		return s.end
	}
	if i := bytes.IndexByte(s.src[off:s.end], '\n'); i >= 0 {
		return off + i + 1
	}
	return s.end
}

// lineStart returns the offset of the line holding off.
func (s *posScan) lineStart(off int) int {
	return bytes.LastIndexByte(s.src[s.start:off], '\n') + 1 + s.start
}

// col returns the 0-based column of off, in bytes.
func (s *posScan) col(off int) int { return off - s.lineStart(off) }

func (s *posScan) skipSpaces(off, end int) int {
	for off < end && (s.src[off] == ' ' || s.src[off] == '\t') {
		off++
	}
	return off
}

// content returns the offset of the first character of the first line
// from off on that holds more than spaces and a comment, or the end.
func (s *posScan) content(off int) int {
	for off < s.end {
		le := s.lineEnd(off)
		p := s.skipSpaces(off, le)
		if p < le && s.src[p] != '#' {
			return p
		}
		off = s.nextLine(off)
	}
	return s.end
}

// deeper returns the first line from off on that is neither blank nor
// indented more than col: where a value that goes on over the lines more
// indented than its key (a block scalar, a long plain scalar) ends.
func (s *posScan) deeper(off, col int) int {
	for off < s.end {
		le := s.lineEnd(off)
		p := s.skipSpaces(off, le)
		if p < le && p-off <= col {
			return off
		}
		off = s.nextLine(off)
	}
	return s.end
}

// quoted returns the offset after the string starting at off (a quote),
// or the end when it is never closed. YAML strings may span lines;
// TOML's triple-quoted ones too.
func (s *posScan) quoted(off int) int {
	q := s.src[off]
	if s.toml && off+2 < s.end && s.src[off+1] == q && s.src[off+2] == q {
		for p := off + 3; p+2 < s.end; p++ {
			if q == '"' && s.src[p] == '\\' {
				p++
				continue
			}
			if s.src[p] == q && s.src[p+1] == q && s.src[p+2] == q {
				p += 3
				for p < s.end && s.src[p] == q { // """a"""" ends with a quote
					p++
				}
				return p
			}
		}
		return s.end
	}
	for p := off + 1; p < s.end; p++ {
		switch c := s.src[p]; {
		case c == '\\' && q == '"':
			p++
		case c == q && q == '\'' && !s.toml && p+1 < s.end && s.src[p+1] == '\'':
			p++ // '' inside a YAML single-quoted string
		case c == q:
			return p + 1
		case c == '\n' && s.toml:
			return p // TOML strings end with their line
		}
	}
	return s.end
}

// scan records the keys and values of the front matter.
func (s *posScan) scan() {
	if s.toml {
		s.tomlTop()
		return
	}
	for off := s.start; off < s.end; {
		q := s.content(off)
		if q >= s.end {
			return
		}
		if s.col(q) > 0 {
			off = s.nextLine(q) // deeper than any key: skipped
			continue
		}
		next := s.yamlMap(q, 0, "", true)
		off = max(next, s.nextLine(q))
	}
}

// yamlKey reads a mapping key at off: a plain or quoted key followed by
// ':' and a space or the end of the line. after is the offset after ':'.
func (s *posScan) yamlKey(off, le int) (key string, after int, ok bool) {
	if off >= le {
		return "", 0, false
	}
	switch c := s.src[off]; c {
	case '"', '\'':
		e := min(s.quoted(off), le)
		p := s.skipSpaces(e, le)
		if p < le && s.src[p] == ':' && (p+1 == le || s.src[p+1] == ' ' || s.src[p+1] == '\t') {
			return string(s.src[off+1 : max(off+1, e-1)]), p + 1, true
		}
		return "", 0, false
	case '-':
		if off+1 == le || s.src[off+1] == ' ' || s.src[off+1] == '\t' {
			return "", 0, false // a list item
		}
	case '#', '[', '{', '?', '&', '*', '!', '|', '>', '%', '@', '`':
		return "", 0, false
	}
	for p := off; p < le; p++ {
		switch s.src[p] {
		case ':':
			if p+1 == le || s.src[p+1] == ' ' || s.src[p+1] == '\t' {
				k := bytes.TrimRight(s.src[off:p], " \t")
				if len(k) == 0 {
					return "", 0, false
				}
				return string(k), p + 1, true
			}
		case '#':
			if s.src[p-1] == ' ' || s.src[p-1] == '\t' {
				return "", 0, false // a comment
			}
		}
	}
	return "", 0, false
}

// isItem reports whether off starts a block list item: "-" then a space
// or the end of the line.
func (s *posScan) isItem(off int) bool {
	return off < s.end && s.src[off] == '-' && (off+1 == s.end || s.src[off+1] == ' ' || s.src[off+1] == '\t' || s.src[off+1] == '\n' || s.src[off+1] == '\r')
}

// yamlMap reads a block mapping whose keys stand at column col, the first
// at off (after "- " in a list item, it starts mid-line). With record, each
// key is recorded as prefix+key. It returns the offset of the first line
// that is not the map's.
func (s *posScan) yamlMap(off, col int, prefix string, record bool) int {
	for {
		le := s.lineEnd(off)
		next := s.nextLine(off)
		if key, after, ok := s.yamlKey(off, le); ok {
			level := plainNode
			if record && prefix == "" {
				level = topValue
			}
			var val int
			var elems []int
			val, elems, next = s.yamlNode(after, col, prefix+key, level)
			next = max(next, s.nextLine(off))
			if record {
				s.record(prefix+key, off, val, elems)
			}
		}
		off = s.content(next)
		for off < s.end && s.col(off) > col {
			off = s.content(s.nextLine(off)) // what the value did not take: skipped
		}
		if off >= s.end {
			return s.end
		}
		if c := s.col(off); c < col || col > 0 && s.isItem(off) {
			return s.lineStart(off)
		}
	}
}

// skipProps skips an anchor (&a) and a tag (!!str) before a value.
func (s *posScan) skipProps(off, le int) int {
	for off < le && (s.src[off] == '&' || s.src[off] == '!') {
		for off < le && s.src[off] != ' ' && s.src[off] != '\t' {
			off++
		}
		off = s.skipSpaces(off, le)
	}
	return off
}

// yamlNode reads the value that starts at off, on off's line or, when the
// line ends there, on the lines below that are indented more than
// parentCol (a list may stand at parentCol). It returns where the value
// starts (-1 when there is none), the offsets of its elements when it is
// a list, and the offset of the first line after it.
func (s *posScan) yamlNode(off, parentCol int, name string, level int) (val int, elems []int, next int) {
	le := s.lineEnd(off)
	p := s.skipProps(s.skipSpaces(off, le), le)
	if p >= le || s.src[p] == '#' {
		q := s.content(s.nextLine(p))
		if q >= s.end {
			return -1, nil, s.end
		}
		if c := s.col(q); c < parentCol || c == parentCol && !s.isItem(q) {
			return -1, nil, s.lineStart(q)
		}
		p = q
		le = s.lineEnd(p)
	}
	switch c := s.src[p]; {
	case s.isItem(p):
		elems, next = s.yamlSeq(p, name, level)
		return p, elems, next
	case c == '[':
		elems, e := s.flowSeq(p, name, level)
		return p, elems, s.deeper(s.nextLine(max(e-1, p)), parentCol)
	case c == '{':
		e := s.flowMap(p, name+".", level == entryNode)
		return p, nil, s.deeper(s.nextLine(max(e-1, p)), parentCol)
	case c == '"' || c == '\'':
		e := s.quoted(p)
		return p, nil, s.deeper(s.nextLine(max(e-1, p)), parentCol)
	case c == '|' || c == '>' || c == '*':
		return p, nil, s.deeper(s.nextLine(p), parentCol)
	}
	if _, _, ok := s.yamlKey(p, le); ok {
		return p, nil, s.yamlMap(p, s.col(p), name+".", level == entryNode)
	}
	return p, nil, s.deeper(s.nextLine(p), parentCol)
}

// yamlSeq reads a block list whose first "- " is at off. The items of a
// top-level value are entries, named name.0, name.1...
func (s *posScan) yamlSeq(off int, name string, level int) (elems []int, next int) {
	col := s.col(off)
	for i := 0; ; i++ {
		le := s.lineEnd(off)
		item := s.skipSpaces(off+1, le)
		sub, itemName := plainNode, ""
		if level == topValue && s.mapItem(item) {
			sub, itemName = entryNode, name+"."+strconv.Itoa(i)
		}
		val, _, n := s.yamlNode(item, col, itemName, sub)
		if val >= 0 {
			elems = append(elems, val)
		}
		next = max(n, s.nextLine(off))
		off = s.content(next)
		if off >= s.end {
			return elems, s.end
		}
		if s.col(off) != col || !s.isItem(off) {
			return elems, s.lineStart(off)
		}
	}
}

// mapItem reports whether the list item whose text starts at off (after
// "- ") may be a map: a key on its line, braces, or nothing on its line
// (what follows is on the next lines). Only then is its name needed.
func (s *posScan) mapItem(off int) bool {
	le := s.lineEnd(off)
	if off >= le || s.src[off] == '{' || s.src[off] == '#' {
		return true
	}
	_, _, ok := s.yamlKey(off, le)
	return ok
}

// flowSeq reads a list in brackets ([a, b], also TOML's arrays) starting
// at off, and returns the offsets of its elements and the offset after it.
func (s *posScan) flowSeq(off int, name string, level int) (elems []int, end int) {
	p := off + 1
	for i := 0; ; {
		p = s.flowSpace(p)
		if p >= s.end {
			return elems, s.end
		}
		switch s.src[p] {
		case ']':
			return elems, p + 1
		case ',':
			p++
			continue
		}
		elems = append(elems, p)
		var e int
		if s.src[p] == '{' && level == topValue {
			e = s.flowMap(p, name+"."+strconv.Itoa(i)+".", true)
		} else {
			e = s.flowItem(p)
		}
		i++
		p = max(e, p+1)
	}
}

// flowMap reads a map in braces ({a: 1}, TOML's inline tables {a = 1})
// starting at off and returns the offset after it; with record, each key
// is recorded as prefix+key.
func (s *posScan) flowMap(off int, prefix string, record bool) int {
	sep := byte(':')
	if s.toml {
		sep = '='
	}
	p := off + 1
	for {
		p = s.flowSpace(p)
		if p >= s.end {
			return s.end
		}
		switch s.src[p] {
		case '}':
			return p + 1
		case ',', ']':
			p++
			continue
		}
		keyOff := p
		var key []byte
		if c := s.src[p]; c == '"' || c == '\'' {
			p = s.quoted(p)
			key = s.src[keyOff+1 : max(keyOff+1, p-1)]
		} else {
			for p < s.end && !s.flowStop(p) && s.src[p] != '=' && !(s.src[p] == ':' && (p+1 == s.end || s.flowStop(p+1) || s.src[p+1] == ' ' || s.src[p+1] == '\t' || s.src[p+1] == '\r')) {
				p++
			}
			key = bytes.TrimRight(s.src[keyOff:p], " \t\r\n")
		}
		p = s.flowSpace(p)
		if p >= s.end || s.src[p] != sep {
			p = max(p, keyOff+1)
			continue // a key without a value, or something else
		}
		p = s.flowSpace(p + 1)
		val, e := -1, p
		var elems []int
		if p < s.end && s.src[p] != ',' && s.src[p] != '}' {
			val = p
			if s.src[p] == '[' {
				elems, e = s.flowSeq(p, "", plainNode)
			} else {
				e = s.flowItem(p)
			}
		}
		if record {
			s.record(prefix+string(key), keyOff, val, elems)
		}
		p = max(e, keyOff+1)
	}
}

// flowStop reports whether the byte at off ends a plain value inside
// brackets or braces.
func (s *posScan) flowStop(off int) bool {
	switch s.src[off] {
	case ',', ']', '}', '\n', '[', '{':
		return true
	case '#':
		return s.toml || off > s.start && (s.src[off-1] == ' ' || s.src[off-1] == '\t')
	}
	return false
}

// flowItem skips one value inside brackets or braces and returns the
// offset after it.
func (s *posScan) flowItem(off int) int {
	switch s.src[off] {
	case '[':
		_, e := s.flowSeq(off, "", plainNode)
		return e
	case '{':
		return s.flowMap(off, "", false)
	case '"', '\'':
		return s.quoted(off)
	}
	p := off
	for p < s.end && !s.flowStop(p) {
		p++
	}
	return p
}

// flowSpace skips spaces, line ends and comments inside brackets.
func (s *posScan) flowSpace(off int) int {
	for off < s.end {
		switch s.src[off] {
		case ' ', '\t', '\r', '\n':
			off++
		case '#':
			off = s.nextLine(off)
		default:
			return off
		}
	}
	return s.end
}

// tomlTop reads TOML front matter: `key = value` lines, tables ([params])
// whose keys are not top-level, and arrays of tables ([[decisions]]),
// each an entry whose keys are recorded as decisions.0.status.
func (s *posScan) tomlTop() {
	table := ""   // the current [[array]] entry's name prefix, "" at the top
	skip := false // inside a [table] that is not recorded
	tables := map[string][]int{}
	var order []string
	for off := s.start; off < s.end; {
		p := s.content(off)
		if p >= s.end {
			break
		}
		le := s.lineEnd(p)
		next := s.nextLine(p)
		if s.src[p] == '[' {
			if p+1 < le && s.src[p+1] == '[' {
				e := bytes.Index(s.src[p:le], []byte("]]"))
				name := string(bytes.Trim(bytes.TrimSpace(s.src[p+2:p+max(e, 2)]), `"'`))
				if e < 0 || name == "" || strings.Contains(name, ".") {
					skip, table = true, ""
				} else {
					if _, seen := tables[name]; !seen {
						order = append(order, name)
						if _, taken := s.keys[name]; !taken {
							s.keys[name] = p
						}
					}
					tables[name] = append(tables[name], p)
					skip, table = false, name+"."+strconv.Itoa(len(tables[name])-1)+"."
				}
			} else {
				skip, table = true, ""
			}
			off = next
			continue
		}
		keyEnd := p
		if c := s.src[p]; c == '"' || c == '\'' {
			keyEnd = min(s.quoted(p), le)
		}
		eq := bytes.IndexByte(s.src[keyEnd:le], '=')
		if eq < 0 {
			off = next
			continue
		}
		eq += keyEnd
		key := string(bytes.Trim(bytes.TrimSpace(s.src[p:eq]), `"'`))
		v := s.skipSpaces(eq+1, le)
		val, e := -1, v
		var elems []int
		if v < le && s.src[v] != '#' {
			val = v
			level := plainNode
			if table == "" {
				level = topValue
			}
			switch s.src[v] {
			case '[':
				elems, e = s.flowSeq(v, key, level)
			case '{':
				e = s.flowMap(v, "", false)
			default:
				e = s.flowItem(v)
			}
		}
		if !skip && key != "" {
			s.record(table+key, p, val, elems)
		}
		off = max(s.nextLine(max(e-1, p)), next)
	}
	for _, name := range order {
		if _, seen := s.vals[name]; !seen {
			s.vals[name] = append([]int{tables[name][0]}, tables[name]...)
		}
	}
}
