package graph

import (
	"fmt"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"

	"handbook/generator/internal/diag"
	"handbook/generator/internal/handbook"
)

// registry gathers every decision, records and inline entries alike, checks
// their ids, resolves supersedes both ways and reports cycles, dangling
// targets and decisions still accepted after being superseded.
func (b *builder) registry() {
	s := b.site
	add := func(dec *handbook.Decision) {
		if other, dup := s.DecisionByID[dec.ID]; dup {
			if !dec.Inline && s.ByID[dec.ID] != dec.Doc {
				return // the duplicate document id is reported already
			}
			b.diags.Errorf(dec.Doc.SourcePath, dec.Offset, "decision ids are unique across the handbook; rename one", "decision id %q is already used in %s", dec.ID, other.Doc.SourcePath)
			return
		}
		if dec.Inline {
			if d, clash := s.ByID[dec.ID]; clash {
				b.diags.Errorf(dec.Doc.SourcePath, dec.Offset, "rename the inline decision", "inline decision id %q is the id of the document %s", dec.ID, d.SourcePath)
				return
			}
		}
		s.DecisionByID[dec.ID] = dec
		s.Decisions = append(s.Decisions, dec)
	}
	for _, d := range s.Docs {
		if d.Kind == handbook.KindDecision {
			add(&handbook.Decision{DecisionEntry: handbook.DecisionEntry{
				ID: d.ID, Title: d.Title, Status: d.Status, Area: d.Area, Owner: d.Owner, Date: d.Date,
				Rationale: d.Summary, Deciders: d.Deciders, Supersedes: d.Supersedes, Offset: valueAt(d, "id"),
			}, Doc: d})
		}
		d.Decisions = nil
		for _, e := range d.InlineDecisions {
			dec := &handbook.Decision{DecisionEntry: e, Doc: d}
			if dec.Owner == "" {
				dec.Owner = d.Owner // the document's, from CODEOWNERS
			}
			d.Decisions = append(d.Decisions, dec)
			add(dec)
		}
	}
	sort.SliceStable(s.Decisions, func(i, j int) bool {
		a, c := s.Decisions[i], s.Decisions[j]
		if !a.Date.Equal(c.Date) {
			return a.Date.Before(c.Date)
		}
		return a.ID < c.ID
	})
	ids := make([]string, 0, len(s.Decisions))
	for _, dec := range s.Decisions {
		ids = append(ids, dec.ID)
	}
	for _, dec := range s.Decisions {
		for _, r := range dec.Supersedes {
			old, ok := s.DecisionByID[r.Target]
			if !ok {
				doc := s.ByID[r.Target]
				if doc == nil && !dec.Inline {
					// "Supersedes [1. X](0001-x.md)" in a record's Status
					// section: a file beside it.
					doc = b.byContentPath(path.Join(path.Dir(dec.Doc.Path), r.Target))
				}
				if ds := b.byName[strings.ToLower(r.Target)]; doc == nil && len(ds) == 1 {
					doc = ds[0] // a decision named by its title, as a wikilink may
				}
				if doc != nil {
					if old = s.DecisionByID[doc.ID]; old != nil {
						ok = true
					}
				}
				if !ok && doc != nil {
					b.diags.Errorf(dec.Doc.SourcePath, r.Offset, "supersedes lists decisions, by id, file or title", "%s supersedes %q, %s, which is not a decision", dec.ID, r.Target, doc.SourcePath)
					continue
				}
			}
			if !ok {
				hint := "supersedes lists decisions, by id, file or title"
				if sug := closestN(r.Target, ids); sug != "" {
					hint = fmt.Sprintf("did you mean %q?", sug)
				}
				b.diags.Errorf(dec.Doc.SourcePath, r.Offset, hint, "%s supersedes %q, which names no decision", dec.ID, r.Target)
				continue
			}
			dec.Replaces = append(dec.Replaces, old)
			old.SupersededBy = append(old.SupersededBy, dec)
		}
	}
	// "superseded by X" in a decision log's bullets: the same edge, written
	// on the older record.
	for _, dec := range s.Decisions {
		r := dec.Doc.SupersededBy
		if dec.Inline || r == nil {
			continue
		}
		next, ok := s.DecisionByID[r.Target]
		if !ok {
			if d := b.byContentPath(path.Join(path.Dir(dec.Doc.Path), r.Target)); d != nil {
				next, ok = s.DecisionByID[d.ID]
			}
		}
		if !ok || next == dec {
			b.diags.Warnf(dec.Doc.SourcePath, r.Offset, "name the decision that replaces it by id or file", "%s is superseded by %q, which is not a decision", dec.ID, r.Target)
			continue
		}
		if !slices.Contains(next.Replaces, dec) {
			next.Replaces = append(next.Replaces, dec)
			dec.SupersededBy = append(dec.SupersededBy, next)
		}
	}
	b.cycles()
	for _, dec := range s.Decisions {
		if len(dec.SupersededBy) > 0 && dec.Status == "accepted" {
			b.diags.Errorf(dec.Doc.SourcePath, statusAt(dec), "set `status: superseded`", "decision %q is still accepted, but %s supersedes it", dec.ID, dec.SupersededBy[0].ID)
		}
		if dec.Status == "superseded" && len(dec.SupersededBy) == 0 {
			b.diags.Warnf(dec.Doc.SourcePath, statusAt(dec), "add `supersedes: ["+dec.ID+"]` to the decision that replaces it", "decision %q is marked superseded, but nothing supersedes it", dec.ID)
		}
	}
}

// statusAt returns where a decision's status is written: the value of
// `status:` in a record, or in the entry of `decisions:` whose id is at
// dec.Offset for an inline decision.
func statusAt(dec *handbook.Decision) int {
	if !dec.Inline {
		return valueAt(dec.Doc, "status")
	}
	for i := range max(len(dec.Doc.ValueOffsets["decisions"])-1, 0) {
		entry := "decisions." + strconv.Itoa(i)
		if id := dec.Doc.ValueOffsets[entry+".id"]; len(id) > 0 && id[0] == dec.Offset {
			if st := dec.Doc.ValueOffsets[entry+".status"]; len(st) > 0 {
				return st[0]
			}
		}
	}
	return dec.Offset
}

// cycles reports every supersedes cycle once, iteratively so that long
// chains cost no stack.
func (b *builder) cycles() {
	const (
		white = iota
		grey
		black
	)
	color := map[*handbook.Decision]int{}
	type frame struct {
		dec  *handbook.Decision
		next int
	}
	for _, root := range b.site.Decisions {
		if color[root] != white {
			continue
		}
		stack := []frame{{dec: root}}
		color[root] = grey
		for len(stack) > 0 {
			top := &stack[len(stack)-1]
			if top.next >= len(top.dec.Replaces) {
				color[top.dec] = black
				stack = stack[:len(stack)-1]
				continue
			}
			old := top.dec.Replaces[top.next]
			top.next++
			switch color[old] {
			case white:
				color[old] = grey
				stack = append(stack, frame{dec: old})
			case grey:
				var names []string
				start := 0
				for i, f := range stack {
					if f.dec == old {
						start = i
					}
				}
				for _, f := range stack[start:] {
					names = append(names, f.dec.ID)
				}
				names = append(names, old.ID)
				dec := top.dec
				b.diags.Errorf(dec.Doc.SourcePath, supersedesAt(dec, old.ID), "a decision can only supersede older ones; remove one of these supersedes", "supersedes cycle: %s", strings.Join(names, " → "))
			}
		}
	}
}

func supersedesAt(dec *handbook.Decision, target string) int {
	for _, r := range dec.Supersedes {
		if r.Target == target {
			return r.Offset
		}
	}
	return dec.Offset
}

func closestN(word string, cands []string) string {
	if len(cands) > 5000 {
		return ""
	}
	return diag.Suggest(word, cands)
}
