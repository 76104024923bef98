package handbook_test

import (
	"io/fs"
	"slices"
	"strings"
	"testing"

	defaultassets "handbook/assets"
	"handbook/generator/internal/config"
	"handbook/generator/internal/handbook"
	"handbook/generator/internal/scaffold"
)

// TestKindTable walks the table of kinds: every kind is named to readers,
// has a default archetype, a lifecycle with a default or a required
// status, lives in folders no other kind claims, and is what the rest of
// the generator reads (config's default sections, search's kind: words). A
// page, the plain kind, has no lifecycle and no folder.
func TestKindTable(t *testing.T) {
	if len(handbook.KindTable) != len(handbook.Kinds) || handbook.KindTable[0].Name != handbook.KindPage {
		t.Fatalf("Kinds %v do not follow the table, page first", handbook.Kinds)
	}
	folders := map[string]handbook.Kind{}
	aliases := map[string]handbook.Kind{}
	for _, s := range handbook.KindTable {
		k := s.Name
		if !k.Valid() || k.Spec().Name != k || strings.ToLower(string(k)) != string(k) || strings.ContainsAny(string(k), " /") {
			t.Errorf("%q: not a valid kind name", k)
		}
		if s.Label == "" || s.Plural == "" || k.Label(false) != s.Label || k.Label(true) != s.Plural {
			t.Errorf("%s: labels %q, %q", k, s.Label, s.Plural)
		}
		for _, r := range s.Required {
			if r.Key != "status" && r.Hint == "" {
				t.Errorf("%s requires %s without a hint", k, r.Key)
			}
		}
		if _, err := fs.Stat(scaffold.Defaults, scaffold.Path(k)); err != nil {
			t.Errorf("%s has no default archetype: %v", k, err)
		}
		if k == handbook.KindPage {
			if s.Statuses != nil || s.Folders != nil || s.Badge != "" || len(s.Required) > 0 {
				t.Errorf("page: a page has no lifecycle, folder, badge or required key: %+v", s)
			}
			continue
		}
		if s.Badge == "" {
			t.Errorf("%s: no badge for search results", k)
		}
		if len(s.Statuses) == 0 {
			t.Errorf("%s: no statuses", k)
		}
		if s.DefaultStatus != "" && !slices.Contains(s.Statuses, s.DefaultStatus) {
			t.Errorf("%s: default status %q is not one of %v", k, s.DefaultStatus, s.Statuses)
		}
		if (s.DefaultStatus == "") != k.Requires("status") {
			t.Errorf("%s: a kind with statuses either has a default status or requires one", k)
		}
		if len(s.Folders) == 0 {
			t.Errorf("%s: no default folders", k)
		}
		for _, f := range s.Folders {
			if other, ok := folders[f]; ok {
				t.Errorf("folder %s is claimed by %s and %s", f, other, k)
			}
			folders[f] = k
			if config.DefaultSections()[f] != string(k) {
				t.Errorf("config's default sections map %s to %q, not %s", f, config.DefaultSections()[f], k)
			}
		}
		for _, a := range append(s.Aliases(), string(k)) {
			a = strings.ReplaceAll(strings.ReplaceAll(a, " ", ""), "-", "")
			if other, ok := aliases[a]; ok && other != k {
				t.Errorf("search's kind:%s would mean %s and %s", a, other, k)
			}
			aliases[a] = k
		}
	}
	nested := 0
	for _, s := range handbook.KindTable {
		for _, f := range s.Nested {
			nested++
			if !slices.Contains(s.Folders, f) {
				t.Errorf("%s: nested folder %s is not one of its folders", s.Name, f)
			}
			if config.DefaultSections()["**/"+f] != string(s.Name) {
				t.Errorf("config's default sections do not map **/%s to %s", f, s.Name)
			}
		}
	}
	if len(config.DefaultSections()) != len(folders)+nested {
		t.Errorf("config's default sections %v are not the table's folders %v", config.DefaultSections(), folders)
	}
}

// TestScriptHasNoKinds: the browser script takes kinds' labels and other
// names from the search index; it holds no copy of the table. (Files of
// other projects, in vendor/, are theirs.)
func TestScriptHasNoKinds(t *testing.T) {
	err := fs.WalkDir(defaultassets.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() && p == "vendor" {
			return fs.SkipDir
		}
		if err != nil || !strings.HasSuffix(p, ".js") {
			return err
		}
		b, err := fs.ReadFile(defaultassets.FS, p)
		if err != nil {
			return err
		}
		js := string(b)
		for _, s := range handbook.KindTable {
			words := []string{s.Label, s.Plural, s.Badge}
			if s.Name != handbook.KindPage {
				words = append(words, string(s.Name))
			}
			words = append(words, s.Folders...)
			for _, w := range words {
				for _, q := range []string{`"` + w + `"`, `'` + w + `'`, " " + w + ":", "{" + w + ":"} {
					if w != "" && strings.Contains(js, q) {
						t.Errorf("%s holds %s, a name of the kind %s: it should read kinds from the search index", p, q, s.Name)
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestNameTitle: a file or folder name is a title a reader would write,
// abbreviations in capitals, words that merely start as one left alone.
func TestNameTitle(t *testing.T) {
	for name, want := range map[string]string{
		"adr":                      "ADR",
		"adrs":                     "ADRs",
		"decision-records":         "Decision records",
		"rfcs":                     "RFCs",
		"api_guidelines":           "API guidelines",
		"on-call--faq":             "On call FAQ",
		"0001-private-fields":      "0001 Private fields",
		"2024-01-05-use-a-ledger":  "2024 01 05 Use a ledger",
		"0042":                     "0042",
		"écoles-et-formations":     "Écoles et formations",
		"apis-and-apiary":          "APIs and apiary",
		"it-and-hr":                "It and HR",
		"":                         "",
		"cis":                      "CIs",
		"sprint-planning-adr-0003": "Sprint planning ADR 0003",
		"On-call runbook 1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6": "On call runbook",
	} {
		if got := handbook.NameTitle(name); got != want {
			t.Errorf("handbook.NameTitle(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestTrimExportID: Notion's export ends each file's and folder's name
// with a space and a 32-digit hexadecimal id, which addresses and titles
// leave out; other endings are kept.
func TestTrimExportID(t *testing.T) {
	const id = "1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6"
	for name, want := range map[string]string{
		"Onboarding " + id:         "Onboarding",
		"Team wiki  " + id:         "Team wiki",
		id:                         id,
		" " + id:                   " " + id,
		"Onboarding-" + id:         "Onboarding-" + id, // not Notion's form
		"Onboarding " + id[:31]:    "Onboarding " + id[:31],
		"Onboarding 1A2B" + id[4:]: "Onboarding 1A2B" + id[4:], // Notion writes lower case
		"Onboarding":               "Onboarding",
	} {
		if got := handbook.TrimExportID(name); got != want {
			t.Errorf("TrimExportID(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestNameTitleAs: a name's word is written as the document's prose
// writes it most, when that has a capital inside (CEO, GitHub, iOS) and
// no other form is as frequent; code, inline or fenced, does not count.
func TestNameTitleAs(t *testing.T) {
	for _, c := range []struct{ name, text, want string }{
		{"ceo-team", "The CEO Team supports the CEO.", "CEO team"},
		{"github-access", "Access to GitHub. Ask a GitHub admin.", "GitHub access"},
		{"ios-release", "How iOS apps ship: iOS builds first.", "iOS release"},
		{"windows-subsystem", "The `WINDOWS` subsystem, `WINDOWS` again, on Windows.", "Windows subsystem"},
		{"windows-build", "```\nWINDOWS=1 WINDOWS=2\n```\nBuild it.", "Windows build"},
		{"of-mice", "OF MICE AND MEN, of mice, of men, of all.", "Of mice"},
		{"arr", "ARR and Arr and arr", "Arr"}, // a tie: no form wins
		{"api-guide", "No word of it here.", "API guide"},
		{"ceo", "the CEO's notes, CEOs", "CEO"},
	} {
		if got := handbook.NameTitleAs(c.name, []byte(c.text)); got != c.want {
			t.Errorf("NameTitleAs(%q, %q) = %q, want %q", c.name, c.text, got, c.want)
		}
	}
}

// TestKindFor: a command names a kind as its user would, by its name,
// label or folder, in any case, singular or plural; other words name
// none.
func TestKindFor(t *testing.T) {
	for word, want := range map[string]handbook.Kind{
		"decision": handbook.KindDecision, "adr": handbook.KindDecision, "ADRs": handbook.KindDecision,
		"decisions": handbook.KindDecision, "design-doc": handbook.KindDesignDoc, "design doc": handbook.KindDesignDoc,
		"rfc": handbook.KindDesignDoc, "Design documents": handbook.KindDesignDoc, "Checklist": handbook.KindChecklist,
		"strategies": handbook.KindStrategy, "page": handbook.KindPage,
		"": "", "docs": "", "record": "", "policy": "",
	} {
		got, ok := handbook.KindFor(word)
		if got != want || ok != (want != "") {
			t.Errorf("KindFor(%q) = %q, %v; want %q", word, got, ok, want)
		}
	}
}
