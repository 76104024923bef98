// Package watch reports changes to a handbook's files, in batches.
//
// Input: the site root and the folders and files to watch (content/,
// layouts/, assets/, site.yaml). Output: batches of changed paths, relative
// to the root, on a channel. It is built on fsnotify through Hugo's watcher
// batching, with its polling fallback for file systems without inotify.
//
// fsnotify watches folders, one level each, and a watch ends with its
// folder: so the root itself is watched (one level), which sees site.yaml
// replaced by a rename (as sed -i and most editors save), and content/,
// layouts/ or assets/ created, deleted and created again; every folder of a
// watched tree is watched, and a folder created or recreated is watched
// again as soon as it is seen, and reported as changed, so that whatever
// was written into it before its watch existed is read by the rebuild.
// Other entries of the root (README.md, public/) are not reported.
// Editors' temporary files (.swp, ~, 4913, .#name) are ignored; a
// chmod-only event is a change, since some editors save that way. When
// the kernel's event queue overflows, every watched path is reported.
package watch

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/gohugoio/hugo/watcher"
)

// Watcher watches a site root.
type Watcher struct {
	root    string // absolute
	poll    bool
	skip    func(rel string) bool // see Options.Skip
	batcher *watcher.Batcher
	// Changes receives each batch of changed paths (slash-separated,
	// relative to the root), without duplicates.
	Changes chan []string
	done    chan struct{}

	mu    sync.Mutex
	paths []string // the watched paths, slash-separated and clean; "." is the whole root
	// outside are the files outside the root that WatchFile watches: the
	// name each is reported by, by its absolute path; outsideDirs are the
	// folders holding them, watched again when they are created.
	outside     map[string]string
	outsideDirs map[string]bool
}

// Options configure a Watcher.
type Options struct {
	// Batch is how long events are gathered before a batch is sent.
	Batch time.Duration
	// Poll uses polling instead of inotify, every Interval.
	Poll     bool
	Interval time.Duration
	// Skip, when set, leaves out a folder, by its slash path from the
	// root, and everything below it (a handbook's node_modules).
	Skip func(rel string) bool
}

// New watches the given paths under root (slash-separated, relative to
// root); a path that does not exist yet is watched from when it appears.
func New(root string, paths []string, opts Options) (*Watcher, error) {
	if opts.Batch == 0 {
		opts.Batch = 10 * time.Millisecond
	}
	if opts.Interval == 0 {
		opts.Interval = 500 * time.Millisecond
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	b, err := watcher.New(opts.Batch, opts.Interval, opts.Poll)
	if err != nil {
		return nil, err
	}
	w := &Watcher{root: abs, poll: opts.Poll, skip: opts.Skip, batcher: b, Changes: make(chan []string, 16), done: make(chan struct{})}
	if err := b.Add(abs); err != nil {
		b.Close()
		return nil, err
	}
	for _, p := range paths {
		w.Watch(p)
	}
	go w.run()
	return w, nil
}

// Watch adds a path, relative to the root, to the watched ones (serve adds
// the content folder that an edited site.yaml names). Watching a path
// twice does nothing; a path outside the root is not watched.
func (w *Watcher) Watch(p string) {
	p = path.Clean(filepath.ToSlash(p))
	if p == ".." || strings.HasPrefix(p, "../") || path.IsAbs(p) {
		return
	}
	w.mu.Lock()
	for _, q := range w.paths {
		if q == p {
			w.mu.Unlock()
			return
		}
	}
	w.paths = append(w.paths, p)
	w.mu.Unlock()
	w.arm(p)
}

// WatchFile watches a file outside the root that the handbook reads (the
// CODEOWNERS file at the top of the repository a handbook is a folder
// of), by its absolute path: a path the caller finds, never one that
// content names. A change to it is reported by its path from the root
// ("../../.github/CODEOWNERS"). The folder holding it is watched, and the
// folder above that, to see the folder appear; the other entries of both
// are not reported.
func (w *Watcher) WatchFile(abs string) {
	abs = filepath.Clean(abs)
	rel, err := filepath.Rel(w.root, abs)
	if err != nil || !filepath.IsAbs(abs) {
		return
	}
	dir := filepath.Dir(abs)
	w.mu.Lock()
	if w.outside == nil {
		w.outside, w.outsideDirs = map[string]string{}, map[string]bool{}
	}
	w.outside[abs] = filepath.ToSlash(rel)
	w.outsideDirs[dir] = true
	w.mu.Unlock()
	_ = w.batcher.Add(filepath.Dir(dir))
	_ = w.batcher.Add(dir)
}

// outsideChange returns the name of the file outside the root that an
// event at p changes ("" for none), watching a folder of such files that
// p's creation made.
func (w *Watcher) outsideChange(p string, created bool) string {
	w.mu.Lock()
	defer w.mu.Unlock()
	if name, ok := w.outside[p]; ok {
		return name
	}
	if w.outsideDirs[p] && created {
		_ = w.batcher.Add(p)
		for f, name := range w.outside {
			if filepath.Dir(f) == p {
				return name // it may have been written before its watch
			}
		}
	}
	return ""
}

// arm watches the folders between the root and p, to see p appear, and p's
// tree when it exists.
func (w *Watcher) arm(p string) {
	if p != "." {
		for dir := path.Dir(p); dir != "."; dir = path.Dir(dir) {
			_ = w.batcher.Add(w.abs(dir))
		}
	}
	w.addTree(w.abs(p))
}

func (w *Watcher) abs(rel string) string {
	return filepath.Join(w.root, filepath.FromSlash(rel))
}

// addTree watches a folder and every folder below it but hidden ones. A
// file needs no watch of its own: the watch of its folder reports it (and
// with polling, a folder's poll compares its files).
func (w *Watcher) addTree(p string) {
	st, err := os.Stat(p)
	if err != nil || !st.IsDir() {
		return
	}
	_ = filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil
		}
		if q != p && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		if w.skip != nil {
			if rel, err := filepath.Rel(w.root, q); err == nil && w.skip(filepath.ToSlash(rel)) {
				return filepath.SkipDir
			}
		}
		_ = w.batcher.Add(q)
		return nil
	})
}

// watchList returns the folders fsnotify watches, or nil with polling: a
// poller watches paths, not folders, and keeps polling a path to see it
// come back, so its watches stay.
func (w *Watcher) watchList() map[string]bool {
	wl, ok := w.batcher.FileWatcher.(interface{ WatchList() []string })
	if w.poll || !ok {
		return nil
	}
	m := map[string]bool{}
	for _, q := range wl.WatchList() {
		m[q] = true
	}
	return m
}

// unwatch drops the watches at and below a folder that was deleted or
// moved away, so that a watch that followed the folder elsewhere does not
// report its files under their old names.
func (w *Watcher) unwatch(dir string, watched map[string]bool) {
	for q := range watched {
		if q == dir || strings.HasPrefix(q, dir+string(filepath.Separator)) {
			_ = w.batcher.Remove(q)
			delete(watched, q)
		}
	}
}

// Ignored reports whether a file name is an editor's temporary file.
func Ignored(name string) bool {
	base := filepath.Base(name)
	return strings.HasSuffix(base, ".swp") || strings.HasSuffix(base, ".swx") || strings.HasSuffix(base, ".swo") ||
		strings.HasSuffix(base, "~") || base == "4913" || strings.HasPrefix(base, ".#") ||
		strings.HasSuffix(base, ".tmp") || base == ".DS_Store" || strings.HasPrefix(base, "#") && strings.HasSuffix(base, "#")
}

// relevance says how a path relative to the root stands to the watched
// paths: inside one (reported; watched says it is one), on the way to some
// (the folders holding them, whose creation arms them: below), or neither
// (ignored).
func (w *Watcher) relevance(rel string) (inside, watched bool, below []string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, p := range w.paths {
		switch {
		case rel == p:
			inside, watched = true, true
		case p == "." || strings.HasPrefix(rel, p+"/"):
			inside = true
		case strings.HasPrefix(p, rel+"/"):
			below = append(below, p)
		}
	}
	return inside, watched, below
}

// all returns the watched paths.
func (w *Watcher) all() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]string(nil), w.paths...)
}

func (w *Watcher) run() {
	defer close(w.Changes)
	errs := w.batcher.Errors()
	for {
		var out []string
		select {
		case <-w.done:
			return
		case err, ok := <-errs:
			if !ok {
				errs = nil
				continue
			}
			if !errors.Is(err, fsnotify.ErrEventOverflow) {
				continue
			}
			// Events were lost: watch everything again and rebuild it all.
			out = w.all()
			for _, p := range out {
				w.arm(p)
			}
		case evs, ok := <-w.batcher.Events:
			if !ok {
				return
			}
			out = w.batch(evs)
		}
		if len(out) > 0 {
			select {
			case w.Changes <- out:
			case <-w.done:
				return
			}
		}
	}
}

// batch turns a batch of events into the changed paths, arming the folders
// that appeared and dropping the watches of those that went.
func (w *Watcher) batch(evs []fsnotify.Event) []string {
	seen := map[string]bool{}
	var out []string
	add := func(rel string) {
		if !seen[rel] {
			seen[rel] = true
			out = append(out, rel)
		}
	}
	var watched map[string]bool // fsnotify's watches, listed at the first removal
	for _, ev := range evs {
		if name := w.outsideChange(filepath.Clean(ev.Name), ev.Has(fsnotify.Create)); name != "" {
			if !Ignored(ev.Name) {
				add(name)
			}
			continue
		}
		rel, err := filepath.Rel(w.root, ev.Name)
		if err != nil {
			continue
		}
		rel = filepath.ToSlash(rel)
		if rel == "." || rel == ".." || strings.HasPrefix(rel, "../") || Ignored(ev.Name) {
			continue
		}
		inside, exact, below := w.relevance(rel)
		if !inside && len(below) == 0 {
			continue
		}
		if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
			if watched == nil {
				watched = w.watchList()
			}
			w.unwatch(ev.Name, watched)
		}
		if ev.Has(fsnotify.Create) {
			if st, err := os.Stat(ev.Name); err == nil && st.IsDir() {
				if inside && (exact || !strings.HasPrefix(path.Base(rel), ".")) {
					w.addTree(ev.Name)
				}
				for _, p := range below {
					w.arm(p)
				}
			}
		}
		if inside {
			add(rel)
		}
		for _, p := range below {
			add(p)
		}
	}
	return out
}

// Close stops watching.
func (w *Watcher) Close() {
	select {
	case <-w.done:
	default:
		close(w.done)
		w.batcher.Close()
	}
}
