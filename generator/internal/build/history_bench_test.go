package build

import (
	"bytes"
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"handbook/generator/internal/history"
	"handbook/generator/internal/synth"
)

// synthRepo writes the synthetic handbook of n documents into a git
// repository in a temporary folder, with commits commits that each change
// every document: the first adds them, the others append a line. The
// commits are made by git fast-import, in one pack, since ten thousand
// loose objects a commit take minutes to write on some disks.
func synthRepo(b *testing.B, n, commits int) string {
	b.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		b.Skip("git is not installed")
	}
	dir := b.TempDir()
	fsys := synth.Generate(n)
	paths := slices.Sorted(maps.Keys(fsys))
	git := func(stdin io.Reader, args ...string) {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Stdin = stdin
		cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git(nil, "init", "-q", "-b", "main")
	var stream bytes.Buffer
	data := func(d []byte) { fmt.Fprintf(&stream, "data %d\n", len(d)); stream.Write(d); stream.WriteByte('\n') }
	for c := range commits {
		when := time.Date(2026, time.Month(c+1), 1, 12, 0, 0, 0, time.UTC).Unix()
		fmt.Fprintf(&stream, "commit refs/heads/main\nauthor Author %d <a@example.com> %d +0000\ncommitter Author %d <a@example.com> %d +0000\n", c, when, c, when)
		data([]byte(fmt.Sprintf("revision %d", c)))
		for _, p := range paths {
			f := fsys[p]
			if c > 0 {
				if !strings.HasSuffix(p, ".md") {
					continue
				}
				f.Data = append(f.Data, fmt.Sprintf("\nRevision %d.\n", c)...)
			}
			fmt.Fprintf(&stream, "M 100644 inline %s\n", p)
			data(f.Data)
		}
	}
	git(&stream, "fast-import", "--quiet")
	git(nil, "read-tree", "HEAD")
	for _, p := range paths {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(full, fsys[p].Data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir
}

// BenchmarkHistory10k is what git history costs a build of 10,000
// synthetic documents read from disk, in a repository of four commits
// that each change every document: "read" is the history alone (one git
// log), "build" a build without it, "build+history" one with it, which
// reads it beside parsing.
//
//	go test -run XXX -bench History10k -benchtime 3x ./generator/internal/build
func BenchmarkHistory10k(b *testing.B) {
	dir := synthRepo(b, 10_000, 4)
	b.Run("read", func(b *testing.B) {
		for b.Loop() {
			l, err := history.Read(dir, "content")
			if err != nil || len(l.Changes) < 10_000 {
				b.Fatalf("%v, %d files", err, len(l.Changes))
			}
		}
	})
	build := func(source string) func(*testing.B) {
		return func(b *testing.B) {
			for b.Loop() {
				res := Run(os.DirFS(dir), &countingWriter{}, Options{Now: testNow, Source: source})
				if res.Errors > 0 || len(res.Notes) > 0 {
					b.Fatalf("errors %d, notes %v", res.Errors, res.Notes)
				}
			}
		}
	}
	b.Run("build", build(""))
	b.Run("build+history", build(dir))
}
