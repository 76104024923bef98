package browser

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"golang.org/x/tools/txtar"

	"handbook/generator/internal/searchtext"
)

// cjkSite is a small handbook written in Japanese and in Chinese. The words
// searched for stand at the start, in the middle and at the end of
// sentences; some documents hold a word's characters apart, which must not
// match it.
const cjkSite = `
-- site.yaml --
title: 多言語ハンドブック
language: ja
-- content/_index.md --
---
title: ホーム
---
チームの手引きです。
-- content/ja/search.md --
---
title: 検索の仕組み
---
検索は毎日使う機能です。チームは全文検索を改善しました。私たちが最も頼りにする道具は検索。

## 速さ

利用者は速い結果を望みます。
-- content/ja/design.md --
---
title: 設計の進め方
---
設計は小さく始めます。チームは毎週設計を見直します。大切なのは障害に強い設計。
ＡＰＩの設計も同じ手順です。
-- content/ja/incident.md --
---
title: 障害対応
---
障害が起きたらまず連絡します。チームは障害の記録を残します。

## 停止

検索エンジンが止まることも障害。
-- content/ja/tools.md --
---
title: 道具の一覧
---
チームは検索の画面を直しました。新しいエンジンは来月届きます。
-- content/ja/onboarding.md --
---
title: 最初の一週間
---
チームに入ったら手順を読みます。設計と検索の資料もあります。
-- content/ja/calendar.md --
---
title: 予定表
---
チームは索引を作り、結果を検証します。障子を直す日もあります。
-- content/zh/data.md --
---
title: 数据平台
---
数据是团队最重要的资产。团队每天检查数据的质量。我们不能丢失的就是数据。
-- content/zh/deploy.md --
---
title: 上线流程
---
部署前先运行测试。团队在周二部署新版本。周五下午不做部署。
-- content/zh/review.md --
---
title: 代码评审
---
团队重视评审。每次部署都要记录数据变化。评审意见写在文档里。
-- content/zh/plan.md --
---
title: 季度计划
---
团队的季度计划。据说数量会增加，署名也要更新。
-- content/en/resume.md --
---
title: Writing a résumé
---
A good Résumé is short.
`

// cjkDocs are the documents of cjkSite: their site paths and what they
// say (front matter and body).
func cjkDocs(t *testing.T) map[string]string {
	t.Helper()
	docs := map[string]string{}
	for _, f := range txtar.Parse([]byte(cjkSite)).Files {
		if p, ok := strings.CutPrefix(f.Name, "content/"); ok && !strings.HasSuffix(p, "_index.md") {
			docs["/"+strings.TrimSuffix(p, ".md")+"/"] = searchtext.Fold(string(f.Data))
		}
	}
	return docs
}

// holding lists the documents that hold every word.
func holding(docs map[string]string, words ...string) []string {
	var out []string
	for p, text := range docs {
		ok := true
		for _, w := range words {
			ok = ok && strings.Contains(text, searchtext.Fold(w))
		}
		if ok {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}

// resultPaths are the site paths the results open, under base.
func resultPaths(got []option, base string) []string {
	var out []string
	for _, o := range got {
		p := strings.TrimPrefix(pageOf(o.Href), base)
		p = strings.TrimSuffix(p, "index.html")
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}

// TestSearchCJK searches a handbook written in Japanese and Chinese, from
// a web server and from file://: a word is found in every document that
// holds it, wherever it stands in a sentence and wherever it stands in the
// query, and only there.
func TestSearchCJK(t *testing.T) {
	root := writeSite(t, cjkSite)
	out := filepath.Join(t.TempDir(), "public")
	buildSite(t, root, out)
	docs := cjkDocs(t)
	srv := serve(t, out)
	abs, err := filepath.Abs(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, from := range []string{"http", "file"} {
		t.Run(from, func(t *testing.T) {
			var tb *tab
			var base string
			if from == "http" {
				tb = newTab(t, srv)
				base = srv.URL
				tb.open("/")
			} else {
				tb = attach(t, nil)
				base = "file://" + filepath.ToSlash(abs)
				tb.do(chromedp.Navigate(base + "/index.html"))
				tb.ready()
			}
			check := func(q string, want []string) {
				t.Helper()
				got := resultPaths(tb.searchFor(q), base)
				if !slices.Equal(got, want) {
					t.Errorf("%s: results for %q = %q, want %q", from, q, got, want)
				}
			}
			for _, c := range []struct{ word, other string }{
				{"検索", "チーム"}, {"設計", "チーム"}, {"障害", "チーム"}, {"数据", "团队"}, {"部署", "团队"},
			} {
				want := holding(docs, c.word)
				if len(want) < 2 {
					t.Fatalf("the test handbook holds %q in %d documents", c.word, len(want))
				}
				check(c.word, want)                                       // the only word
				check(c.word+" ", want)                                   // a two-character word, then a space
				check(c.word+" "+c.other, holding(docs, c.word, c.other)) // the first word
				check(c.other+" "+c.word, holding(docs, c.word, c.other)) // the last word
			}
			// Bigrams in sequence: 検索 and エンジン apart do not match.
			check("検索エンジン", holding(docs, "検索エンジン"))
			check("エンジン", holding(docs, "エンジン"))
			// A single character matches as a prefix, wherever it stands.
			check("障", holding(docs, "障"))
			check("索", holding(docs, "索"))
			// Folded as the generator folds: width, case, diacritics.
			check("api", holding(docs, "ＡＰＩ"))
			check("resume", []string{"/en/resume/"})
			check("RÉSUMÉ", []string{"/en/resume/"})

			// The snippet marks the word; the page reached marks it too.
			got := tb.searchFor("設計")
			if len(got) == 0 || !slices.Contains(got[0].Marks, "設計") {
				t.Fatalf("%s: the snippet of 設計's first result marks %+v", from, got)
			}
			tb.follow(chromedp.KeyEvent(kb.Enter))
			tb.waitFor(`!!document.querySelector("mark.search-hit")`)
			marks := eval[[]string](tb, `Array.from(document.querySelectorAll("mark.search-hit"), m => m.textContent)`)
			if len(marks) < 3 || slices.ContainsFunc(marks, func(m string) bool { return m != "設計" }) {
				t.Errorf("%s: the page reached marks %q, want 設計 each time", from, marks)
			}
			if from == "http" {
				tb.open("/")
			} else {
				tb.do(chromedp.Navigate(base + "/index.html"))
				tb.ready()
			}
		})
	}
}

// TestSearchFoldsAsTheGenerator holds the script's folding and cutting of
// text against the same table of cases as the generator's.
func TestSearchFoldsAsTheGenerator(t *testing.T) {
	root := writeSite(t, cjkSite)
	out := filepath.Join(t.TempDir(), "public")
	buildSite(t, root, out)
	tb := newTab(t, serve(t, out))
	tb.open("/")
	tb.waitFor(`!!window.handbookSearchText`)
	for _, name := range []string{"fold.txt", "terms.txt"} {
		b, err := os.ReadFile(filepath.Join("..", "searchtext", "testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, line := range strings.Split(string(b), "\n") {
			in, want, ok := strings.Cut(line, "\t")
			if !ok || strings.HasPrefix(line, "#") {
				continue
			}
			n++
			var got string
			if name == "fold.txt" {
				got = eval[string](tb, `window.handbookSearchText.fold(`+js(in)+`)`)
			} else {
				got = eval[string](tb, `(() => { const out = []; const t = window.handbookSearchText;
					t.tokens(t.fold(`+js(in)+`), 3, 0, (x) => out.push(x.cjk ? x.term + "@" + x.pos : x.term)); return out.join(" "); })()`)
			}
			if got != want {
				t.Errorf("%s: the script makes %q of %q, want %q (as the generator does)", name, got, in, want)
			}
		}
		if n == 0 {
			t.Errorf("no cases in %s", name)
		}
	}
}
