// Package lint checks the habits of good strategy, vision, design and
// decision writing, as staff engineers practise them.
//
// Input: the linked site and the severity site.yaml gives each rule
// (`lints:`). Output: diagnostics, one list per document, so that serve
// recomputes only the documents an edit touched. Each rule is a row of
// Rules: its name, the kinds it reads, its default severity, why it exists
// and its check. A rule reads one document and what the graph resolved
// for it (its references and body links); it never changes either.
package lint

import (
	"fmt"
	"slices"
	"strings"

	"handbook/generator/internal/diag"
	"handbook/generator/internal/handbook"
)

// Severity is how a rule's finding is reported.
type Severity string

// The severities a rule can be set to in site.yaml.
const (
	Off     Severity = "off"
	Warning Severity = "warning"
	Error   Severity = "error"
)

// Rule is one habit the handbook checks.
type Rule struct {
	Name string
	// Kind is the kind of document the rule reads.
	Kind handbook.Kind
	// Default is the severity without a setting in site.yaml.
	Default Severity
	// Why is the reasoning behind the rule, given as the finding's hint
	// and listed in README.md.
	Why string
	// check returns the finding's message and the byte offset it points
	// at, or "" when the document follows the habit.
	check func(d *handbook.Document, s *handbook.Site) (string, int)
}

// Rules are the habits, in the order README.md lists them.
var Rules = []Rule{
	{
		Name: "vision-horizon", Kind: handbook.KindVision, Default: Warning,
		Why: "a vision describes the world two to three years out: nearer is a plan, further is a wish",
		check: func(d *handbook.Document, _ *handbook.Site) (string, int) {
			if d.Date.IsZero() || d.Horizon == 0 {
				return "", 0
			}
			if n := d.Horizon - d.Date.Year(); n < 2 || n > 3 {
				return fmt.Sprintf("the horizon %d is %d years after the date; a vision looks %d or %d", d.Horizon, n, d.Date.Year()+2, d.Date.Year()+3), valueAt(d, "horizon")
			}
			return "", 0
		},
	},
	{
		Name: "vision-length", Kind: handbook.KindVision, Default: Warning,
		Why: "a vision is one to two pages (about 400 to 1,500 words): short enough to be read and remembered, long enough to be concrete",
		check: func(d *handbook.Document, _ *handbook.Site) (string, int) {
			switch {
			case d.WordCount < 400:
				return fmt.Sprintf("the vision is %d words; one to two pages is about 400 to 1,500", d.WordCount), 0
			case d.WordCount > 1500:
				return fmt.Sprintf("the vision is %d words; one to two pages is about 400 to 1,500", d.WordCount), 0
			}
			return "", 0
		},
	},
	{
		Name: "vision-sources", Kind: handbook.KindVision, Default: Warning,
		Why: "a vision weaves together the strategies that get there: list at least two in `strategies:`",
		check: func(d *handbook.Document, s *handbook.Site) (string, int) {
			if n := countKind(d.Refs, handbook.KindStrategy); n < 2 {
				return fmt.Sprintf("the vision names %s; it weaves together at least two", count(n, "strategy", "strategies")), valueAt(d, "strategies")
			}
			return "", 0
		},
	},
	{
		Name: "strategy-sources", Kind: handbook.KindStrategy, Default: Warning,
		Why: "a strategy is drawn from the design documents where its decisions were argued: list at least two in `design_docs:` or link to them",
		check: func(d *handbook.Document, s *handbook.Site) (string, int) {
			seen := map[*handbook.Document]bool{}
			for _, r := range d.Refs {
				if r.Kind == handbook.KindDesignDoc {
					seen[r] = true
				}
			}
			for _, l := range d.Links {
				if l.Target != nil && l.Target.Kind == handbook.KindDesignDoc {
					seen[l.Target] = true
				}
			}
			if len(seen) < 2 {
				return fmt.Sprintf("the strategy is drawn from %s; a strategy rests on at least two", count(len(seen), "design document", "design documents")), valueAt(d, "design_docs")
			}
			return "", 0
		},
	},
	{
		Name: "strategy-rationale", Kind: handbook.KindStrategy, Default: Warning,
		Why: "a strategy says why, so that readers can apply it where its rules are silent: give it a section headed rationale, why or reasoning",
		check: func(d *handbook.Document, _ *handbook.Site) (string, int) {
			if hasHeading(d, "rationale", "why", "reasoning") < 0 {
				return "the strategy has no section that explains why (a heading with rationale, why or reasoning)", 0
			}
			return "", 0
		},
	},
	{
		Name: "design-problem-first", Kind: handbook.KindDesignDoc, Default: Warning,
		Why: "a design document states the problem before any solution, so that reviewers judge the solution against it",
		check: func(d *handbook.Document, _ *handbook.Site) (string, int) {
			first := -1
			for i, h := range d.Headings {
				if h.Level >= 2 {
					first = i
					break
				}
			}
			if first < 0 {
				return "the design document has no sections; its first should state the problem", 0
			}
			if !says(d.Headings[first].Text, "problem", "context", "background", "motivation", "goal") {
				return fmt.Sprintf("the first section is %q; a design document starts with the problem (problem, context, background, motivation or goals)", d.Headings[first].Text), 0
			}
			return "", 0
		},
	},
	{
		Name: "decision-sections", Kind: handbook.KindDecision, Default: Warning,
		Why: "a decision record gives the context, the decision and its consequences, so that a later reader can tell whether it still holds",
		check: func(d *handbook.Document, _ *handbook.Site) (string, int) {
			var missing []string
			for _, part := range [][]string{
				{"context", "problem", "background"},
				{"decision", "outcome"},
				// MADR weighs the options' pros and cons in place of
				// consequences; others say implications or trade-offs.
				{"consequence", "pros and cons", "implication", "trade-off", "tradeoff", "impact"},
			} {
				if hasHeading(d, part...) < 0 {
					missing = append(missing, part[0])
				}
			}
			if len(missing) > 0 {
				return "the decision record has no " + strings.Join(missing, ", ") + " section", 0
			}
			return "", 0
		},
	},
	{
		Name: "decision-owner", Kind: handbook.KindDecision, Default: Warning,
		Why: "an accepted decision names who decided, so that readers know whom to ask and who may revisit it",
		check: func(d *handbook.Document, _ *handbook.Site) (string, int) {
			if d.Status == "accepted" && len(d.Deciders) == 0 && d.Owner == "" {
				return "the accepted decision names no one who decided (`deciders:` or `owner:`, or a CODEOWNERS rule for its folder)", valueAt(d, "status")
			}
			return "", 0
		},
	},
}

// Names lists the rules' names.
func Names() []string {
	out := make([]string, len(Rules))
	for i, r := range Rules {
		out[i] = r.Name
	}
	return out
}

// Find returns the rule named name.
func Find(name string) (Rule, bool) {
	for _, r := range Rules {
		if r.Name == name {
			return r, true
		}
	}
	return Rule{}, false
}

// Finding is a document's departure from a habit: the rule, at the
// severity site.yaml gives it, the message and the byte offset it points
// at.
type Finding struct {
	Rule     Rule
	Severity Severity
	Message  string
	Offset   int
}

// Findings checks one document against the rules, each at the severity
// settings gives it (its default when unset; none when off).
func Findings(d *handbook.Document, s *handbook.Site, settings map[string]string) []Finding {
	var out []Finding
	for _, r := range Rules {
		if d.Kind != r.Kind || d.IsSection {
			continue
		}
		sev := r.Default
		if v, ok := settings[r.Name]; ok {
			sev = Severity(v)
		}
		if sev == Off {
			continue
		}
		if msg, at := r.check(d, s); msg != "" {
			out = append(out, Finding{Rule: r, Severity: sev, Message: msg, Offset: at})
		}
	}
	return out
}

// Document checks one document against the rules, each at the severity
// settings gives it (its default when unset), into diags.
func Document(d *handbook.Document, s *handbook.Site, settings map[string]string, diags *diag.List) {
	Report(d, Findings(d, s, settings), diags)
}

// Report writes d's findings into diags, at their severities.
func Report(d *handbook.Document, findings []Finding, diags *diag.List) {
	for _, f := range findings {
		hint := f.Rule.Why + fmt.Sprintf(" (lint %s; `lints: {%s: off}` in site.yaml turns it off)", f.Rule.Name, f.Rule.Name)
		if f.Severity == Error {
			diags.Errorf(d.SourcePath, f.Offset, hint, "%s", f.Message)
		} else {
			diags.Warnf(d.SourcePath, f.Offset, hint, "%s", f.Message)
		}
	}
}

// Site checks every published document and returns each one's findings
// (none for a document that follows every rule).
func Site(s *handbook.Site, settings map[string]string) map[*handbook.Document][]Finding {
	out := map[*handbook.Document][]Finding{}
	for _, d := range s.Docs {
		if f := Findings(d, s, settings); len(f) > 0 {
			out[d] = f
		}
	}
	return out
}

// valueAt is where the value of a front matter key is written, else the
// key, else the start of the document.
func valueAt(d *handbook.Document, key string) int {
	if v := d.ValueOffsets[key]; len(v) > 0 {
		return v[0]
	}
	return d.KeyOffsets[key]
}

// hasHeading returns the index of the first section heading (level 2 or
// deeper: the title does not count) whose text says one of words, or -1.
func hasHeading(d *handbook.Document, words ...string) int {
	return slices.IndexFunc(d.Headings, func(h handbook.Heading) bool { return h.Level >= 2 && says(h.Text, words...) })
}

// says reports whether text holds one of words, in any case.
func says(text string, words ...string) bool {
	t := strings.ToLower(text)
	for _, w := range words {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

func countKind(ds []*handbook.Document, k handbook.Kind) int {
	n := 0
	for _, d := range ds {
		if d.Kind == k {
			n++
		}
	}
	return n
}

func count(n int, one, many string) string {
	switch n {
	case 0:
		return "no " + many
	case 1:
		return "one " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
