package highlight

import (
	"bytes"
	"sync"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// Highlighter writes highlighted code as Write does, asking chroma's
// registry for each language name once. The question is costly when the
// answer is no: chroma then tries the name against every lexer's file
// name patterns, milliseconds for a name such as "mermaid", which some
// handbooks put on hundreds of fences. A Highlighter is safe for
// concurrent use; its zero value is ready. Keep one per parser, so that
// what it remembers lives as long as the run that asked.
type Highlighter struct {
	mu sync.RWMutex
	// lexers holds chroma's answer for each name asked: a lexer, or nil
	// for a name chroma does not know.
	lexers map[string]chroma.Lexer
}

// Write appends to buf the HTML of code highlighted as lang, the same
// bytes as the package's Write.
func (h *Highlighter) Write(buf *bytes.Buffer, lang string, code []byte) {
	write(buf, lang, code, h.lexer)
}

// lexer returns chroma's lexer for lang, or nil, looking it up on the
// first request for that name only.
func (h *Highlighter) lexer(lang string) chroma.Lexer {
	h.mu.RLock()
	l, ok := h.lexers[lang]
	h.mu.RUnlock()
	if ok {
		return l
	}
	l = lexers.Get(lang)
	h.mu.Lock()
	if h.lexers == nil {
		h.lexers = map[string]chroma.Lexer{}
	}
	h.lexers[lang] = l
	h.mu.Unlock()
	return l
}
