package build

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"strings"
	"time"

	"handbook/generator/internal/handbook"
	"handbook/generator/internal/history"
)

// historyRead is the git history of the content folder, read beside the
// stages that parse and link the documents, and waited for before the
// pages are rendered.
type historyRead struct {
	done chan struct{}
	log  *history.Log
	err  error
}

// startHistory starts reading the history of contentDir: from the
// session's reader when there is one, otherwise with one git log in
// opts.Source. Without a source on disk (a build from memory) there is
// none, and nil is returned.
func startHistory(opts Options, contentDir string) *historyRead {
	if opts.Source == "" {
		return nil
	}
	read := opts.history
	if read == nil {
		read = func(dir string) (*history.Log, error) { return history.Read(opts.Source, dir) }
	}
	h := &historyRead{done: make(chan struct{})}
	go func() {
		defer close(h.done)
		h.log, h.err = read(contentDir)
	}()
	return h
}

// waitHistory waits for the history and returns it, nil when there is
// none. Once per run: when git could not say, one note says why; a
// shallow clone is one warning.
func (st *state) waitHistory() *history.Log {
	h := st.hist
	if h == nil {
		return nil
	}
	<-h.done
	if h.err != nil {
		st.res.Notes = append(st.res.Notes, fmt.Sprintf("no git history (%v): pages show the dates of their front matter", h.err))
		return nil
	}
	if h.log != nil && h.log.Shallow {
		st.base.Warnf(st.res.Config.ContentDir, -1,
			"fetch the whole history before building: git fetch --unshallow, or fetch-depth: 0 in a CI checkout",
			"the repository is a shallow clone: documents not changed since its oldest commit show their front matter dates, which may be too old")
	}
	return h.log
}

// readHistory is the session's history reader: the history of the
// content folder is read once (again only if site.yaml names another
// folder), with the files changed since their last commit marked as
// such, and later saves are added to it by markSaved.
func (s *Session) readHistory(dir string) (*history.Log, error) {
	if !s.histRead || dir != s.histDir {
		s.hist, s.histErr = history.ReadWorktree(s.opts.Source, dir)
		s.histDir, s.histRead = dir, true
	}
	return s.hist, s.histErr
}

// markSaved records in the session's history that the documents among
// changed whose bytes differ from their last parse were saved, dated by
// their modification time, as ReadWorktree dates the files changed before
// serve started: a page the author is editing shows that it changed and
// is not committed yet, rather than the date of a commit that no longer
// describes it. It reads no history, and reports whether it recorded a
// save.
func (s *Session) markSaved(changed []string) bool {
	if s.hist == nil || s.last == nil || s.last.res.Config == nil {
		return false
	}
	prefix := s.last.res.Config.ContentDir + "/"
	if prefix == "./" {
		prefix = ""
	}
	marked := false
	for _, p := range changed {
		rel, ok := strings.CutPrefix(p, prefix)
		if !ok || !handbook.IsMarkdown(p) {
			continue
		}
		src, err := fs.ReadFile(s.fsys, p)
		if err != nil {
			continue // deleted: its page is gone
		}
		s.cache.mu.Lock()
		before := s.cache.m[rel]
		s.cache.mu.Unlock()
		if before != nil && before.sum == sha256.Sum256(src) {
			continue // saved as it was
		}
		t := time.Now()
		if fi, err := fs.Stat(s.fsys, p); err == nil {
			t = fi.ModTime()
		}
		s.hist.Saved(p, t)
		marked = true
	}
	return marked
}
