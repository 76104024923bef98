package assets

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	defaultassets "handbook/assets"
)

// npmDir holds package.json and, after `npm ci --prefix .ci`, node_modules/.
const npmDir = "../../../.ci"

// TestVendoredMermaidIsThePinnedPackage: the Mermaid bundle the theme
// embeds is, byte for byte, dist/mermaid.min.js of the mermaid package at
// the version package.json pins (installed by `npm ci` from
// package-lock.json; `npm run vendor-mermaid` copies it). Without
// node_modules the test skips, except under CI=true, where `npm ci --prefix .ci` runs
// first and its absence is a failure.
func TestVendoredMermaidIsThePinnedPackage(t *testing.T) {
	var pkg struct {
		DevDependencies map[string]string `json:"devDependencies"`
	}
	readJSON(t, filepath.Join(npmDir, "package.json"), &pkg)
	want := pkg.DevDependencies["mermaid"]
	if want == "" {
		t.Fatal("package.json pins no mermaid version")
	}
	dir := filepath.Join(npmDir, "node_modules", "mermaid")
	if _, err := os.Stat(dir); err != nil {
		msg := "node_modules/mermaid is absent: run `npm ci --prefix .ci`"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	var installed struct {
		Version string `json:"version"`
	}
	readJSON(t, filepath.Join(dir, "package.json"), &installed)
	if installed.Version != want {
		t.Fatalf("node_modules has mermaid %s, package.json pins %s: run `npm ci --prefix .ci`", installed.Version, want)
	}
	fromNPM, err := os.ReadFile(filepath.Join(dir, "dist", "mermaid.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	vendored, err := fs.ReadFile(defaultassets.FS, Vendored["mermaid.js"])
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(vendored, fromNPM) {
		t.Fatalf("assets/%s (%d bytes) differs from mermaid %s's dist/mermaid.min.js (%d bytes): run `npm run vendor-mermaid`",
			Vendored["mermaid.js"], len(vendored), want, len(fromNPM))
	}
	t.Logf("assets/%s is mermaid %s's dist/mermaid.min.js, %d bytes", Vendored["mermaid.js"], want, len(vendored))
}

func readJSON(t *testing.T, p string, v any) {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", p, err)
	}
}
