package load

import (
	"bufio"
	"bytes"
	"io/fs"
	"path"
	"strings"
	"sync"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
)

// GitIgnore tells what a repository's .gitignore files leave out: in a
// repository read whole (content_dir "."), what git does not keep
// (target/, dist/, coverage reports…) is another tool's output, not
// content, and neither published nor watched. It reads the .gitignore
// of each folder the first time a path below it is asked about; it is
// safe for use by several goroutines.
type GitIgnore struct {
	fsys fs.FS
	mu   sync.Mutex
	// patterns holds each folder's patterns, read once ("" for the root).
	patterns map[string][]gitignore.Pattern
}

// NewGitIgnore returns the .gitignore rules of the repository in fsys.
func NewGitIgnore(fsys fs.FS) *GitIgnore {
	return &GitIgnore{fsys: fsys, patterns: map[string][]gitignore.Pattern{}}
}

// Ignored reports whether git ignores p, a slash path from the root, a
// folder when dir is set: the last pattern that matches it in the
// .gitignore files of its folders, from the root down, decides.
func (g *GitIgnore) Ignored(p string, dir bool) bool {
	if g == nil || p == "." || p == "" {
		return false
	}
	segs := strings.Split(p, "/")
	var ps []gitignore.Pattern
	for i := range segs {
		ps = append(ps, g.folder(strings.Join(segs[:i], "/"))...)
	}
	if len(ps) == 0 {
		return false
	}
	return gitignore.NewMatcher(ps).Match(segs, dir)
}

// folder returns the patterns of the .gitignore in folder dir.
func (g *GitIgnore) folder(dir string) []gitignore.Pattern {
	g.mu.Lock()
	defer g.mu.Unlock()
	if ps, ok := g.patterns[dir]; ok {
		return ps
	}
	var ps []gitignore.Pattern
	if src, err := fs.ReadFile(g.fsys, path.Join(dir, ".gitignore")); err == nil {
		var domain []string
		if dir != "" {
			domain = strings.Split(dir, "/")
		}
		sc := bufio.NewScanner(bytes.NewReader(src))
		for sc.Scan() {
			line := strings.TrimSuffix(sc.Text(), "\r")
			if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
				continue
			}
			ps = append(ps, gitignore.ParsePattern(line, domain))
		}
	}
	g.patterns[dir] = ps
	return ps
}
