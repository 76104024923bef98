package theme

import (
	"testing"
	"testing/fstest"

	defaultlayouts "handbook/layouts"
)

func TestOwnLayouts(t *testing.T) {
	single, err := defaultlayouts.FS.ReadFile("_default/single.html")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		site fstest.MapFS
		want bool
	}{
		{"no layouts", fstest.MapFS{"content/a.md": {}}, false},
		{"the theme's own copy", fstest.MapFS{"layouts/_default/single.html": {Data: single}, "layouts/embed.go": {Data: []byte("package layouts")}}, false},
		{"shortcodes and strings only", fstest.MapFS{"layouts/shortcodes/note.html": {Data: []byte("<aside>{{ .Inner }}</aside>")},
			"layouts/i18n/en.yaml": {Data: []byte("tags: Labels\n")}}, false},
		{"an edited layout", fstest.MapFS{"layouts/_default/single.html": {Data: append(single, '\n')}}, true},
		{"a layout of its own", fstest.MapFS{"layouts/strategy/single.html": {Data: []byte("{{ .Title }}")}}, true},
	} {
		if got := OwnLayouts(c.site); got != c.want {
			t.Errorf("%s: OwnLayouts = %v, want %v", c.name, got, c.want)
		}
	}
}
