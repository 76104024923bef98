package config

import (
	"errors"
	"io/fs"
)

// Unplaced reports whether the site has neither a site.yaml nor the
// content folder it names: its content folder is then chosen from where
// its Markdown is (see Place).
func (s *Site) Unplaced(fsys fs.FS) bool {
	if s.from == FileName || s.ContentDir == "." || s.guessNote != "" {
		return false
	}
	info, err := fs.Stat(fsys, s.ContentDir)
	return errors.Is(err, fs.ErrNotExist) || err == nil && !info.IsDir()
}

// Place sets the content folder of an Unplaced site, dir ("." for the
// whole folder), and the note that says why, printed with SettingsNote.
// What a site read whole holds beside its documents (layouts/, assets/)
// is its own, as for another generator's site (see Foreign).
func (s *Site) Place(dir, note string) {
	s.ContentDir, s.guessNote = dir, note
}
