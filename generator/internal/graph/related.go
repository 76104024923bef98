package graph

import (
	"context"
	"time"

	"github.com/gohugoio/hugo/related"

	"handbook/generator/internal/handbook"
	"handbook/generator/internal/pool"
)

// relatedCount is how many related pages each document shows.
const relatedCount = 5

// relatedShared is the most documents a keyword may be shared by and still
// count: a tag on a hundred pages says little about any two of them, and
// dropping it keeps each search proportional to a bounded posting list, so
// that related pages stay linear in the number of documents.
const relatedShared = 100

// relatedConfig weighs what documents share: tags most, then area, owner,
// kind and year. Hugo's cardinality threshold is a percentage, so it is
// derived from relatedShared and the number of documents.
func relatedConfig(n int) related.Config {
	pct := 100
	if n > relatedShared {
		pct = max(1, (100*relatedShared+n-1)/n)
	}
	return related.Config{
		Threshold:    50,
		IncludeNewer: true,
		ToLower:      true,
		Indices: related.IndicesConfig{
			{Name: "tags", Weight: 100, CardinalityThreshold: pct, ToLower: true},
			{Name: "area", Weight: 60, CardinalityThreshold: pct, ToLower: true},
			{Name: "owner", Weight: 40, CardinalityThreshold: pct, ToLower: true},
			{Name: "kind", Weight: 20, CardinalityThreshold: pct},
			{Name: "date", Weight: 10, Pattern: "2006", CardinalityThreshold: pct},
		},
	}
}

// relDoc adapts a document to Hugo's related.Document.
type relDoc struct{ d *handbook.Document }

func (r relDoc) RelatedKeywords(cfg related.IndexConfig) ([]related.Keyword, error) {
	d := r.d
	switch cfg.Name {
	case "tags":
		return cfg.StringsToKeywords(d.Tags...), nil
	case "area":
		if d.Area != "" {
			return cfg.StringsToKeywords(d.Area), nil
		}
	case "owner":
		if d.Owner != "" {
			return cfg.StringsToKeywords(d.Owner), nil
		}
	case "kind":
		return cfg.StringsToKeywords(string(d.Kind)), nil
	case "date":
		if !d.Date.IsZero() {
			return cfg.ToKeywords(d.Date)
		}
	}
	return nil, nil
}

func (r relDoc) PublishDate() time.Time { return r.d.Date }
func (r relDoc) Name() string           { return r.d.Path }

// related finds each document's related pages with Hugo's inverted index,
// searching in parallel.
func (b *builder) related() {
	s := b.site
	s.Related = make(map[*handbook.Document][]*handbook.Document, len(s.Docs))
	var docs []related.Document
	for _, d := range s.Docs {
		if !d.IsSection {
			docs = append(docs, relDoc{d})
		}
	}
	if len(docs) < 2 {
		return
	}
	ctx := context.Background()
	idx := related.NewInvertedIndex(relatedConfig(len(docs)))
	if err := idx.Add(ctx, docs...); err != nil {
		return
	}
	if err := idx.Finalize(ctx); err != nil {
		return
	}
	results := make([][]*handbook.Document, len(docs))
	pool.Each(len(docs), func(i int) {
		found, err := idx.Search(ctx, related.SearchOpts{Document: docs[i]})
		if err != nil {
			return
		}
		var out []*handbook.Document
		for _, f := range found {
			if rd := f.(relDoc); rd.d != docs[i].(relDoc).d {
				out = append(out, rd.d)
				if len(out) == relatedCount {
					break
				}
			}
		}
		results[i] = out
	})
	for i, d := range docs {
		if len(results[i]) > 0 {
			s.Related[d.(relDoc).d] = results[i]
		}
	}
}
