// Package diag collects diagnostics: errors and warnings tied to a position
// in a source file.
//
// Input: a file path, a byte offset into the file's bytes, a message and an
// optional hint. Output: text of the form `path:line:col: severity: message`,
// followed by the hint on its own indented line. Offsets are kept in data;
// lines and columns are computed only when a diagnostic is reported, from the
// source registered with the List.
//
// A List is safe for concurrent use, so that parallel stages can report into
// one collector. Diagnostics are sorted by path and position when read, so
// the output of a run does not depend on scheduling.
package diag

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
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
	srcs := l.sources
	l.mu.Unlock()
	for i := range out {
		d := &out[i]
		if d.Line == 0 && d.Offset >= 0 {
			src, ok := srcs[d.Path]
			if !ok && l.Sources != nil {
				src, ok = l.Sources(d.Path), true
			}
			if ok && src != nil {
				d.Line, d.Col = Position(src, d.Offset)
			}
		}
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
// An offset past the end is clamped to the end.
func Position(src []byte, offset int) (line, col int) {
	if offset > len(src) {
		offset = len(src)
	}
	if offset < 0 {
		offset = 0
	}
	line = 1
	start := 0
	for i := 0; i < offset; i++ {
		if src[i] == '\n' {
			line++
			start = i + 1
		}
	}
	return line, utf8.RuneCount(src[start:offset]) + 1
}

// Offset converts a 1-based line and column (in characters) back into a byte
// offset; used where a library reports lines rather than offsets.
func Offset(src []byte, line, col int) int {
	off := 0
	for l := 1; l < line && off < len(src); l++ {
		i := strings.IndexByte(string(src[off:]), '\n')
		if i < 0 {
			return len(src)
		}
		off += i + 1
	}
	for c := 1; c < col && off < len(src) && src[off] != '\n'; c++ {
		_, n := utf8.DecodeRune(src[off:])
		off += n
	}
	return off
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
// offending lines.
func WriteGitHub(w io.Writer, ds []Diagnostic) {
	esc := strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	escProp := strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
	for _, d := range ds {
		msg := d.Message
		if d.Hint != "" {
			msg += "\n" + d.Hint
		}
		fmt.Fprintf(w, "::%s file=%s,line=%d,col=%d::%s\n", d.Severity, escProp.Replace(d.Path), d.Line, d.Col, esc.Replace(msg))
	}
}

// Suggest returns the candidate closest to word by edit distance, or "" when
// none is close enough to be a plausible misspelling.
func Suggest(word string, candidates []string) string {
	best, bestDist := "", len([]rune(word))/3+2
	lw := strings.ToLower(word)
	for _, c := range candidates {
		d := Distance(lw, strings.ToLower(c))
		if d >= len(lw) {
			continue // nothing in common but its length
		}
		if d < bestDist || (d == bestDist && best != "" && c < best) {
			best, bestDist = c, d
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
