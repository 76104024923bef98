package browser

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"golang.org/x/tools/txtar"

	"handbook/generator/internal/i18n"
	defaulti18n "handbook/layouts/i18n"
)

// buildArchive builds the handbook of testdata/NAME (a txtar archive of
// its files) and returns the output folder.
func buildArchive(t *testing.T, name string) string {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	for _, f := range ar.Files {
		p := filepath.Join(root, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "public")
	buildSite(t, root, out)
	return out
}

// englishWord is a pattern of one English string of the interface.
type englishWord struct {
	key string
	re  *regexp.Regexp
}

// englishWords are the theme's English strings (every form of every key
// of layouts/i18n/en.yaml, placeholders standing for anything) and the English
// month names: what a page of a handbook in language lang must not show,
// but for the strings that language writes as English does ("ID").
func englishWords(t *testing.T, lang string) []englishWord {
	t.Helper()
	en := i18n.Load(i18n.Sources{Builtin: defaulti18n.FS}, "en", i18n.Position{}, nil)
	own := i18n.Load(i18n.Sources{Builtin: defaulti18n.FS}, lang, i18n.Position{}, nil)
	placeholder := regexp.MustCompile(`\{[A-Za-z0-9_]+\}`)
	var out []englishWord
	add := func(key, s string) {
		var parts []string
		for _, lit := range placeholder.Split(s, -1) {
			parts = append(parts, regexp.QuoteMeta(lit))
		}
		p := strings.Join(parts, `.{0,80}?`)
		if strings.IndexFunc(s, isLetter) < 0 {
			return
		}
		if isLetter(rune(s[0])) {
			p = `\b` + p
		}
		if isLetter(rune(s[len(s)-1])) {
			p += `\b`
		}
		out = append(out, englishWord{key, regexp.MustCompile(p)})
	}
	for _, k := range en.Keys() {
		for _, f := range en.Forms(k) {
			if !slices.Contains(own.Forms(k), f) {
				add(k, f)
			}
		}
	}
	for _, m := range []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"} {
		add("months", m)
	}
	return out
}

func isLetter(r rune) bool { return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' }

// interfaceText is what a reader may see or hear of the page's interface:
// its title, its text (hidden parts too, which the script shows) and its
// aria-label, placeholder, title and alt attributes. Code is left out,
// and so are the names of the languages of code blocks (Go, Shell, YAML),
// which are names.
const interfaceText = `(() => {
	const body = document.body.cloneNode(true);
	for (const n of body.querySelectorAll("pre, code, script, style, svg, template, .code-lang")) n.remove();
	const parts = [document.title, body.textContent];
	for (const el of document.querySelectorAll("[aria-label], [placeholder], [title], [alt]")) {
		if (el.closest("pre, code")) continue;
		for (const a of ["aria-label", "placeholder", "title", "alt"]) {
			const v = el.getAttribute(a);
			if (v) parts.push(v);
		}
	}
	return parts.join("\n");
})()`

// asciiWord finds a word in Latin letters; fileName a file's name.
var (
	asciiWord = regexp.MustCompile(`[A-Za-z]{2,}`)
	fileName  = regexp.MustCompile(`[\w.-]+\.(?:json|xml|js)\b`)
)

// latinAllowed are the words in Latin letters a Japanese page may show:
// names that are the same in every language.
var latinAllowed = []string{"Markdown", "Atom", "Ctrl", "ID"}

// checkNoEnglish reports every English string of the interface in text,
// and every other word in Latin letters (the test handbook is written in
// Japanese and Chinese, so any such word comes from the theme), once the
// handbook's own ids (decisions/0002-postgres), which are no words, are
// left out.
func checkNoEnglish(t *testing.T, where, text string, words []englishWord, ids []string) {
	t.Helper()
	text = fileName.ReplaceAllString(text, " ")
	for _, id := range ids {
		text = strings.ReplaceAll(text, id, " ")
	}
	for _, w := range words {
		if m := w.re.FindString(text); m != "" {
			t.Errorf("%s shows English %q (the string %s)", where, m, w.key)
		}
	}
	seen := map[string]bool{}
	for _, m := range asciiWord.FindAllString(text, -1) {
		if !slices.Contains(latinAllowed, m) && !seen[m] {
			seen[m] = true
			i := strings.Index(text, m)
			t.Errorf("%s shows the word %q: …%s…", where, m, around(text, i, len(m)))
		}
	}
}

func around(s string, i, n int) string {
	from, to := max(0, i-40), min(len(s), i+n+40)
	for from > 0 && !utf8Start(s[from]) {
		from--
	}
	for to < len(s) && !utf8Start(s[to]) {
		to++
	}
	return strings.Join(strings.Fields(s[from:to]), " ")
}

func utf8Start(b byte) bool { return b&0xC0 != 0x80 }

// siteIDs lists the ids of a built site's documents and decisions, the
// longest first, from graph.json.
func siteIDs(t *testing.T, out string) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, "graph.json"))
	if err != nil {
		t.Fatal(err)
	}
	var g struct {
		Documents []struct{ ID string }
		Decisions []string
	}
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatal(err)
	}
	ids := g.Decisions
	for _, d := range g.Documents {
		ids = append(ids, d.ID)
	}
	slices.SortFunc(ids, func(a, b string) int { return len(b) - len(a) })
	return ids
}

// sitePages lists the pages of a built site as site paths ("",
// "strategies/data/", "404.html"), and the alias redirects apart.
func sitePages(t *testing.T, out string) (pages, redirects []string) {
	t.Helper()
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".html" {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		rel = filepath.ToSlash(rel)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if strings.Contains(string(b), `http-equiv="refresh"`) {
			redirects = append(redirects, rel)
			return nil
		}
		pages = append(pages, strings.TrimSuffix(rel, "index.html"))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(pages)
	return pages, redirects
}

// TestJapaneseInterface: in a handbook written in Japanese (language:
// ja), no page shows a word of the interface in English, from a web
// server and from file://, with the script's own words (search, the
// theme switch, the checklist's count, the decision filter) shown.
func TestJapaneseInterface(t *testing.T) {
	out := buildArchive(t, "ja-handbook.txtar")
	words := englishWords(t, "ja")
	ids := siteIDs(t, out)
	pages, redirects := sitePages(t, out)
	if len(pages) < 25 {
		t.Fatalf("the Japanese handbook has %d pages: %v", len(pages), pages)
	}
	for _, r := range redirects {
		b, err := os.ReadFile(filepath.Join(out, r))
		if err != nil {
			t.Fatal(err)
		}
		text := regexp.MustCompile(`<[^>]*>`).ReplaceAllString(string(b), " ")
		checkNoEnglish(t, r, text, words, ids)
	}
	check := func(t *testing.T, tb *tab, base string) {
		for _, p := range pages {
			if p == "404.html" && tb.srv == nil {
				continue // its links are from the server's root, for any address: only a server serves it
			}
			u := base + p
			if base != tb.srvURL() && (p == "" || strings.HasSuffix(p, "/")) {
				u += "index.html"
			}
			tb.do(chromedp.Navigate(u))
			tb.ready()
			switch {
			case p == "":
				// The search box's messages: results, and none.
				tb.typeQuery("データ戦略")
				checkNoEnglish(t, "/ (search results)", eval[string](tb, interfaceText), words, ids)
				tb.typeQuery("ぬぬぬぬ")
			case strings.HasPrefix(p, "onboarding/first-week/"):
				tb.click(".content input[type=checkbox][data-task]")
				tb.waitFor(`document.querySelector(".checklist-count").textContent.includes("1")`)
			}
			checkNoEnglish(t, "/"+p, eval[string](tb, interfaceText), words, ids)
		}
	}
	t.Run("server", func(t *testing.T) {
		srv := serve(t, out)
		tb := newTab(t, srv)
		check(t, tb, srv.URL+"/")
		// A page in Chinese in the Japanese handbook: its text has its
		// language and Chinese fonts first; the interface keeps Japanese.
		tb.open("/guide/chinese/")
		fonts := eval[[]string](tb, `[document.documentElement.lang, getComputedStyle(document.querySelector("header.site-header")).fontFamily,
			document.querySelector("article").lang, getComputedStyle(document.querySelector("article h1")).fontFamily]`)
		if fonts[0] != "ja" || fonts[2] != "zh-CN" {
			t.Errorf("lang of the page %q, of its article %q", fonts[0], fonts[2])
		}
		if jp, sc := strings.Index(fonts[1], "CJK JP"), strings.Index(fonts[1], "CJK SC"); jp < 0 || sc >= 0 {
			t.Errorf("the Japanese interface's fonts: %s", fonts[1])
		}
		if sc, jp := strings.Index(fonts[3], "CJK SC"), strings.Index(fonts[3], "CJK JP"); sc < 0 || jp >= 0 {
			t.Errorf("the Chinese article's fonts: %s", fonts[3])
		}
	})
	t.Run("file", func(t *testing.T) {
		tb := attach(t, nil)
		check(t, tb, "file://"+filepath.ToSlash(out)+"/")
	})
}

// srvURL is the server's root with a slash, or "" for a tab without one.
func (tb *tab) srvURL() string {
	if tb.srv == nil {
		return ""
	}
	return tb.srv.URL + "/"
}

// typeQuery puts a query in the search box, as typing it would, and waits
// for the list to answer it.
func (tb *tab) typeQuery(q string) {
	tb.t.Helper()
	tb.do(chromedp.Evaluate[chromedp.Void](`(() => { const i = document.getElementById("search-input"); i.focus(); i.value = ` + js(q) + `; i.dispatchEvent(new Event("input", {bubbles: true})); })()`))
	tb.waitFor(`(() => { const l = document.getElementById("search-results"); return !l.hidden && l.dataset.query === ` + js(q) + ` || !!l.querySelector(".search-message"); })()`)
}

// TestLanguageScreenshots writes the Japanese and the Arabic handbook, at
// 1280x800 and 390x844, light and dark, into the screenshot folder, and
// checks that the Arabic one is laid out from right to left.
func TestLanguageScreenshots(t *testing.T) {
	dir := screenshotDir(t)
	for _, lang := range []string{"ja", "ar"} {
		out := buildArchive(t, lang+"-handbook.txtar")
		srv := serve(t, out)
		for _, size := range [][2]int64{{1280, 800}, {390, 844}} {
			tb := newTab(t, srv, chromedp.EmulateViewport(size[0], size[1]))
			pages := []struct{ path, name string }{{"/", "home"}, {"/strategies/data/", "strategy"}}
			if lang == "ja" {
				pages = append(pages, struct{ path, name string }{"/decisions/", "decisions"})
			}
			for _, pg := range pages {
				tb.open(pg.path)
				if lang == "ar" {
					if d := eval[string](tb, `document.documentElement.dir`); d != "rtl" {
						t.Errorf("ar %s: dir %q", pg.path, d)
					}
					if size[0] == 1280 {
						// The sidebar is on the right, the reading side's start.
						if ok := eval[bool](tb, `(() => { const s = document.querySelector(".sidebar"), m = document.querySelector("main"); return !!s && !!m && s.getBoundingClientRect().left > m.getBoundingClientRect().left; })()`); !ok {
							t.Errorf("ar %s: the sidebar is not on the right of the page", pg.path)
						}
					}
				}
				for _, theme := range []string{"light", "dark"} {
					tb.do(chromedp.Evaluate[chromedp.Void](`document.documentElement.dataset.theme = ` + js(theme)))
					png, err := chromedp.Run(tb.ctx, chromedp.CaptureScreenshot())
					if err != nil {
						t.Fatal(err)
					}
					name := filepath.Join(dir, "i18n-"+lang+"-"+pg.name+"-"+strconv.FormatInt(size[0], 10)+"-"+theme+".png")
					if err := os.WriteFile(name, png, 0o644); err != nil {
						t.Fatal(err)
					}
					t.Logf("wrote %s", name)
				}
			}
		}
	}
}
