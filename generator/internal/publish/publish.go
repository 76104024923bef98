// Package publish writes the output of a build, and is the only package that
// writes.
//
// Input: slash paths relative to the output root and their bytes. Output:
// either an in-memory file set (tests and serve) or a directory. A directory
// build writes into a fresh temporary directory beside the target and swaps
// it in only on Commit, so a failed build leaves the previous site
// untouched. Every path is checked: nothing is written outside the output
// root, whatever a slug or alias says.
package publish

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// Writer receives the files of a site.
type Writer interface {
	// WriteFile stores data at the slash path p, relative to the output
	// root. It must not keep data after it returns: the caller reuses it
	// for the next file.
	WriteFile(p string, data []byte) error
}

// ErrUnsafePath is returned for a path that would leave the output root.
var ErrUnsafePath = errors.New("path leaves the output directory")

// Check reports whether p is a clean relative slash path inside the output
// root: no "..", no leading "/", no backslash, no empty element.
func Check(p string) error {
	if !fs.ValidPath(p) || p == "." || strings.ContainsAny(p, "\\\x00") {
		return fmt.Errorf("%w: %q", ErrUnsafePath, p)
	}
	return nil
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
	if err := Check(p); err != nil {
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

// Dir writes a site into a temporary directory and swaps it into place on
// Commit.
type Dir struct {
	final string
	tmp   string
	mu    sync.Mutex
	dirs  map[string]bool
}

// NewDir prepares a build of the directory out. The temporary directory is
// created beside out, so that the final rename stays on one file system.
func NewDir(out string) (*Dir, error) {
	out = filepath.Clean(out)
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(out)+".tmp-")
	if err != nil {
		return nil, err
	}
	return &Dir{final: out, tmp: tmp, dirs: map[string]bool{}}, nil
}

// WriteFile implements Writer.
func (d *Dir) WriteFile(p string, data []byte) error {
	if err := Check(p); err != nil {
		return err
	}
	full := filepath.Join(d.tmp, filepath.FromSlash(p))
	dir := path.Dir(p)
	d.mu.Lock()
	known := d.dirs[dir]
	d.mu.Unlock()
	if !known {
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		d.mu.Lock()
		d.dirs[dir] = true
		d.mu.Unlock()
	}
	return os.WriteFile(full, data, 0o644)
}

// Commit replaces the output directory with the new build: the old one is
// moved aside, the new one renamed into place, then the old one removed.
func (d *Dir) Commit() error {
	old := ""
	if _, err := os.Lstat(d.final); err == nil {
		old = d.final + ".old-" + filepath.Base(d.tmp)
		if err := os.Rename(d.final, old); err != nil {
			return fmt.Errorf("move the previous site aside: %w", err)
		}
	}
	if err := os.Rename(d.tmp, d.final); err != nil {
		if old != "" {
			_ = os.Rename(old, d.final)
		}
		return fmt.Errorf("move the new site into place: %w", err)
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

// Abort removes the temporary directory, leaving the previous site as it was.
func (d *Dir) Abort() error { return os.RemoveAll(d.tmp) }
