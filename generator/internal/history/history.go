// Package history reads what git knows about a handbook's files: for each
// file under a folder, when it last changed and who changed it.
//
// Input: the handbook's root directory on disk and a folder relative to it
// (the content folder). Output: a Log mapping each file's slash path from
// the root ("content/strategies/databases.md") to the last commit that
// changed it: the commit's date (the committer's, in the committer's zone:
// when the change reached the branch the site is built from) and its
// author's name (as .mailmap spells it).
//
// The whole folder's history is one `git log` process whose output is
// parsed as it streams, never a process per file. A rename git detects
// within the folder is followed: a file moved without a change keeps the
// date of its last change under its old name, and a file moved and edited
// in one commit takes that commit. A file moved into the folder from
// outside it starts its history at the move, since git log is asked about
// the folder alone. The log is a snapshot of the commits: Read never runs
// again for a file, and a caller that sees a file saved marks it with
// Log.Saved, which reads nothing.
//
// Without git, outside a repository or in one without commits, Read
// returns an error saying so and the caller goes on with front matter
// dates. In a shallow clone the log ends at the clone's depth, and its
// oldest commits seem to add every file: the files those commits would
// date are left out (their last change is not known), and Log.Shallow
// says so.
package history

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Change is the last change of a file.
type Change struct {
	// When is the date of the last commit that changed the file, or the
	// file's modification time when Uncommitted.
	When time.Time
	// Author is the name of the commit's author; "" when Uncommitted.
	Author string
	// Uncommitted is true for a file changed since its last commit, as
	// ReadWorktree finds it or Log.Saved marks it.
	Uncommitted bool
}

// Log is what git knows about the files of a folder.
type Log struct {
	// Changes maps a file's slash path from the handbook's root to its
	// last change. A file git does not know (new, untracked) is absent.
	Changes map[string]Change
	// Shallow is true when the repository is a shallow clone: the oldest
	// commits are missing, so some dates are older than they should be.
	Shallow bool
	// prefix is root's path from the top of the repository ("" or
	// "handbook/").
	prefix string
}

// Top returns the top folder of the git repository that holds dir, a
// folder on disk, and dir's slash path from it ("." for the top itself):
// the nearest of dir and the folders above it with a .git entry. It reads
// no history and runs no git, so it answers where git is not installed;
// ok is false outside a repository.
func Top(dir string) (top, rel string, ok bool) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", "", false
	}
	for top := abs; ; top = filepath.Dir(top) {
		if _, err := os.Lstat(filepath.Join(top, ".git")); err == nil {
			rel, err := filepath.Rel(top, abs)
			if err != nil {
				return "", "", false
			}
			return top, filepath.ToSlash(rel), true
		}
		if filepath.Dir(top) == top {
			return "", "", false
		}
	}
}

// Read reads the history of dir (a slash path relative to root; "." for
// root itself) from the git repository holding root, in one git log
// process. The error says why there is no history: git is not installed,
// root is not in a repository, the repository has no commits.
func Read(root, dir string) (*Log, error) {
	git, err := exec.LookPath("git")
	if err != nil {
		return nil, errors.New("git is not installed")
	}
	l := &Log{Changes: map[string]Change{}}
	out, err := command(git, root, "rev-parse", "--is-shallow-repository", "--show-prefix").Output()
	if err != nil {
		return nil, gitError(root, err)
	}
	shallow, prefix, _ := strings.Cut(string(out), "\n")
	l.Shallow = shallow == "true"
	l.prefix = strings.TrimSpace(prefix)

	cmd := command(git, root, "log", "-z", "--no-color", "--no-show-signature", "--format=%x1e%cI%x00%aN%x00%P",
		"--name-status", "-M", "--relative", "--", pathspec(dir))
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	perr := l.parse(stdout)
	if perr != nil {
		_, _ = io.Copy(io.Discard, stdout)
	}
	if err := cmd.Wait(); err != nil {
		if isNoCommits(stderr.Bytes()) {
			return nil, errors.New("the repository has no commits yet")
		}
		return nil, fmt.Errorf("git log failed: %s", firstLine(stderr.Bytes(), err))
	}
	if perr != nil {
		return nil, perr
	}
	return l, nil
}

// ReadWorktree is Read, and then marks the files of dir that differ from
// their last commit, or that git does not track, as Uncommitted, dated by
// their modification time (one git status process): what an author
// previewing unsaved work expects to see.
func ReadWorktree(root, dir string) (*Log, error) {
	l, err := Read(root, dir)
	if err != nil {
		return nil, err
	}
	git, _ := exec.LookPath("git")
	out, err := command(git, root, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--", pathspec(dir)).Output()
	if err != nil {
		return nil, gitError(root, err)
	}
	fields := bytes.Split(out, []byte{0})
	for i := 0; i < len(fields); i++ {
		f := fields[i]
		if len(f) < 4 {
			continue
		}
		x, p := f[0], string(f[3:])
		if x == 'R' || x == 'C' {
			i++ // the entry's second field is the old path
		}
		// Porcelain paths are from the top of the repository.
		rel, ok := strings.CutPrefix(p, l.prefix)
		if !ok || f[0] == 'D' || f[1] == 'D' {
			continue
		}
		l.Saved(rel, modTime(filepath.Join(root, filepath.FromSlash(rel))))
	}
	return l, nil
}

// Saved records that the file at p (a slash path from the root) was saved
// at t and differs from its last commit. It reads no history.
func (l *Log) Saved(p string, t time.Time) {
	l.Changes[p] = Change{When: t, Uncommitted: true}
}

// command is git with root as its working directory, discovering the
// repository from there: the variables a git hook sets, which would point
// it elsewhere, are removed.
func command(git, root string, args ...string) *exec.Cmd {
	cmd := exec.Command(git, append([]string{"-C", root}, args...)...)
	env := os.Environ()
	kept := env[:0]
	for _, e := range env {
		if !strings.HasPrefix(e, "GIT_DIR=") && !strings.HasPrefix(e, "GIT_WORK_TREE=") && !strings.HasPrefix(e, "GIT_INDEX_FILE=") {
			kept = append(kept, e)
		}
	}
	cmd.Env = kept
	return cmd
}

// pathspec is dir as git reads a path literally.
func pathspec(dir string) string {
	if dir == "" {
		dir = "."
	}
	return ":(literal)" + dir
}

func gitError(root string, err error) error {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		msg := firstLine(ee.Stderr, err)
		if strings.Contains(msg, "not a git repository") {
			return fmt.Errorf("%s is not in a git repository", root)
		}
		return errors.New(msg)
	}
	return err
}

func isNoCommits(stderr []byte) bool {
	return bytes.Contains(stderr, []byte("does not have any commits")) || bytes.Contains(stderr, []byte("bad default revision"))
}

func firstLine(b []byte, err error) string {
	s := strings.TrimSpace(string(b))
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if s == "" {
		return err.Error()
	}
	return strings.TrimPrefix(s, "fatal: ")
}

func modTime(p string) time.Time {
	st, err := os.Stat(p)
	if err != nil {
		return time.Now()
	}
	return st.ModTime()
}

// parse reads git log's output: for each commit, newest first, a record
// separator, the date, a NUL, the author, a NUL, its parents and a NUL
// (none at the cut of a shallow clone), then the files it
// changed as NUL-terminated fields, each a status (M, A, D, T, R<score>,
// C<score>) followed by its path, or by two for renames and copies.
func (l *Log) parse(r io.Reader) error {
	br := bufio.NewReaderSize(r, 64<<10)
	var long []byte
	next := func() ([]byte, error) {
		b, err := br.ReadSlice(0)
		if errors.Is(err, bufio.ErrBufferFull) {
			long = append(long[:0], b...)
			for errors.Is(err, bufio.ErrBufferFull) {
				b, err = br.ReadSlice(0)
				long = append(long, b...)
			}
			b = long
		}
		if err != nil {
			return b, err
		}
		return b[:len(b)-1], nil
	}
	w := walker{changes: l.Changes, alias: map[string]string{}}
	var cur Change
	cut := false // the commit is at the cut of a shallow clone
	for {
		f, err := next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		f = bytes.TrimLeft(f, "\n")
		switch {
		case len(f) == 0:
			continue
		case f[0] == 0x1e:
			when, err := time.Parse(time.RFC3339, string(f[1:]))
			if err != nil {
				return fmt.Errorf("git log: unreadable date %q", f[1:])
			}
			author, err := next()
			if err != nil {
				return fmt.Errorf("git log: cut short: %v", err)
			}
			parents, err := next()
			if err != nil {
				return fmt.Errorf("git log: cut short: %v", err)
			}
			cur = Change{When: when, Author: string(author)}
			cut = l.Shallow && len(bytes.TrimSpace(parents)) == 0
			continue
		}
		status := f[0]
		score := 0
		if status == 'R' || status == 'C' {
			score, _ = strconv.Atoi(string(f[1:]))
		}
		a, err := next()
		if err != nil {
			return fmt.Errorf("git log: cut short: %v", err)
		}
		switch {
		case cut:
			// A commit at the cut is compared with nothing: every file
			// seems added there, however old it is, so its date says
			// nothing of them.
			w.alias[string(a)] = ""
		case status == 'R', status == 'C':
			b, err := next()
			if err != nil {
				return fmt.Errorf("git log: cut short: %v", err)
			}
			if status == 'R' {
				w.renamed(a, b, score == 100, cur)
			} else {
				w.added(b, cur)
			}
		case status == 'A':
			w.added(a, cur)
		case status == 'D':
			w.alias[string(a)] = ""
		default: // M, T, and whatever a later git adds
			w.changed(a, cur)
		}
	}
}

// walker follows the names of the files through the log, newest commit
// first. alias maps a name, as of the commit being read, to the file's
// name today, or to "" when the file of that name is gone today; a name
// not in alias is its own.
type walker struct {
	changes map[string]Change
	alias   map[string]string
}

func (w *walker) resolve(name []byte) (string, bool) {
	if cur, ok := w.alias[string(name)]; ok {
		return cur, cur != ""
	}
	return "", true
}

// changed records c as the last change of the file name refers to, unless
// a newer one was recorded.
func (w *walker) changed(name []byte, c Change) {
	cur, live := w.resolve(name)
	if !live {
		return
	}
	if cur == "" {
		if _, ok := w.changes[string(name)]; ok {
			return
		}
		cur = string(name)
	} else if _, ok := w.changes[cur]; ok {
		return
	}
	w.changes[cur] = c
}

// added records a file's creation: before it, the name held nothing that
// exists today.
func (w *walker) added(name []byte, c Change) {
	w.changed(name, c)
	w.alias[string(name)] = ""
}

// renamed follows a rename from old to new: before it, the file was
// called old. A move without a change (pure) is not a change of the file.
func (w *walker) renamed(old, new []byte, pure bool, c Change) {
	if !pure {
		w.changed(new, c)
	}
	cur, live := w.resolve(new)
	if live && cur == "" {
		cur = string(new)
	}
	w.alias[string(old)] = cur
	w.alias[string(new)] = ""
}

// Get returns the last change of the file at p, a slash path from the
// root.
func (l *Log) Get(p string) (Change, bool) {
	if l == nil {
		return Change{}, false
	}
	c, ok := l.Changes[path.Clean(p)]
	return c, ok
}
