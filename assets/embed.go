// Package assets embeds the default theme's CSS and JavaScript sources,
// bundled by esbuild at build time, and its icon (favicon.svg), copied. A site's own assets/ folder overrides
// these file by file.
package assets

import "embed"

// FS holds the default assets, rooted at this folder.
//
//go:embed *.css *.js *.svg vendor/*.js
var FS embed.FS
