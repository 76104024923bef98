// Package theme gives the layouts and assets a site builds with: the site's
// own files laid over the defaults embedded in the binary, file by file, the
// way Hugo looks a layout up in the project before the theme.
//
// Input: the site root as an fs.FS. Output: two read-only fs.FS views,
// Layouts and Assets, each rooted at its folder, and the two layers of
// the string tables (Strings), which package i18n merges string by string.
package theme

import (
	"bytes"
	"errors"
	"io/fs"
	"path"
	"sort"
	"strings"

	defaultassets "handbook/assets"
	defaultlayouts "handbook/layouts"
	defaulti18n "handbook/layouts/i18n"
)

// Of returns the files of site that the theme reads: all of them, or,
// for a site made for another generator (foreign: Hugo's layouts/ hold
// Hugo's templates, its assets/ Hugo Pipes' sources), its shortcode
// templates alone (layouts/shortcodes/, layouts/_shortcodes/), which
// render its shortcodes as Hugo does.
func Of(site fs.FS, foreign bool) fs.FS {
	if !foreign || site == nil {
		return site
	}
	return shortcodesOnly{site}
}

// shortcodesOnly is a site's file system with only its shortcode
// templates in it.
type shortcodesOnly struct{ site fs.FS }

// keep reports whether name is, or is on the way to, a shortcode
// template.
func (s shortcodesOnly) keep(name string) bool {
	switch name {
	case ".", "layouts":
		return true
	}
	for _, dir := range []string{"layouts/shortcodes", "layouts/_shortcodes"} {
		if name == dir || strings.HasPrefix(name, dir+"/") {
			return true
		}
	}
	return false
}

// Open implements fs.FS.
func (s shortcodesOnly) Open(name string) (fs.File, error) {
	if !s.keep(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return s.site.Open(name)
}

// ReadDir implements fs.ReadDirFS, listing only what Open opens.
func (s shortcodesOnly) ReadDir(name string) ([]fs.DirEntry, error) {
	if !s.keep(name) {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	es, err := fs.ReadDir(s.site, name)
	out := es[:0]
	for _, e := range es {
		if s.keep(path.Join(name, e.Name())) {
			out = append(out, e)
		}
	}
	return out, err
}

// Layouts returns the site's layouts/ over the default layouts.
func Layouts(site fs.FS) fs.FS { return overlay(site, "layouts", defaultlayouts.FS) }

// OwnLayouts reports whether the site's layouts/ holds a page layout (an
// .html file, not a shortcode) other than the theme's own, byte for byte:
// then which pages show what of a document is the site's to decide, and
// serve rebuilds the whole site after an edit of what pages show (a
// title, a status), rather than the pages the theme shows it on.
func OwnLayouts(site fs.FS) bool {
	top := overlay(site, "layouts", defaultlayouts.FS).(*Overlay).Top
	if top == nil {
		return false
	}
	own := false
	_ = fs.WalkDir(top, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			own = true // unreadable: not known to be the theme's
		}
		if own {
			return fs.SkipAll
		}
		if d.IsDir() || path.Ext(name) != ".html" || strings.HasPrefix(name, "shortcodes/") || strings.HasPrefix(name, "_shortcodes/") {
			return nil
		}
		mine, err := fs.ReadFile(top, name)
		theirs, err2 := fs.ReadFile(defaultlayouts.FS, name)
		own = err != nil || err2 != nil || !bytes.Equal(mine, theirs)
		return nil
	})
	return own
}

// Assets returns the site's assets/ over the default assets.
func Assets(site fs.FS) fs.FS { return overlay(site, "assets", defaultassets.FS) }

func overlay(site fs.FS, dir string, defaults fs.FS) fs.FS {
	var top fs.FS
	if site != nil {
		if sub, err := fs.Sub(site, dir); err == nil {
			if _, err := fs.Stat(sub, "."); err == nil {
				top = sub
			}
		}
	}
	return &Overlay{Top: top, Base: defaults}
}

// Overlay is an fs.FS that reads from Top, falling back to Base. Directory
// listings merge both.
type Overlay struct {
	Top  fs.FS // may be nil
	Base fs.FS
}

// Open implements fs.FS.
func (o *Overlay) Open(name string) (fs.File, error) {
	if o.Top != nil {
		if f, err := o.Top.Open(name); err == nil {
			if st, err := f.Stat(); err == nil && !st.IsDir() {
				return f, nil
			}
			f.Close()
		}
	}
	return o.Base.Open(name)
}

// ReadDir implements fs.ReadDirFS, merging the entries of both layers.
func (o *Overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	seen := map[string]fs.DirEntry{}
	var errs []error
	for _, layer := range []fs.FS{o.Base, o.Top} {
		if layer == nil {
			continue
		}
		es, err := fs.ReadDir(layer, name)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		for _, e := range es {
			if _, ok := seen[e.Name()]; !ok || !e.IsDir() {
				seen[e.Name()] = e
			}
		}
	}
	if len(seen) == 0 && len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	out := make([]fs.DirEntry, 0, len(seen))
	for _, e := range seen {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}

// Strings returns the site's own layouts/i18n/ folder (nil when it has none) and
// the theme's string tables: package i18n lays the site's strings over
// the theme's one by one, not file by file.
func Strings(site fs.FS) (own, builtin fs.FS) {
	o := overlay(site, "layouts/i18n", defaulti18n.FS).(*Overlay)
	return o.Top, o.Base
}
