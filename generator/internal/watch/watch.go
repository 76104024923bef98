// Package watch reports changes to a handbook's files, in batches.
//
// Input: the site root and the folders and files to watch (content/,
// layouts/, assets/, site.yaml). Output: batches of changed paths, relative
// to the root, on a channel. It is built on fsnotify through Hugo's watcher
// batching, with its polling fallback for file systems without inotify.
// Folders created while running are watched too; editors' temporary files
// (.swp, ~, 4913, .#name) are ignored; a chmod-only event is a change,
// since some editors save that way.
package watch

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/gohugoio/hugo/watcher"
)

// Watcher watches a site root.
type Watcher struct {
	root    string
	batcher *watcher.Batcher
	// Changes receives each batch of changed paths (slash-separated,
	// relative to the root), without duplicates.
	Changes chan []string
	done    chan struct{}
}

// Options configure a Watcher.
type Options struct {
	// Batch is how long events are gathered before a batch is sent.
	Batch time.Duration
	// Poll uses polling instead of inotify, every Interval.
	Poll     bool
	Interval time.Duration
}

// New watches the given paths under root (missing ones are skipped).
func New(root string, paths []string, opts Options) (*Watcher, error) {
	if opts.Batch == 0 {
		opts.Batch = 10 * time.Millisecond
	}
	if opts.Interval == 0 {
		opts.Interval = 500 * time.Millisecond
	}
	b, err := watcher.New(opts.Batch, opts.Interval, opts.Poll)
	if err != nil {
		return nil, err
	}
	w := &Watcher{root: root, batcher: b, Changes: make(chan []string, 16), done: make(chan struct{})}
	for _, p := range paths {
		w.addTree(filepath.Join(root, filepath.FromSlash(p)))
	}
	go w.run()
	return w, nil
}

// addTree watches a file, or a folder and every folder below it. With
// polling, every file is added too, since a poller watches files.
func (w *Watcher) addTree(p string) {
	st, err := os.Stat(p)
	if err != nil {
		return
	}
	if !st.IsDir() {
		_ = w.batcher.Add(p)
		return
	}
	_ = filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() && q != p && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		_ = w.batcher.Add(q)
		return nil
	})
}

// Ignored reports whether a file name is an editor's temporary file.
func Ignored(name string) bool {
	base := filepath.Base(name)
	return strings.HasSuffix(base, ".swp") || strings.HasSuffix(base, ".swx") || strings.HasSuffix(base, ".swo") ||
		strings.HasSuffix(base, "~") || base == "4913" || strings.HasPrefix(base, ".#") ||
		strings.HasSuffix(base, ".tmp") || base == ".DS_Store" || strings.HasPrefix(base, "#") && strings.HasSuffix(base, "#")
}

func (w *Watcher) run() {
	defer close(w.Changes)
	for {
		select {
		case <-w.done:
			return
		case evs, ok := <-w.batcher.Events:
			if !ok {
				return
			}
			seen := map[string]bool{}
			var out []string
			for _, ev := range evs {
				if Ignored(ev.Name) {
					continue
				}
				if ev.Has(fsnotify.Create) {
					if st, err := os.Stat(ev.Name); err == nil && st.IsDir() {
						w.addTree(ev.Name)
					}
				}
				rel, err := filepath.Rel(w.root, ev.Name)
				if err != nil {
					continue
				}
				rel = filepath.ToSlash(rel)
				if !seen[rel] {
					seen[rel] = true
					out = append(out, rel)
				}
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
