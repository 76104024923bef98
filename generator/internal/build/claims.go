package build

import (
	"fmt"
	"io"
	"sync"

	"handbook/generator/internal/publish"
	"handbook/generator/internal/sitepath"
)

// claims passes writes through to a Writer and refuses a second file at
// the same output path, or at one that differs only in letter case or
// Unicode form: two such files overwrite each other silently, on every
// file system or on the case-insensitive ones of macOS and Windows.
type claims struct {
	w    publish.Writer
	mu   sync.Mutex
	seen map[string]string // folded path → path as written
}

func newClaims(w publish.Writer) *claims {
	return &claims{w: w, seen: map[string]string{}}
}

// collision is a write refused because another file claimed its path.
type collision struct {
	path, other string
}

func (c *collision) Error() string {
	if c.path == c.other {
		return fmt.Sprintf("%s is written twice", c.path)
	}
	return fmt.Sprintf("%s and %s differ only in letter case or Unicode form, and overwrite each other on macOS and Windows", c.path, c.other)
}

// WriteFile implements publish.Writer.
func (c *claims) WriteFile(p string, data []byte) error {
	if err := c.claim(p); err != nil {
		return err
	}
	return c.w.WriteFile(p, data)
}

// StreamFile implements publish.Streamer, in parts when the Writer
// underneath takes them.
func (c *claims) StreamFile(p string, fill func(io.Writer) error) error {
	if err := c.claim(p); err != nil {
		return err
	}
	return publish.Stream(c.w, p, fill)
}

// claim takes the path p, or reports the file that took it first.
func (c *claims) claim(p string) error {
	k := sitepath.Fold(p)
	c.mu.Lock()
	other, taken := c.seen[k]
	if !taken {
		c.seen[k] = p
	}
	c.mu.Unlock()
	if taken {
		return &collision{path: p, other: other}
	}
	return nil
}
