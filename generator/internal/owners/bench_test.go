package owners

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"handbook/generator/internal/diag"
)

// BenchmarkOwner10k gives 10,000 documents their owners from a
// CODEOWNERS file of 2,000 rules, a large monorepo's.
func BenchmarkOwner10k(b *testing.B) {
	var src strings.Builder
	src.WriteString("* @acme/everyone\n")
	for i := range 2000 {
		fmt.Fprintf(&src, "/services/svc%d/ @acme/team%d\n", i, i%50)
	}
	src.WriteString("/content/decisions/ @acme/architecture\n") // most documents fall through to the first rule
	tab := Read(fstest.MapFS{"CODEOWNERS": {Data: []byte(src.String())}}, &diag.List{})
	paths := make([]string, 10_000)
	for i := range paths {
		paths[i] = fmt.Sprintf("content/section%d/doc%d.md", i%40, i)
	}
	b.ResetTimer()
	for b.Loop() {
		for _, p := range paths {
			tab.Owner(p)
		}
	}
}
