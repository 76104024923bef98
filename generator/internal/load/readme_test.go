package load

import (
	"testing"
	"testing/fstest"

	"handbook/generator/internal/diag"
)

// TestReadmeTitle: a site whose settings give no title is named after
// its README's first heading, as the repository names itself: badges,
// images, HTML and links beside other words are not part of the name; a
// title of its own (site.yaml, another generator's) stays, and a note
// says where the name came from.
func TestReadmeTitle(t *testing.T) {
	for _, c := range []struct{ readme, title string }{
		{"# TTS Handbook [![CircleCI](https://ci.example/badge.svg)](https://ci.example)\n", "TTS Handbook"},
		{"# 📘 Sourcegraph handbook <a href=\"x\"><img alt=\"Status\" src=\"y\"></a>\n", "📘 Sourcegraph handbook"},
		{"# Rust RFCs - [RFC Book](https://x/) - [Active RFC List](https://y/)\n", "Rust RFCs"},
		{"# [Project](https://x/)\n", "Project"},
		{"ADR Tools\n=========\n\nText.\n", "ADR Tools"},
		{"```\n# not a heading\n```\n\n# Real **one** #\n", "Real one"},
		{"Just text, no heading.\n", "Handbook"},
	} {
		var l diag.List
		cfg := Settings(fstest.MapFS{"README.md": {Data: []byte(c.readme)}, "content/a.md": {Data: []byte("# A\n")}}, &l)
		if cfg.Title != c.title {
			t.Errorf("%q: titled %q, want %q", c.readme, cfg.Title, c.title)
		}
		if note := cfg.SettingsNote(); (c.title != "Handbook") != (note == "no site.yaml; the title ("+c.title+") is the first heading of README.md; a site.yaml sets handbook's own") {
			t.Errorf("%q: note %q", c.readme, note)
		}
	}
	var l diag.List
	cfg := Settings(fstest.MapFS{"README.md": {Data: []byte("# Repo\n")}, "site.yaml": {Data: []byte("language: en\n")}}, &l)
	if cfg.Title != "Handbook" {
		t.Errorf("a site.yaml's site is titled %q after its README", cfg.Title)
	}
	cfg = Settings(fstest.MapFS{"README.md": {Data: []byte("# Repo\n")}, "hugo.toml": {Data: []byte("baseURL = 'https://x.example/'\ntitle = 'Own'\n")}}, &l)
	if cfg.Title != "Own" {
		t.Errorf("a Hugo site is titled %q, not its own title", cfg.Title)
	}
}
