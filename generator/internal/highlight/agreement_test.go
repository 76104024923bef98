package highlight

import (
	"bytes"
	"cmp"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	gmtext "github.com/yuin/goldmark/text"
)

// The agreement tests hold each native scanner to chroma: a scanner earns
// its place only where it colours real code as chroma's lexer for the same
// fence would.
//
// The comparison is per byte: every byte of a block that is not
// whitespace counts once, and agrees when both highlighters give it the
// same coarse class. Coarse classes are those a reader tells apart:
// keyword (k*), name of a function (nf, fm), other name (na, nb, nc, nt,
// nv, ...), string (s*, and the literals l and ld), number (m*), operator
// (o, ow), punctuation (p), comment (c*, preprocessor included), each kind
// of generic output (gd, gi, gh, gu, gp, go, ...) on its own, and text
// (no span, and chroma's err, which marks what its lexer did not
// understand). A finer difference, s1 for s2 or kd for k, is not counted.
// Chroma's lexer is the one lexers.Get gives for the fence's name, which
// is where a block would go without its scanner; a name chroma does not
// know (proto3, psql) is compared with chroma's lexer for the language.
// A block chroma cannot lex, or whose tokens do not map back onto it, is
// counted as unlexed and not compared.
//
// The blocks are every fence of a native language in the Markdown of the
// collections under $HANDBOOK_CORPORA (skipped without it) and of the
// demo handbook, the snippets, and the samples in testdata/agreement,
// realistic code written for the languages the corpora hold little of.

// corporaEnv names the variable that points at a folder of real handbooks
// and decision logs, one collection per subfolder.
const corporaEnv = "HANDBOOK_CORPORA"

// demoContent is the bundled demo handbook's content, from this package.
const demoContent = "../../../content"

// minAgreement is the share of compared bytes a scanner must colour as
// chroma does, per language.
const minAgreement = 0.98

// A language with fewer fences or bytes of code than these in the corpora
// is too thin there to judge; the demo, the snippets and the samples in
// testdata/agreement judge it.
const (
	minFences = 20
	minBytes  = 2048
)

// A block is one fenced code block: the language on its fence and its
// code, as the Markdown renderer hands them to Write.
type block struct {
	lang  string
	code  []byte
	where string
}

// fencedBlocks returns the fenced code blocks of every Markdown file in
// fsys whose language has a native scanner.
func fencedBlocks(t *testing.T, fsys fs.FS, prefix string) []block {
	t.Helper()
	md := goldmark.New()
	var blocks []block
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || (path.Ext(p) != ".md" && path.Ext(p) != ".markdown") {
			return nil
		}
		src, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		doc := md.Parser().Parse(gmtext.NewReader(src))
		return ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			f, ok := n.(*ast.FencedCodeBlock)
			if !entering || !ok {
				return ast.WalkContinue, nil
			}
			lang := string(f.Language(src))
			if !Native(lang) {
				return ast.WalkSkipChildren, nil
			}
			var code []byte
			lines := f.Lines()
			for i := range lines.Len() {
				seg := lines.At(i)
				code = append(code, seg.Value(src)...)
			}
			blocks = append(blocks, block{lang, code, path.Join(prefix, p)})
			return ast.WalkSkipChildren, nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return blocks
}

// ownName returns the first name of the native language lang selects.
func ownName(lang string) string {
	lang = strings.ToLower(lang)
	for _, l := range natives {
		names := strings.Fields(l.names)
		if slices.Contains(names, lang) {
			return names[0]
		}
	}
	return ""
}

// chromaLexer returns the lexer chroma would use for a block fenced as
// lang, or its lexer for the language when it does not know that name.
func chromaLexer(lang string) chroma.Lexer {
	if l := lexers.Get(lang); l != nil {
		return l
	}
	return lexers.Get(ownName(lang))
}

// classTypes maps each of chroma's short classes to its token type.
var classTypes = func() map[string]chroma.TokenType {
	m := make(map[string]chroma.TokenType)
	for t, c := range chroma.StandardTypes {
		if c != "" {
			m[c] = t
		}
	}
	return m
}()

// coarse returns the coarse class of a span's class (see the top of this
// file).
func coarse(class string) string {
	t, ok := classTypes[class]
	switch {
	case class == "":
		return "text"
	case !ok:
		return class
	case t == chroma.NameFunction || t == chroma.NameFunctionMagic:
		return "function"
	case t.InCategory(chroma.Keyword):
		return "keyword"
	case t == chroma.Name || t == chroma.NameOther:
		return "text"
	case t.InCategory(chroma.Name):
		return "name"
	case t.InSubCategory(chroma.LiteralNumber):
		return "number"
	case t.InCategory(chroma.Literal):
		return "string"
	case t.InCategory(chroma.Operator):
		return "operator"
	case t.InCategory(chroma.Punctuation):
		return "punctuation"
	case t.InCategory(chroma.Comment):
		return "comment"
	case t.InCategory(chroma.Generic):
		return class
	}
	return "text"
}

// A confusion is a coarse class chroma gives and the one the scanner
// gives instead.
type confusion struct{ chroma, native string }

// A tally is what one language's blocks came to.
type tally struct {
	fences, bytes  int // blocks and their bytes
	compared, same int // non-whitespace bytes, and those that agree
	unlexed        int // blocks chroma could not lex, not compared
	confusions     map[confusion]int
	examples       map[confusion]string
}

// agreement returns the share of compared bytes that agree, 1 when none
// were compared.
func (tl *tally) agreement() float64 {
	if tl.compared == 0 {
		return 1
	}
	return float64(tl.same) / float64(tl.compared)
}

// classesOf returns the class of each byte of code in the HTML of one
// block, failing t if the HTML is not well formed or loses bytes.
func classesOf(t *testing.T, html string, code []byte) []string {
	t.Helper()
	_, segs, err := parse(html)
	if err != nil {
		t.Fatal(err)
	}
	if text(segs) != string(code) {
		t.Fatalf("lossy output %.200q", html)
	}
	return byteClasses(segs)
}

// add compares the highlighting of one block.
func (tl *tally) add(t *testing.T, b block) {
	t.Helper()
	tl.fences++
	tl.bytes += len(b.code)
	lexer := chromaLexer(b.lang)
	var buf bytes.Buffer
	if lexer == nil || !writeChroma(&buf, b.lang, lexer, b.code) {
		tl.unlexed++
		return
	}
	theirs := classesOf(t, buf.String(), b.code)
	ours := classesOf(t, render(b.lang, string(b.code)), b.code)
	for i, c := range b.code {
		if isSpace(c) {
			continue
		}
		tl.compared++
		conf := confusion{coarse(theirs[i]), coarse(ours[i])}
		if conf.chroma == conf.native {
			tl.same++
			continue
		}
		if tl.confusions == nil {
			tl.confusions = make(map[confusion]int)
			tl.examples = make(map[confusion]string)
		}
		tl.confusions[conf]++
		if _, ok := tl.examples[conf]; !ok {
			start, end := max(0, i-30), min(len(b.code), i+30)
			tl.examples[conf] = fmt.Sprintf("%s: %q at %q", b.where, b.code[i:i+1], b.code[start:end])
		}
	}
}

// measure tallies blocks by native language.
func measure(t *testing.T, blocks []block) map[string]*tally {
	t.Helper()
	tallies := make(map[string]*tally)
	for _, b := range blocks {
		lang := ownName(b.lang)
		if tallies[lang] == nil {
			tallies[lang] = &tally{}
		}
		tallies[lang].add(t, b)
	}
	return tallies
}

// report logs the tallies as a table, worst agreement first, with each
// language's commonest confusions under -v.
func report(t *testing.T, title string, tallies map[string]*tally) {
	t.Helper()
	langs := make([]string, 0, len(tallies))
	for lang := range tallies {
		langs = append(langs, lang)
	}
	slices.SortFunc(langs, func(a, b string) int {
		return cmp.Or(cmp.Compare(tallies[a].agreement(), tallies[b].agreement()), strings.Compare(a, b))
	})
	var sb strings.Builder
	fmt.Fprintf(&sb, "%s\n%-11s %7s %9s %9s %9s %8s\n", title, "language", "fences", "bytes", "compared", "agreement", "unlexed")
	for _, lang := range langs {
		tl := tallies[lang]
		fmt.Fprintf(&sb, "%-11s %7d %9d %9d %8.2f%% %8d\n", lang, tl.fences, tl.bytes, tl.compared, 100*tl.agreement(), tl.unlexed)
	}
	t.Logf("%s", sb.String())
	if !testing.Verbose() {
		return
	}
	for _, lang := range langs {
		tl := tallies[lang]
		confs := make([]confusion, 0, len(tl.confusions))
		for c := range tl.confusions {
			confs = append(confs, c)
		}
		slices.SortFunc(confs, func(a, b confusion) int { return tl.confusions[b] - tl.confusions[a] })
		for _, c := range confs[:min(len(confs), 6)] {
			t.Logf("%s: %d bytes chroma %s, native %s; first %s", lang, tl.confusions[c], c.chroma, c.native, tl.examples[c])
		}
	}
}

// TestAgreementCorpora holds every native scanner with enough code in the
// real handbooks under $HANDBOOK_CORPORA to chroma's colouring of it.
func TestAgreementCorpora(t *testing.T) {
	dir := os.Getenv(corporaEnv)
	if dir == "" {
		t.Skipf("set %s to a folder of real handbooks to measure the scanners on them", corporaEnv)
	}
	collections, err := os.ReadDir(dir)
	if err != nil {
		t.Skipf("corpora are absent (%v)", err)
	}
	var blocks []block
	for _, c := range collections {
		if c.IsDir() {
			blocks = append(blocks, fencedBlocks(t, os.DirFS(filepath.Join(dir, c.Name())), c.Name())...)
		}
	}
	tallies := measure(t, blocks)
	report(t, "agreement with chroma on the corpora", tallies)
	for lang, tl := range tallies {
		if tl.fences < minFences || tl.bytes < minBytes {
			t.Logf("%s: %d fences, %d bytes: too thin to judge here", lang, tl.fences, tl.bytes)
			continue
		}
		if a := tl.agreement(); a < minAgreement {
			t.Errorf("%s: %.2f%% of %d bytes agree with chroma on the corpora, want %.0f%%", lang, 100*a, tl.compared, 100*minAgreement)
		}
	}
}

// TestAgreement holds every native scanner to chroma on the demo
// handbook's code, the snippets and the samples in testdata/agreement.
func TestAgreement(t *testing.T) {
	blocks := fencedBlocks(t, os.DirFS(demoContent), "content")
	for lang, code := range snippets {
		blocks = append(blocks, block{lang, []byte(code), "snippet " + lang})
	}
	samples, err := filepath.Glob(filepath.Join("testdata", "agreement", "*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range samples {
		code, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		lang := strings.TrimSuffix(filepath.Base(p), filepath.Ext(p))
		if !Native(lang) {
			t.Errorf("%s: %q is not a native language", p, lang)
			continue
		}
		blocks = append(blocks, block{lang, code, p})
	}
	tallies := measure(t, blocks)
	report(t, "agreement with chroma on the demo, snippets and samples", tallies)
	for _, l := range natives {
		lang := strings.Fields(l.names)[0]
		tl := tallies[lang]
		switch {
		case tl == nil || tl.compared == 0:
			t.Errorf("%s: no code to compare with chroma", lang)
		case tl.agreement() < minAgreement:
			t.Errorf("%s: %.2f%% of %d bytes agree with chroma, want %.0f%%", lang, 100*tl.agreement(), tl.compared, 100*minAgreement)
		}
	}
}
