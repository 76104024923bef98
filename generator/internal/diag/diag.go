// Package diag collects diagnostics: errors and warnings tied to a position
// in a source file.
//
// Input: a file path, a byte offset into the file's bytes, a message and an
// optional hint. Output: text of the form `path:line:col: severity: message`,
// followed by the hint on its own indented line. Offsets are kept in data;
// lines and columns are computed only when a diagnostic is reported, from the
// source registered with the List, through a line index built once per
// file (Lines), so that positions cost time linear in the file's size
// however many diagnostics point into it.
//
// A List is safe for concurrent use, so that parallel stages can report into
// one collector. Diagnostics are sorted by path and position when read, so
// the output of a run does not depend on scheduling.
package diag

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// Severity tells whether a diagnostic fails the run.
type Severity int

const (
	// Warning is reported but does not change the exit status.
	Warning Severity = iota
	// Error fails the run (exit status 1).
	Error
)

// String returns "error" or "warning".
func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// Diagnostic is one problem found in the input.
type Diagnostic struct {
	Path     string   // slash-separated path, relative to the site root
	Offset   int      // byte offset into the file; -1 when no position is known
	Line     int      // 1-based; filled by List from Offset, or given directly
	Col      int      // 1-based, in characters (runes)
	Severity Severity // Error or Warning
	Message  string   // what is wrong
	Hint     string   // how to fix it, may be empty
}

// String formats the diagnostic as `path:line:col: severity: message`, with
// the hint on a following indented line.
func (d Diagnostic) String() string {
	var b strings.Builder
	b.WriteString(d.Path)
	if d.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", d.Line, d.Col)
	}
	fmt.Fprintf(&b, ": %s: %s", d.Severity, d.Message)
	if d.Hint != "" {
		b.WriteString("\n\thint: ")
		b.WriteString(d.Hint)
	}
	return b.String()
}

// List collects diagnostics from every stage of a run.
type List struct {
	mu      sync.Mutex
	diags   []Diagnostic
	sources map[string][]byte
	lines   map[string]*Lines // built when first needed, per path
	// Sources, when set, gives the bytes of a path that AddSource did not
	// register, so that a list merged from many can resolve positions
	// without copying every file's bytes into it.
	Sources func(path string) []byte
}

// AddSource registers the bytes of path so that offsets into it can be turned
// into line and column numbers when diagnostics are reported.
func (l *List) AddSource(path string, src []byte) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.sources == nil {
		l.sources = map[string][]byte{}
	}
	l.sources[path] = src
}

// Len returns the number of diagnostics.
func (l *List) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.diags)
}

// About reports whether a diagnostic of the list concerns path.
func (l *List) About(path string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, d := range l.diags {
		if d.Path == path {
			return true
		}
	}
	return false
}

// Any reports whether f holds for a diagnostic of the list, as added:
// positions not resolved, in no order. It is cheaper than All.
func (l *List) Any(f func(Diagnostic) bool) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.ContainsFunc(l.diags, f)
}

// Add appends a diagnostic.
func (l *List) Add(d Diagnostic) {
	l.mu.Lock()
	l.diags = append(l.diags, d)
	l.mu.Unlock()
}

// Errorf adds an error at a byte offset of path (-1 for none).
func (l *List) Errorf(path string, offset int, hint, format string, args ...any) {
	l.Add(Diagnostic{Path: path, Offset: offset, Severity: Error, Message: fmt.Sprintf(format, args...), Hint: hint})
}

// Warnf adds a warning at a byte offset of path (-1 for none).
func (l *List) Warnf(path string, offset int, hint, format string, args ...any) {
	l.Add(Diagnostic{Path: path, Offset: offset, Severity: Warning, Message: fmt.Sprintf(format, args...), Hint: hint})
}

// Merge appends every diagnostic of other, with its sources.
func (l *List) Merge(other *List) {
	if other == nil || l == other {
		return
	}
	other.mu.Lock()
	if len(other.diags) == 0 {
		other.mu.Unlock()
		return
	}
	ds := append([]Diagnostic(nil), other.diags...)
	srcs := other.sources
	other.mu.Unlock()
	for _, d := range ds {
		if s, ok := srcs[d.Path]; ok {
			l.AddSource(d.Path, s)
		}
	}
	l.mu.Lock()
	l.diags = append(l.diags, ds...)
	l.mu.Unlock()
}

// All returns the diagnostics with positions resolved, sorted by path, line
// and column, errors before warnings at the same place. Exact duplicates are
// dropped.
func (l *List) All() []Diagnostic {
	l.mu.Lock()
	out := make([]Diagnostic, len(l.diags))
	copy(out, l.diags)
	l.mu.Unlock()
	if l.resolve(out) {
		// The positions are kept: reading the list again reads no file
		// again.
		l.mu.Lock()
		for i := range out {
			if l.diags[i].Line == 0 {
				l.diags[i].Line, l.diags[i].Col = out[i].Line, out[i].Col
			}
		}
		l.mu.Unlock()
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		if a.Severity != b.Severity {
			return a.Severity > b.Severity
		}
		return a.Message < b.Message
	})
	dedup := out[:0]
	for i, d := range out {
		if i > 0 && d == out[i-1] {
			continue
		}
		dedup = append(dedup, d)
	}
	return dedup
}

// resolve fills the line and column of every diagnostic that has an offset
// and no line, and reports whether there was any. The diagnostics of a
// file are visited in offset order, so that each line is found by binary
// search in the file's line index and each column is counted from the
// previous diagnostic on the same line: the cost is the file's size once,
// not once per diagnostic, even when the file is one long line. An index
// not built before is not kept: a run with warnings in most of a large
// handbook's files would otherwise end holding all their bytes.
func (l *List) resolve(ds []Diagnostic) bool {
	var todo []int
	for i := range ds {
		if ds[i].Line == 0 && ds[i].Offset >= 0 {
			todo = append(todo, i)
		}
	}
	if len(todo) == 0 {
		return false
	}
	sort.Slice(todo, func(a, b int) bool {
		da, db := &ds[todo[a]], &ds[todo[b]]
		if da.Path != db.Path {
			return da.Path < db.Path
		}
		return da.Offset < db.Offset
	})
	var (
		path              string
		lines             *Lines
		line, start, prev int // the last resolved position: its line, that line's start, its offset
		col               int
	)
	for k, i := range todo {
		d := &ds[i]
		if k == 0 || d.Path != path {
			lines, _ = l.index(d.Path)
			path, line = d.Path, 0
		}
		if lines == nil {
			continue
		}
		off := min(d.Offset, len(lines.src))
		if line > 0 && off < lines.next(line) {
			col += utf8.RuneCount(lines.src[prev:off])
		} else {
			line = lines.lineOf(off)
			start = lines.starts[line-1]
			col = utf8.RuneCount(lines.src[start:off]) + 1
		}
		prev = off
		d.Line, d.Col = line, col
	}
	return true
}

// index returns the line index of path's bytes (nil when the list has
// none): the one Lines keeps, and kept true, or one built for the caller
// alone.
func (l *List) index(path string) (ix *Lines, kept bool) {
	src := l.Source(path)
	if src == nil {
		return nil, false
	}
	l.mu.Lock()
	ix = l.lines[path]
	l.mu.Unlock()
	if ix != nil && ix.same(src) {
		return ix, true
	}
	return NewLines(src), false
}

// Lines returns the line index of path's bytes (registered with AddSource,
// or given by Sources), or nil when the list has none. The index is built
// on first use and kept while the bytes are the same.
func (l *List) Lines(path string) *Lines {
	ix, kept := l.index(path)
	if ix == nil || kept {
		return ix
	}
	l.mu.Lock()
	if l.lines == nil {
		l.lines = map[string]*Lines{}
	}
	l.lines[path] = ix
	l.mu.Unlock()
	return ix
}

// Source returns the registered bytes of path, or nil.
func (l *List) Source(path string) []byte {
	l.mu.Lock()
	src, ok := l.sources[path]
	l.mu.Unlock()
	if !ok && l.Sources != nil {
		return l.Sources(path)
	}
	return src
}

// Count returns the number of errors and warnings.
func (l *List) Count() (errors, warnings int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, d := range l.diags {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

// HasErrors reports whether any error was added.
func (l *List) HasErrors() bool {
	e, _ := l.Count()
	return e > 0
}

// Position converts a byte offset into a 1-based line and column; the column
// counts characters, so that editors land on the right place in UTF-8 text.
// An offset past the end is clamped to the end. It reads src up to the
// offset; for many offsets into one file, use a Lines index.
func Position(src []byte, offset int) (line, col int) {
	offset = max(min(offset, len(src)), 0)
	if bytes.IndexByte(src[:offset], '\r') >= 0 {
		return NewLines(src).Position(offset)
	}
	start := bytes.LastIndexByte(src[:offset], '\n') + 1
	return bytes.Count(src[:start], nl) + 1, utf8.RuneCount(src[start:offset]) + 1 - bomAt(src, start, offset)
}

// bom is the UTF-8 byte order mark, which editors do not count as a
// column.
var bom = []byte("\ufeff")

// bomAt is 1 when a line starting at start is the file's first and begins
// with a byte order mark that lies before offset.
func bomAt(src []byte, start, offset int) int {
	if start == 0 && offset >= len(bom) && bytes.HasPrefix(src, bom) {
		return 1
	}
	return 0
}

// Offset converts a 1-based line and column (in characters) back into a byte
// offset; used where a library reports lines rather than offsets.
func Offset(src []byte, line, col int) int {
	if bytes.IndexByte(src, '\r') >= 0 {
		return NewLines(src).Offset(line, col)
	}
	off := 0
	for l := 1; l < line && off < len(src); l++ {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			return len(src)
		}
		off += i + 1
	}
	return offsetInLine(src, off, col)
}

// offsetInLine advances col-1 characters from off, stopping at the end of
// the line.
func offsetInLine(src []byte, off, col int) int {
	if off == 0 && bytes.HasPrefix(src, bom) {
		off = len(bom) // the mark is no column
	}
	for c := 1; c < col && off < len(src) && src[off] != '\n' && !loneCR(src, off); c++ {
		_, n := utf8.DecodeRune(src[off:])
		off += n
	}
	return off
}

var nl = []byte{'\n'}

// loneCR reports whether src[off] is a carriage return that ends a line
// by itself, not followed by a line feed.
func loneCR(src []byte, off int) bool {
	return src[off] == '\r' && (off+1 == len(src) || src[off+1] != '\n')
}

// Lines is the line index of one file: the offset at which each line
// starts, found in one pass over the bytes. Turning an offset into a line
// is then a binary search, and the text of a line a slice.
type Lines struct {
	src    []byte
	starts []int // starts[i] is the offset of line i+1; starts[0] is 0
}

// NewLines indexes the lines of src. A line ends at a line feed, a
// carriage return and line feed, or a carriage return alone (old Mac
// files).
func NewLines(src []byte) *Lines {
	if bytes.IndexByte(src, '\r') >= 0 {
		starts := []int{0}
		for off := 0; ; {
			i := bytes.IndexAny(src[off:], "\r\n")
			if i < 0 {
				break
			}
			off += i + 1
			if src[off-1] == '\r' && off < len(src) && src[off] == '\n' {
				off++
			}
			starts = append(starts, off)
		}
		return &Lines{src: src, starts: starts}
	}
	starts := make([]int, 1, bytes.Count(src, nl)+1)
	for off := 0; ; {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			break
		}
		off += i + 1
		starts = append(starts, off)
	}
	return &Lines{src: src, starts: starts}
}

// same reports whether the index is of these very bytes.
func (ix *Lines) same(src []byte) bool {
	return len(src) == len(ix.src) && (len(src) == 0 || &src[0] == &ix.src[0])
}

// Count returns the number of lines (a final line without a newline
// counts; an empty file has one empty line).
func (ix *Lines) Count() int { return len(ix.starts) }

// lineOf returns the 1-based line holding offset (0 <= offset <= len).
func (ix *Lines) lineOf(offset int) int {
	// The last line start at or before offset.
	return sort.SearchInts(ix.starts, offset+1)
}

// next returns the offset where the line after line starts, or past the
// end for the last line.
func (ix *Lines) next(line int) int {
	if line < len(ix.starts) {
		return ix.starts[line]
	}
	return len(ix.src) + 1
}

// Position converts a byte offset into a 1-based line and column, as the
// function Position does, in the time of a binary search and of counting
// the characters before the offset on its line.
func (ix *Lines) Position(offset int) (line, col int) {
	offset = max(min(offset, len(ix.src)), 0)
	line = ix.lineOf(offset)
	start := ix.starts[line-1]
	return line, utf8.RuneCount(ix.src[start:offset]) + 1 - bomAt(ix.src, start, offset)
}

// Offset converts a 1-based line and column back into a byte offset, as the
// function Offset does.
func (ix *Lines) Offset(line, col int) int {
	if line > len(ix.starts) {
		return len(ix.src)
	}
	return offsetInLine(ix.src, ix.starts[max(line, 1)-1], col)
}

// Line returns the text of a 1-based line, without its line ending, or nil
// when the file has no such line.
func (ix *Lines) Line(n int) []byte {
	if n < 1 || n > len(ix.starts) {
		return nil
	}
	text := ix.src[ix.starts[n-1]:min(ix.next(n)-1, len(ix.src))]
	return bytes.TrimSuffix(bytes.TrimSuffix(text, []byte{'\n'}), []byte{'\r'})
}

// WriteText writes each diagnostic on its own line(s) in the text format.
func WriteText(w io.Writer, ds []Diagnostic) {
	for _, d := range ds {
		fmt.Fprintln(w, d.String())
	}
}

// Item is a diagnostic as JSON carries it (check --format json, serve's
// overlay).
type Item struct {
	Path     string `json:"path"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	Hint     string `json:"hint,omitempty"`
}

// Item returns the diagnostic as an Item.
func (d Diagnostic) Item() Item {
	return Item{d.Path, d.Line, d.Col, d.Severity.String(), d.Message, d.Hint}
}

// WriteJSON writes the diagnostics as a JSON array of Items.
func WriteJSON(w io.Writer, ds []Diagnostic) error {
	items := make([]Item, 0, len(ds))
	for _, d := range ds {
		items = append(items, d.Item())
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(items)
}

// WriteGitHub writes the diagnostics as GitHub Actions workflow commands
// (`::error file=...,line=...,col=...::message`), so that CI annotates the
// offending lines; a diagnostic without a line annotates its file.
func WriteGitHub(w io.Writer, ds []Diagnostic) {
	esc := strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	escProp := strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
	for _, d := range ds {
		msg := d.Message
		if d.Hint != "" {
			msg += "\n" + d.Hint
		}
		if d.Line == 0 { // a whole file's
			fmt.Fprintf(w, "::%s file=%s::%s\n", d.Severity, escProp.Replace(d.Path), esc.Replace(msg))
			continue
		}
		fmt.Fprintf(w, "::%s file=%s,line=%d,col=%d::%s\n", d.Severity, escProp.Replace(d.Path), d.Line, d.Col, esc.Replace(msg))
	}
}

// Suggest returns the candidate closest to word by edit distance, or "" when
// none is close enough to be a plausible misspelling. A candidate that
// word of three letters or more begins ("design" of "design-doc") counts
// as one edit away, and wins a tie: a word cut short is as likely as one
// mistyped.
func Suggest(word string, candidates []string) string {
	best, bestDist, bestBegins := "", len([]rune(word))/3+2, false
	lw := strings.ToLower(word)
	for _, c := range candidates {
		lc := strings.ToLower(c)
		d := Distance(lw, lc)
		begins := len(lw) >= 3 && strings.HasPrefix(lc, lw)
		if begins {
			d = min(d, 1)
		}
		if d >= len(lw) {
			continue // nothing in common but its length
		}
		// At the same distance, a beginning wins, then the first in order.
		if d < bestDist || d == bestDist && best != "" && (begins && !bestBegins || begins == bestBegins && c < best) {
			best, bestDist, bestBegins = c, d, begins
		}
	}
	return best
}

// Distance is the Levenshtein edit distance between a and b, in runes.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// Printable prepares text from content for a terminal: a
// character that is not graphic (ESC and the other controls, which
// recolour, move or retitle a terminal, and a tab, which would break the
// columns; the marks that reorder a line) is written as a Go escape, \x1b
// or \u202e, and so is a byte that is not UTF-8.
func Printable(s string) string {
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == '\uFFFD' && !strings.HasPrefix(s[i:], "\uFFFD"):
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case !strconv.IsGraphic(r):
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Plural writes n and the noun that goes with it: "1 error", "0 errors",
// "3 errors", for the summaries the commands print.
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
