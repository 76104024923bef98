package browser

import (
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/chromedp"

	"handbook/generator/internal/build"
	"handbook/generator/internal/publish"
	"handbook/generator/internal/synth"
)

// scaleQueries are typed into the search box of the 10,000-document
// handbooks: words, prefixes, typos, filters and the made-up words of the
// wide vocabulary.
var scaleQueries = []string{"booking", "payment retry", "status:accepted schema", "kind:strategy queue", "docu", "owner:team-3 cache",
	"tag:t7", "rollout migration contract", "interface", "golden example library", "latency budget", "part one", "sponsor", "feed partner",
	"scheduel", "dashbord metric", "kelavo", "tirameso pulan", "zo"}

// wideVocabulary adds to each document of a synthetic handbook a
// paragraph of made-up words drawn from a vocabulary of 200,000 by Zipf's
// law, as real handbooks' words are: the synthetic documents use 45 words,
// which makes a small dictionary and long postings, the opposite of a
// real handbook's index.
func wideVocabulary(fsys map[string][]byte, n int) {
	r := rand.New(rand.NewPCG(7, 11))
	syll := strings.Fields("ka ve lo ti ra mu so pe la ni do ze fu ri na go ma sel tor vin pul dar")
	vocab := make([]string, 200_000)
	for i := range vocab {
		var b strings.Builder
		for k := 0; k < 2+i%3; k++ {
			b.WriteString(syll[(i/(k*7+1)+k*5+i*k)%len(syll)])
		}
		vocab[i] = b.String() + fmt.Sprint(i%7)
	}
	vocab[0], vocab[1], vocab[2] = "kelavo", "tirameso", "pulan"
	z := rand.NewZipf(r, 1.1, 2, uint64(len(vocab)-1))
	for i := range n {
		var b strings.Builder
		b.WriteString("\n")
		for k := range 150 {
			if k > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(vocab[z.Uint64()])
		}
		b.WriteString(".\n")
		p := synth.Doc(i)
		fsys[p] = append(fsys[p], b.String()...)
	}
}

var (
	scaleOnce sync.Map // variant → *scaleSite
)

type scaleSite struct {
	once sync.Once
	out  string
	docs int
	err  error
}

// scaleBuild builds the 10,000-document handbook once per test binary:
// synth's, or with the wide vocabulary.
func scaleBuild(tb testing.TB, variant string) *scaleSite {
	tb.Helper()
	v, _ := scaleOnce.LoadOrStore(variant, &scaleSite{})
	s := v.(*scaleSite)
	s.once.Do(func() {
		dir, err := os.MkdirTemp("", "handbook-scale-")
		if err != nil {
			s.err = err
			return
		}
		s.out = filepath.Join(dir, "public")
		fsys := synth.Generate(10_000)
		if variant == "cjk" {
			fsys = cjkHandbook(10_000)
		}
		if variant == "wide-vocabulary" {
			data := map[string][]byte{}
			for p, f := range fsys {
				data[p] = f.Data
			}
			wideVocabulary(data, 10_000)
			for p, b := range data {
				fsys[p].Data = b
			}
		}
		w, err := publish.NewDir(s.out, publish.Guard{})
		if err != nil {
			s.err = err
			return
		}
		res := build.Run(fsys, w, build.Options{})
		if res.Errors > 0 {
			s.err = fmt.Errorf("synthetic build: %d errors", res.Errors)
			return
		}
		s.docs = len(res.Site.Docs)
		s.err = w.Commit()
	})
	if s.err != nil {
		tb.Fatal(s.err)
	}
	return s
}

// scaleCleanup removes the handbooks scaleBuild built.
func scaleCleanup() {
	scaleOnce.Range(func(_, v any) bool {
		if s := v.(*scaleSite); s.out != "" {
			_ = os.RemoveAll(filepath.Dir(s.out))
		}
		return true
	})
}

// countingServer serves dir and counts the bytes of the search index it
// sends.
func countingServer(tb testing.TB, dir string, sent *atomic.Int64) *httptest.Server {
	files := http.FileServer(http.Dir(dir))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		if strings.HasPrefix(r.URL.Path, "/search/") {
			if st, err := os.Stat(filepath.Join(dir, filepath.FromSlash(r.URL.Path))); err == nil {
				sent.Add(st.Size())
			}
		}
		files.ServeHTTP(w, r)
	}))
	tb.Cleanup(srv.Close)
	return srv
}

// BenchmarkSearch10k measures search in chromium on 10,000 documents,
// synth's handbook and the same with a wide vocabulary: for each query
// typed into a fresh page, the bytes of the index downloaded before its
// first result shows (the largest over the queries is reported) and the
// time from the keystroke to the results; then the time of a query
// answered by the engine with its shards loaded. Skipped without
// chromium:
//
//	go test -run XXX -bench Search10k -benchtime 1x ./generator/internal/browser
func BenchmarkSearch10k(b *testing.B) {
	for _, name := range []string{"synth", "wide-vocabulary", "cjk"} {
		b.Run(name, func(b *testing.B) {
			if chromium() == "" {
				b.Skip("chromium not found")
			}
			site := scaleBuild(b, name)
			queries := scaleQueries
			if name == "cjk" {
				queries = cjkQueries
			}
			var sent atomic.Int64
			srv := countingServer(b, site.out, &sent)
			var maxBytes int64
			var firstMs, warmMs []float64
			var perQuery []string
			for range b.N {
				for _, q := range queries {
					tb := attach(b, srv)
					tb.open("/")
					sent.Store(0)
					t0 := time.Now()
					tb.do(chromedp.Focus(chromedp.CSS("#search-input")))
					tb.do(chromedp.SendKeys(chromedp.CSS("#search-input"), q))
					tb.waitFor(`(() => { const l = document.getElementById("search-results"); return !l.hidden && l.dataset.query === ` + js(q) + `; })()`)
					firstMs = append(firstMs, float64(time.Since(t0).Microseconds())/1000)
					maxBytes = max(maxBytes, sent.Load())
					var ms []float64
					for range 3 {
						ms = append(ms, awaitEval[float64](tb, `(async () => { const t = performance.now(); await window.handbookSearch(`+js(q)+`); return performance.now() - t; })()`))
					}
					warmMs = append(warmMs, ms...)
					slices.Sort(ms)
					perQuery = append(perQuery, fmt.Sprintf("%q %d KB %.1f ms", q, sent.Load()>>10, ms[1]))
				}
			}
			slices.Sort(firstMs)
			slices.Sort(warmMs)
			b.ReportMetric(float64(maxBytes), "max-bytes-before-first-result")
			b.ReportMetric(firstMs[len(firstMs)/2], "ms-keystrokes-to-results-median")
			b.ReportMetric(warmMs[len(warmMs)/2], "ms-query-median")
			b.ReportMetric(warmMs[len(warmMs)*9/10], "ms-query-p90")
			b.Logf("%d documents; index on disk %s (%s a document, %s without the text of snippets); bytes before the first result and query time: %s", site.docs, dirSize(filepath.Join(site.out, "search")),
				perDoc(filepath.Join(site.out, "search"), "", site.docs), perDoc(filepath.Join(site.out, "search"), "s", site.docs), strings.Join(perQuery, ", "))
		})
	}
}

// dirSize is the total size of the files in dir, in MB, and their number.
func dirSize(dir string) string {
	var n, size int64
	_ = filepath.Walk(dir, func(_ string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			n++
			size += fi.Size()
		}
		return nil
	})
	return fmt.Sprintf("%.1f MB in %d files", float64(size)/(1<<20), n)
}

// awaitEval evaluates an expression whose value is a promise, and decodes
// what it resolves to.
func awaitEval[T any](tb *tab, expr string) T {
	tb.t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// perDoc is the size of the index's files a document, in bytes, all of
// them or without those whose names begin with skip.
func perDoc(dir, skip string, docs int) string {
	var size int64
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if skip != "" && strings.HasPrefix(e.Name(), skip) {
			continue
		}
		if fi, err := e.Info(); err == nil {
			size += fi.Size()
		}
	}
	return fmt.Sprintf("%d bytes", size/int64(max(docs, 1)))
}

// cjkWords are the words of the Japanese and Chinese handbook the
// benchmark writes: nouns, verbs and the particles between them.
var cjkWords = strings.Fields(`検索 設計 障害 対応 手順 資料 会議 予定 記録 確認 開発 運用 品質 改善 担当 連絡 報告 計画 目標 顧客
	製品 機能 試験 環境 本番 変更 承認 判断 方針 組織 採用 研修 評価 予算 契約 請求 支払 予約 配送 在庫
	サービス チーム データ エンジン インデックス キャッシュ スキーマ リリース レビュー ダッシュボード
	数据 部署 团队 服务 接口 存储 队列 延迟 预算 评审 决策 战略 迁移 索引 缓存 事件 订单 支付 合同 版本`)

var cjkJoins = strings.Fields(`は が を に で と の も から まで について として します しました です。 する。 、 。`)

// cjkHandbook writes a handbook of n documents in Japanese and Chinese,
// about 2 KB of text each, in three sections.
func cjkHandbook(n int) fstest.MapFS {
	r := rand.New(rand.NewPCG(3, 5))
	fsys := fstest.MapFS{
		"site.yaml":         {Data: []byte("title: 多言語ハンドブック\nlanguage: ja\n")},
		"content/_index.md": {Data: []byte("---\ntitle: ホーム\n---\nチームの手引きです。\n")},
	}
	word := func() string { return cjkWords[r.IntN(len(cjkWords))] }
	for i := range n {
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: %s%sの%s %d\n---\n", word(), word(), word(), i)
		for s := range 3 {
			fmt.Fprintf(&b, "\n## %sと%s %d\n\n", word(), word(), s)
			for range 40 {
				b.WriteString(word())
				b.WriteString(cjkJoins[r.IntN(len(cjkJoins))])
			}
			b.WriteString("\n")
		}
		fsys[fmt.Sprintf("content/docs/doc-%05d.md", i)] = &fstest.MapFile{Data: []byte(b.String())}
	}
	return fsys
}

// cjkQueries are typed into the CJK handbook's search box.
var cjkQueries = []string{"検索", "設計 障害", "サービス", "データエンジン", "数据", "部署 团队", "障", "検索エンジン", "キャッシュ 予算", "服务接口"}
