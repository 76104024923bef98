package markdown

import (
	"strings"

	"handbook/generator/internal/diag"
	"handbook/generator/internal/handbook"
)

// checkRequired reports each key the document's kind requires (see
// handbook.KindTable) that its front matter leaves unset. A key whose value
// could not be read is already reported; status is checked with its value,
// by checkStatus.
func checkRequired(doc *handbook.Document, f *fields, dec *decoder, diags *diag.List) {
	for _, r := range doc.Kind.Spec().Required {
		if r.Key == "status" || dec.failed(r.Key) || !unset(f.values[r.Key]) {
			continue
		}
		missing(f, diags)(doc.SourcePath, f.at("title"), r.Hint, "%s has no %s", doc.Kind, r.Key)
	}
}

// unset reports whether a front matter value says nothing: absent or null,
// blank text, zero or an empty list.
func unset(v any) bool {
	switch v := v.(type) {
	case nil:
		return true
	case string:
		return strings.TrimSpace(v) == ""
	case int:
		return v == 0
	case int64:
		return v == 0
	case uint64:
		return v == 0
	case float64:
		return v == 0
	case []any:
		return len(v) == 0
	}
	return false
}
