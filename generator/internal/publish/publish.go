// Package publish writes the output of a build, and is the only package that
// writes.
//
// Input: slash paths relative to the output root and their bytes. Output:
// either an in-memory file set (tests and serve) or a directory. A directory
// build writes into a fresh temporary directory beside the target and swaps
// it in only on Commit, so a failed build leaves the previous site
// untouched. Every path is checked: nothing is written outside the output
// root, whatever a slug or alias says.
//
// Invariant: a directory build replaces only an output folder that is
// absent, empty, or marked (Marker) as one that handbook wrote, and never
// the handbook's own folders; a temporary folder it leaves behind when
// killed is recognised by the marker and removed by the next build.
package publish

import (
	"bytes"
	"io"
	"sort"
	"sync"

	"handbook/generator/internal/sitepath"
)

// Writer receives the files of a site.
type Writer interface {
	// WriteFile stores data at the slash path p, relative to the output
	// root. It must not keep data after it returns: the caller reuses it
	// for the next file.
	WriteFile(p string, data []byte) error
}

// Streamer is a Writer that also takes a file in parts, each written as
// it is made, so that a large file (graph.json) is never held whole.
type Streamer interface {
	Writer
	// StreamFile stores at the slash path p what fill writes to w: the
	// file is complete once fill returns nil and StreamFile does too.
	StreamFile(p string, fill func(w io.Writer) error) error
}

// Stream stores at p, through w, what fill writes: in parts when w is a
// Streamer, else gathered and handed to WriteFile.
func Stream(w Writer, p string, fill func(io.Writer) error) error {
	if s, ok := w.(Streamer); ok {
		return s.StreamFile(p, fill)
	}
	var b bytes.Buffer
	if err := fill(&b); err != nil {
		return err
	}
	return w.WriteFile(p, b.Bytes())
}

// Memory is an in-memory Writer, safe for concurrent use.
type Memory struct {
	mu    sync.Mutex
	files map[string][]byte
}

// NewMemory returns an empty Memory.
func NewMemory() *Memory { return &Memory{files: map[string][]byte{}} }

// WriteFile implements Writer.
func (m *Memory) WriteFile(p string, data []byte) error {
	if err := sitepath.Check(p); err != nil {
		return err
	}
	data = bytes.Clone(data)
	m.mu.Lock()
	m.files[p] = data
	m.mu.Unlock()
	return nil
}

// Get returns the file at p.
func (m *Memory) Get(p string) ([]byte, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	b, ok := m.files[p]
	return b, ok
}

// Paths lists the stored paths, sorted.
func (m *Memory) Paths() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]string, 0, len(m.files))
	for p := range m.files {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// Files returns a copy of the file map.
func (m *Memory) Files() map[string][]byte {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make(map[string][]byte, len(m.files))
	for k, v := range m.files {
		out[k] = v
	}
	return out
}
