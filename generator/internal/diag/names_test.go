package diag

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

// nearest is the definition Names.Nearest answers: every name measured
// against the word, the first of the closest below the limit.
func nearest(names []string, word string, limit int) (int, int) {
	best, bestDist := -1, limit
	for i, n := range names {
		if d := Distance(strings.ToLower(word), strings.ToLower(n)); d < bestDist {
			best, bestDist = i, d
		}
	}
	if best < 0 {
		return -1, 0
	}
	return best, bestDist
}

// randomName draws from a small alphabet, so that names are often close
// to each other, and now and then adds letters outside ASCII, upper case,
// or runs past the 64 runes a machine word holds.
func randomName(r *rand.Rand) string {
	alphabet := []rune("ab-/cdeé")
	n := r.Intn(12)
	if r.Intn(20) == 0 {
		n = 60 + r.Intn(12)
	}
	var b strings.Builder
	for range n {
		c := alphabet[r.Intn(len(alphabet))]
		if r.Intn(10) == 0 {
			c = []rune("ABÉ")[r.Intn(3)]
		}
		b.WriteRune(c)
	}
	return b.String()
}

func TestNamesFindWhatMeasuringEveryNameFinds(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for round := range 200 {
		names := make([]string, r.Intn(300))
		for i := range names {
			names[i] = randomName(r)
		}
		ix := NewNames(names)
		for range 20 {
			word, limit := randomName(r), r.Intn(8)
			if len(names) > 0 && r.Intn(2) == 0 {
				word = names[r.Intn(len(names))] + "x"
			}
			gotPos, gotDist := ix.Nearest(word, limit)
			wantPos, wantDist := nearest(names, word, limit)
			if gotPos != wantPos || gotDist != wantDist {
				t.Fatalf("round %d: Nearest(%q, %d) = %d (%d), want %d (%d)", round, word, limit, gotPos, gotDist, wantPos, wantDist)
			}
		}
	}
}

func TestPatternDistanceIsDistance(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	var p pattern
	for range 5000 {
		a, b := randomName(r), randomName(r)
		p.set(a)
		if got, want := p.distance(b), Distance(a, b); got != want {
			t.Fatalf("distance(%q, %q) = %d, want %d", a, b, got, want)
		}
	}
}

func ExampleNames() {
	ix := NewNames([]string{"guides/setup", "strategies/databases", "Guides/Setup", "decisions/0004-postgres"})
	pos, dist := ix.Nearest("guides/setpu", 6)
	fmt.Println(pos, dist)
	pos, _ = ix.Nearest("onboarding/laptop", 6)
	fmt.Println(pos)
	// Output:
	// 0 2
	// -1
}

// siteNames are the names a handbook of n documents indexes, five per
// document as the graph stage gives them (id, path, address, file name,
// title), and words as broken links write them: a letter missing, the
// wrong section, a suffix, an old address like none of them.
func siteNames(n int) (names, words []string) {
	sections := []string{"guides", "strategies", "design", "decisions", "onboarding"}
	topics := strings.Fields("service team data model storage queue latency budget review rollout migration schema index cache")
	for i := range n {
		p := fmt.Sprintf("%s/doc-%05d", sections[i%5], i)
		id := p
		if i%5 == 3 {
			id = fmt.Sprintf("dec-%05d", i)
		}
		names = append(names, id, p, p, fmt.Sprintf("doc-%05d", i), fmt.Sprintf("Document %d about the %s %s", i, topics[i%len(topics)], topics[(i/3)%len(topics)]))
	}
	for k := range 400 {
		j := (k * 7919) % n
		p := fmt.Sprintf("%s/doc-%05d", sections[j%5], j)
		switch k % 4 {
		case 0:
			words = append(words, p[:len(p)-2]+p[len(p)-1:])
		case 1:
			words = append(words, fmt.Sprintf("%s/doc-%05d", sections[(j+1)%5], j))
		case 2:
			words = append(words, p+"-draft")
		default:
			words = append(words, fmt.Sprintf("wiki/%s-%s-%d", topics[k%len(topics)], topics[(k/7)%len(topics)], k))
		}
	}
	return names, words
}

// BenchmarkNearest compares the index with measuring every name, over
// the names of a 5,000-document handbook: go test -bench Nearest
// ./generator/internal/diag (ns/op is per broken link).
func BenchmarkNearest(b *testing.B) {
	names, words := siteNames(5_000)
	b.Run("index", func(b *testing.B) {
		ix := NewNames(names)
		b.ResetTimer()
		for i := 0; b.Loop(); i++ {
			w := words[i%len(words)]
			ix.Nearest(w, len(w)/3+2)
		}
	})
	b.Run("every-name", func(b *testing.B) {
		lower := make([]string, len(names))
		for i, n := range names {
			lower[i] = strings.ToLower(n)
		}
		var p pattern
		for i := 0; b.Loop(); i++ {
			w := words[i%len(words)]
			p.set(strings.ToLower(w))
			best := len(w)/3 + 2
			for _, n := range lower {
				if d := p.distance(n); d < best {
					best = d
				}
			}
		}
	})
	b.Run("build", func(b *testing.B) {
		for b.Loop() {
			NewNames(names)
		}
	})
}
