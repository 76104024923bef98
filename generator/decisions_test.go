package main

import (
	"bytes"
	"handbook/generator/internal/diag"
	"path/filepath"
	"strings"
	"testing"
)

func TestVisibleEscapesWhatATerminalWouldObey(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Use Postgres", "Use Postgres"},
		{"Café “quoted” — 数据库 \u00a0ok", "Café “quoted” — 数据库 \u00a0ok"},
		{"\x1b[2J\x1b]0;pwned\x07red", `\x1b[2J\x1b]0;pwned\ared`},
		{"tab\there\nnewline\r", `tab\there\nnewline\r`},
		{"\u009b31m C1 CSI", `\u009b31m C1 CSI`},
		{"abc\u202edcba", `abc\u202edcba`},
		{"bad \xff byte, real \uFFFD", `bad \xff byte, real ` + "\uFFFD"},
	} {
		if got := diag.Printable(c.in); got != c.want {
			t.Errorf("Printable(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// A title, an owner or an area holding terminal escape sequences is shown
// as text in the decisions table, not obeyed by the terminal; --json was
// escaped already.
func TestDecisionsTableShowsControlCharacters(t *testing.T) {
	root := t.TempDir()
	write(t, root, "content/decisions/0001-colour.md", "---\ntitle: \"Colour \\e[31mred\\e[0m\\e]0;owned\\a\"\nstatus: accepted\ndate: 2026-01-02\narea: \"db\\ttab\"\nowner: \"\\u202eevil\"\n---\nWhy.\n")
	var out, errb bytes.Buffer
	if code := cmdDecisions([]string{"--source", filepath.Clean(root)}, &out, &errb); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if strings.ContainsAny(out.String(), "\x1b\x07\t\u202e") {
		t.Errorf("the table passes control characters through: %q", out.String())
	}
	for _, want := range []string{`Colour \x1b[31mred\x1b[0m\x1b]0;owned\a`, `db\ttab`, `\u202eevil`} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the table lacks %s:\n%s", want, out.String())
		}
	}
}

// A decision that gives no status (a log written without one) shows "-"
// in the table's status column, as the other empty columns do, so that
// the columns stay aligned for a reader and for cut or awk.
func TestDecisionsTableMarksNoStatus(t *testing.T) {
	root := t.TempDir()
	write(t, root, "content/decisions/0001-first.md", "# First record\n\nWe chose.\n")
	var out, errb bytes.Buffer
	if code := cmdDecisions([]string{"--source", filepath.Clean(root)}, &out, &errb); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 || len(strings.Fields(lines[1])) < 2 || strings.Fields(lines[1])[1] != "-" {
		t.Errorf("the record's row does not mark its missing status:\n%s", out.String())
	}
}

// The decisions table is the command's output: an error, which leaves
// the registry short, is printed in full; the warnings (a record without
// its sections, a decider missing) are one line that sends the reader to
// check.
func TestDecisionsPrintsErrorsAndCountsWarnings(t *testing.T) {
	root := t.TempDir()
	write(t, root, "content/decisions/0001-first.md", "---\ntitle: First\nstatus: accepted\ndate: 2026-01-02\n---\nWe chose.\n")
	write(t, root, "content/decisions/0002-second.md", "---\ntitle: Second\nstatus: acepted\ndate: 2026-01-03\n---\nWe chose again.\n")
	var out, errb bytes.Buffer
	if code := cmdDecisions([]string{"--source", filepath.Clean(root)}, &out, &errb); code != exitContent {
		t.Fatalf("exit %d, want %d for the misspelt status: %s", code, exitContent, errb.String())
	}
	if !strings.Contains(errb.String(), `content/decisions/0002-second.md:3:9: error:`) {
		t.Errorf("the error is not printed in full:\n%s", errb.String())
	}
	if strings.Contains(errb.String(), "warning:") || !strings.Contains(errb.String(), "warnings; handbook check lists them") {
		t.Errorf("the warnings are not one line that names check:\n%s", errb.String())
	}
	if !strings.Contains(out.String(), "First") {
		t.Errorf("the table lacks the first decision:\n%s", out.String())
	}
}
