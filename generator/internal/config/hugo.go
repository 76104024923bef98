package config

import (
	"cmp"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/gohugoio/hugo/parser/metadecoders"
)

// hugoFiles are the names under which Hugo finds a site's configuration,
// in the order it looks for them.
var hugoFiles = []string{"hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml", "config.json"}

// hugoKeys are keys only a Hugo configuration has: a config.yaml without
// one of them belongs to something else.
var hugoKeys = []string{"baseurl", "contentdir", "defaultcontentlanguage", "languagecode", "languages", "theme", "module", "markup", "taxonomies", "permalinks"}

// fromHugo reads a site without site.yaml from its Hugo configuration, as a
// Hugo or Docsy site has it: its title, baseURL, params and content folder
// (the default language's contentDir, else contentDir; its title and
// params over the site's), so that the site builds as it is on its first
// run. nil when there is none, or it is unreadable
// (Hugo reports that).
func fromHugo(fsys fs.FS) *Site {
	for _, name := range hugoFiles {
		src, err := fs.ReadFile(fsys, name)
		if err != nil {
			continue
		}
		m, err := metadecoders.Default.UnmarshalToMap(src, metadecoders.FormatFromString(name))
		if err != nil {
			return nil
		}
		m = lowerKeys(m)
		hugo := false
		for _, k := range hugoKeys {
			if _, ok := m[k]; ok {
				hugo = true
			}
		}
		if !hugo {
			return nil
		}
		s := &Site{from: name}
		s.Params, _ = m["params"].(map[string]any)
		s.Title, _ = m["title"].(string)
		s.BaseURL, _ = m["baseurl"].(string)
		dir, _ := m["contentdir"].(string)
		lang, _ := m["defaultcontentlanguage"].(string)
		if lang == "" {
			lang = "en"
		}
		if langs, ok := m["languages"].(map[string]any); ok {
			if l, ok := lowerKeys(langs)[strings.ToLower(lang)].(map[string]any); ok {
				l = lowerKeys(l)
				if d, ok := l["contentdir"].(string); ok && d != "" {
					dir = d
				}
				if t, ok := l["title"].(string); ok && s.Title == "" {
					s.Title = t
				}
				if p, ok := l["params"].(map[string]any); ok {
					// The language's params over the site's, as Hugo
					// merges them.
					merged := make(map[string]any, len(s.Params)+len(p))
					for k, v := range s.Params {
						merged[k] = v
					}
					for k, v := range p {
						merged[k] = v
					}
					s.Params = merged
				}
			}
		}
		if dir = path.Clean(strings.Trim(dir, "/")); dir != "." && LocalPath(dir) {
			if info, err := fs.Stat(fsys, dir); err == nil && info.IsDir() {
				s.ContentDir = dir
			}
		}
		s.fill()
		return s
	}
	return nil
}

// lowerKeys returns m with its keys in lower case: Hugo's keys are read
// in any case (baseURL, baseurl).
func lowerKeys(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[strings.ToLower(k)] = v
	}
	return out
}

// From is the file the site's settings were read from: site.yaml, a Hugo
// site's configuration (hugo.toml, config.yaml…) when there is no
// site.yaml, or "" for the defaults.
func (s *Site) From() string { return s.from }

// HugoNote is the line a build prints once when the settings come from a
// Hugo configuration, saying which; "" when they do not.
func (s *Site) HugoNote() string {
	if s.from == "" || s.from == FileName {
		return ""
	}
	return fmt.Sprintf("no %s: the title (%s), base URL (%s), params and content folder (%s/) are read from Hugo's %s; a site.yaml sets handbook's own",
		FileName, s.Title, cmp.Or(s.BaseURL, "/"), s.ContentDir, s.from)
}
