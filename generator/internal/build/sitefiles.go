package build

import (
	"io/fs"

	"handbook/generator/internal/assets"
	"handbook/generator/internal/config"
	"handbook/generator/internal/diag"
	"handbook/generator/internal/render"
)

// siteFiles reads site.yaml's logo and favicon (config has checked that
// they are files of the handbook), sets their output paths in ropts and
// returns the files to write, by output path.
func siteFiles(fsys fs.FS, cfg *config.Site, ropts *render.Options, diags *diag.List) map[string][]byte {
	out := map[string][]byte{}
	for _, f := range []struct {
		src  string
		dest *string
	}{{cfg.Logo, &ropts.Logo}, {cfg.Favicon, &ropts.Favicon}} {
		if f.src == "" {
			continue
		}
		b, err := fs.ReadFile(fsys, f.src)
		if err != nil {
			diags.Errorf(config.FileName, -1, "", "cannot read %s: %v", f.src, err)
			continue
		}
		p := assets.Hashed(f.src, b)
		out[p] = b
		*f.dest = p
	}
	return out
}
