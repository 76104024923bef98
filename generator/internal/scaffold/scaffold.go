// Package scaffold writes a new document from a template of its kind: the
// `handbook new KIND "Title"` command.
//
// Input: the site root, a kind and a title. Output: a Markdown file in the
// section that site.yaml maps to the kind, with the front matter the kind
// requires and the headings its authors are expected to fill in. An existing
// file is never overwritten.
package scaffold

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"handbook/generator/internal/config"
	"handbook/generator/internal/diag"
	"handbook/generator/internal/handbook"
)

// ErrUsage marks errors in the command's arguments.
var ErrUsage = errors.New("usage")

// New creates the document and returns its path.
func New(root, kind, title string) (string, error) {
	k := handbook.Kind(kind)
	if !k.Valid() {
		hint := ""
		if s := diag.Suggest(kind, handbook.KindNames()); s != "" {
			hint = fmt.Sprintf(" (did you mean %q?)", s)
		}
		return "", fmt.Errorf("%w: unknown kind %q%s; kinds are %s", ErrUsage, kind, hint, strings.Join(handbook.KindNames(), ", "))
	}
	slug := Slug(title)
	if slug == "" {
		return "", fmt.Errorf("%w: the title %q has no letters or digits to name the file with", ErrUsage, title)
	}
	diags := &diag.List{}
	cfg := config.Load(os.DirFS(root), diags)
	if diags.HasErrors() {
		return "", fmt.Errorf("site.yaml has errors; run handbook check")
	}
	content := filepath.Join(root, filepath.FromSlash(cfg.ContentDir))
	dir := filepath.Join(content, filepath.FromSlash(sectionFor(cfg, k)))
	path := filepath.Join(dir, slug+".md")
	if k == handbook.KindDecision {
		path = filepath.Join(dir, nextNumber(dir)+"-"+slug+".md")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	// The section folder may be a link: what is written must still land
	// inside the content folder.
	if !inside(content, dir) {
		return "", fmt.Errorf("%s leads outside the content folder %s; handbook new writes only inside it", dir, content)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			return "", fmt.Errorf("%s already exists; choose another title", path)
		}
		return "", err
	}
	defer f.Close()
	if _, err := f.WriteString(Template(k, title, time.Now())); err != nil {
		return "", err
	}
	return path, nil
}

// sectionFor is the first section (by name) that site.yaml maps to k; pages
// go to the root.
func sectionFor(cfg *config.Site, k handbook.Kind) string {
	var secs []string
	for s, kind := range cfg.Sections {
		if kind == string(k) && config.LocalPath(s) && !strings.ContainsAny(s, "*?[") {
			secs = append(secs, s)
		}
	}
	sort.Strings(secs)
	if len(secs) > 0 {
		return secs[0]
	}
	if k == handbook.KindPage {
		return ""
	}
	return string(k) + "s"
}

// inside reports whether dir, links resolved, is content or lies inside it.
func inside(content, dir string) bool {
	c, err1 := filepath.EvalSymlinks(content)
	d, err2 := filepath.EvalSymlinks(dir)
	if err1 != nil || err2 != nil {
		return false
	}
	rel, err := filepath.Rel(c, d)
	return err == nil && filepath.IsLocal(rel) || rel == "."
}

// nextNumber returns the next four-digit record number in dir.
func nextNumber(dir string) string {
	n := 0
	es, _ := os.ReadDir(dir)
	for _, e := range es {
		var x int
		if _, err := fmt.Sscanf(e.Name(), "%04d-", &x); err == nil && x > n {
			n = x
		}
	}
	return fmt.Sprintf("%04d", n+1)
}

// Slug turns a title into a file name: lower case, hyphens between words.
func Slug(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// Template is the starting text of a document of kind k.
func Template(k handbook.Kind, title string, now time.Time) string {
	date := now.Format("2006-01-02")
	fm := fmt.Sprintf("---\ntitle: %q\n", title)
	var body string
	switch k {
	case handbook.KindStrategy:
		fm += "status: draft\nowner: \ndate: " + date + "\narea: \ntags: []\nsummary: \ndesign_docs: []\n"
		body = "## Problem\n\nWhat decision keeps coming up, and why does it need one answer?\n\n## Guidance\n\nWhat to do, in a few concrete rules.\n\n## Rationale\n\nFor every rule, the trade-off it makes and why.\n"
	case handbook.KindVision:
		fm += fmt.Sprintf("status: draft\nowner: \ndate: %s\nhorizon: %d\nstrategies: []\nsummary: \n", date, now.Year()+3)
		body = "## Where we will be\n\nDescribe the organisation and its systems in " + fmt.Sprint(now.Year()+3) + ", concretely.\n\n## How the strategies get us there\n\nName each strategy this vision weaves together.\n"
	case handbook.KindDesignDoc:
		fm += "status: draft\nowner: \nauthors: []\ndate: " + date + "\narea: \ntags: []\nsummary: \ndecisions: []\n"
		body = "## Problem\n\nThe problem, in two or three sentences.\n\n## Context\n\n## Proposal\n\n## Alternatives considered\n\n## Decisions\n\n## Open questions\n"
	case handbook.KindDecision:
		fm += "id: \nstatus: proposed\nowner: \ndeciders: []\ndate: " + date + "\narea: \nsupersedes: []\n"
		body = "## Context\n\nWhat forces are at play.\n\n## Decision\n\nWhat we decided.\n\n## Consequences\n\nWhat becomes easier, and what harder.\n"
	case handbook.KindChecklist:
		fm += "status: active\nowner: \ndate: " + date + "\n"
		body = "## First steps\n\n- [ ] A first thing to do\n- [ ] A second thing to do\n"
	default:
		fm += "owner: \ndate: " + date + "\nsummary: \n"
		body = "Write here.\n"
	}
	return fm + "---\n\n" + body
}
