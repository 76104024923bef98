package publish

import (
	"bytes"
	"compress/gzip"
	"io"
	"runtime"
	"sync"

	"handbook/generator/internal/sitepath"
)

// Gzipped is an in-memory Writer that keeps each file gzip-compressed, as
// Gzip makes it: serve holds a whole site this way, in a fraction of its
// size, and sends the bytes as they are to a browser that accepts gzip.
// It is safe for concurrent use.
type Gzipped struct {
	mu    sync.Mutex
	files map[string][]byte
	c     *Compressors
}

// NewGzipped returns an empty Gzipped that compresses with c's writers
// (nil: writers of its own).
func NewGzipped(c *Compressors) *Gzipped {
	if c == nil {
		c = NewCompressors()
	}
	return &Gzipped{files: map[string][]byte{}, c: c}
}

// Compressors keeps gzip writers for reuse from file to file and from
// build to build: a new writer costs about a megabyte of tables, eight
// times the time of compressing a page with it. They are kept for as
// long as the Compressors are, unlike a sync.Pool's, which each garbage
// collection empties.
type Compressors struct {
	free chan *compressor
}

// NewCompressors returns room for a writer per processor.
func NewCompressors() *Compressors {
	return &Compressors{free: make(chan *compressor, runtime.GOMAXPROCS(0))}
}

func (cs *Compressors) get() *compressor {
	select {
	case c := <-cs.free:
		return c
	default:
		return newCompressor()
	}
}

func (cs *Compressors) put(c *compressor) {
	if c.buf.Cap() > 1<<20 {
		c.buf = bytes.Buffer{} // a large file's buffer is not kept
	}
	select {
	case cs.free <- c:
	default:
	}
}

// WriteFile stores data compressed at p.
func (g *Gzipped) WriteFile(p string, data []byte) error {
	if err := sitepath.Check(p); err != nil {
		return err
	}
	c := g.c.get()
	z := c.compress(data)
	g.c.put(c)
	g.mu.Lock()
	g.files[p] = z
	g.mu.Unlock()
	return nil
}

// Files returns a copy of the stored files, compressed.
func (g *Gzipped) Files() map[string][]byte {
	g.mu.Lock()
	defer g.mu.Unlock()
	out := make(map[string][]byte, len(g.files))
	for k, v := range g.files {
		out[k] = v
	}
	return out
}

// Gzip returns data gzip-compressed: the fastest level, no name and no
// time in the header, so that the same data always gives the same bytes.
func Gzip(data []byte) []byte {
	return newCompressor().compress(data)
}

// compressor is a gzip writer and its buffer, reused from file to file.
type compressor struct {
	buf bytes.Buffer
	zw  *gzip.Writer
}

func newCompressor() *compressor {
	c := &compressor{}
	c.zw, _ = gzip.NewWriterLevel(&c.buf, gzip.BestSpeed)
	return c
}

// compress returns data compressed, in a slice of its own length.
func (c *compressor) compress(data []byte) []byte {
	c.buf.Reset()
	c.zw.Reset(&c.buf)
	_, _ = c.zw.Write(data)
	_ = c.zw.Close()
	return bytes.Clone(c.buf.Bytes())
}

// Gunzip returns the bytes Gzip compressed.
func Gunzip(z []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(z))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}
