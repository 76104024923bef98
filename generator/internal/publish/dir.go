package publish

import (
	"bufio"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"handbook/generator/internal/sitepath"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
)

// Marker is the file at the root of every output folder that handbook
// wrote. A build replaces an output folder only when it holds this file or
// nothing at all.
const Marker = ".handbook-output"

const markerText = "This folder was written by handbook build. The next build replaces it whole:\nkeep nothing here that handbook did not write.\n"

// ErrStopped is returned by a Dir's writes after one failed in a way that
// every later write would repeat (a full disk, a read-only file system):
// the first error is reported, the rest are not.
var ErrStopped = errors.New("output abandoned after an earlier write failed")

// RefusedError is an output folder that a build will not replace. Nothing
// was written or removed.
type RefusedError struct {
	Dir    string // the folder as the user named it
	Reason string
	Hint   string
}

func (e *RefusedError) Error() string {
	return fmt.Sprintf("refusing to write the site to %s: %s", e.Dir, e.Reason)
}

// Guard says what an output folder must stay clear of.
type Guard struct {
	// Protected folders (the handbook's root, its content folder): the
	// output may be none of them, nor above or inside one.
	Protected []string
	// Allowed is a folder inside a protected one that may be the output
	// all the same (the default public/ under the handbook's root).
	Allowed string
}

// Dir writes a site into a temporary directory and swaps it into place on
// Commit. Folders are created 0755 and files 0644, less the umask, so that
// a web server running as another user can read the site.
type Dir struct {
	final   string // the output folder, symlinks resolved
	tmp     string // where this build writes
	inPlace bool   // final is a mount point: its contents are replaced, not itself
	mu      sync.Mutex
	dirs    map[string]bool
	stopped error
}

// NewDir checks that out may be replaced, removes what an earlier killed
// build left beside it (restoring the previous site if the kill came
// between its two renames), and prepares a temporary folder beside it, on
// the same file system so that the swap is a rename. An output that exists
// is replaced only when it is an empty folder or one that handbook wrote;
// anything else is a *RefusedError before any work is done.
func NewDir(out string, g Guard) (*Dir, error) {
	final, err := resolve(out)
	if err != nil {
		return nil, &RefusedError{Dir: out, Reason: err.Error(), Hint: "name a folder this user can create"}
	}
	if err := g.check(out, final); err != nil {
		return nil, err
	}
	parent := filepath.Dir(final)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	recoverLeftovers(final)
	st, err := os.Lstat(final)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return nil, err
	case !st.IsDir():
		return nil, &RefusedError{Dir: out, Reason: "it is a file, not a folder", Hint: "choose a folder for the site with --out"}
	default:
		if err := replaceable(final); err != nil {
			return nil, &RefusedError{Dir: out, Reason: err.Error(), Hint: "choose an empty or new folder with --out, or empty this one yourself if nothing in it is needed"}
		}
	}
	d := &Dir{final: final, dirs: map[string]bool{}}
	if err == nil && isMountPoint(final) {
		// A mount point (a container's volume) cannot be renamed: build
		// inside it and move the new contents over the old ones.
		d.inPlace = true
		d.tmp, err = mkdirRandom(final, ".handbook-tmp-")
	} else {
		d.tmp, err = mkdirRandom(parent, "."+filepath.Base(final)+".tmp-")
	}
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(d.tmp, Marker), []byte(markerText), 0o644); err != nil {
		_ = os.RemoveAll(d.tmp)
		return nil, err
	}
	return d, nil
}

// Path is the folder the site is published in, symlinks resolved.
func (d *Dir) Path() string { return d.final }

// resolve makes out absolute and resolves symlinks in the part of it that
// exists, so that an output reached through a link is checked, and
// replaced, where it really is.
func resolve(out string) (string, error) {
	abs, err := filepath.Abs(out)
	if err != nil {
		return "", err
	}
	var rest []string
	p := abs
	for {
		if r, err := filepath.EvalSymlinks(p); err == nil {
			for i := len(rest) - 1; i >= 0; i-- {
				r = filepath.Join(r, rest[i])
			}
			return r, nil
		}
		parent := filepath.Dir(p)
		if parent == p {
			return abs, nil
		}
		rest = append(rest, filepath.Base(p))
		p = parent
	}
}

// check refuses an output that is, holds or lies inside a protected folder.
func (g Guard) check(out, final string) error {
	if filepath.Dir(final) == final {
		return &RefusedError{Dir: out, Reason: "it is the root of the file system", Hint: "choose a folder for the site with --out"}
	}
	if home, err := os.UserHomeDir(); err == nil {
		if h, err := resolve(home); err == nil && (h == final || within(final, h)) {
			return &RefusedError{Dir: out, Reason: "it holds your home folder", Hint: "choose a folder for the site with --out"}
		}
	}
	allowed := ""
	if g.Allowed != "" {
		allowed, _ = resolve(g.Allowed)
	}
	if final == allowed {
		return nil
	}
	var protected []string
	for _, p := range g.Protected {
		if pr, err := resolve(p); err == nil {
			protected = append(protected, pr)
		}
	}
	// The most telling reason first: is it one of them, holds it one, or
	// lies it inside one.
	for _, pr := range protected {
		if final == pr {
			return &RefusedError{Dir: out, Reason: "it is the handbook's own folder " + pr, Hint: "write the site elsewhere, for example the default public/ under the handbook"}
		}
	}
	for _, pr := range protected {
		if within(final, pr) {
			return &RefusedError{Dir: out, Reason: "it holds the handbook's folder " + pr, Hint: "write the site to a folder of its own, outside the handbook or as its public/"}
		}
	}
	for i := len(protected) - 1; i >= 0; i-- { // the innermost is named
		if pr := protected[i]; within(pr, final) {
			return &RefusedError{Dir: out, Reason: "it lies inside the handbook's folder " + pr, Hint: "write the site outside the handbook, or to its default public/"}
		}
	}
	return nil
}

// within reports whether p lies strictly inside dir.
func within(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// replaceable reports why the existing folder dir may not be replaced: it
// neither is empty nor holds the marker.
func replaceable(dir string) error {
	if st, err := os.Lstat(filepath.Join(dir, Marker)); err == nil && st.Mode().IsRegular() {
		return nil
	}
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	names, err := f.Readdirnames(3)
	if err != nil && len(names) == 0 {
		return nil // empty
	}
	return fmt.Errorf("it is not empty and handbook did not write it (no %s file in it); it holds %s", Marker, strings.Join(quoteAll(names), ", ")+more(len(names) == 3))
}

func quoteAll(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = fmt.Sprintf("%q", n)
	}
	return out
}

func more(b bool) string {
	if b {
		return ", …"
	}
	return ""
}

// mkdirRandom creates a new folder in parent named prefix and a random
// suffix, 0755 less the umask.
func mkdirRandom(parent, prefix string) (string, error) {
	for range 100 {
		var b [6]byte
		_, _ = rand.Read(b[:])
		p := filepath.Join(parent, prefix+hex.EncodeToString(b[:]))
		err := os.Mkdir(p, 0o755)
		if err == nil {
			return p, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return "", err
		}
	}
	return "", fmt.Errorf("cannot create a temporary folder in %s", parent)
}

// ours reports whether dir is a folder that handbook wrote.
func ours(dir string) bool {
	st, err := os.Lstat(filepath.Join(dir, Marker))
	return err == nil && st.Mode().IsRegular()
}

// recoverLeftovers tidies what a killed build left of final: a previous
// site set aside but never replaced is put back, and temporary folders
// that handbook wrote are removed. Folders without the marker are left
// alone, whatever their names.
func recoverLeftovers(final string) {
	parent, base := filepath.Dir(final), filepath.Base(final)
	entries, _ := os.ReadDir(parent)
	_, err := os.Lstat(final)
	missing := errors.Is(err, fs.ErrNotExist)
	for _, e := range entries {
		n := e.Name()
		if !e.IsDir() || !strings.HasPrefix(n, "."+base+".") {
			continue
		}
		p := filepath.Join(parent, n)
		old := strings.HasPrefix(n, "."+base+".old-")
		if !old && !strings.HasPrefix(n, "."+base+".tmp-") || !ours(p) {
			continue
		}
		if old && missing && os.Rename(p, final) == nil {
			missing = false
			continue
		}
		_ = os.RemoveAll(p)
	}
	// Inside a mount point, the leftovers are inside the output.
	if inner, err := os.ReadDir(final); err == nil && ours(final) {
		for _, e := range inner {
			if n := e.Name(); e.IsDir() && (strings.HasPrefix(n, ".handbook-tmp-") || strings.HasPrefix(n, ".handbook-old-")) {
				_ = os.RemoveAll(filepath.Join(final, n))
			}
		}
	}
}

// WriteFile implements Writer.
func (d *Dir) WriteFile(p string, data []byte) error {
	if err := d.writable(p); err != nil {
		return err
	}
	return d.fail(os.WriteFile(filepath.Join(d.tmp, filepath.FromSlash(p)), data, 0o644))
}

// StreamFile implements Streamer: the file is written as fill makes it,
// through a buffer, and removed again if fill or a write fails.
func (d *Dir) StreamFile(p string, fill func(io.Writer) error) error {
	if err := d.writable(p); err != nil {
		return err
	}
	name := filepath.Join(d.tmp, filepath.FromSlash(p))
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return d.fail(err)
	}
	bw := bufio.NewWriterSize(f, 64<<10)
	err = fill(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(name)
		return d.fail(err)
	}
	return nil
}

// writable checks that a file may be written at the site path p, and
// makes the folders above it.
func (d *Dir) writable(p string) error {
	if err := sitepath.Check(p); err != nil {
		return err
	}
	if p == Marker {
		return fmt.Errorf("%s is the output folder's marker; handbook writes it itself", Marker)
	}
	d.mu.Lock()
	stopped := d.stopped
	d.mu.Unlock()
	if stopped != nil {
		return ErrStopped
	}
	return d.fail(d.mkdirs(path.Dir(p)))
}

// mkdirs makes the folder dir (a site path, "." for the root) and those
// above it that this build has not made yet, with one mkdir each: unlike
// os.MkdirAll it asks the file system nothing about folders it already
// made, which on a site of a folder a page is most of what writing costs.
func (d *Dir) mkdirs(dir string) error {
	if dir == "." {
		return nil
	}
	d.mu.Lock()
	known := d.dirs[dir]
	d.mu.Unlock()
	if known {
		return nil
	}
	if err := d.mkdirs(path.Dir(dir)); err != nil {
		return err
	}
	// Another worker may have made it since: a folder that exists is
	// fine, and a file in its place fails the write that follows.
	if err := os.Mkdir(filepath.Join(d.tmp, filepath.FromSlash(dir)), 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	d.mu.Lock()
	d.dirs[dir] = true
	d.mu.Unlock()
	return nil
}

// fail remembers an error that every later write would repeat.
func (d *Dir) fail(err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT) || errors.Is(err, syscall.EROFS) || errors.Is(err, syscall.EIO) {
		d.mu.Lock()
		defer d.mu.Unlock()
		if d.stopped != nil {
			return ErrStopped
		}
		d.stopped = err
	}
	return err
}

// Commit puts the new site in place of the old one. Where the file system
// can exchange two folders in one step, it does; elsewhere the old site is
// set aside, the new one renamed into place and the old one removed, and a
// build killed between the two renames has the old site put back by the
// next one. An output that is a mount point has its contents replaced.
func (d *Dir) Commit() error {
	if d.inPlace {
		return d.commitInPlace()
	}
	if _, err := os.Lstat(d.final); err == nil {
		if err := exchange(d.tmp, d.final); err == nil {
			return os.RemoveAll(d.tmp) // it holds the old site now
		}
		old := filepath.Join(filepath.Dir(d.final), "."+filepath.Base(d.final)+".old-"+strings.TrimPrefix(filepath.Base(d.tmp), "."+filepath.Base(d.final)+".tmp-"))
		if err := os.Rename(d.final, old); err != nil {
			return fmt.Errorf("move the previous site aside: %w", err)
		}
		if err := os.Rename(d.tmp, d.final); err != nil {
			_ = os.Rename(old, d.final)
			return fmt.Errorf("move the new site into place: %w", err)
		}
		return os.RemoveAll(old)
	}
	if err := os.Rename(d.tmp, d.final); err != nil {
		return fmt.Errorf("move the new site into place: %w", err)
	}
	return nil
}

// commitInPlace moves the old contents of the output into a folder inside
// it, the new ones out of the temporary folder, and removes both folders.
func (d *Dir) commitInPlace() error {
	old, err := mkdirRandom(d.final, ".handbook-old-")
	if err != nil {
		return err
	}
	entries, err := os.ReadDir(d.final)
	if err != nil {
		return err
	}
	for _, e := range entries {
		n := e.Name()
		if n == Marker || filepath.Join(d.final, n) == d.tmp || filepath.Join(d.final, n) == old {
			continue
		}
		if err := os.Rename(filepath.Join(d.final, n), filepath.Join(old, n)); err != nil {
			return fmt.Errorf("move the previous site aside: %w", err)
		}
	}
	fresh, err := os.ReadDir(d.tmp)
	if err != nil {
		return err
	}
	for _, e := range fresh {
		n := e.Name()
		if err := os.Rename(filepath.Join(d.tmp, n), filepath.Join(d.final, n)); err != nil {
			return fmt.Errorf("move the new site into place: %w", err)
		}
	}
	_ = os.RemoveAll(d.tmp)
	return os.RemoveAll(old)
}

// Abort removes the temporary directory, leaving the previous site as it was.
func (d *Dir) Abort() error { return os.RemoveAll(d.tmp) }
