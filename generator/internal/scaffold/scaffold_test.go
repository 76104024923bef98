package scaffold

import (
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"handbook/generator/internal/diag"
	"handbook/generator/internal/handbook"
	"handbook/generator/internal/markdown"
)

// titles are titles that break front matter unless quoted.
var titles = []string{
	`He said "no"`, `Retries: a budget`, `# not a heading`, "two\nlines", `back\slash`,
	"tab\there", `'single' quotes`, `- a list?`, `[not] {a: map}`, `&anchor *alias !tag`,
	`key: value # comment`, `---`, `+++ toml`, "\u2028line separator", "bell\x07", `{{ .Title }}`,
	`null`, `true`, `2026-01-02`, `0x1F`, `~`, `> folded | literal`, `@at %percent`,
	"trailing space ", "zero\u200bwidth", "emoji 🚢", "\xffinvalid",
}

// parse parses a generated document as handbook check does.
func parse(t *testing.T, kind handbook.Kind, text string) (*handbook.Document, []diag.Diagnostic) {
	t.Helper()
	doc := &handbook.Document{Path: "x.md", SourcePath: "content/x.md", Source: []byte(text)}
	diags := &diag.List{}
	diags.AddSource(doc.SourcePath, doc.Source)
	markdown.New(markdown.Options{KindOf: func(string) handbook.Kind { return kind }}).Parse(doc, diags)
	return doc, diags.All()
}

// TestQuoteKeepsTheTitle: a quoted title reads back as itself, in YAML
// and in TOML front matter.
func TestQuoteKeepsTheTitle(t *testing.T) {
	for _, title := range titles {
		want := strings.TrimSpace(strings.ToValidUTF8(title, "\uFFFD"))
		for _, fm := range []string{"---\ntitle: %s\n---\n", "+++\ntitle = %s\n+++\n"} {
			text := strings.Replace(fm, "%s", Quote(title), 1) + "\nBody.\n"
			doc, ds := parse(t, handbook.KindPage, text)
			if len(ds) > 0 || doc.Title != want {
				t.Errorf("%q in\n%s\nreads back as %q with %v", title, text, doc.Title, ds)
			}
		}
	}
}

// FuzzQuote: whatever the title, the front matter holding it is valid and
// gives it back.
func FuzzQuote(f *testing.F) {
	for _, title := range titles {
		f.Add(title)
	}
	f.Fuzz(func(t *testing.T, title string) {
		want := strings.TrimSpace(strings.ToValidUTF8(title, "\uFFFD"))
		if want == "" {
			t.Skip() // new refuses a title without letters or digits
		}
		text := "---\ntitle: " + Quote(title) + "\n---\n\nBody.\n"
		doc, ds := parse(t, handbook.KindPage, text)
		for _, d := range ds {
			if d.Severity == diag.Error {
				t.Fatalf("%q: %v", title, d)
			}
		}
		if doc.Title != want {
			t.Fatalf("%q reads back as %q", title, doc.Title)
		}
	})
}

// TestDefaultArchetypes: every kind has a default archetype, and what it
// makes from any title is a document of that kind with its title and
// nothing to report.
func TestDefaultArchetypes(t *testing.T) {
	now := time.Date(2026, 3, 14, 9, 0, 0, 0, time.UTC)
	for _, s := range handbook.KindTable {
		if _, err := fs.Stat(Defaults, Path(s.Name)); err != nil {
			t.Errorf("%s has no default archetype: %v", s.Name, err)
			continue
		}
		for _, title := range titles {
			text, err := Render(fstest.MapFS{}, s.Name, NewData(s.Name, title, now, "0013"))
			if err != nil {
				t.Errorf("%s, %q: %v", s.Name, title, err)
				continue
			}
			doc, ds := parse(t, s.Name, string(text))
			if len(ds) > 0 || doc.Kind != s.Name || doc.Title != strings.TrimSpace(strings.ToValidUTF8(title, "\uFFFD")) {
				t.Errorf("%s, %q: a %s titled %q, with %v:\n%s", s.Name, title, doc.Kind, doc.Title, ds, text)
			}
		}
	}
	text, _ := Render(fstest.MapFS{}, handbook.KindVision, NewData(handbook.KindVision, "V", now, "0001"))
	if !strings.Contains(string(text), "horizon: 2029\n") || !strings.Contains(string(text), "date: 2026-03-14\n") {
		t.Errorf("the vision's dates:\n%s", text)
	}
}

func write(t *testing.T, root, rel, text string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestNewWritesEachKindInItsFolder: without site.yaml, each kind goes to
// its usual folder (one that already exists first), decisions numbered.
func TestNewWritesEachKindInItsFolder(t *testing.T) {
	root := t.TempDir()
	write(t, root, "content/adr/0007-old.md", "x")
	want := map[handbook.Kind]string{
		handbook.KindPage:      "content/a-title.md",
		handbook.KindStrategy:  "content/strategies/a-title.md",
		handbook.KindVision:    "content/vision/a-title.md",
		handbook.KindDesignDoc: "content/design/a-title.md",
		handbook.KindDecision:  "content/adr/0008-a-title.md",
		handbook.KindChecklist: "content/onboarding/a-title.md",
	}
	for _, k := range handbook.Kinds {
		p, err := New(root, string(k), "A title")
		if err != nil {
			t.Fatalf("%s: %v", k, err)
		}
		if rel, _ := filepath.Rel(root, p); filepath.ToSlash(rel) != want[k] {
			t.Errorf("%s written at %s, want %s", k, rel, want[k])
		}
		// A second record of the same title, which its next number
		// would name anew, is refused as a second page is.
		if _, err := New(root, string(k), "A title"); err == nil {
			t.Errorf("%s: a second new with the same title succeeded", k)
		} else if k == handbook.KindDecision && !strings.Contains(err.Error(), `0008-a-title.md already records "A title"`) {
			t.Errorf("a second decision of the same title: %v, want it to name 0008-a-title.md", err)
		}
	}
	if err := os.Remove(filepath.Join(root, "content/adr/0008-a-title.md")); err != nil {
		t.Fatal(err)
	}
	os.RemoveAll(filepath.Join(root, "content/adr"))
	if p, err := New(root, "decision", "B"); err != nil || !strings.HasSuffix(filepath.ToSlash(p), "content/decisions/0001-b.md") {
		t.Errorf("without adr/, a decision goes to %s, %v; want content/decisions/0001-b.md", p, err)
	}
}

// TestSiteArchetypeOverridesTheDefault: archetypes/KIND.md of the site is
// the template, with every field of Data.
func TestSiteArchetypeOverridesTheDefault(t *testing.T) {
	root := t.TempDir()
	write(t, root, "site.yaml", "sections:\n  records: decision\n")
	write(t, root, "content/records/0012-earlier.md", "x")
	write(t, root, "archetypes/decision.md", "---\ntitle: {{ quote .Title }}\nid: rec-{{ .Number }}\nstatus: proposed\ndate: {{ .Date }}\n---\n\n# {{ .Kind }} {{ .Number }}: {{ .Slug }} ({{ .Year }}, {{ .Horizon }})\n")
	p, err := New(root, "decision", `Use "Postgres": always`)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	want := "---\ntitle: \"Use \\\"Postgres\\\": always\"\nid: rec-0013\nstatus: proposed\ndate: " + now.Format("2006-01-02") +
		"\n---\n\n# decision 0013: use-postgres-always (" + strconv.Itoa(now.Year()) + ", " + strconv.Itoa(now.Year()+3) + ")\n"
	if got := read(t, p); got != want {
		t.Errorf("%s:\n%s\nwant\n%s", p, got, want)
	}
	// Other kinds keep their defaults.
	p, err = New(root, "page", "Plain")
	if err != nil || !strings.Contains(read(t, p), "Write here.") {
		t.Errorf("page %s, %v: not the default archetype", p, err)
	}
}

// TestBadArchetypeWritesNothing: a template error, or front matter that is
// not valid, is reported at its place in the archetype and nothing is
// written.
func TestBadArchetypeWritesNothing(t *testing.T) {
	for _, c := range []struct{ archetype, title, want string }{
		{"---\ntitle: {{ .Title\n---\n", "X", "archetypes/strategy.md:2:8: error: "},
		{"---\ntitle: {{ quote .Title }}\nstatus: {{ .State }}\n---\n", "X", "archetypes/strategy.md:3:12: error: at <.State>: can't evaluate field State"},
		{"---\ntitle: {{ quote .Title }}\nstatus: draft\n---\n{{ if .Title }}\n", "X", "archetypes/strategy.md:6:1: error: unexpected EOF"},
		{"---\ntitle: \"{{ .Title }}\"\nstatus: draft\n---\n", `He said "no"`, "archetypes/strategy.md:2:9: error: the document it makes is not valid: invalid YAML front matter"},
		{"---\ntitle: {{ .Title }}\nstatus: draft\n---\n", `Retries: a budget`, "archetypes/strategy.md:2:8: error: the document it makes is not valid: invalid YAML front matter"},
		{"---\ntitle: {{ quote .Title }}\n---\n", "X", "archetypes/strategy.md:2:8: error: the document it makes is not valid: strategy has no status"},
		{"---\ntitle: {{ quote .Title }}\nstatus: drafty\n---\n", "X", "archetypes/strategy.md:3:9: error: the document it makes is not valid: unknown status \"drafty\""},
	} {
		root := t.TempDir()
		write(t, root, "archetypes/strategy.md", c.archetype)
		p, err := New(root, "strategy", c.title)
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "nothing was written") {
			t.Errorf("archetype\n%s\ngives %q, %v; want %q", c.archetype, p, err, c.want)
		}
		if _, err := os.Stat(filepath.Join(root, "content")); err == nil {
			t.Errorf("archetype\n%s\nwrote into content/", c.archetype)
		}
	}
}

// TestNewRefusesAKindItsSectionWouldChange: a document written where
// site.yaml maps no section to its kind would be a page; new says so and
// writes nothing, unless the archetype names the kind. An archetype that
// names another kind is refused too.
func TestNewRefusesAKindItsSectionWouldChange(t *testing.T) {
	root := t.TempDir()
	write(t, root, "site.yaml", "sections:\n  design: design-doc\n")
	_, err := New(root, "strategy", "S")
	if err == nil || !strings.Contains(err.Error(), "content/strategies/s.md would be a page, not a strategy") || !strings.Contains(err.Error(), "`strategies: strategy`") {
		t.Errorf("got %v", err)
	}
	if _, err := os.Stat(filepath.Join(root, "content")); err == nil {
		t.Error("new wrote into content/")
	}
	write(t, root, "archetypes/design-doc.md", "---\ntitle: {{ quote .Title }}\nkind: page\n---\n")
	if _, err := New(root, "design-doc", "D"); err == nil || !strings.Contains(err.Error(), "archetypes/design-doc.md makes a page, not a design-doc") {
		t.Errorf("an archetype of another kind: %v", err)
	}
	if _, err := os.Stat(filepath.Join(root, "content")); err == nil {
		t.Error("new wrote into content/")
	}
	write(t, root, "archetypes/strategy.md", "---\ntitle: {{ quote .Title }}\nkind: strategy\nstatus: draft\n---\n")
	if p, err := New(root, "strategy", "S"); err != nil || !strings.HasSuffix(filepath.ToSlash(p), "content/strategies/s.md") {
		t.Errorf("with kind: in the archetype: %s, %v", p, err)
	}
}

// TestNewInAnotherToolsLog: in a decision log another tool keeps, a new
// record goes beside the others, named as they are (a prefix, as many
// digits, or today's date in a dated log), from the log's own template
// when it keeps one: its title, today's date and the status proposed
// where its placeholders stand for them, the rest left for the author.
// The record is one handbook check reads as a proposed decision.
func TestNewInAnotherToolsLog(t *testing.T) {
	today := time.Now().Format("2006-01-02")
	for _, c := range []struct {
		name    string
		files   map[string]string
		want    string   // the new file, from the root
		has     []string // in it
		hasNot  []string
		records string // the folder, from the content folder, that the build checks
	}{
		{
			name: "log4brains: dated records at the content folder's root, a template beside them",
			files: map[string]string{
				".log4brains.yml":                   "project:\n  name: Acme\n  adrFolder: ./docs/adr\n",
				"docs/adr/20200924-use-markdown.md": "# Use Markdown\n\n- Status: accepted\n- Date: 2020-09-24\n\n## Context and Problem Statement\n\nX.\n",
				"docs/adr/20201016-use-slugs.md":    "# Use slugs\n\n- Status: accepted\n- Date: 2020-10-16\n\n## Context and Problem Statement\n\nY.\n",
				"docs/adr/template.md":              "# [short title of solved problem and solution]\n\n- Status: [draft | proposed | rejected | accepted | superseded by [xxx](yyyymmdd-xxx.md)] <!-- optional -->\n- Deciders: [list everyone involved] <!-- optional -->\n- Date: [YYYY-MM-DD when the decision was last updated] <!-- optional -->\n\n## Context and Problem Statement\n\n[Describe the context.]\n",
			},
			want:   "docs/adr/" + strings.ReplaceAll(today, "-", "") + "-use-go-here.md",
			has:    []string{"# Use Go: here\n", "- Status: proposed <!-- optional -->\n", "- Date: " + today + " <!-- optional -->\n", "- Deciders: [list everyone involved]", "[Describe the context.]"},
			hasNot: []string{"YYYY", "short title"},
		},
		{
			name: "MADR: front matter with its optional fields commented out",
			files: map[string]string{
				"site.yaml":                       "content_dir: docs\n",
				"docs/decisions/0000-use-madr.md": "---\nparent: Decisions\n---\n# Use MADR\n\n## Context and Problem Statement\n\nX.\n",
				"docs/decisions/0001-use-cc0.md":  "---\nparent: Decisions\n---\n# Use CC0\n\n## Context and Problem Statement\n\nY.\n",
				"docs/decisions/adr-template.md":  "---\nparent: Decisions\ntitle: ADR Template\n\n# status: \"{proposed | rejected | accepted | deprecated | superseded by ADR-0123}\"\n# date: {YYYY-MM-DD when the decision was last updated}\n# decision-makers: {list everyone involved}\n---\n# {short title, representative of solved problem and found solution}\n\n## Context and Problem Statement\n\n{Describe the context.}\n",
			},
			want: "docs/decisions/0002-use-go-here.md",
			has: []string{"title: \"Use Go: here\"\n", "\nstatus: proposed\n", "\ndate: " + today + "\n", "# decision-makers: {list everyone involved}\n",
				"parent: Decisions\n", "# Use Go: here\n", "{Describe the context.}"},
			hasNot: []string{"ADR Template", "# status"},
		},
		{
			name: "adr-tools: a custom template in templates/, records with a prefix and three digits",
			files: map[string]string{
				".adr-dir":                             "doc/arch\n",
				"doc/arch/adr-001-record-decisions.md": "# 1. Record decisions\n\nDate: 2016-02-12\n\n## Status\n\nAccepted\n\n## Context\n\nX.\n",
				"doc/arch/adr-002-use-shell.md":        "# 2. Use shell\n\nDate: 2016-02-12\n\n## Status\n\nAccepted\n\n## Context\n\nY.\n",
				"doc/arch/templates/template.md":       "# NUMBER. TITLE\n\nDate: DATE\n\n## Status\n\nSTATUS\n\n## Context\n\nThe issue motivating this decision.\n",
			},
			want: "doc/arch/adr-003-use-go-here.md",
			has:  []string{"# 3. Use Go: here\n\nDate: " + today + "\n\n## Status\n\nProposed\n\n## Context\n"},
		},
		{
			name: "adr-tools' log without a template: adr-tools' format, which its commands read",
			files: map[string]string{
				".adr-dir":                         "doc/adr\n",
				"doc/adr/0001-record-decisions.md": "# 1. Record decisions\n\nDate: 2016-02-12\n\n## Status\n\nAccepted\n\n## Context\n\nX.\n",
			},
			want:   "doc/adr/0002-use-go-here.md",
			has:    []string{"# 2. Use Go: here\n\nDate: " + today + "\n\n## Status\n\nProposed\n\n## Context\n"},
			hasNot: []string{"---", "NUMBER"},
		},
		{
			name: "a log of front matter records without a template: the default archetype, named as the log's records",
			files: map[string]string{
				"content/records/0007-use-postgres.md": "---\ntitle: Use Postgres\nstatus: accepted\ndate: 2024-01-02\n---\n\n## Context\n\nX.\n",
				"site.yaml":                            "sections:\n  records: decision\n",
			},
			want: "content/records/0008-use-go-here.md",
			has:  []string{"title: \"Use Go: here\"\n", "status: proposed\n"},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			root := t.TempDir()
			for p, text := range c.files {
				write(t, root, p, text)
			}
			p, err := New(root, "decision", "Use Go: here")
			if err != nil {
				t.Fatal(err)
			}
			if rel, _ := filepath.Rel(root, p); filepath.ToSlash(rel) != c.want {
				t.Fatalf("written at %s, want %s", rel, c.want)
			}
			got := read(t, p)
			for _, h := range c.has {
				if !strings.Contains(got, h) {
					t.Errorf("lacks %q:\n%s", h, got)
				}
			}
			for _, h := range c.hasNot {
				if strings.Contains(got, h) {
					t.Errorf("still holds %q:\n%s", h, got)
				}
			}
			doc, ds := parse(t, handbook.KindDecision, got)
			for _, d := range ds {
				if d.Severity == diag.Error {
					t.Errorf("check: %s", d)
				}
			}
			if doc.Kind != handbook.KindDecision || doc.Status != "proposed" || doc.Title != "Use Go: here" {
				t.Errorf("read as a %s %q, status %q; want a proposed decision", doc.Kind, doc.Title, doc.Status)
			}
		})
	}
}

// FuzzFillTemplate: whatever a log's template holds, filling it never
// panics, and keeps every line that holds no placeholder.
//
//	go test -run XXX -fuzz FuzzFillTemplate -fuzztime 30s ./generator/internal/scaffold
func FuzzFillTemplate(f *testing.F) {
	for _, s := range []string{
		"# NUMBER. TITLE\n\nDate: DATE\n\n## Status\n\nSTATUS\n",
		"---\ntitle: T\n# status: \"{proposed | accepted}\"\n# date: {YYYY-MM-DD}\n---\n# {short title}\n",
		"# [short title]\n\n- Status: [draft | proposed] <!-- optional -->\n- Date: [YYYY-MM-DD when] <!-- x -->\n",
		"\n\n# status: {proposed}\n---\n", "---\n---\n", "",
	} {
		f.Add(s)
	}
	d := NewData(handbook.KindDecision, "Use Go", time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC), "0007")
	f.Fuzz(func(t *testing.T, src string) {
		out := string(fillTemplate([]byte(src), d, 7))
		for _, l := range strings.Split(src, "\n") {
			if strings.ContainsAny(l, "[]{}#:") || strings.Contains(l, "NUMBER") || strings.Contains(l, "TITLE") || strings.Contains(l, "DATE") || strings.Contains(l, "STATUS") || strings.Contains(l, "YYYY") {
				continue
			}
			if !strings.Contains(out, l) {
				t.Fatalf("line %q lost:\n%s", l, out)
			}
		}
	})
}
