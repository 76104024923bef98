package graph

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestLinkingNeedsNoParserOrWriter: graph links what the markdown stage
// parsed, and what it decides reaches the output through render and
// publish; neither is among the packages it builds on, directly or not.
func TestLinkingNeedsNoParserOrWriter(t *testing.T) {
	const module = "handbook/generator/internal/"
	root := ".." // generator/internal
	seen := map[string]bool{}
	var visit func(pkg string, via []string)
	visit = func(pkg string, via []string) {
		for _, banned := range []string{"markdown", "publish", "render", "load"} {
			if pkg == banned {
				t.Errorf("graph depends on %s: %s", banned, strings.Join(append(via, pkg), " → "))
			}
		}
		if seen[pkg] {
			return
		}
		seen[pkg] = true
		files, _ := filepath.Glob(filepath.Join(root, pkg, "*.go"))
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			parsed, err := parser.ParseFile(token.NewFileSet(), f, src, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range parsed.Imports {
				p, _ := strconv.Unquote(imp.Path.Value)
				if dep, ok := strings.CutPrefix(p, module); ok {
					visit(dep, append(via, pkg))
				}
			}
		}
	}
	visit("graph", nil)
	if !seen["handbook"] {
		t.Fatalf("the walk found none of graph's imports (from %s)", root)
	}
}
