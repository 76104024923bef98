package build

import (
	"strings"
	"testing"
	"testing/fstest"

	"handbook/generator/internal/health"
)

const codeownersSite = `
-- .github/CODEOWNERS --
# Docs belong to the writers; decisions to the platform team.
*                   @acme/writers
content/decisions/  @acme/platform @alice
content/notes/      
-- site.yaml --
title: Owned
sections:
  decisions: decision
  strategies: strategy
-- content/_index.md --
---
title: Home
---
Start.
-- content/decisions/0001-queues.md --
---
title: Use queues
status: accepted
date: 2026-01-01
---
Decided.
-- content/strategies/data.md --
---
title: Data strategy
status: accepted
owner: Data team
decisions:
  - {id: keep-postgres, title: Keep Postgres, status: accepted}
---
See [queues](../decisions/0001-queues.md).
-- content/strategies/apis.md --
---
title: API strategy
status: accepted
decisions:
  - {id: rest-first, title: REST first, status: accepted}
---
Body.
-- content/notes/scratch.md --
---
title: Scratch
kind: strategy
status: draft
---
Nobody's.
`

// TestCodeownersGiveOwners: a document whose front matter names no owner
// is owned by the first owner of the last CODEOWNERS rule that matches
// its file, on its page, its owner's page, the decision index and the
// health report; front matter's owner comes first, and a rule without
// owners leaves a file unowned.
func TestCodeownersGiveOwners(t *testing.T) {
	s := buildSite(t, codeownersSite)
	if s.res.Errors > 0 {
		t.Fatalf("errors:\n%s", s.diags())
	}
	site := s.res.Site
	for id, want := range map[string]string{
		"decisions/0001-queues": "@acme/platform",
		"strategies/data":       "Data team",
		"strategies/apis":       "@acme/writers",
		"notes/scratch":         "",
	} {
		if got := site.ByID[id].Owner; got != want {
			t.Errorf("%s: owner %q, want %q", id, got, want)
		}
	}
	if got := site.DecisionByID["rest-first"].Owner; got != "@acme/writers" {
		t.Errorf("an inline decision of an unowned document: owner %q, want its document's, @acme/writers", got)
	}
	s.contains("decisions/0001-queues/index.html", `<dt>Owner</dt><dd><a href="../../owners/acme-platform/">@acme/platform</a></dd>`)
	s.contains("owners/acme-platform/index.html", "Use queues")
	r := health.Make(site, s.res.Config, testNow, s.res.Lints)
	if len(r.NoOwner) != 1 || r.NoOwner[0].Source != "content/notes/scratch.md" {
		t.Errorf("no owner: %+v, want the scratch note alone", r.NoOwner)
	}
}

// TestSessionCodeownersEdit: serve follows an edited CODEOWNERS file as a
// fresh build does, though no document changed.
func TestSessionCodeownersEdit(t *testing.T) {
	fsys := siteFS(codeownersSite)
	sess := NewSession(fsys, Options{Now: testNow})
	sess.Rebuild(nil)
	fsys[".github/CODEOWNERS"] = &fstest.MapFile{Data: []byte("content/ @acme/docs\n")}
	up := sess.Rebuild([]string{".github/CODEOWNERS"})
	sameAsFresh(t, fsys, up, "CODEOWNERS edited")
	if page := string(up.Complete()["decisions/0001-queues/index.html"]); !strings.Contains(page, "@acme/docs") {
		t.Errorf("the decision's page does not name its new owner")
	}
	delete(fsys, ".github/CODEOWNERS")
	sameAsFresh(t, fsys, sess.Rebuild([]string{".github/CODEOWNERS"}), "CODEOWNERS removed")
}
