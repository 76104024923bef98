// Package i18n embeds the default theme's string tables, one YAML file per
// language (en.yaml, ja.yaml, …): every word the layouts and the script
// show a reader. A site's own layouts/i18n/ folder overrides them string by
// string, as Hugo's i18n files do; generator/internal/i18n reads them.
package i18n

import "embed"

// FS holds the default string tables, rooted at this folder.
//
//go:embed *.yaml
var FS embed.FS
