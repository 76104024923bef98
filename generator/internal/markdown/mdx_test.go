package markdown

import (
	"bytes"
	"testing"
)

// FuzzBlankMDX: blanking MDX's script keeps every byte's offset and every
// line break, and changes nothing but to spaces.
func FuzzBlankMDX(f *testing.F) {
	for _, s := range []string{
		"import A from 'a';\nexport const b = 1;\n\n# T\n",
		"---\nimport: yes\n---\nimport X from 'x'\n",
		"```\nimport x\n```\nexport default function () {}\n",
		"a {/* b\nc */} d {/* open",
		"~~~~\n{/* kept */}\n~~~\n~~~~\n{/* gone */}\n",
		"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		src := []byte(s)
		out := blankMDX(src)
		if string(src) != s {
			t.Fatalf("the source was written to")
		}
		if len(out) != len(src) {
			t.Fatalf("length %d, want %d", len(out), len(src))
		}
		for i := range out {
			if out[i] != src[i] && (out[i] != ' ' || src[i] == '\n' || src[i] == '\r') {
				t.Fatalf("byte %d: %q became %q", i, src[i], out[i])
			}
		}
	})
}

// TestBlankMDX: what is blanked and what is kept.
func TestBlankMDX(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"import A from 'a';\nimport {B} from 'b';\n\nText.\n", "                  \n                    \n\nText.\n"},
		{"export const x = () =>\n  <b/>;\n\nText.\n", "                      \n       \n\nText.\n"},
		{"---\nimport: yes\n---\nText.\n", "---\nimport: yes\n---\nText.\n"},
		{"```\nimport x\n```\n", "```\nimport x\n```\n"},
		{"````\n```\nimport x\n````\nimport y\n", "````\n```\nimport x\n````\n        \n"},
		{"a {/* b\nc */} d\n", "a      \n      d\n"},
		{"important things\nexported goods\n", "important things\nexported goods\n"},
	} {
		if got := blankMDX([]byte(c.in)); !bytes.Equal(got, []byte(c.want)) {
			t.Errorf("blankMDX(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
