// Command handbook builds an engineering handbook: Markdown strategies,
// visions, design documents, decision records, checklists and pages, checked
// and cross-linked into a static site.
//
// How it works: a pipeline of small packages, each one job, in the order the
// data flows:
//
//	config → load → markdown → graph → assets → render → publish
//	                              ↑ build runs them (serve reruns them)
//
// This file holds flags and wiring only.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"handbook/generator/internal/build"
	"handbook/generator/internal/diag"
	"handbook/generator/internal/handbook"
	"handbook/generator/internal/health"
	"handbook/generator/internal/history"
	"handbook/generator/internal/load"
	"handbook/generator/internal/publish"
	"handbook/generator/internal/render"
	"handbook/generator/internal/scaffold"
	"handbook/generator/internal/serve"
	"handbook/generator/internal/synth"
)

// buildGCPercent is the garbage collector's GOGC while build runs.
const buildGCPercent = 80

// Exit statuses.
const (
	exitOK      = 0
	exitContent = 1 // the content has errors
	exitUsage   = 2 // bad usage
)

const usage = `handbook turns a folder of Markdown into a cross-linked engineering handbook.

Usage:
  handbook build  [--source DIR] [--out DIR] [--drafts] [--base-url URL] [--broken-links error|warning]
  handbook serve  [--source DIR] [--port 1313] [--bind 127.0.0.1] [--allowed-host HOST] [--drafts] [--poll]
  handbook check  [--source DIR] [--drafts] [--format text|json|github] [--orphans] [--broken-links error|warning]
  handbook new    [--source DIR] KIND "Title"
  handbook decisions [--source DIR] [--status S] [--area A] [--owner O] [--json]
  handbook health [--source DIR] [--format text|json|github] [--fail-on due,stuck,unowned,orphans,habits]
  handbook version

The handbook's root may be named alone too: handbook serve my-handbook/.
Run 'handbook COMMAND --help' for a command's flags.
Exit status: 0 success, 1 content errors, 2 bad usage.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "handbook: internal error: %v\n%s", r, debug.Stack())
			code = exitContent
		}
	}()
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "build":
		return cmdBuild(rest, stdout, stderr)
	case "check":
		return cmdCheck(rest, stdout, stderr)
	case "serve":
		return cmdServe(rest, stdout, stderr)
	case "new":
		return cmdNew(rest, stdout, stderr)
	case "health":
		return cmdHealth(rest, stdout, stderr)
	case "decisions":
		return cmdDecisions(rest, stdout, stderr)
	case "synth": // hidden: writes a synthetic handbook for benchmarks
		return cmdSynth(rest, stdout, stderr)
	case "version", "--version":
		fmt.Fprintln(stdout, "handbook", version())
		return exitOK
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "handbook: unknown command %q\n\n%s", cmd, usage)
	return exitUsage
}

func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// flags returns a FlagSet that prints its usage to stderr and reports bad
// usage instead of exiting.
func flags(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: handbook %s %s\n\nFlags:\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseWords parses args, with flags before, between or after the other
// arguments (handbook new decision "Use Kafka" --source hb), and returns
// those, in order.
func parseWords(fs *flag.FlagSet, args []string) (words []string, code int, ok bool) {
	for {
		if code, ok := parse(fs, args); !ok {
			return nil, code, false
		}
		if fs.NArg() == 0 {
			return words, 0, true
		}
		words, args = append(words, fs.Arg(0)), fs.Args()[1:]
	}
}

// parseSource parses the arguments of a command that reads a handbook:
// flags, and at most one other argument, the handbook's root, which
// --source names otherwise (handbook build site/, as mdbook build takes
// its book's folder).
func parseSource(fs *flag.FlagSet, args []string, source *string) (int, bool) {
	words, code, ok := parseWords(fs, args)
	if !ok {
		return code, false
	}
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == "source" })
	switch {
	case len(words) == 0:
	case len(words) == 1 && !set:
		*source = words[0]
	default:
		extra := words[len(words)-1]
		if set {
			extra = words[0]
		}
		fmt.Fprintf(fs.Output(), "handbook %s: unexpected argument %q: name one handbook, as --source DIR or as DIR alone\n", fs.Name(), extra)
		fs.Usage()
		return exitUsage, false
	}
	return 0, true
}

func parse(fs *flag.FlagSet, args []string) (int, bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK, false
		}
		return exitUsage, false
	}
	return 0, true
}

func cmdBuild(args []string, stdout, stderr io.Writer) int {
	fs := flags("build", "[--source DIR] [--out DIR] [--drafts] [--base-url URL] [--broken-links error|warning]", stderr)
	source := fs.String("source", ".", "the handbook's root `DIR` (holding site.yaml and content/)")
	out := fs.String("out", "", "output `DIR` (default: public/ under the source)")
	drafts := fs.Bool("drafts", false, "publish documents with draft: true, and those held back by publishDate, expiryDate or published: false")
	baseURL := fs.String("base-url", "", "publish under this `URL` (overrides site.yaml's base_url)")
	broken := brokenLinksFlag(fs)
	if code, ok := parseSource(fs, args, source); !ok {
		return code
	}
	if !validBrokenLinks("build", *broken, stderr) {
		return exitUsage
	}
	if st, err := os.Stat(*source); err != nil || !st.IsDir() {
		fmt.Fprintf(stderr, "handbook build: --source %s is not a directory\n", *source)
		return exitUsage
	}
	defaultOut := filepath.Join(*source, "public")
	if *out == "" {
		*out = defaultOut
	}
	cfg := load.Settings(os.DirFS(*source), &diag.List{})
	dir, err := publish.NewDir(*out, publish.Guard{
		Protected: []string{*source, filepath.Join(*source, filepath.FromSlash(cfg.ContentDir))},
		Allowed:   defaultOut,
	})
	var refused *publish.RefusedError
	if errors.As(err, &refused) {
		fmt.Fprintf(stderr, "handbook build: %v\nhint: %s\nNothing was written or removed.\n", refused, refused.Hint)
		return exitUsage
	}
	if err != nil {
		fmt.Fprintf(stderr, "handbook build: cannot prepare %s: %v\n", *out, err)
		return exitContent
	}
	if os.Getenv("GOGC") == "" {
		// A build holds most of what it makes until its last pages are
		// written: collecting a little sooner than Go's default keeps its
		// peak memory about a tenth lower for about 1% more processor
		// time. GOGC, when set, decides.
		debug.SetGCPercent(buildGCPercent)
	}
	res := build.Run(os.DirFS(*source), dir, build.Options{Drafts: *drafts, BaseURL: *baseURL, BrokenLinks: *broken, Source: *source})
	diag.WriteText(stderr, res.Diags.All())
	for _, n := range res.Notes {
		fmt.Fprintf(stderr, "note: %s\n", n)
	}
	if res.Errors > 0 {
		_ = dir.Abort()
		// What was made is thrown away: none of it reached --out.
		res.Written = 0
		fmt.Fprintf(stderr, "build failed: %s\n%s was left as it was.\n", res.Summary(), *out)
		fmt.Fprint(stderr, brokenNote(res, "build", *broken != ""))
		return exitContent
	}
	if err := dir.Commit(); err != nil {
		_ = dir.Abort()
		fmt.Fprintf(stderr, "handbook build: %v\n", err)
		return exitContent
	}
	fmt.Fprintf(stdout, "built %s: %s\n", *out, res.Summary())
	fmt.Fprint(stdout, brokenNote(res, "build", *broken != ""))
	return exitOK
}

// brokenLinksFlag declares build's, check's and serve's --broken-links.
func brokenLinksFlag(fs *flag.FlagSet) *string {
	return fs.String("broken-links", "", "report links to missing pages or headings as `error` or warning (overrides site.yaml's broken_links; default error): warning lets a handbook whose links are not yet clean build while they are fixed")
}

func validBrokenLinks(cmd, v string, stderr io.Writer) bool {
	if v != "" && v != "error" && v != "warning" {
		fmt.Fprintf(stderr, "handbook %s: --broken-links must be error or warning, not %q\n", cmd, v)
		return false
	}
	return true
}

// brokenNote is the closing lines of a run with broken links: how many,
// and how to build while fixing them, or that they are let through and
// by what. It is "" when every link resolves.
func brokenNote(res *build.Result, cmd string, byFlag bool) string {
	n := res.BrokenLinks
	if n == 0 {
		return ""
	}
	links, them, as, they := fmt.Sprintf("%d broken links", n), "them", "warnings", "they are"
	if n == 1 {
		links, them, as, they = "1 broken link", "it", "a warning", "it is"
	}
	if res.Config.BrokenLinks == "warning" {
		setting := "broken_links: warning in site.yaml"
		if byFlag {
			setting = "--broken-links warning"
		}
		return fmt.Sprintf("%s reported as %s (%s): once %s fixed, go back to errors so that a new one fails the %s.\n", links, as, setting, they, cmd)
	}
	how := fmt.Sprintf("To build while you fix %s, run `handbook build --broken-links warning`, or set broken_links: warning in site.yaml.", them)
	if cmd == "check" {
		how = fmt.Sprintf("To report %s as %s while you fix %s, use --broken-links warning, or set broken_links: warning in site.yaml.", them, as, them)
	}
	switch {
	case n == res.Errors && n == 1:
		return "The only error is a broken link. " + how + "\n"
	case n == res.Errors:
		return fmt.Sprintf("All %d errors are broken links. %s\n", n, how)
	case n == 1:
		return fmt.Sprintf("1 of the %d errors is a broken link. %s\n", res.Errors, how)
	}
	return fmt.Sprintf("%d of the %d errors are broken links. %s\n", n, res.Errors, how)
}

func cmdCheck(args []string, stdout, stderr io.Writer) int {
	fs := flags("check", "[--source DIR] [--drafts] [--format text|json|github] [--orphans] [--broken-links error|warning]", stderr)
	source := fs.String("source", ".", "the handbook's root `DIR`")
	drafts := fs.Bool("drafts", false, "check documents with draft: true, and those held back by their dates or published: false, as published")
	format := fs.String("format", "text", "diagnostics as text, json or github (workflow annotations)")
	orphans := fs.Bool("orphans", false, "also list the documents nothing links to (text format)")
	broken := brokenLinksFlag(fs)
	if code, ok := parseSource(fs, args, source); !ok {
		return code
	}
	if !validBrokenLinks("check", *broken, stderr) {
		return exitUsage
	}
	if *format != "text" && *format != "json" && *format != "github" {
		fmt.Fprintf(stderr, "handbook check: --format must be text, json or github, not %q\n", *format)
		return exitUsage
	}
	if st, err := os.Stat(*source); err != nil || !st.IsDir() {
		fmt.Fprintf(stderr, "handbook check: --source %s is not a directory\n", *source)
		return exitUsage
	}
	res := build.Run(os.DirFS(*source), nil, build.Options{Drafts: *drafts, BrokenLinks: *broken, Source: *source})
	ds := res.Diags.All()
	switch *format {
	case "json":
		_ = diag.WriteJSON(stdout, ds)
	case "github":
		diag.WriteGitHub(stdout, fromRepository(*source, ds))
	default:
		diag.WriteText(stderr, ds)
		for _, n := range res.Notes {
			fmt.Fprintf(stderr, "note: %s\n", n)
		}
		if *orphans && res.Site != nil {
			fmt.Fprintf(stderr, "%d documents nothing links to:\n", len(res.Site.Orphans))
			for _, d := range res.Site.Orphans {
				fmt.Fprintf(stderr, "\t%s\t%s\n", d.SourcePath, d.Title)
			}
		}
		fmt.Fprintf(stderr, "checked: %s\n", strings.Replace(res.Summary(), "files written", "files", 1))
		fmt.Fprint(stderr, brokenNote(res, "check", *broken != ""))
	}
	if res.Errors > 0 {
		return exitContent
	}
	return exitOK
}

func cmdNew(args []string, stdout, stderr io.Writer) int {
	fs := flags("new", `[--source DIR] KIND "Title"`, stderr)
	source := fs.String("source", ".", "the handbook's root `DIR`")
	// Flags may follow the kind and the title too: handbook new decision
	// "Use Kafka" --source handbook.
	words, code, ok := parseWords(fs, args)
	if !ok {
		return code
	}
	if len(words) != 2 {
		fmt.Fprintf(stderr, "handbook new: name a kind and a title, as in handbook new decision \"Use Kafka for events\"; the kinds are %s\n", strings.Join(handbook.KindNames(), ", "))
		fs.Usage()
		return exitUsage
	}
	path, err := scaffold.New(*source, words[0], words[1])
	if err != nil {
		fmt.Fprintf(stderr, "handbook new: %v\n", err)
		if errors.Is(err, scaffold.ErrUsage) {
			return exitUsage
		}
		return exitContent
	}
	fmt.Fprintf(stdout, "created %s\n", path)
	return exitOK
}

func cmdDecisions(args []string, stdout, stderr io.Writer) int {
	fs := flags("decisions", "[--source DIR] [--status S] [--area A] [--owner O] [--json]", stderr)
	source := fs.String("source", ".", "the handbook's root `DIR`")
	status := fs.String("status", "", "only decisions with this `status`")
	area := fs.String("area", "", "only decisions in this `area`")
	owner := fs.String("owner", "", "only decisions with this `owner`")
	asJSON := fs.Bool("json", false, "print decisions.json entries instead of a table")
	if code, ok := parseSource(fs, args, source); !ok {
		return code
	}
	if st, err := os.Stat(*source); err != nil || !st.IsDir() {
		fmt.Fprintf(stderr, "handbook decisions: --source %s is not a directory\n", *source)
		return exitUsage
	}
	res := build.Link(os.DirFS(*source), build.Options{Source: *source})
	// The errors, which leave the registry short, in full; the warnings
	// (a record's missing section) are check's to list.
	var errs []diag.Diagnostic
	warnings := 0
	for _, d := range res.Diags.All() {
		if d.Severity == diag.Error {
			errs = append(errs, d)
		} else if d.Severity == diag.Warning {
			warnings++
		}
	}
	diag.WriteText(stderr, errs)
	if warnings > 0 {
		fmt.Fprintf(stderr, "the handbook has %s; handbook check lists them\n", diag.Plural(warnings, "warning", "warnings"))
	}
	entries := render.DecisionsJSON(res.Site, res.Config.BasePath)
	kept := entries[:0]
	for _, e := range entries {
		if (*status == "" || strings.EqualFold(e.Status, *status)) && (*area == "" || strings.EqualFold(e.Area, *area)) && (*owner == "" || strings.EqualFold(e.Owner, *owner)) {
			kept = append(kept, e)
		}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		_ = enc.Encode(kept)
	} else {
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tSTATUS\tDATE\tAREA\tOWNER\tTITLE\tSUPERSEDED BY")
		for _, e := range kept {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", diag.Printable(e.ID), diag.Printable(or(e.Status, "-")), diag.Printable(or(e.Date, "-")), diag.Printable(or(e.Area, "-")),
				diag.Printable(or(e.Owner, "-")), diag.Printable(e.Title), diag.Printable(or(strings.Join(e.SupersededBy, ", "), "-")))
		}
		tw.Flush()
		fmt.Fprintf(stderr, "%d of %d decisions\n", len(kept), len(entries))
	}
	if res.Errors > 0 {
		return exitContent
	}
	return exitOK
}

func or(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}

func cmdServe(args []string, stdout, stderr io.Writer) int {
	fs := flags("serve", "[--source DIR] [--port 1313] [--bind 127.0.0.1] [--allowed-host HOST] [--drafts] [--poll] [--broken-links warning]", stderr)
	source := fs.String("source", ".", "the handbook's root `DIR`")
	port := fs.Int("port", 1313, "`port` to listen on; 0 picks a free one")
	bind := fs.String("bind", "127.0.0.1", "`address` to listen on")
	drafts := fs.Bool("drafts", false, "show documents with draft: true, and those held back by their dates or published: false")
	poll := fs.Bool("poll", false, "poll for changes instead of using inotify (network file systems)")
	broken := brokenLinksFlag(fs)
	var allowed serve.Hosts
	fs.Var(&allowed, "allowed-host", "also answer requests for this `HOST` (repeat, or separate with commas; HOST:PORT for another port); others get 403")
	if code, ok := parseSource(fs, args, source); !ok {
		return code
	}
	if !validBrokenLinks("serve", *broken, stderr) {
		return exitUsage
	}
	if st, err := os.Stat(*source); err != nil || !st.IsDir() {
		fmt.Fprintf(stderr, "handbook serve: --source %s is not a directory\n", *source)
		return exitUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := serve.Run(ctx, serve.Options{Source: *source, Bind: *bind, Port: *port, Drafts: *drafts, Poll: *poll, Log: stdout, AllowedHosts: allowed, BrokenLinks: *broken})
	if err != nil {
		fmt.Fprintf(stderr, "handbook serve: %v\n", err)
		return exitContent
	}
	return exitOK
}

// cmdSynth writes the deterministic synthetic handbook of the benchmarks:
// handbook synth N DIR.
func cmdSynth(args []string, stdout, stderr io.Writer) int {
	if len(args) != 2 {
		fmt.Fprintln(stderr, "usage: handbook synth N DIR")
		return exitUsage
	}
	n, err := strconv.Atoi(args[0])
	if err != nil || n < 1 {
		fmt.Fprintf(stderr, "handbook synth: %q is not a number of documents\n", args[0])
		return exitUsage
	}
	// Written as generated, so that 100,000 documents need no more
	// memory than ten.
	err = synth.Each(n, func(p string, data []byte) error {
		full := filepath.Join(args[1], filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		return os.WriteFile(full, data, 0o644)
	})
	if err != nil {
		fmt.Fprintf(stderr, "handbook synth: %v\n", err)
		return exitContent
	}
	fmt.Fprintf(stdout, "wrote a handbook of %d documents to %s\n", n, args[1])
	return exitOK
}

// fromRepository returns the diagnostics of the handbook at source with
// their paths from the top of its git repository, as GitHub's workflow
// annotations name files (a handbook in docs/handbook/ of a code
// repository); outside a repository, as they are.
func fromRepository(source string, ds []diag.Diagnostic) []diag.Diagnostic {
	_, prefix, ok := history.Top(source)
	if !ok || prefix == "." {
		return ds
	}
	out := slices.Clone(ds)
	for i := range out {
		if out[i].Path != "" {
			out[i].Path = path.Join(prefix, out[i].Path)
		}
	}
	return out
}

func cmdHealth(args []string, stdout, stderr io.Writer) int {
	fs := flags("health", "[--source DIR] [--format text|json|github] [--fail-on due,stuck,unowned,orphans,habits]", stderr)
	source := fs.String("source", ".", "the handbook's root `DIR`")
	format := fs.String("format", "text", "the report as text, json or github (workflow annotations)")
	failOn := fs.String("fail-on", "", "exit 1 when the report lists any of these `parts`, comma-separated: due (for review), stuck, unowned, orphans, habits (for CI)")
	if code, ok := parseSource(fs, args, source); !ok {
		return code
	}
	if *format != "text" && *format != "json" && *format != "github" {
		fmt.Fprintf(stderr, "handbook health: --format must be text, json or github, not %q\n", *format)
		return exitUsage
	}
	var names []string
	for _, p := range healthParts {
		names = append(names, p.name)
	}
	var parts []int // indices in healthParts
	for _, p := range strings.Split(*failOn, ",") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		i := slices.Index(names, p)
		if i < 0 {
			hint := ""
			if sug := diag.Suggest(p, names); sug != "" {
				hint = fmt.Sprintf(" (did you mean %s?)", sug)
			}
			fmt.Fprintf(stderr, "handbook health: --fail-on takes %s, not %q%s\n", strings.Join(names, ", "), p, hint)
			return exitUsage
		}
		parts = append(parts, i)
	}
	if st, err := os.Stat(*source); err != nil || !st.IsDir() {
		fmt.Fprintf(stderr, "handbook health: --source %s is not a directory\n", *source)
		return exitUsage
	}
	res := build.Link(os.DirFS(*source), build.Options{Source: *source})
	rep := health.Make(res.Site, res.Config, time.Now(), res.Lints)
	switch *format {
	case "json":
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		_ = enc.Encode(rep)
	case "github":
		var ds []diag.Diagnostic
		for _, d := range rep.Due {
			ds = append(ds, diag.Diagnostic{Path: d.Source, Severity: diag.Warning, Message: fmt.Sprintf("review due: %s is %d days overdue for review (last %s, every %d days)%s",
				diag.Printable(d.Title), d.DaysOverdue, d.LastReviewed, d.PeriodDays, ownedBy(d.Owner))})
		}
		for _, x := range rep.Stuck {
			ds = append(ds, diag.Diagnostic{Path: x.Source, Severity: diag.Warning, Message: fmt.Sprintf("decision stuck: %s (%s) has been proposed for %d days", diag.Printable(x.Title), x.ID, x.Days)})
		}
		for _, d := range rep.NoOwner {
			ds = append(ds, diag.Diagnostic{Path: d.Source, Severity: diag.Warning, Message: fmt.Sprintf("no owner: %s names no owner; write owner: in its front matter, or a CODEOWNERS rule for its folder", diag.Printable(d.Title))})
		}
		diag.WriteGitHub(stdout, fromRepository(*source, ds))
	default:
		health.WriteText(stdout, rep)
	}
	if res.Errors > 0 {
		fmt.Fprintf(stderr, "the handbook has %s; handbook check lists them\n", diag.Plural(res.Errors, "error", "errors"))
	}
	for _, i := range parts {
		if p := healthParts[i]; p.count(rep) > 0 {
			fmt.Fprintf(stderr, "handbook health: %d %s (--fail-on %s)\n", p.count(rep), p.what, p.name)
			return exitContent
		}
	}
	return exitOK
}

// healthParts are the parts of the health report --fail-on names: what
// each lists, and how many entries.
var healthParts = []struct {
	name, what string
	count      func(*health.Report) int
}{
	{"due", "documents due for review", func(r *health.Report) int { return len(r.Due) }},
	{"stuck", "decisions stuck in proposed", func(r *health.Report) int { return len(r.Stuck) }},
	{"unowned", "documents without an owner", func(r *health.Report) int { return len(r.NoOwner) }},
	{"orphans", "documents nothing links to", func(r *health.Report) int { return len(r.Orphans) }},
	{"habits", "departures from the writing habits", func(r *health.Report) int {
		n := 0
		for _, h := range r.Habits {
			n += len(h.Docs)
		}
		return n
	}},
}

func ownedBy(owner string) string {
	if owner == "" {
		return ", no owner"
	}
	return ", owner " + diag.Printable(owner)
}
