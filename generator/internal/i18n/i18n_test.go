package i18n

import (
	"encoding/json"
	"html/template"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	defaulti18n "handbook/layouts/i18n"

	"handbook/generator/internal/diag"
	"handbook/generator/internal/handbook"
	"handbook/generator/internal/lint"
)

var builtinLangs = []string{"en", "ar", "de", "es", "fr", "ja", "ko", "pt-BR", "zh-CN"}

func load(t *testing.T, site fstest.MapFS, lang string) (*Locale, []diag.Diagnostic) {
	t.Helper()
	var diags diag.List
	var s Sources
	s.Builtin = defaulti18n.FS
	if site != nil {
		s.Site = site
	}
	l := Load(s, lang, Position{Path: "site.yaml", Line: 3, Col: 11}, &diags)
	return l, diags.All()
}

func TestBuiltinLanguages(t *testing.T) {
	got := Builtin(defaulti18n.FS)
	for _, want := range builtinLangs {
		if !slices.Contains(got, want) {
			t.Errorf("built-in languages %v lack %s", got, want)
		}
	}
	if got[0] != "en" {
		t.Errorf("built-in languages %v do not start with English", got)
	}
}

// Every built-in table has every English string, with the same
// placeholders, and the plural forms its language needs; reading it
// reports nothing.
func TestBuiltinTablesComplete(t *testing.T) {
	en, ds := load(t, nil, "en")
	if len(ds) > 0 {
		t.Fatalf("en: %v", ds)
	}
	for _, lang := range Builtin(defaulti18n.FS) {
		t.Run(lang, func(t *testing.T) {
			var diags diag.List
			own := readTable(defaulti18n.FS, lang+".yaml", tableOf(en), &diags)
			if ds := diags.All(); len(ds) > 0 {
				t.Fatalf("reading %s.yaml: %v", lang, ds)
			}
			if own.months == nil || own.dateFormat == nil {
				t.Errorf("%s.yaml has no months or date_format", lang)
			}
			_, cats := pluralRule(base(lang))
			for _, k := range en.Keys() {
				m := own.msgs[k]
				if m == nil {
					t.Errorf("%s.yaml lacks %q", lang, k)
					continue
				}
				if len(en.msgs[k].forms) == 1 {
					continue
				}
				// A string with a count has every form the language's
				// rule gives (a language with one form writes one string).
				for _, c := range cats {
					if _, ok := m.forms[c]; !ok {
						t.Errorf("%s.yaml: %q lacks its %s form", lang, k, c)
					}
				}
			}
		})
	}
}

func tableOf(l *Locale) *table {
	t := &table{msgs: map[string]*message{}}
	for k, m := range l.msgs {
		t.msgs[k] = m
	}
	return t
}

// The table names every kind and every status the handbook knows.
func TestKindsAndStatuses(t *testing.T) {
	en, _ := load(t, nil, "en")
	for _, s := range handbook.KindTable {
		for _, k := range []string{"kind_", "kinds_"} {
			if !en.Has(k + string(s.Name)) {
				t.Errorf("en.yaml lacks %s%s", k, s.Name)
			}
		}
		if s.Badge != "" && !en.Has("badge_"+string(s.Name)) {
			t.Errorf("en.yaml lacks badge_%s", s.Name)
		}
		if got := en.Text("kind_" + string(s.Name)); got != s.Label {
			t.Errorf("kind_%s = %q, the kinds table says %q", s.Name, got, s.Label)
		}
		for _, st := range s.Statuses {
			if !en.Has("status_" + st) {
				t.Errorf("en.yaml lacks status_%s", st)
			}
		}
	}
}

// The table names every writing habit package lint checks, for the
// health page's list of the documents that do not follow it.
func TestLintRules(t *testing.T) {
	en, _ := load(t, nil, "en")
	for _, r := range lint.Rules {
		if !en.Has("lint_" + r.Name) {
			t.Errorf("en.yaml lacks lint_%s", r.Name)
		}
	}
}

func TestDates(t *testing.T) {
	day := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	for lang, want := range map[string]string{
		"en":    "1 December 2026",
		"ja":    "2026年12月1日",
		"zh-CN": "2026年12月1日",
		"ko":    "2026년 12월 1일",
		"de":    "1. Dezember 2026",
		"fr":    "1 décembre 2026",
		"es":    "1 de diciembre de 2026",
		"pt-BR": "1 de dezembro de 2026",
		"ar":    "1 ديسمبر 2026",
	} {
		l, _ := load(t, nil, lang)
		if got := l.Date(day); got != want {
			t.Errorf("%s: Date = %q, want %q", lang, got, want)
		}
	}
}

func TestPlurals(t *testing.T) {
	for _, c := range []struct {
		lang, key string
		n         int
		want      string
	}{
		{"en", "steps", 1, "1 step"},
		{"en", "steps", 0, "0 steps"},
		{"en", "steps", 2, "2 steps"},
		{"fr", "steps", 0, "0 étape"},
		{"fr", "steps", 1, "1 étape"},
		{"fr", "steps", 2, "2 étapes"},
		{"de", "steps", 1, "1 Schritt"},
		{"de", "steps", 5, "5 Schritte"},
		{"ja", "steps", 1, "1ステップ"},
		{"pt-BR", "days", 1, "1 dia"},
		{"es", "days", 21, "21 días"},
	} {
		l, _ := load(t, nil, c.lang)
		if got := l.Text(c.key, c.n); got != c.want {
			t.Errorf("%s %s %d = %q, want %q", c.lang, c.key, c.n, got, c.want)
		}
	}
	ar, _ := pluralRule("ar")
	for n, want := range map[int]string{0: "zero", 1: "one", 2: "two", 3: "few", 10: "few", 11: "many", 99: "many", 100: "other", 103: "few"} {
		if got := ar(n); got != want {
			t.Errorf("Arabic plural of %d = %s, want %s", n, got, want)
		}
	}
}

func TestLanguageMatch(t *testing.T) {
	for lang, want := range map[string][2]string{
		"de-AT":   {"de-AT", "de"},
		"zh":      {"zh", "zh-CN"},
		"zh-Hans": {"zh-Hans", "zh-CN"},
		"zh_cn":   {"zh-CN", "zh-CN"},
		"pt":      {"pt", "pt-BR"},
		"pt-br":   {"pt-BR", "pt-BR"},
		"ja_JP":   {"ja-JP", "ja"},
		"EN-us":   {"en-US", "en"},
	} {
		l, ds := load(t, nil, lang)
		if l.Lang != want[0] || l.Table != want[1] || len(ds) > 0 {
			t.Errorf("%s: lang %q table %q %v, want %q %q", lang, l.Lang, l.Table, ds, want[0], want[1])
		}
	}
}

func TestUnknownLanguage(t *testing.T) {
	l, ds := load(t, nil, "xx")
	if l.Table != "en" || l.Text("skip_to_content") != "Skip to content" || l.Lang != "xx" {
		t.Errorf("unknown language: table %q, lang %q", l.Table, l.Lang)
	}
	want := `site.yaml:3:11: warning: no strings for language "xx": the theme's words are shown in English` +
		"\n\thint: the built-in languages are en, ar, de, es, fr, ja, ko, pt-BR, zh-CN; or write the strings in layouts/i18n/xx.yaml (the theme's layouts/i18n/en.yaml lists them)"
	if len(ds) != 1 || ds[0].String() != want {
		t.Errorf("diagnostics:\n%v\nwant:\n%s", ds, want)
	}
	_, ds = load(t, nil, "japanese")
	if len(ds) != 1 || !strings.Contains(ds[0].Message, `language "japanese" is not a language code`) {
		t.Errorf("diagnostics: %v", ds)
	}
	_, ds = load(t, nil, "jq")
	if len(ds) != 1 || !strings.Contains(ds[0].Hint, `did you mean "ja"?`) {
		t.Errorf("diagnostics: %v", ds)
	}
}

// A site's strings file overrides string by string; what is wrong in it
// is a warning at its place, and the built-in string stays.
func TestSiteStrings(t *testing.T) {
	site := fstest.MapFS{"ja.yaml": {Data: []byte(`skip_to_content: 本文へ
steps: "{count}ステップ"
copy: 12
sections: [a, b]
seach_label: 検索
decision_count:
  one: "{n}件"
  few: "{n}件"
  other: "{n}件の決定"
days:
  one: "{n}日"
months: [1月]
tagged: "タグ {tag} と {extra}"
`)}}
	l, ds := load(t, site, "ja")
	var got []string
	for _, d := range ds {
		got = append(got, d.String())
	}
	want := []string{
		`layouts/i18n/ja.yaml:2:8: warning: "steps" lacks {n}: the theme's string is kept` + "\n\thint: the English string is \"{n} steps\"",
		`layouts/i18n/ja.yaml:3:7: warning: "copy" is not a string: the theme's string is kept` + "\n\thint: write a string, quoted if it holds ':' or '#' or starts with '{': \"…\"",
		`layouts/i18n/ja.yaml:4:11: warning: "sections" is not a string: the theme's string is kept` + "\n\thint: write a string, quoted if it holds ':' or '#' or starts with '{': \"…\"",
		`layouts/i18n/ja.yaml:5:1: warning: unknown string "seach_label"` + "\n\thint: did you mean \"search_label\"?",
		`layouts/i18n/ja.yaml:11:3: warning: "days" has no other form: the theme's string is kept` + "\n\thint: give at least the other form, which every count falls back to",
		`layouts/i18n/ja.yaml:12:9: warning: months is not a list of twelve names: the theme's string is kept` + "\n\thint: write the twelve names as a list: [January, February, …]",
		`layouts/i18n/ja.yaml:13:9: warning: "tagged" has {extra}, which nothing fills: the theme's string is kept` + "\n\thint: the placeholders of \"tagged\" are {tag}",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, c := range []struct {
		key  string
		args []any
		want string
	}{
		{"skip_to_content", nil, "本文へ"},
		{"steps", []any{3}, "3ステップ"},
		{"copy", nil, "コピー"},
		{"sections", nil, "セクション"},
		{"days", []any{3}, "3日"},
		{"tagged", []any{"tag", "x"}, "タグ「x」"},
	} {
		if got := l.Text(c.key, c.args...); got != c.want {
			t.Errorf("%s = %q, want %q", c.key, got, c.want)
		}
	}
	if got := l.Text("decision_count", 3); got != "3件の決定" {
		t.Errorf("decision_count 3 = %q (a few form Japanese does not have falls back to other)", got)
	}
	if got := l.Date(time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)); got != "2026年12月1日" {
		t.Errorf("date with bad months = %q", got)
	}
}

func TestSiteStringsUnparsable(t *testing.T) {
	site := fstest.MapFS{"de.yaml": {Data: []byte("skip_to_content: Zum Inhalt\n  steps: x\n")}}
	l, ds := load(t, site, "de")
	if len(ds) != 1 || ds[0].Severity != diag.Error || ds[0].Path != "layouts/i18n/de.yaml" || ds[0].Line != 2 {
		t.Fatalf("diagnostics: %v", ds)
	}
	if l.Text("skip_to_content") != "Zum Inhalt springen" {
		t.Errorf("a file that does not parse changed the strings")
	}
}

// A right-to-left language of the site's own, with some strings.
func TestSiteLanguageRTL(t *testing.T) {
	site := fstest.MapFS{"he.yaml": {Data: []byte("skip_to_content: דלגו לתוכן\nsteps:\n  one: צעד אחד\n  two: שני צעדים\n  other: \"{n} צעדים\"\n")}}
	l, ds := load(t, site, "he")
	if l.Dir != "rtl" || l.Table != "he" || l.Lang != "he" {
		t.Errorf("he: dir %q table %q lang %q", l.Dir, l.Table, l.Lang)
	}
	if len(ds) != 1 || ds[0].Path != "layouts/i18n/he.yaml" || !strings.Contains(ds[0].Message, "shown in English") {
		t.Errorf("diagnostics: %v", ds)
	}
	for n, want := range map[int]string{1: "צעד אחד", 2: "שני צעדים", 5: "5 צעדים"} {
		if got := l.Text("steps", n); got != want {
			t.Errorf("steps %d = %q, want %q", n, got, want)
		}
	}
	if l.Text("previous") != "Previous" {
		t.Errorf("a string the file lacks is not English")
	}
	ar, _ := load(t, nil, "ar")
	if ar.Dir != "rtl" || ar.Text("steps", 2) != "خطوتان" || ar.Text("steps", 5) != "5 خطوات" || ar.Text("steps", 11) != "11 خطوة" {
		t.Errorf("ar: dir %s, steps %q %q %q", ar.Dir, ar.Text("steps", 2), ar.Text("steps", 5), ar.Text("steps", 11))
	}
	for tag, want := range map[string]string{"he-IL": "rtl", "fa": "rtl", "az-Arab": "rtl", "ja": "ltr", "en": "ltr"} {
		if got := Dir(tag); got != want {
			t.Errorf("Dir(%s) = %s", tag, got)
		}
	}
}

func TestHTML(t *testing.T) {
	l, _ := load(t, nil, "en")
	got, err := l.HTML("moved_to", "link", template.HTML(`<a href="x">A &amp; B</a>`))
	if err != nil || got != `This page has moved to <a href="x">A &amp; B</a>.` {
		t.Errorf("HTML = %q, %v", got, err)
	}
	got, _ = l.HTML("tagged", "tag", "<b>")
	if got != "Tagged “&lt;b&gt;”" {
		t.Errorf("HTML = %q", got)
	}
	if _, err := l.HTML("no_such_key"); err == nil || !strings.Contains(err.Error(), `no string "no_such_key"`) {
		t.Errorf("unknown key: %v", err)
	}
	if _, err := l.HTML("tagged"); err == nil || !strings.Contains(err.Error(), "needs a value for {tag}") {
		t.Errorf("missing value: %v", err)
	}
}

func TestScript(t *testing.T) {
	l, _ := load(t, nil, "ja")
	s := string(l.Script())
	body, ok := strings.CutPrefix(s, "window.HANDBOOK_STRINGS=")
	if !ok || !strings.HasSuffix(body, ";\n") {
		t.Fatalf("script: %.80s", s)
	}
	var v struct {
		Lang    string
		Dir     string
		Months  []string
		Strings map[string]any
	}
	if err := json.Unmarshal([]byte(strings.TrimSuffix(body, ";\n")), &v); err != nil {
		t.Fatal(err)
	}
	if v.Lang != "ja" || v.Dir != "ltr" || len(v.Months) != 12 || v.Strings["copy"] != "コピー" || len(v.Strings) != len(l.Keys()) {
		t.Errorf("script table: %v %v %v %v", v.Lang, v.Dir, v.Months, v.Strings["copy"])
	}
}

func TestValidTag(t *testing.T) {
	for tag, want := range map[string]bool{"ja": true, "zh-Hans": true, "zh-Hant-TW": true, "pt_BR": true, "es-419": true,
		"japanese": false, "": false, "j": false, "en-": false, "中文": false} {
		if got := ValidTag(tag); got != want {
			t.Errorf("ValidTag(%q) = %v", tag, got)
		}
	}
}
