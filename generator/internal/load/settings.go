package load

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"regexp"
	"strings"

	"handbook/generator/internal/config"
	"handbook/generator/internal/diag"
)

// Settings reads the site's settings (config.Load) and, for a site with
// neither a site.yaml nor a content folder, chooses its content folder
// from where its Markdown is (Survey): the folder that holds nearly all
// of it (a Jekyll site's pages/, a decision log's doc/), else the whole
// folder, as GitHub shows a repository, its README.md files their
// folders' pages. A repository of READMEs, a decision log or a folder of
// RFCs then builds on its first run. A site whose settings give it no
// title is named after its README's first heading (ReadmeTitle). The content folder stays unchosen,
// and Find says where the Markdown is, when there is none (handbook new
// starts content/ there) or the folder is too large to be a handbook.
func Settings(fsys fs.FS, diags *diag.List) *config.Site {
	cfg := config.Load(fsys, diags)
	if title, file := ReadmeTitle(fsys); title != "" {
		cfg.TitleFrom(title, file)
	}
	if !cfg.Unplaced(fsys) {
		return cfg
	}
	m := Survey(fsys)
	if m.All == 0 || m.Over {
		return cfg
	}
	if most := m.Most(); most != "" {
		cfg.Place(fsys, most, fmt.Sprintf("%s/ is read as the handbook: it holds %d of the %d Markdown files here; write `content_dir: .` in a site.yaml to read all of them", most, m.In[most], m.All))
		return cfg
	}
	dir := "DIR"
	if len(m.Dirs) > 0 {
		dir = m.Dirs[0]
	}
	cfg.Place(fsys, ".", fmt.Sprintf("the whole folder is read as the handbook, as GitHub shows a repository, each folder's README.md its page; its Markdown is %s, and a site.yaml with `content_dir: %s` reads one folder alone", m.Where(), dir))
	return cfg
}

// readmeNames are the names a repository's README is found by at its root.
var readmeNames = []string{"README.md", "Readme.md", "readme.md"}

var (
	readmeImage = regexp.MustCompile(`!\[[^\]]*\](\([^)]*\)|\[[^\]]*\])`)
	readmeTag   = regexp.MustCompile(`<[^>]*>`)
	readmeLink  = regexp.MustCompile(`\[([^\]]*)\](\([^)]*\)|\[[^\]]*\])`)
)

// ReadmeTitle returns the text of the first heading of level one ("#
// Heading", or a line over "=====") of the README at
// the root of fsys, and its name: the name a repository gives itself.
// Badges, images and HTML are not text; links are, unless other words
// are there too ("Rust RFCs - [RFC Book](…)" is "Rust RFCs"). It is ""
// when there is no README, no such heading outside code, or a heading
// too long to be a name.
func ReadmeTitle(fsys fs.FS) (title, file string) {
	for _, name := range readmeNames {
		f, err := fsys.Open(name)
		if err != nil {
			continue
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		fence, prev := "", ""
		for n := 0; sc.Scan() && n < 200; n++ {
			line := sc.Bytes()
			t := bytes.TrimLeft(line, " ")
			if len(line)-len(t) > 3 {
				prev = ""
				continue
			}
			if u := bytes.TrimSpace(t); fence == "" && prev != "" && len(u) > 0 && len(bytes.Trim(u, "=")) == 0 {
				return headingName(prev), name // "Title" over "====="
			}
			prev = strings.TrimSpace(string(t))
			if fence != "" {
				if bytes.HasPrefix(t, []byte(fence)) {
					fence = ""
				}
				continue
			}
			if bytes.HasPrefix(t, []byte("```")) || bytes.HasPrefix(t, []byte("~~~")) {
				fence = string(t[:3])
				continue
			}
			if h, ok := bytes.CutPrefix(t, []byte("# ")); ok {
				return headingName(string(h)), name
			}
		}
		return "", ""
	}
	return "", ""
}

// headingName is a heading's text as a name (see ReadmeTitle).
func headingName(h string) string {
	h = strings.TrimRight(strings.TrimSpace(h), "#")
	h = readmeTag.ReplaceAllString(readmeImage.ReplaceAllString(h, " "), " ")
	if rest := readmeLink.ReplaceAllString(h, " "); strings.Trim(rest, " -–—|·:,") != "" {
		h = rest
	} else {
		h = readmeLink.ReplaceAllString(h, "$1")
	}
	h = strings.NewReplacer("**", "", "__", "", "`", "").Replace(h)
	h = strings.Trim(strings.Join(strings.Fields(h), " "), " -–—|·:,")
	if len([]rune(h)) > 80 {
		return ""
	}
	return h
}
