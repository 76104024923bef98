// Package layouts embeds the default theme's html/template layouts, so that
// a handbook directory holding only content/ builds. A site's own layouts/
// folder overrides these file by file.
package layouts

import "embed"

// FS holds the default layouts, rooted at this folder.
//
//go:embed *.html _default partials
var FS embed.FS
