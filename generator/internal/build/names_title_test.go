package build

import (
	"testing"

	"handbook/generator/internal/handbook"
)

// TestNamesTitle checks which titles a wikilink or a front matter
// reference may name: a title edit that one names rebuilds everything,
// since the link's target may change with it.
func TestNamesTitle(t *testing.T) {
	doc := &handbook.Document{Outline: &handbook.Outline{Strategies: []handbook.Ref{{Target: "Our Strategy"}}},
		Body: &handbook.Body{BodyLinks: []handbook.BodyLink{
			{Dest: "guides/intro", Form: handbook.LinkWiki},
			{Dest: " Databases Overview |the overview", Form: handbook.LinkWiki},
			{Dest: "Écoles#part", Form: handbook.LinkWiki},
			{Dest: "A much longer title than any", Form: handbook.LinkMarkdown},
		}}}
	site := &handbook.Site{Docs: []*handbook.Document{doc}}
	for _, c := range []struct {
		titles []string
		want   bool
	}{
		{[]string{"databases overview"}, true},
		{[]string{"Other", "DATABASES OVERVIEW"}, true},
		{[]string{"Guides/Intro"}, true},
		{[]string{"écoles"}, true},
		{[]string{"our strategy"}, true},
		{[]string{"Databases"}, false},
		{[]string{"A much longer title than any"}, false}, // a Markdown link names a path
		{[]string{"Something else entirely", "Écoles!"}, false},
	} {
		if got := namesTitle(site, c.titles...); got != c.want {
			t.Errorf("namesTitle(%q) = %v, want %v", c.titles, got, c.want)
		}
	}
}
