package render

import (
	"sort"

	"handbook/generator/internal/graph"
	"handbook/generator/internal/handbook"
	"handbook/generator/internal/health"
)

// healthJobs are the health page, the report of package health on the day
// of the build, and a page per owner listing what the owner keeps, with
// its state: the page a new hire opens to find whom to ask.
func (r *Renderer) healthJobs() []job {
	rep := health.Make(r.site, r.cfg, r.opts.Now)
	jobs := []job{{out: "health/index.html", layout: []string{"_default/health.html"},
		page: &Page{Title: r.loc.Text("handbook_health"), URL: "health/", Kind: "health", Health: rep, Site: r.view, r: r}}}
	owned := map[string][]*handbook.Document{}
	for _, d := range r.site.Docs {
		if d.Owner != "" && !d.Synthetic {
			owned[d.Owner] = append(owned[d.Owner], d)
		}
	}
	owners := make([]string, 0, len(owned))
	for o := range owned {
		owners = append(owners, o)
	}
	sort.Strings(owners)
	seen := map[string]bool{}
	for _, o := range owners {
		slug := graph.TagSlug(o)
		if seen[slug] {
			continue // names that make one slug share the first's page
		}
		seen[slug] = true
		jobs = append(jobs, job{out: "owners/" + slug + "/index.html", layout: []string{"_default/owner.html"},
			page: &Page{Title: o, URL: "owners/" + slug + "/", Kind: "owner", Owner: o, Items: owned[o], Health: rep, Site: r.view, r: r}})
	}
	return jobs
}
