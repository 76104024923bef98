package health

import (
	"fmt"
	"io"

	"handbook/generator/internal/diag"
)

// WriteText writes the report for a terminal: each part under its heading,
// the documents due grouped by owner. Control characters in titles and
// names are shown escaped, never sent to the terminal.
func WriteText(w io.Writer, r *Report) {
	fmt.Fprintf(w, "Handbook health on %s\n", r.Date.Format("2 January 2006"))
	fmt.Fprintf(w, "\nDue for review: %d\n", len(r.Due))
	owner := "\x00"
	for _, d := range r.Due {
		if d.Owner != owner {
			owner = d.Owner
			name := diag.Printable(owner)
			if owner == "" {
				name = "(no owner)"
			}
			fmt.Fprintf(w, "  %s\n", name)
		}
		fmt.Fprintf(w, "    %s  %s: %d days overdue (last %s, every %d days)\n", d.Source, diag.Printable(d.Title), d.DaysOverdue, d.LastReviewed, d.PeriodDays)
	}
	fmt.Fprintf(w, "\nWithout an owner: %d\n", len(r.NoOwner))
	for _, d := range r.NoOwner {
		fmt.Fprintf(w, "  %s  %s (%s)\n", d.Source, diag.Printable(d.Title), d.Kind)
	}
	if len(r.NoOwner) > 0 {
		fmt.Fprintf(w, "  (name one with owner: in a document's front matter, or for whole folders in a CODEOWNERS file)\n")
	}
	fmt.Fprintf(w, "\nDecisions stuck in proposed: %d\n", len(r.Stuck))
	for _, x := range r.Stuck {
		fmt.Fprintf(w, "  %s  %s (%s): proposed for %d days\n", x.Source, diag.Printable(x.Title), x.ID, x.Days)
	}
	fmt.Fprintf(w, "\nAccepted decisions only superseded or rejected design documents touch: %d\n", len(r.Unfounded))
	for _, x := range r.Unfounded {
		fmt.Fprintf(w, "  %s  %s (%s)\n", x.Source, diag.Printable(x.Title), x.ID)
	}
	fmt.Fprintf(w, "\nDocuments nothing links to: %d\n", len(r.Orphans))
	for _, d := range r.Orphans {
		fmt.Fprintf(w, "  %s  %s\n", d.Source, diag.Printable(d.Title))
	}
	n := 0
	for _, h := range r.Habits {
		n += len(h.Docs)
	}
	fmt.Fprintf(w, "\nWriting habits not followed: %d\n", n)
	for _, h := range r.Habits {
		fmt.Fprintf(w, "  %s (%d): %s\n", h.Rule, len(h.Docs), h.Why)
		for _, f := range h.Docs {
			fmt.Fprintf(w, "    %s  %s: %s\n", f.Source, diag.Printable(f.Title), f.Message)
		}
	}
	total := 0
	for _, b := range r.Broken {
		total += b.Count
	}
	fmt.Fprintf(w, "\nBroken links: %d\n", total)
	for _, b := range r.Broken {
		sec := b.Section
		if sec == "" {
			sec = "(root)"
		}
		fmt.Fprintf(w, "  %s: %d\n", diag.Printable(sec), b.Count)
	}
}
