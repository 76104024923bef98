// Package owners reads who owns which file from a repository's CODEOWNERS
// file, as GitHub and GitLab read it: a document whose front matter names
// no owner is owned by the team its repository already names.
//
// Input: the handbook's root (fs.FS) and a diagnostics list. Output: a
// Table that gives the owner of a file by its slash path from the root.
//
// The file is the first of .github/CODEOWNERS, CODEOWNERS, docs/CODEOWNERS
// and .gitlab/CODEOWNERS. Each line is a pattern, in .gitignore's syntax,
// and the owners of the files it matches (@user, @org/team, an email);
// the last line that matches a file decides, and a line without owners
// leaves the files it matches unowned. As on GitHub, "docs/*" matches the
// files of docs/ but not those of its folders, and "!" negates nothing.
// GitLab's section headings ([Docs] @team) are read as a list of rules
// whose lines without owners take the heading's. A file's owner is the
// first its rule names, since a document has one. A line that cannot be
// read is a warning at its place, and the others are read.
package owners

import (
	"bytes"
	"io/fs"
	"os"
	"strings"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"

	"handbook/generator/internal/diag"
	"handbook/generator/internal/history"
)

// Files are the places a CODEOWNERS file is looked for, in the order
// GitHub and then GitLab look: the first that exists is read.
var Files = []string{".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS", ".gitlab/CODEOWNERS"}

// Table is what a CODEOWNERS file says.
type Table struct {
	// Path is the file it was read from, a slash path from the root
	// ("../.github/CODEOWNERS" above it: see ReadRepository).
	Path string
	// Source is the file's bytes.
	Source []byte
	// prefix is the handbook's folder in the repository ("docs/" when
	// the file is at the repository's top, above it), "" when the file
	// is the handbook's own.
	prefix string
	rules  []rule
	// byTop indexes the rules anchored at a literal top folder
	// ("/services/billing/") by that folder, and anywhere those of
	// every other pattern, each in file order: a path is matched only
	// against the rules that may match it, not a large repository's
	// thousands.
	byTop    map[string][]int
	anywhere []int
}

// rule is a line of the file.
type rule struct {
	pattern gitignore.Pattern
	// flat is set for a pattern whose last element is "*" (docs/*):
	// it matches the files of a folder, not those below it.
	flat   bool
	owners []string
	line   int
}

// Read reads the CODEOWNERS file of the repository in fsys; nil when
// there is none.
func Read(fsys fs.FS, diags *diag.List) *Table {
	name, src := find(fsys)
	if src == nil {
		return nil
	}
	return newTable(name, src, "", diags)
}

// ReadRepository reads the CODEOWNERS file of the repository that holds
// dir, a folder on disk, below the repository's top: a handbook kept in a
// code repository's docs/handbook/ is owned as the repository's file
// says, whose patterns are paths from the repository's top. It returns
// nil when dir is the top of its repository (Read reads its file), is in
// none, or when the repository has no CODEOWNERS file. It only reads.
func ReadRepository(dir string, diags *diag.List) *Table {
	top, rel, ok := history.Top(dir)
	if !ok || rel == "." {
		return nil
	}
	name, src := find(os.DirFS(top))
	if src == nil {
		return nil
	}
	up := strings.Repeat("../", strings.Count(rel, "/")+1)
	return newTable(up+name, src, rel+"/", diags)
}

// find returns the name and bytes of the first of Files in fsys.
func find(fsys fs.FS) (string, []byte) {
	for _, name := range Files {
		if src, err := fs.ReadFile(fsys, name); err == nil {
			return name, src
		}
	}
	return "", nil
}

// newTable reads the rules of the file at name (as diagnostics name it),
// whose paths are from prefix's folder.
func newTable(name string, src []byte, prefix string, diags *diag.List) *Table {
	diags.AddSource(name, src)
	t := &Table{Path: name, Source: src, prefix: prefix}
	t.parse(diags)
	return t
}

// parse reads the rules of t.Source.
func (t *Table) parse(diags *diag.List) {
	var section []string // a GitLab section's default owners
	off := 0
	for n, line := range bytes.SplitAfter(t.Source, []byte("\n")) {
		start := off
		off += len(line)
		text := strings.TrimRight(string(line), "\r\n")
		trimmed := strings.TrimLeft(text, " \t")
		at := start + len(text) - len(trimmed)
		if trimmed == "" || trimmed[0] == '#' {
			continue
		}
		if head, ok := sectionHead(trimmed); ok {
			section = fields(head)
			continue
		}
		pat, rest := cutPattern(trimmed)
		owners := fields(rest)
		for _, o := range owners {
			if !strings.Contains(o, "@") {
				diags.Warnf(t.Path, at+len(trimmed)-len(rest)+strings.Index(rest, o),
					"name owners as GitHub and GitLab do: @user, @org/team or an email address",
					"%q is not an owner, so the line is left out", o)
				owners = nil
				pat = ""
				break
			}
		}
		if pat == "" {
			continue
		}
		if len(owners) == 0 {
			owners = section // none outside a section: the files are unowned
		}
		r := rule{owners: owners, line: n + 1}
		r.flat = strings.HasSuffix(pat, "/*")
		r.pattern = gitignore.ParsePattern(pat, nil)
		if top, ok := literalTop(pat); ok {
			if t.byTop == nil {
				t.byTop = map[string][]int{}
			}
			t.byTop[top] = append(t.byTop[top], len(t.rules))
		} else {
			t.anywhere = append(t.anywhere, len(t.rules))
		}
		t.rules = append(t.rules, r)
	}
}

// literalTop returns the top folder a pattern is anchored at, when it is
// anchored (a slash at its start or within it, as .gitignore reads it)
// and that folder is written without wildcards: only paths below it can
// match.
func literalTop(pat string) (string, bool) {
	p := strings.TrimSuffix(pat, "/")
	if !strings.Contains(p, "/") {
		return "", false
	}
	top, _, _ := strings.Cut(strings.TrimPrefix(p, "/"), "/")
	if top == "" || strings.ContainsAny(top, "*?[\\") {
		return "", false
	}
	return top, true
}

// sectionHead returns what follows a GitLab section's heading ([Docs],
// ^[Optional], [Docs][2]): its default owners.
func sectionHead(line string) (string, bool) {
	rest := strings.TrimPrefix(line, "^")
	if !strings.HasPrefix(rest, "[") {
		return "", false
	}
	end := strings.IndexByte(rest, ']')
	if end < 0 {
		return "", false
	}
	rest = rest[end+1:]
	if strings.HasPrefix(rest, "[") { // the number of approvals
		if end := strings.IndexByte(rest, ']'); end >= 0 {
			rest = rest[end+1:]
		}
	}
	return rest, true
}

// cutPattern splits a line into its pattern, whose spaces are escaped
// with a backslash, and the rest; a "!" pattern, which GitHub does not
// read, is "".
func cutPattern(line string) (pat, rest string) {
	i := 0
	for i < len(line) && line[i] != ' ' && line[i] != '\t' {
		if line[i] == '\\' && i+1 < len(line) {
			i++
		}
		i++
	}
	pat, rest = line[:i], line[i:]
	if strings.HasPrefix(pat, "!") {
		return "", ""
	}
	return strings.ReplaceAll(pat, `\ `, " "), rest
}

// fields returns the owners of a line's rest, up to a comment.
func fields(rest string) []string {
	if i := strings.Index(rest, " #"); i >= 0 {
		rest = rest[:i]
	}
	if i := strings.Index(rest, "\t#"); i >= 0 {
		rest = rest[:i]
	}
	return strings.Fields(rest)
}

// Owner returns the owner of the file at p, a slash path from the root,
// and the line of the rule that says so; "" and 0 when no rule names one.
func (t *Table) Owner(p string) (string, int) {
	if t == nil {
		return "", 0
	}
	segs := strings.Split(t.prefix+p, "/")
	// The last matching rule decides: the two lists of candidates are
	// walked back together, the later rule first.
	top, rest := t.byTop[segs[0]], t.anywhere
	for len(top) > 0 || len(rest) > 0 {
		var i int
		if len(rest) == 0 || len(top) > 0 && top[len(top)-1] > rest[len(rest)-1] {
			i, top = top[len(top)-1], top[:len(top)-1]
		} else {
			i, rest = rest[len(rest)-1], rest[:len(rest)-1]
		}
		r := &t.rules[i]
		if r.pattern.Match(segs, false) != gitignore.Exclude {
			continue
		}
		// .gitignore's "docs/*" matches docs/a/, so all below it;
		// CODEOWNERS' matches the files of docs/ alone.
		if r.flat && len(segs) > 1 && r.pattern.Match(segs[:len(segs)-1], true) == gitignore.Exclude {
			continue
		}
		if len(r.owners) == 0 {
			return "", 0
		}
		return r.owners[0], r.line
	}
	return "", 0
}
