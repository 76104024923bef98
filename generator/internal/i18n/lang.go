package i18n

import (
	"regexp"
	"strings"
)

// pluralOrder lists CLDR's plural categories in the order tables write
// them.
var pluralOrder = []string{"zero", "one", "two", "few", "many", "other"}

// pluralRule returns the plural categories of whole numbers in a language
// (its base subtag: "pt", "ar"), after CLDR's rules, and the categories
// the rule can give.
func pluralRule(base string) (func(n int) string, []string) {
	switch base {
	case "ja", "zh", "ko", "vi", "th", "id", "ms", "my", "lo", "km":
		return func(int) string { return "other" }, []string{"other"}
	case "fr", "pt", "fa", "hi", "bn", "am", "zu":
		// One for 0 and 1 (French, Portuguese; Persian and Hindi: i = 0 or n = 1).
		return func(n int) string {
			if n == 0 || n == 1 {
				return "one"
			}
			return "other"
		}, []string{"one", "other"}
	case "ar":
		return func(n int) string {
			switch m := n % 100; {
			case n == 0:
				return "zero"
			case n == 1:
				return "one"
			case n == 2:
				return "two"
			case m >= 3 && m <= 10:
				return "few"
			case m >= 11 && m <= 99:
				return "many"
			}
			return "other"
		}, []string{"zero", "one", "two", "few", "many", "other"}
	case "he", "iw":
		return func(n int) string {
			switch n {
			case 1:
				return "one"
			case 2:
				return "two"
			}
			return "other"
		}, []string{"one", "two", "other"}
	case "ru", "uk", "be":
		return func(n int) string {
			m10, m100 := n%10, n%100
			switch {
			case m10 == 1 && m100 != 11:
				return "one"
			case m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14):
				return "few"
			}
			return "many"
		}, []string{"one", "few", "many", "other"}
	case "pl":
		return func(n int) string {
			m10, m100 := n%10, n%100
			switch {
			case n == 1:
				return "one"
			case m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14):
				return "few"
			}
			return "many"
		}, []string{"one", "few", "many", "other"}
	case "cs", "sk":
		return func(n int) string {
			switch {
			case n == 1:
				return "one"
			case n >= 2 && n <= 4:
				return "few"
			}
			return "other"
		}, []string{"one", "few", "many", "other"}
	}
	// English, German, Spanish, Italian, Dutch, the Nordic languages and
	// most others: one for 1.
	return func(n int) string {
		if n == 1 {
			return "one"
		}
		return "other"
	}, []string{"one", "other"}
}

// rtl are the languages written from right to left, by base subtag.
var rtl = map[string]bool{"ar": true, "he": true, "iw": true, "fa": true, "ur": true, "ps": true,
	"yi": true, "dv": true, "ckb": true, "sd": true, "ug": true, "syr": true}

// Dir is "rtl" for a language tag written from right to left ("ar",
// "he-IL", "fa", "az-Arab"), else "ltr".
func Dir(tag string) string {
	parts := strings.Split(Normalize(tag), "-")
	if rtl[parts[0]] {
		return "rtl"
	}
	for _, p := range parts[1:] {
		if p == "Arab" || p == "Hebr" || p == "Thaa" || p == "Syrc" {
			return "rtl"
		}
	}
	return "ltr"
}

// base is the language subtag of a tag: "pt" of "pt-BR".
func base(tag string) string {
	b, _, _ := strings.Cut(Normalize(tag), "-")
	return b
}

var tagRE = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-(?:[A-Za-z]{2}|[0-9]{3}))?(-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*$`)

// ValidTag reports whether tag reads as a BCP 47 language tag: a language
// ("ja"), then a script ("zh-Hans") and a region ("pt-BR", "es-419"),
// each optional; "_" is taken for "-".
func ValidTag(tag string) bool {
	return tagRE.MatchString(strings.ReplaceAll(tag, "_", "-"))
}

// Normalize writes a tag in its usual case: language lower, script
// title, region upper ("zh_hans_cn" → "zh-Hans-CN").
func Normalize(tag string) string {
	parts := strings.Split(strings.ReplaceAll(strings.TrimSpace(tag), "_", "-"), "-")
	for i, p := range parts {
		switch {
		case i == 0:
			parts[i] = strings.ToLower(p)
		case len(p) == 4 && isAlpha(p):
			parts[i] = strings.ToUpper(p[:1]) + strings.ToLower(p[1:])
		case len(p) == 2 && isAlpha(p), len(p) == 3 && !isAlpha(p):
			parts[i] = strings.ToUpper(p)
		default:
			parts[i] = strings.ToLower(p)
		}
	}
	return strings.Join(parts, "-")
}

func isAlpha(s string) bool {
	for _, c := range s {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}
