package handbook

import (
	"slices"
	"strings"
	"unicode"
)

// Kind is the type of a document: what it is for and which keys it takes.
// Everything the generator knows about a kind is its row of KindTable.
type Kind string

// The document kinds of the content model, for the code that treats one of
// them specially (the decision registry, the references between strategies,
// visions and design docs). Each is a row of KindTable.
const (
	KindPage      Kind = "page"
	KindStrategy  Kind = "strategy"
	KindVision    Kind = "vision"
	KindDesignDoc Kind = "design-doc"
	KindDecision  Kind = "decision"
	KindChecklist Kind = "checklist"
)

// DecisionStatuses are the states of strategies, visions, design docs and
// decisions, and of the decisions a document makes inline.
var DecisionStatuses = []string{"draft", "proposed", "accepted", "rejected", "superseded", "deprecated"}

// KindSpec is one kind of document: its name, how readers see it, its
// lifecycle, the front matter it needs and takes, and the folders it
// conventionally lives in. A kind's starting text for `handbook new` is its
// archetype, archetypes/<name>.md.
type KindSpec struct {
	Name Kind
	// Label and Plural name the kind to readers: "Design document",
	// "Design documents".
	Label, Plural string
	// Badge is the shorter label a search result shows beside a document of
	// the kind; a page, the plain kind, shows none.
	Badge string
	// Statuses are the lifecycle states the kind accepts, nil for a kind
	// without a lifecycle.
	Statuses []string
	// DefaultStatus is the status of a document that writes none. A kind
	// with Statuses and no DefaultStatus requires `status:`.
	DefaultStatus string
	// Required are the front matter keys a document of the kind must set,
	// each with the hint given when it is missing.
	Required []Requirement
	// Keys are the front matter keys that belong to some kinds only and
	// this kind takes; every kind takes the common keys (title, status,
	// date, owner, tags and the rest of the authoring reference).
	Keys []string
	// Folders are the section folders that hold the kind by convention, the
	// usual one first. Without `sections` in site.yaml, each maps to the
	// kind; `handbook new` writes into the first one that exists.
	Folders []string
	// Nested are the Folders that hold the kind wherever they are in the
	// content folder, not only at its top (a decision log kept beside the
	// code it decides, handbook/payments/adr/): names no other kind of
	// folder takes. The others (design, onboarding) are common words
	// deeper down, and mean the kind only as a top-level section.
	Nested []string
	// Numbered is true for a kind whose files `handbook new` names with the
	// next four-digit number: 0013-slug.md.
	Numbered bool
}

// Requirement is a front matter key a kind requires, with the hint given
// when a document leaves it out.
type Requirement struct {
	Key, Hint string
}

// KindTable is every kind, in the order the site presents them. Adding a
// kind is adding a row here and its archetype (and, optionally, layouts).
var KindTable = []KindSpec{
	{
		Name: KindPage, Label: "Page", Plural: "Pages",
	},
	{
		Name: KindStrategy, Label: "Strategy", Plural: "Strategies", Badge: "Strategy",
		Statuses: DecisionStatuses,
		Required: []Requirement{{Key: "status"}},
		Keys:     []string{"design_docs", "decisions"},
		Folders:  []string{"strategies"},
	},
	{
		Name: KindVision, Label: "Vision", Plural: "Visions", Badge: "Vision",
		Statuses: DecisionStatuses,
		Required: []Requirement{{Key: "status"}, {Key: "horizon", Hint: "add `horizon: YYYY`, the year the vision looks out to (2 to 3 years ahead)"}},
		Keys:     []string{"horizon", "strategies"},
		Folders:  []string{"vision", "visions"},
	},
	{
		Name: KindDesignDoc, Label: "Design document", Plural: "Design documents", Badge: "Design doc",
		Statuses: DecisionStatuses,
		Required: []Requirement{{Key: "status"}},
		Keys:     []string{"decisions"},
		Folders:  []string{"design", "designs", "design-docs", "design-documents", "rfcs"},
		Nested:   []string{"designs", "design-docs", "design-documents", "rfcs"},
	},
	{
		Name: KindDecision, Label: "Decision", Plural: "Decisions", Badge: "Decision",
		Statuses: DecisionStatuses,
		Required: []Requirement{{Key: "status"}, {Key: "date", Hint: "add `date: YYYY-MM-DD`, the day it was decided"}},
		Keys:     []string{"supersedes", "deciders"},
		Folders:  []string{"decisions", "adr", "adrs", "decision-records", "architecture-decision-records"},
		Nested:   []string{"decisions", "adr", "adrs", "decision-records", "architecture-decision-records"},
		Numbered: true,
	},
	{
		Name: KindChecklist, Label: "Checklist", Plural: "Checklists", Badge: "Checklist",
		Statuses: []string{"active", "retired"}, DefaultStatus: "active",
		Folders: []string{"onboarding", "checklists"},
	},
}

// Kinds lists every kind in the order the site presents them.
var Kinds = kindNames()

func kindNames() []Kind {
	out := make([]Kind, len(KindTable))
	for i, s := range KindTable {
		out[i] = s.Name
	}
	return out
}

// KindNames returns the kinds as strings, for hints.
func KindNames() []string {
	out := make([]string, len(Kinds))
	for i, k := range Kinds {
		out[i] = string(k)
	}
	return out
}

// Spec returns k's row of KindTable; for a kind not in the table, a row
// with only its name.
func (k Kind) Spec() KindSpec {
	for _, s := range KindTable {
		if s.Name == k {
			return s
		}
	}
	return KindSpec{Name: k}
}

// KindFor returns the kind a word names, as a person typing a command
// would name it: its name, or one of its Aliases, in any case, singular
// or plural ("adr", "RFC", "design doc", "decisions").
func KindFor(word string) (Kind, bool) {
	if k := Kind(word); k.Valid() {
		return k, true
	}
	w := squash(word)
	if w == "" {
		return "", false
	}
	for _, spec := range KindTable {
		for _, a := range append(spec.Aliases(), string(spec.Name)) {
			if a := squash(a); a == w || a == w+"s" {
				return spec.Name, true
			}
		}
	}
	return "", false
}

// Valid reports whether k is one of Kinds.
func (k Kind) Valid() bool { return slices.Contains(Kinds, k) }

// Label is the human name of a kind, plural when many is true; the kind's
// name for a kind not in the table.
func (k Kind) Label(many bool) string {
	s := k.Spec()
	switch {
	case s.Label == "":
		return string(k)
	case many:
		return s.Plural
	}
	return s.Label
}

// Statuses returns the lifecycle states a kind accepts; nil for kinds
// without a status (page).
func (k Kind) Statuses() []string { return k.Spec().Statuses }

// DefaultStatus is the status of a document of kind k that writes none; ""
// when k has none.
func (k Kind) DefaultStatus() string { return k.Spec().DefaultStatus }

// Requires reports whether a document of kind k must set the front matter
// key.
func (k Kind) Requires(key string) bool {
	return slices.ContainsFunc(k.Spec().Required, func(r Requirement) bool { return r.Key == key })
}

// KeyKinds maps each front matter key that belongs to some kinds only to
// those kinds, in the order of KindTable.
func KeyKinds() map[string][]Kind {
	m := map[string][]Kind{}
	for _, s := range KindTable {
		for _, key := range s.Keys {
			m[key] = append(m[key], s.Name)
		}
	}
	return m
}

// DefaultSections maps every conventional section folder to its kind: the
// sections of a site.yaml that names none. A folder that holds the kind at
// any depth (Nested) is also the pattern "**/folder".
func DefaultSections() map[string]Kind {
	m := map[string]Kind{}
	for _, s := range KindTable {
		for _, f := range s.Folders {
			m[f] = s.Name
		}
		for _, f := range s.Nested {
			m["**/"+f] = s.Name
		}
	}
	return m
}

// Aliases are the words a reader may type for the kind in a search's
// `kind:` filter besides its name: its labels and their plurals, and its
// folders, in lower case. Words are compared as search compares them, by
// their letters and digits alone, and each is given once.
func (s KindSpec) Aliases() []string {
	words := []string{s.Label, s.Plural, s.Badge}
	if s.Badge != "" && s.Badge != s.Label {
		words = append(words, s.Badge+"s")
	}
	seen := []string{squash(string(s.Name))}
	var out []string
	for _, a := range append(words, s.Folders...) {
		a = strings.ToLower(a)
		if sq := squash(a); sq != "" && !slices.Contains(seen, sq) {
			seen = append(seen, sq)
			out = append(out, a)
		}
	}
	return out
}

// squash keeps a word's letters and digits, lower-cased, as search does
// when it compares filter values.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
}
