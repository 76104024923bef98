package highlight

import (
	"bytes"
	"slices"
	"testing"

	"github.com/alecthomas/chroma/v2/lexers"
)

// category is the part of a class the agreement test compares: the kind
// of token (k, s, c, m) for keywords, strings, comments and numbers, the
// whole class for function names, and "" for anything else.
func category(class string) string {
	switch {
	case class == "nf":
		return class
	case class == "":
		return ""
	case slices.Contains([]byte("kscm"), class[0]) && class != "sx":
		return class[:1]
	}
	return ""
}

// TestAgreesWithChroma checks that the native scanners mostly give the
// bytes chroma puts in keywords, strings, comments, numbers and function
// names the same kind of token. Full agreement is not the aim: chroma has
// quirks of its own. Most languages agree on nearly every byte; TOML and
// HCL agree least, by design: TOML dates are ld and quoted keys na, and
// HCL interpolations, ${count.index}, are code, not string.
func TestAgreesWithChroma(t *testing.T) {
	const minAgreement = 0.75
	for lang, code := range snippets {
		lexer := lexers.Get(lang)
		if lexer == nil {
			continue
		}
		var buf bytes.Buffer
		if !writeChroma(&buf, lang, lexer, []byte(code)) {
			t.Fatalf("%s: chroma failed", lang)
		}
		_, segs, err := parse(buf.String())
		if err != nil {
			t.Fatalf("%s: chroma: %v", lang, err)
		}
		theirs := byteClasses(segs)
		_, segs, err = parse(render(lang, code))
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		ours := byteClasses(segs)
		total, same := 0, 0
		for i, c := range theirs {
			cat := category(c)
			if cat == "" || code[i] == ' ' || code[i] == '\n' {
				continue
			}
			total++
			if category(ours[i]) == cat {
				same++
			} else if testing.Verbose() {
				t.Logf("%s: byte %d %q: chroma %s, native %s", lang, i, code[i], c, ours[i])
			}
		}
		if total == 0 {
			continue
		}
		agreement := float64(same) / float64(total)
		t.Logf("%s: %.0f%% of %d bytes agree", lang, 100*agreement, total)
		if agreement < minAgreement {
			t.Errorf("%s: only %.0f%% of %d bytes agree with chroma, want %.0f%%", lang, 100*agreement, total, 100*minAgreement)
		}
	}
}
