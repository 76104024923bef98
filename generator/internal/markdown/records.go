package markdown

import (
	"bytes"
	"fmt"
	"path"
	"regexp"
	"strings"
	"time"

	"handbook/generator/internal/handbook"
)

// Decision records kept in other tools' formats are read as they are
// written. Besides front matter and leading bullets (frontmatter.go), the
// classic adr-tools record (Michael Nygard's):
//
//	# 2. Implement as shell scripts
//
//	Date: 2016-02-12
//
//	## Status
//
//	Accepted
//
//	Supersedes [1. Record architecture decisions](0001-record-architecture-decisions.md)
//
// gives the record's number (2, shown with its title, which loses it), its
// date, its status (the first line of the Status section) and the records
// it supersedes or is superseded by.

// recordHeadingRE is a record's title with its number: "# 2. Title".
var recordHeadingRE = regexp.MustCompile(`^#\s+(\d+)[.:]\s+(\S.*?)\s*#*\s*$`)

// plainKeyRE is a "Date: 2016-02-12" or "Owner: Platform" line before
// the first section, as decision records and design documents head
// themselves, and Notion's export writes a page's properties.
var plainKeyRE = regexp.MustCompile(`(?i)^(?:\*\*|__)?(status|date|deciders|decision-makers|owner)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(\S.*?)\s*$`)

// linkTextRE is a value written as one Markdown link, its text the
// first group.
var linkTextRE = regexp.MustCompile(`^\[([^\]]+)\]\([^)]*\)$`)

// statusHeadingRE is the heading of a record's Status section.
var statusHeadingRE = regexp.MustCompile(`(?i)^#{2,3}\s+status\s*#*\s*$`)

// linkLineRE is a "Superseded by [3. X](0003-x.md)" or "Supersedes
// [1. Y](0001-y.md)" line of the Status section.
var linkLineRE = regexp.MustCompile(`(?i)^(superseded\s+by|supersedes)\s*:?\s+(?:\[[^\]]*\]\(([^)\s]+)\)|([\w./-]+))`)

// record reads the classic record's title number, Date line and Status
// section, for the keys neither front matter nor bullets set.
func (f *fields) record() {
	body := f.end
	if body > 0 {
		body += len(firstLine(f.src[body:])) + 1
	}
	inStatus, statusSeen, sections, fence := false, false, 0, false
	n := 0
	for off, next := min(body, len(f.src)), 0; off < len(f.src) && n < 60; off = next {
		raw := firstLine(f.src[off:])
		next = off + len(raw) + 1
		tb := trimLine(raw)
		if len(tb) == 0 {
			continue
		}
		n++
		if bytes.HasPrefix(tb, []byte("```")) || bytes.HasPrefix(tb, []byte("~~~")) {
			fence = !fence
			continue
		}
		if fence {
			continue
		}
		if sections > 0 && !inStatus && tb[0] != '#' && f.heading != "" && (statusSeen || sections > 3) {
			break // past the Status section, or the first sections without one
		}
		if !inStatus && tb[0] != '#' && (sections > 0 || bytes.IndexByte(tb, ':') < 0) {
			continue // nothing to read here: spare the conversion
		}
		t := string(tb)
		if strings.HasPrefix(t, "#") {
			if f.heading == "" && strings.HasPrefix(t, "# ") {
				f.heading = strings.TrimSpace(strings.TrimLeft(t, "#"))
				if m := recordHeadingRE.FindStringSubmatch(t); m != nil {
					f.number = m[1]
				}
				continue
			}
			if strings.HasPrefix(t, "##") {
				sections++
			}
			inStatus = !statusSeen && statusHeadingRE.MatchString(t)
			statusSeen = statusSeen || inStatus
			continue
		}
		at := off + len(raw) - len(bytes.TrimLeft(raw, " \t"))
		switch {
		case inStatus:
			if m := linkLineRE.FindStringSubmatchIndex(t); m != nil {
				var target string
				if m[4] >= 0 {
					target = t[m[4]:m[5]]
				} else {
					target = t[m[6]:m[7]]
				}
				ref := handbook.Ref{Target: target, Offset: at + strings.Index(t, target)}
				if strings.HasPrefix(strings.ToLower(t), "superseded") {
					if f.successor == nil {
						f.successor = &ref
					}
				} else {
					f.predecessors = append(f.predecessors, ref)
				}
			}
			if _, set := f.values["status"]; !set {
				f.infer("status", t, off, at)
			}
		case sections == 0:
			if m := plainKeyRE.FindStringSubmatchIndex(t); m != nil {
				key := strings.ToLower(t[m[2]:m[3]])
				if key == "decision-makers" {
					key = "deciders"
				}
				if _, set := f.values[key]; !set {
					f.infer(key, t[m[4]:m[5]], off, at+m[4])
				}
			}
		}
	}
}

// trimLine is a line without the spaces and tabs around it, nor the
// carriage return of a CRLF.
func trimLine(l []byte) []byte {
	for len(l) > 0 && (l[len(l)-1] == ' ' || l[len(l)-1] == '\t' || l[len(l)-1] == '\r') {
		l = l[:len(l)-1]
	}
	for len(l) > 0 && (l[0] == ' ' || l[0] == '\t') {
		l = l[1:]
	}
	return l
}

// infer sets key from a value read in the body at offset at (its line at
// off), marking it inferred: a wrong value there is a warning.
func (f *fields) infer(key, val string, off, at int) {
	if f.values == nil {
		f.values = map[string]any{}
	}
	pos := []int{at}
	if key == "owner" {
		// "**Platform**", "[Platform](../teams/platform.md)": the name.
		if m := linkTextRE.FindStringSubmatch(val); m != nil {
			pos[0] += strings.Index(val, m[1])
			val = m[1]
		}
		trimmed := strings.TrimLeft(val, "*_`")
		pos[0] += len(val) - len(trimmed)
		val = strings.TrimRight(trimmed, "*_`")
		if len(strings.Fields(val)) > 6 || strings.HasSuffix(val, ".") {
			return // a sentence ("Owner: the sales team owns the calls."), not a name
		}
		if isStatusPlaceholder(val) || ownerPlaceholders[strings.ToLower(strings.Trim(val, " ?!"))] || strings.Trim(val, " ?-–—_…") == "" {
			return // a template's blank: "Owner: TBD", "[name]", "?"
		}
	}
	if key == "deciders" {
		var names []any
		for i := 0; i <= len(val); {
			n, _, _ := strings.Cut(val[i:], ",")
			if t := strings.TrimSpace(n); t != "" {
				names = append(names, t)
				pos = append(pos, at+i+strings.Index(n, t))
			}
			i += len(n) + 1
		}
		f.values[key] = names
	} else {
		f.values[key] = val
	}
	f.offsets[key] = off
	f.vals[key] = pos
	if f.inferred == nil {
		f.inferred = map[string]bool{}
	}
	f.inferred[key] = true
}

// statusWord reads the status as written (statusWord) into its word, and
// a date written with it into date when none is set.
func (f *fields) statusWord() {
	raw, ok := f.values["status"].(string)
	if !ok {
		return
	}
	if isStatusPlaceholder(raw) {
		f.placeholder = true
		return
	}
	word, start, date := statusWord(raw)
	if word == "" {
		return
	}
	f.values["status"] = word
	if m := supersededByRE.FindStringSubmatchIndex(raw[start:]); m != nil && f.successor == nil && !f.inferred["status"] {
		// MADR's status: "superseded by ADR-0005" in front matter
		var target string
		if m[2] >= 0 {
			target = raw[start+m[2] : start+m[3]]
		} else {
			target = raw[start+m[4] : start+m[5]]
		}
		f.successor = &handbook.Ref{Target: target, Offset: f.valueAt("status") + start + strings.Index(raw[start:], target)}
	}
	if v := f.vals["status"]; len(v) > 0 && strings.HasPrefix(string(f.src[v[0]:min(len(f.src), v[0]+len(raw))]), raw) {
		f.vals["status"] = []int{v[0] + start}
	}
	if _, set := f.values["date"]; !set && date != "" {
		at := f.valueAt("status")
		f.infer("date", date, f.at("status"), at+strings.Index(raw[start:], date))
	}
}

// statusWords maps the statuses decision logs write outside the handbook's
// list to the handbook's.
var statusWords = map[string]string{
	"proposal": "proposed", "open": "proposed", "pending": "proposed", "in review": "proposed",
	"under review": "proposed", "review": "proposed", "in discussion": "proposed", "discussion": "proposed",
	"on hold": "proposed", "postponed": "proposed", "deferred": "proposed", "rfc": "proposed",
	"wip": "draft", "work in progress": "draft", "in progress": "draft", "drafted": "draft",
	"approved": "accepted", "agreed": "accepted", "adopted": "accepted", "decided": "accepted",
	"done": "accepted", "implemented": "accepted", "active": "accepted", "final": "accepted", "accept": "accepted",
	"declined": "rejected", "refused": "rejected", "withdrawn": "rejected", "abandoned": "rejected", "reject": "rejected",
	"obsolete": "deprecated", "retired": "deprecated", "deprecate": "deprecated",
	"replaced": "superseded", "superseeded": "superseded", "supersede": "superseded",
}

var isoInTextRE = regexp.MustCompile(`\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{4}\b`)

// statusWord reads a status as decision logs write it: in any case, with
// decoration ("✅ Accepted", "**Accepted**", "Accepted on 2021-03-04",
// "superseded by [ADR-5](…)"). It returns the status's words in lower
// case, where they start in s, and a date written with it, if any.
func statusWord(s string) (word string, start int, date string) {
	start = strings.IndexFunc(s, func(r rune) bool {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	})
	if start < 0 {
		return "", 0, ""
	}
	rest := s[start:]
	if d := isoInTextRE.FindString(rest); d != "" {
		date = d
	}
	lower := strings.ToLower(rest)
	for _, phrase := range []string{"work in progress", "in progress", "on hold", "in review", "under review", "in discussion", "superseded by"} {
		if strings.HasPrefix(lower, phrase) {
			if phrase == "superseded by" {
				return "superseded", start, date
			}
			return phrase, start, date
		}
	}
	end := strings.IndexFunc(lower, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r == '-') })
	if end < 0 {
		end = len(lower)
	}
	return lower[:end], start, date
}

// mapStatus returns the handbook's status a word of another log stands
// for, and whether it knows one.
func mapStatus(word string) (string, bool) {
	s, ok := statusWords[word]
	return s, ok
}

// isPlaceholder reports whether a title is a template's placeholder:
// "[short title of solved problem and solution]", "{short title}", or
// only a comment ("<!-- short title -->").
func isPlaceholder(s string) bool {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "<!--") && strings.HasSuffix(s, "-->") && !strings.Contains(s[4:len(s)-3], "-->") {
		return true
	}
	return len(s) > 2 && (s[0] == '[' && s[len(s)-1] == ']' || s[0] == '{' && s[1] != '{' && s[len(s)-1] == '}')
}

// isStatusPlaceholder reports whether a status is a template's
// placeholder: "{status}", "[draft | proposed | accepted]".
// ownerPlaceholders are what an owner line holds before anyone owns the
// document, in lower case.
var ownerPlaceholders = map[string]bool{"tbd": true, "tbc": true, "todo": true, "n/a": true, "na": true, "none": true, "nobody": true, "unknown": true, "unassigned": true, "owner": true, "name": true}

func isStatusPlaceholder(s string) bool {
	s = strings.TrimSpace(s)
	return len(s) > 1 && (s[0] == '[' || s[0] == '{' && s[1] != '{')
}

// IsTemplateName reports whether a file is a decision log's template by its
// name: template.md, adr-template.md, 0000-template.md.
func IsTemplateName(p string) bool {
	name := strings.ToLower(strings.TrimSuffix(path.Base(p), path.Ext(p)))
	return name == "template" || strings.HasSuffix(name, "-template") || strings.HasSuffix(name, "_template") || strings.HasPrefix(name, "template-")
}

// indexName reports whether a file is named as a folder's page is:
// index.md, _index.md, README.md.
func indexName(p string) bool {
	name := strings.ToLower(strings.TrimSuffix(path.Base(p), path.Ext(p)))
	return name == "index" || name == "_index" || name == "readme"
}

var numericDateRE = regexp.MustCompile(`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$`)

// yearFirstDateRE matches a numeric date year first: 2020/05/18, 2023-10-3.
var yearFirstDateRE = regexp.MustCompile(`^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$`)

// textDateLayouts are the dates written out that records use besides ISO.
var textDateLayouts = []string{"2 January 2006", "2 Jan 2006", "January 2, 2006", "Jan 2, 2006", "January 2 2006", "2. January 2006"}

// parseLooseDate reads "12 February 2016" and day- or month-first numeric
// dates ("12/02/2016"). ambiguous is true for a numeric date both of whose
// first numbers could be the month: it is read day first.
func parseLooseDate(s string) (t time.Time, ambiguous, ok bool) {
	for _, l := range textDateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, false, true
		}
	}
	if m := yearFirstDateRE.FindStringSubmatch(s); m != nil {
		// ISO's order with other separators or unpadded numbers
		// (2020/05/18, 2023-10-3): no one writes the day first after the year.
		var y, month, day int
		fmt.Sscan(m[1], &y)
		fmt.Sscan(m[2], &month)
		fmt.Sscan(m[3], &day)
		t = time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
		if month < 1 || month > 12 || t.Day() != day {
			return time.Time{}, false, false
		}
		return t, false, true
	}
	m := numericDateRE.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, false, false
	}
	var a, b, y int
	fmt.Sscan(m[1], &a)
	fmt.Sscan(m[2], &b)
	fmt.Sscan(m[3], &y)
	day, month := a, b
	if a <= 12 && b > 12 {
		day, month = b, a
	}
	t = time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if month < 1 || month > 12 || t.Day() != day {
		return time.Time{}, false, false
	}
	return t, a <= 12 && b <= 12 && a != b, true
}

// trimNumber strips a record's number from a title read from its heading:
// "2. Implement as shell scripts" → "Implement as shell scripts".
func trimNumber(title, number string) (string, bool) {
	for _, sep := range []string{". ", ": "} {
		if rest, ok := strings.CutPrefix(title, number+sep); ok && strings.TrimSpace(rest) != "" {
			return strings.TrimSpace(rest), true
		}
	}
	return title, false
}

// template reports whether a document in a folder of records is the log's
// template: by its name, or a title or status that is a placeholder.
func (f *fields) template(doc *handbook.Document) bool {
	if IsTemplateName(doc.Path) || f.placeholder {
		return true
	}
	title, _ := f.values["title"].(string)
	if title == "" {
		title = f.heading
	}
	return isPlaceholder(title)
}

// dropInferred forgets what was read from a template's body and its
// placeholders: a template is not a record, and its blanks are not errors.
func (f *fields) dropInferred() {
	for k := range f.inferred {
		delete(f.values, k)
		delete(f.vals, k)
		delete(f.offsets, k)
	}
	f.inferred = nil
	for _, k := range []string{"status", "date", "supersedes", "deciders"} {
		switch v := f.values[k].(type) {
		case string:
			if isStatusPlaceholder(v) {
				delete(f.values, k)
			}
		case map[string]any:
			delete(f.values, k) // {YYYY-MM-DD when …} reads as a map
		}
	}
	if f.placeholder {
		delete(f.values, "status")
	}
	f.successor, f.predecessors = nil, nil
}

// dirOf is the folder of a content path, "" at the root.
func dirOf(p string) string {
	if d := path.Dir(p); d != "." {
		return d
	}
	return ""
}
