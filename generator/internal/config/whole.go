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

// Place sets the content folder of an Unplaced site in fsys, dir ("."
// for the whole folder), and the note that says why, printed with
// SettingsNote. What a site read whole holds beside its documents
// (layouts/, assets/) is its own, as for another generator's site (see
// Foreign). A SUMMARY.md in that folder orders and names the pages in the
// sidebar, as GitBook and mdBook read it.
func (s *Site) Place(fsys fs.FS, dir, note string) {
	s.ContentDir, s.guessNote = dir, note
	if s.Nav == nil {
		if s.Nav = readSummary(fsys, dir); s.Nav != nil {
			s.guessNote += "; its SUMMARY.md orders and names the pages in the sidebar"
		}
	}
}
