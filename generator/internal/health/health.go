// Package health reports what in a handbook needs its keepers' attention.
//
// Input: the linked site, its configuration and the time of the report.
// Output: a Report: the documents due for review, by owner, with the days
// they are overdue; the documents without an owner; the decisions proposed
// for longer than site.yaml's proposed_max_age; the accepted decisions
// that only superseded or rejected design documents touch; the documents
// nothing links to; the broken links of each section; and the writing
// habits (package lint's rules) that documents do not follow. The report reads
// the site and changes nothing; the `handbook health` command prints it and
// the /health/ page shows it.
package health

import (
	"sort"
	"time"

	"handbook/generator/internal/config"
	"handbook/generator/internal/handbook"
	"handbook/generator/internal/lint"
)

// Report is the state of a handbook on a day.
type Report struct {
	Date time.Time `json:"date"`
	// Due lists the documents whose review is overdue, most overdue first
	// within each owner, owners in alphabetical order ("" last).
	Due []Due `json:"due"`
	// NoOwner lists the documents of kinds other than page with no owner.
	NoOwner []Doc `json:"no_owner"`
	// Stuck lists the decisions proposed for longer than the site allows.
	Stuck []Decision `json:"stuck"`
	// Unfounded lists the accepted decisions that only superseded or
	// rejected design documents touch.
	Unfounded []Decision `json:"unfounded"`
	// Orphans are the documents nothing links to.
	Orphans []Doc `json:"orphans"`
	// Broken counts the broken body links of each top-level section ("" is
	// the root).
	Broken []SectionCount `json:"broken_links"`
	// Habits are the writing habits (package lint's rules, as site.yaml
	// sets them) that some documents do not follow, in the rules' order,
	// each with those documents.
	Habits []Habit `json:"habits"`
}

// Habit is a writing habit and the documents that do not follow it.
type Habit struct {
	Rule string    `json:"rule"`
	Why  string    `json:"why"`
	Docs []Finding `json:"documents"`
}

// Finding is a document that does not follow a habit, and what it lacks.
type Finding struct {
	Doc
	Message string `json:"message"`
}

// Doc names a document in the report.
type Doc struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Kind   string `json:"kind"`
	Status string `json:"status,omitempty"`
	Owner  string `json:"owner,omitempty"`
	Source string `json:"source"`
	URL    string `json:"url"`
	// Doc is the document itself, for layouts.
	Doc *handbook.Document `json:"-"`
}

// Due is a document whose review is overdue.
type Due struct {
	Doc
	LastReviewed string `json:"last_reviewed"`
	PeriodDays   int    `json:"period_days"`
	DaysOverdue  int    `json:"days_overdue"`
}

// Decision names a decision in the report.
type Decision struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Status string `json:"status"`
	Date   string `json:"date,omitempty"`
	Days   int    `json:"days,omitempty"` // days proposed, for a stuck decision
	Source string `json:"source"`
	// Decision is the registry entry, for layouts.
	Decision *handbook.Decision `json:"-"`
}

// SectionCount is a number of things in a section.
type SectionCount struct {
	Section string `json:"section"`
	Count   int    `json:"count"`
}

// closed are the statuses of documents that are no longer reviewed.
var closed = map[string]bool{"superseded": true, "deprecated": true, "rejected": true}

// Make builds the report of site on the day now.
func Make(s *handbook.Site, cfg *config.Site, now time.Time, lints map[*handbook.Document][]lint.Finding) *Report {
	r := &Report{Date: now}
	for _, d := range s.Docs {
		if d.Synthetic {
			continue
		}
		if d.Kind != handbook.KindPage && d.Owner == "" {
			r.NoOwner = append(r.NoOwner, doc(d, cfg))
		}
		if due, ok := DueFor(d, cfg, now); ok {
			r.Due = append(r.Due, due)
		}
	}
	sort.SliceStable(r.Due, func(i, j int) bool {
		a, b := r.Due[i], r.Due[j]
		if a.Owner != b.Owner {
			return b.Owner == "" || a.Owner != "" && a.Owner < b.Owner
		}
		if a.DaysOverdue != b.DaysOverdue {
			return a.DaysOverdue > b.DaysOverdue
		}
		return a.Source < b.Source
	})
	for _, dec := range s.Decisions {
		switch dec.Status {
		case "proposed":
			if dec.Date.IsZero() {
				continue
			}
			if days := int(now.Sub(dec.Date).Hours() / 24); days > cfg.ProposedDays {
				x := decision(dec, cfg)
				x.Days = days
				r.Stuck = append(r.Stuck, x)
			}
		case "accepted":
			touched := s.TouchedBy[dec]
			if len(touched) == 0 {
				continue
			}
			live := false
			for _, t := range touched {
				if t.Status != "superseded" && t.Status != "rejected" {
					live = true
				}
			}
			if !live {
				r.Unfounded = append(r.Unfounded, decision(dec, cfg))
			}
		}
	}
	for _, d := range s.Orphans {
		r.Orphans = append(r.Orphans, doc(d, cfg))
	}
	habits := map[string]*Habit{}
	for _, d := range s.Docs {
		if d.Synthetic || closed[d.Status] {
			continue // a superseded strategy is not rewritten
		}
		for _, f := range lints[d] {
			h := habits[f.Rule.Name]
			if h == nil {
				h = &Habit{Rule: f.Rule.Name, Why: f.Rule.Why}
				habits[f.Rule.Name] = h
			}
			h.Docs = append(h.Docs, Finding{Doc: doc(d, cfg), Message: f.Message})
		}
	}
	for _, rule := range lint.Rules {
		if h := habits[rule.Name]; h != nil {
			r.Habits = append(r.Habits, *h)
		}
	}
	broken := map[string]int{}
	for _, d := range s.Docs {
		for _, l := range d.Links {
			if l.Broken {
				broken[d.Section]++
			}
		}
	}
	for sec, n := range broken {
		r.Broken = append(r.Broken, SectionCount{Section: sec, Count: n})
	}
	sort.Slice(r.Broken, func(i, j int) bool { return r.Broken[i].Section < r.Broken[j].Section })
	return r
}

// DueFor reports whether d is due for review on the day now, and by how
// much: its review period (see config.Site.ReviewPeriod) has passed since
// it was last reviewed, or else dated. A superseded, deprecated or
// rejected document, and one with neither date, is never due.
func DueFor(d *handbook.Document, cfg *config.Site, now time.Time) (Due, bool) {
	last, period, ok := Review(d, cfg)
	if !ok {
		return Due{}, false
	}
	over := int(now.Sub(last).Hours()/24) - period
	if over <= 0 {
		return Due{}, false
	}
	return Due{Doc: doc(d, cfg), LastReviewed: last.Format("2006-01-02"), PeriodDays: period, DaysOverdue: over}, true
}

// Review returns when d was last reviewed (else dated) and its review
// period in days; ok is false for a document that is never due: one
// superseded, deprecated or rejected, a section's page, one without a
// period or without either date.
func Review(d *handbook.Document, cfg *config.Site) (last time.Time, days int, ok bool) {
	if closed[d.Status] || d.IsSection && d.Kind == handbook.KindPage {
		return time.Time{}, 0, false
	}
	own, _ := d.Params["review_every"].(string)
	days, err := cfg.ReviewPeriod(d.Kind, d.Section, own)
	if err != nil || days == 0 {
		return time.Time{}, 0, false
	}
	last = d.Reviewed
	if last.IsZero() {
		last = d.Date
	}
	return last, days, !last.IsZero()
}

func doc(d *handbook.Document, cfg *config.Site) Doc {
	return Doc{ID: d.ID, Title: d.Title, Kind: string(d.Kind), Status: d.Status, Owner: d.Owner, Source: d.SourcePath, URL: cfg.BasePath + d.URL, Doc: d}
}

func decision(d *handbook.Decision, cfg *config.Site) Decision {
	x := Decision{ID: d.ID, Title: d.Title, Status: d.Status, Decision: d}
	if !d.Date.IsZero() {
		x.Date = d.Date.Format("2006-01-02")
	}
	if d.Doc != nil {
		x.Source = d.Doc.SourcePath
	}
	return x
}
