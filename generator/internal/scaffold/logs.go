package scaffold

import (
	"bytes"
	_ "embed"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"handbook/generator/internal/handbook"
	"handbook/generator/internal/markdown"
)

// recordName matches a record's file name as decision logs write them: a
// prefix of letters (adr-, ADR-) or none, a number or a date
// (0001-use-go.md, 20200924-use-go.md), a hyphen and a name.
var recordName = regexp.MustCompile(`^([A-Za-z]+-)?(\d+)-[^/]+\.(?:md|markdown|mdx)$`)

// naming is how a folder's records are named: their prefix, the digits of
// their numbers, whether those are dates (YYYYMMDD, log4brains), and the
// highest number.
type naming struct {
	prefix string
	width  int
	dated  bool
	last   int
	count  int
}

// namingOf reads how the records of dir are named; four digits and no
// prefix when it holds none.
func namingOf(dir string) naming {
	n := naming{width: 4}
	es, _ := os.ReadDir(dir)
	widths, prefixes, dated := map[int]int{}, map[string]int{}, 0
	for _, e := range es {
		m := recordName.FindStringSubmatch(e.Name())
		if e.IsDir() || m == nil || markdown.IsTemplateName(e.Name()) {
			continue
		}
		n.count++
		widths[len(m[2])]++
		prefixes[m[1]]++
		if isDate(m[2]) {
			dated++
			continue
		}
		if x, err := strconv.Atoi(m[2]); err == nil && x > n.last {
			n.last = x
		}
	}
	if n.count == 0 {
		return n
	}
	n.width, n.prefix = most(widths), most(prefixes)
	n.dated = dated*2 > n.count
	return n
}

// most returns the key counted most, the least key on a tie.
func most[K int | string](counts map[K]int) K {
	var best K
	first := true
	for k, c := range counts {
		if first || c > counts[best] || c == counts[best] && k < best {
			best, first = k, false
		}
	}
	return best
}

// isDate reports whether digits are a date as YYYYMMDD.
func isDate(digits string) bool {
	if len(digits) != 8 {
		return false
	}
	_, err := time.Parse("20060102", digits)
	return err == nil && digits[:2] >= "19" && digits[:2] <= "21"
}

// next returns the next record's file name prefix (adr-0011-, 20261205-)
// and number: a dated log's is today, and its number the count of its
// records plus one.
func (n naming) next(now time.Time) (string, int) {
	if n.dated {
		return n.prefix + now.Format("20060102") + "-", n.count + 1
	}
	return n.prefix + pad(n.last+1, n.width) + "-", n.last + 1
}

func pad(x, width int) string {
	s := strconv.Itoa(x)
	for len(s) < width {
		s = "0" + s
	}
	return s
}

// recordFolder returns the folder under content, from content, that holds
// the most files named as records (recordName): a decision log whose
// records are not in a folder named for their kind (log4brains' adr
// folder read as the content). ok is false when no folder holds two.
func recordFolder(content string) (string, bool) {
	counts := map[string]int{}
	_ = filepath.WalkDir(content, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		rel, _ := filepath.Rel(content, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if rel != "." && (strings.HasPrefix(d.Name(), ".") || handbook.Dependencies(rel, true)) {
				return fs.SkipDir
			}
			return nil
		}
		if recordName.MatchString(d.Name()) && !markdown.IsTemplateName(d.Name()) {
			counts[filepath.ToSlash(filepath.Dir(rel))]++
		}
		return nil
	})
	dirs := make([]string, 0, len(counts))
	for d := range counts {
		dirs = append(dirs, d)
	}
	sort.Slice(dirs, func(i, j int) bool {
		a, b := dirs[i], dirs[j]
		return counts[a] > counts[b] || counts[a] == counts[b] && a < b
	})
	if len(dirs) == 0 || counts[dirs[0]] < 2 {
		return "", false
	}
	if dirs[0] == "." {
		return "", true
	}
	return dirs[0], true
}

// adrTools is adr-tools' record format (Michael Nygard's), in adr-tools'
// placeholders (see fillTemplate): a log whose records are written so and
// that keeps no template of its own gets its new records in it, which
// adr-tools' own commands still read.
//
//go:embed logs/adr-tools.md
var adrTools []byte

// logTemplate returns a decision log's own template in dir, by its name
// (template.md, adr-template.md…, see markdown.IsTemplateName), or in its
// templates/ folder, as adr-tools keeps a custom one; else, when the log's
// latest record is in adr-tools' format, that format (adrTools); "" when
// there is none.
func logTemplate(dir string) (string, []byte) {
	for _, d := range []string{dir, filepath.Join(dir, "templates")} {
		es, _ := os.ReadDir(d)
		for _, e := range es {
			if e.Type().IsRegular() && handbook.IsMarkdown(e.Name()) && markdown.IsTemplateName(e.Name()) {
				p := filepath.Join(d, e.Name())
				if src, err := os.ReadFile(p); err == nil {
					return p, src
				}
			}
		}
	}
	if latest := latestRecord(dir); latest != "" {
		if src, err := os.ReadFile(latest); err == nil && adrToolsRecord.Match(src) {
			return "adr-tools' format", adrTools
		}
	}
	return "", nil
}

// adrToolsRecord matches a record in adr-tools' format: no front matter,
// a first heading "# 12. Title", and a Status section.
var adrToolsRecord = regexp.MustCompile(`^\s*# \d+\. [^\n]+\n(?s:.*)\n## Status\s*\n`)

// latestRecord returns the path of dir's record with the highest number
// (recordName), "" when it holds none.
func latestRecord(dir string) string {
	best, bestN := "", -1
	es, _ := os.ReadDir(dir)
	for _, e := range es {
		m := recordName.FindStringSubmatch(e.Name())
		if e.IsDir() || m == nil || markdown.IsTemplateName(e.Name()) {
			continue
		}
		if n, err := strconv.Atoi(m[2]); err == nil && n > bestN {
			best, bestN = filepath.Join(dir, e.Name()), n
		}
	}
	return best
}

var (
	// tplWord is adr-tools' template's words: # NUMBER. TITLE, Date: DATE.
	tplWord = regexp.MustCompile(`\b(NUMBER|TITLE|DATE|STATUS)\b`)
	// tplField is a status, date or title line of a template, in front
	// matter (status: "{proposed | …}") or as a leading bullet (- Status:
	// [draft | proposed | …]), its value up to a trailing comment.
	tplField = regexp.MustCompile(`(?mi)^([ \t]*(?:#[ \t]*)?(?:[-*][ \t]+)?(status|date|title)[ \t]*:[ \t]*)([^\n]*?)([ \t]*<!--[^\n]*)?$`)
	// tplHeading is a template's first heading when it is a placeholder:
	// # [short title of solved problem and solution].
	tplHeading = regexp.MustCompile(`(?m)^#[ \t]+([\[{][^\n]*[\]}])[ \t]*$`)
	// tplDate is a date placeholder anywhere: {YYYY-MM-DD when …}.
	tplDate = regexp.MustCompile(`[\[{]YYYY-MM-DD[^\]}\n]*[\]}]`)
)

// fillTemplate fills a decision log's own template for a new record: its
// title in the first heading when that is a placeholder and in a title
// field, today's date and the status proposed where placeholders stand
// for them, and adr-tools' NUMBER, TITLE, DATE and STATUS. The other
// placeholders stay for the author.
func fillTemplate(src []byte, d Data, number int) []byte {
	out := tplWord.ReplaceAllFunc(src, func(w []byte) []byte {
		switch string(w) {
		case "NUMBER":
			return []byte(strconv.Itoa(number))
		case "TITLE":
			return []byte(d.Title)
		case "DATE":
			return []byte(d.Date)
		}
		return []byte("Proposed")
	})
	fm := frontMatterEnd(out)
	var b []byte
	at := 0
	for _, m := range tplField.FindAllSubmatchIndex(out, -1) {
		key, prefix := strings.ToLower(string(out[m[4]:m[5]])), out[m[2]:m[3]]
		value := strings.Trim(strings.TrimSpace(string(out[m[6]:m[7]])), `"'`)
		placeholder := len(value) > 1 && (value[0] == '[' || value[0] == '{')
		if c := bytes.IndexByte(prefix, '#'); c >= 0 {
			// A field the template leaves commented out in its front
			// matter (MADR's optional status and date): filled, it is
			// one.
			if m[0] >= fm || key == "title" || !placeholder {
				continue
			}
			prefix = bytes.TrimLeft(prefix[c+1:], " \t")
		}
		with := ""
		switch {
		case key == "status" && placeholder && strings.Contains(strings.ToLower(value), "proposed"):
			with = "proposed"
		case key == "date" && (placeholder || value == ""):
			with = d.Date
		case key == "title" && m[0] < fm: // front matter's: a bullet "Title:" is prose
			with = Quote(d.Title)
		default:
			continue
		}
		b = append(b, out[at:m[0]]...)
		b = append(b, prefix...)
		b = append(b, with...)
		at = m[7] // the trailing comment, if any, stays
	}
	out = append(b, out[at:]...)
	if loc := tplHeading.FindSubmatchIndex(out); loc != nil {
		out = concat(out[:loc[2]], []byte(d.Title), out[loc[3]:])
	}
	return tplDate.ReplaceAll(out, []byte(d.Date))
}

// frontMatterEnd returns the offset where src's YAML front matter ends, 0
// when it has none.
func frontMatterEnd(src []byte) int {
	if !bytes.HasPrefix(src, []byte("---\n")) {
		return 0
	}
	if i := bytes.Index(src[4:], []byte("\n---")); i >= 0 {
		return 4 + i
	}
	return 0
}

func concat(parts ...[]byte) []byte {
	var b []byte
	for _, p := range parts {
		b = append(b, p...)
	}
	return b
}
