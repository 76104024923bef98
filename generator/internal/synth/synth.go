// Package synth generates deterministic synthetic handbooks for benchmarks
// and load tests.
//
// Input: a number of documents. Output: an in-memory site root (site.yaml
// and content/) whose documents are about 6 KB of Markdown each, with
// headings, tables, code blocks, lists, notes, inline markup and links of
// every form to other documents and their headings. The same n always gives
// the same bytes.
//
// The documents are as costly for goldmark as real handbooks: converted
// with GFM on one core, they go at about the median rate of the published
// handbooks and decision logs we measured (about 38 MB/s here, where those
// ranged from 29 to 45 MB/s). Prose without inline markup would go half
// again as fast and understate the floor a build is measured against.
package synth

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing/fstest"
)

var sections = []struct{ name, kind string }{
	{"guides", "page"}, {"strategies", "strategy"}, {"design", "design-doc"},
	{"decisions", "decision"}, {"onboarding", "checklist"},
}

var words = strings.Fields(`the service team owns data model interface storage queue
latency budget review decision strategy design rollout migration schema index cache
event booking payment schedule roster partner feed retry outbox contract version
owner incident metric quality dashboard program sponsor golden example library`)

// Doc returns the content path of document i of a handbook of n.
func Doc(i int) string {
	s := sections[i%len(sections)]
	return fmt.Sprintf("content/%s/doc-%05d.md", s.name, i)
}

// Options add to a synthetic handbook what real ones bring besides: links
// that lead nowhere and code fences in languages no highlighter knows. The
// zero Options are Generate's handbook.
type Options struct {
	// BrokenLinks is how many site-path links to pages that do not exist
	// are spread over the documents, one per document at most: a quarter
	// each a page's path with a letter missing, a page's number under
	// another section, a page's path with a suffix, and an old address
	// that resembles none.
	BrokenLinks int
	// Mermaid is how many documents end with a ```mermaid diagram, a
	// language that chroma does not know.
	Mermaid int
}

// Generate returns a handbook of n documents.
func Generate(n int) fstest.MapFS { return GenerateWith(n, Options{}) }

// GenerateWith returns a handbook of n documents with opts' additions. The
// documents Generate makes are its prefix: each addition is appended to
// the end of a document, so the rest of every byte stays the same.
func GenerateWith(n int, opts Options) fstest.MapFS {
	fsys := fstest.MapFS{}
	_ = Each(n, func(p string, data []byte) error {
		fsys[p] = &fstest.MapFile{Data: data}
		return nil
	})
	for k := range min(opts.BrokenLinks, n) {
		i := k * n / min(opts.BrokenLinks, n)
		f := fsys[Doc(i)]
		f.Data = append(f.Data, brokenLink(k, i, n)...)
	}
	for k := range min(opts.Mermaid, n) {
		i := k * n / min(opts.Mermaid, n)
		f := fsys[Doc(i)]
		f.Data = append(f.Data, fmt.Sprintf("```mermaid\ngraph TD\n  A[Document %d] --> B{%s}\n  B -->|yes| C[%s]\n  B -->|no| D[%s]\n```\n", i, words[i%len(words)], words[(i+3)%len(words)], words[(i+7)%len(words)])...)
	}
	return fsys
}

// Each hands Generate(n)'s files to f one at a time, path and bytes, so
// that a handbook of any size can be written out without holding it; it
// stops at f's first error and returns it.
func Each(n int, f func(path string, data []byte) error) error {
	if err := f("site.yaml", []byte(`title: Synthetic handbook
sections:
  guides: page
  strategies: strategy
  design: design-doc
  decisions: decision
  onboarding: checklist
review_every: 180d
`)); err != nil {
		return err
	}
	for _, s := range sections {
		if err := f("content/"+s.name+"/_index.md", []byte("---\ntitle: "+s.name+"\n---\nThe "+s.name+" section.\n")); err != nil {
			return err
		}
	}
	if err := f("content/_index.md", []byte("---\ntitle: Home\n---\nWelcome.\n")); err != nil {
		return err
	}
	for i := range n {
		if err := f(Doc(i), Body(i, n)); err != nil {
			return err
		}
	}
	return nil
}

// brokenLink returns the paragraph holding broken link k, which document
// i of a handbook of n carries.
func brokenLink(k, i, n int) string {
	j := (i*7919 + k) % n // a document, not the one that links
	p := strings.TrimSuffix(strings.TrimPrefix(Doc(j), "content/"), ".md")
	var target string
	switch k % 4 {
	case 0: // a letter missing
		cut := len(p) - 1 - k%5
		target = p[:cut] + p[cut+1:]
	case 1: // the number under another section
		target = fmt.Sprintf("%s/doc-%05d", sections[(j+1)%len(sections)].name, j)
	case 2: // renamed with a suffix
		target = p + "-draft"
	default: // an address from an older wiki
		target = fmt.Sprintf("wiki/%s-%s-%d", words[k%len(words)], words[(k/7)%len(words)], k)
	}
	return fmt.Sprintf("See also [the older page](/%s/).\n\n", target)
}

func sentence(r *rand.Rand, n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(words[r.IntN(len(words))])
	}
	return b.String()
}

// prose returns a sentence of n words as handbooks write them: capitalised,
// with a comma now and then, and the inline markup real documents carry
// (code spans, emphasis, strong text) at about their rate, since goldmark's
// cost depends on it as much as on the bytes.
func prose(r *rand.Rand, n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			if r.IntN(9) == 0 {
				b.WriteByte(',')
			}
			b.WriteByte(' ')
		}
		w := words[r.IntN(len(words))]
		if i == 0 {
			w = strings.ToUpper(w[:1]) + w[1:]
		}
		switch r.IntN(50) {
		case 0:
			fmt.Fprintf(&b, "`%s_%s()`", w, words[r.IntN(len(words))])
		case 1:
			b.WriteString("*" + w + "*")
		case 2:
			b.WriteString("**" + w + " " + words[r.IntN(len(words))] + "**")
		default:
			b.WriteString(w)
		}
	}
	b.WriteByte('.')
	return b.String()
}

// paragraph returns k sentences of 8 to 18 words.
func paragraph(r *rand.Rand, k int) string {
	var b strings.Builder
	for i := range k {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(prose(r, 8+r.IntN(11)))
	}
	return b.String()
}

// Body returns the Markdown of document i of a handbook of n: front
// matter, then four parts, each with paragraphs that link to other
// documents in the three forms authors use, a bulleted list, and in turn
// a table, a subsection with a note, a code block and a closing list (a
// task list in checklists).
func Body(i, n int) []byte {
	r := rand.New(rand.NewPCG(uint64(i), uint64(n)))
	s := sections[i%len(sections)]
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: Document %d about %s\n", i, sentence(r, 3))
	switch s.kind {
	case "decision":
		fmt.Fprintf(&b, "id: dec-%05d\nstatus: accepted\ndate: 2025-%02d-%02d\nowner: team-%d\narea: area-%d\n", i, 1+i%12, 1+i%28, i%7, i%5)
	case "strategy", "design-doc":
		fmt.Fprintf(&b, "status: accepted\ndate: 2025-%02d-%02d\nowner: team-%d\n", 1+i%12, 1+i%28, i%7)
	case "checklist":
		b.WriteString("status: active\n")
	}
	fmt.Fprintf(&b, "tags: [t%d, t%d]\nsummary: %s.\n---\n\n", i%50, (i*7)%50, sentence(r, 10))
	other := func() int { return r.IntN(n) }
	for h := range 4 {
		fmt.Fprintf(&b, "## Part %d of document %d\n\n", h, i)
		for p := range 3 {
			b.WriteString(paragraph(r, 2+r.IntN(2)))
			j := other()
			switch r.IntN(3) {
			case 0:
				fmt.Fprintf(&b, " See [the other doc](../%s).", strings.TrimPrefix(Doc(j), "content/"))
			case 1:
				fmt.Fprintf(&b, " See [[%s]].", strings.TrimSuffix(strings.TrimPrefix(Doc(j), "content/"), ".md"))
			default:
				fmt.Fprintf(&b, " See [part one](/%s/#part-1-of-document-%d).", strings.TrimSuffix(strings.TrimPrefix(Doc(j), "content/"), ".md"), j)
			}
			b.WriteString("\n\n")
			if p == 0 {
				for range 3 + r.IntN(2) {
					fmt.Fprintf(&b, "- %s\n", prose(r, 5+r.IntN(6)))
				}
				b.WriteString("\n")
			}
		}
		switch h {
		case 0:
			fmt.Fprintf(&b, "### Why %s matters\n\n%s\n\n", sentence(r, 2), paragraph(r, 2))
			fmt.Fprintf(&b, "> **Note:** %s\n\n", prose(r, 12))
		case 1:
			b.WriteString("| option | cost | risk |\n|---|---|---|\n")
			for k := range 5 {
				fmt.Fprintf(&b, "| %s | %d | %s |\n", sentence(r, 2), k*10, sentence(r, 2))
			}
			b.WriteString("\n")
		case 2:
			b.WriteString(codeBlock(i, r))
			for k := range 3 {
				fmt.Fprintf(&b, "%d. %s\n", k+1, prose(r, 6+r.IntN(5)))
			}
			b.WriteString("\n")
		case 3:
			for k := range 4 {
				if s.kind == "checklist" {
					fmt.Fprintf(&b, "- [ ] %s %d\n", sentence(r, 6), k)
				} else {
					fmt.Fprintf(&b, "- %s\n", sentence(r, 8))
				}
			}
			b.WriteString("\n")
		}
	}
	return []byte(b.String())
}

// codeBlock returns a fenced code block of about seven lines in one of the
// languages handbooks use most, with names that differ from document to
// document, so that no two documents share a block.
func codeBlock(i int, r *rand.Rand) string {
	w := func() string { return words[r.IntN(len(words))] }
	switch i % 6 {
	case 0:
		return fmt.Sprintf("```go\nfunc %s%d(ctx context.Context, req *Request) error {\n\tif err := validate(req); err != nil {\n\t\treturn fmt.Errorf(\"%s: %%w\", err)\n\t}\n\treturn store.Save(ctx, req, %d)\n}\n```\n\n", w(), i, w(), i)
	case 1:
		return fmt.Sprintf("```python\ndef %s_%d(rows, limit=%d):\n    \"\"\"Keep the %s rows.\"\"\"\n    out = [r for r in rows if r.score > %d.5]\n    # %s\n    return sorted(out, key=len)[:limit]\n```\n\n", w(), i, i%100, w(), i%10, sentence(r, 4))
	case 2:
		return fmt.Sprintf("```yaml\nservice: %s-%d\nreplicas: %d\nenabled: true\nlimits:\n  cpu: \"%dm\"\n  memory: %dMi # %s\n```\n\n", w(), i, 1+i%5, 100+i%900, 64+i%512, sentence(r, 3))
	case 3:
		return fmt.Sprintf("```sql\nSELECT %s_id, count(*) AS n\nFROM %s_%d\nWHERE created_at > now() - interval '%d days'\n  AND state = '%s'\nGROUP BY 1\nORDER BY n DESC;\n```\n\n", w(), w(), i, 1+i%90, w())
	case 4:
		return fmt.Sprintf("```bash\n#!/usr/bin/env bash\nset -euo pipefail\nname=\"%s-%d\"\nfor f in ./%s/*.yaml; do\n  echo \"checking $f for $name\"\n  kubectl apply --dry-run=client -f \"$f\"\ndone\n```\n\n", w(), i, w())
	default:
		return fmt.Sprintf("```json\n{\n  \"id\": \"%s-%d\",\n  \"owner\": \"team-%d\",\n  \"weight\": %d.%d,\n  \"tags\": [\"%s\", \"%s\"],\n  \"active\": false\n}\n```\n\n", w(), i, i%7, i%10, i%100, w(), w())
	}
}
