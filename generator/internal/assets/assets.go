// Package assets bundles the theme's CSS and JavaScript with esbuild.
//
// Input: the theme's assets as an fs.FS (the site's assets/ over the
// embedded defaults). Output: minified bundles with content-hashed names
// ("assets/main.1a2b3c4d.css"), looked up by their logical name ("main.css")
// through Bundle.URL. esbuild's errors become `assets/file:line:col`
// diagnostics. Every read goes through the fs.FS, via an esbuild plugin, so
// embedded and in-memory assets bundle like files on disk.
package assets

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/evanw/esbuild/pkg/api"

	"handbook/generator/internal/diag"
)

// Entries are the logical names bundled when present.
var Entries = []string{"main.css", "main.js", "diagrams.js"}

// Vendored are files of other projects, by logical name, copied as they
// are under a hashed name when present: the Mermaid bundle, taken from the
// npm package the repository pins (see vendor/README.md).
var Vendored = map[string]string{"mermaid.js": "vendor/mermaid.min.js"}

// ForDiagrams are the logical names only pages with diagrams load: their
// files are in Bundle.Diagrams, not Bundle.Files.
var ForDiagrams = []string{"diagrams.js", "mermaid.js"}

// Copied are the logical names copied as they are, under a hashed name,
// when present: the theme's default icon.
var Copied = []string{"favicon.svg"}

// Bundle is the output of Build.
type Bundle struct {
	// Files maps output paths ("assets/main.1a2b.css") to their bytes.
	Files map[string][]byte
	// Diagrams maps the output paths of the ForDiagrams files to their
	// bytes: the build writes them only when some page has a diagram, so
	// that a site without one does not carry the Mermaid bundle.
	Diagrams map[string][]byte
	// names maps logical names ("main.css") to output paths.
	names map[string]string
}

// URL returns the output path of a logical asset name, or "" if there is none.
func (b *Bundle) URL(name string) string {
	if b == nil {
		return ""
	}
	return b.names[name]
}

// With returns a copy of b that also holds a generated file under a
// logical name ("strings.js"), at its hashed path: b itself, which serve
// keeps across rebuilds, is not changed.
func (b *Bundle) With(name string, data []byte) *Bundle {
	c := *b // every other field as it is
	out := &c
	out.Files, out.names = make(map[string][]byte, len(b.Files)+1), make(map[string]string, len(b.names)+1)
	for k, v := range b.Files {
		out.Files[k] = v
	}
	for k, v := range b.names {
		out.names[k] = v
	}
	p := Hashed(name, data)
	out.Files[p] = data
	out.names[name] = p
	return out
}

// Hashed returns the output path of a file copied as it is: its name with
// the first 8 hex digits of its SHA-256 before the extension, under
// assets/ ("assets/logo.1a2b3c4d.png").
func Hashed(name string, data []byte) string {
	sum := sha256.Sum256(data)
	ext := path.Ext(name)
	return "assets/" + strings.TrimSuffix(path.Base(name), ext) + "." + hex.EncodeToString(sum[:4]) + ext
}

// Options configure Build.
type Options struct {
	Minify     bool
	SourceMaps bool // inline source maps, for serve
}

const namespace = "theme"

// Build bundles the entries present in fsys.
func Build(fsys fs.FS, opts Options, diags *diag.List) *Bundle {
	out := &Bundle{Files: map[string][]byte{}, Diagrams: map[string][]byte{}, names: map[string]string{}}
	defer out.sortDiagrams()
	for _, name := range Copied {
		if b, err := fs.ReadFile(fsys, name); err == nil {
			p := Hashed(name, b)
			out.Files[p] = b
			out.names[name] = p
		}
	}
	for name, src := range Vendored {
		if b, err := fs.ReadFile(fsys, src); err == nil {
			p := Hashed(name, b)
			out.Files[p] = b
			out.names[name] = p
		}
	}
	var entries []string
	for _, e := range Entries {
		if _, err := fs.Stat(fsys, e); err == nil {
			entries = append(entries, e)
		}
	}
	if len(entries) == 0 {
		return out
	}
	plugin := api.Plugin{
		Name: "fsys",
		Setup: func(pb api.PluginBuild) {
			pb.OnResolve(api.OnResolveOptions{Filter: ".*"}, func(a api.OnResolveArgs) (api.OnResolveResult, error) {
				if strings.Contains(a.Path, "://") || strings.HasPrefix(a.Path, "data:") {
					return api.OnResolveResult{Path: a.Path, External: true}, nil
				}
				p := a.Path
				if a.Kind != api.ResolveEntryPoint {
					p = path.Join(path.Dir(a.Importer), a.Path)
				}
				p = strings.TrimPrefix(path.Clean("/"+p), "/")
				if _, err := fs.Stat(fsys, p); err != nil {
					return api.OnResolveResult{Errors: []api.Message{{Text: fmt.Sprintf("cannot resolve %q: no file assets/%s", a.Path, p)}}}, nil
				}
				return api.OnResolveResult{Path: p, Namespace: namespace}, nil
			})
			pb.OnLoad(api.OnLoadOptions{Filter: ".*", Namespace: namespace}, func(a api.OnLoadArgs) (api.OnLoadResult, error) {
				b, err := fs.ReadFile(fsys, a.Path)
				if err != nil {
					return api.OnLoadResult{}, err
				}
				s := string(b)
				return api.OnLoadResult{Contents: &s, Loader: loaderFor(a.Path)}, nil
			})
		},
	}
	sm := api.SourceMapNone
	if opts.SourceMaps {
		sm = api.SourceMapInline
	}
	res := api.Build(api.BuildOptions{
		EntryPoints:       entries,
		Bundle:            true,
		Write:             false,
		Outdir:            "/out",
		EntryNames:        "[name].[hash]",
		MinifyWhitespace:  opts.Minify,
		MinifyIdentifiers: opts.Minify,
		MinifySyntax:      opts.Minify,
		Sourcemap:         sm,
		Target:            api.ES2020,
		Format:            api.FormatIIFE,
		LogLevel:          api.LogLevelSilent,
		Plugins:           []api.Plugin{plugin},
	})
	report := func(ms []api.Message, sev diag.Severity) {
		for _, m := range ms {
			d := diag.Diagnostic{Path: "assets", Offset: -1, Severity: sev, Message: m.Text, Hint: "the theme's assets are bundled by esbuild"}
			if l := m.Location; l != nil {
				d.Path = "assets/" + strings.TrimPrefix(l.File, namespace+":")
				d.Line, d.Col = l.Line, l.Column+1
				if l.Suggestion != "" {
					d.Hint = "did you mean " + l.Suggestion + "?"
				}
			}
			diags.Add(d)
		}
	}
	report(res.Errors, diag.Error)
	report(res.Warnings, diag.Warning)
	for _, f := range res.OutputFiles {
		name := path.Base(f.Path)
		out.Files["assets/"+name] = f.Contents
		parts := strings.Split(name, ".")
		if len(parts) >= 3 {
			logical := parts[0] + "." + parts[len(parts)-1]
			out.names[logical] = "assets/" + name
		}
	}
	return out
}

// sortDiagrams moves the files of ForDiagrams from Files to Diagrams.
func (b *Bundle) sortDiagrams() {
	for _, name := range ForDiagrams {
		if p, ok := b.names[name]; ok {
			b.Diagrams[p] = b.Files[p]
			delete(b.Files, p)
		}
	}
}

func loaderFor(p string) api.Loader {
	switch path.Ext(p) {
	case ".css":
		return api.LoaderCSS
	case ".ts":
		return api.LoaderTS
	case ".json":
		return api.LoaderJSON
	case ".svg", ".woff2", ".woff", ".png":
		return api.LoaderDataURL
	}
	return api.LoaderJS
}
