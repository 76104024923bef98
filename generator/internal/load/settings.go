package load

import (
	"fmt"
	"io/fs"

	"handbook/generator/internal/config"
	"handbook/generator/internal/diag"
)

// Settings reads the site's settings (config.Load) and, for a site with
// neither a site.yaml nor a content folder, chooses its content folder
// from where its Markdown is (Survey): the folder that holds nearly all
// of it (a Jekyll site's pages/, a decision log's doc/), else the whole
// folder, as GitHub shows a repository, its README.md files their
// folders' pages. A repository of READMEs, a decision log or a folder of
// RFCs then builds on its first run. The content folder stays unchosen,
// and Find says where the Markdown is, when there is none (handbook new
// starts content/ there) or the folder is too large to be a handbook.
func Settings(fsys fs.FS, diags *diag.List) *config.Site {
	cfg := config.Load(fsys, diags)
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
