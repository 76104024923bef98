package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"time"

	"handbook/generator/internal/build"
	"handbook/generator/internal/config"
	"handbook/generator/internal/diag"
	"handbook/generator/internal/handbook"
	"handbook/generator/internal/history"
	"handbook/generator/internal/load"
	"handbook/generator/internal/owners"
	"handbook/generator/internal/watch"
)

// Options configure Run.
type Options struct {
	Source string // the site root
	Bind   string // address to listen on; 127.0.0.1 unless told otherwise
	Port   int    // 0 picks a free port
	Drafts bool
	Poll   bool          // poll the file system instead of inotify
	Log    io.Writer     // terminal output
	Ready  func(string)  // called with the site's URL once it is served
	Batch  time.Duration // how long file events are gathered; default 20ms
	// AllowedHosts are host names answered besides the bind address,
	// localhost, 127.0.0.1 and [::1]; requests for any other Host are
	// refused with 403 (see Hosts).
	AllowedHosts []string
	// BrokenLinks, when set ("error" or "warning"), reports links to
	// missing pages so, over site.yaml's broken_links.
	BrokenLinks string
}

// ErrPortInUse is returned when the address is taken.
var ErrPortInUse = errors.New("port in use")

// Run builds the site into memory, serves it, and rebuilds on every change
// until ctx is done.
func Run(ctx context.Context, o Options) error {
	return run(ctx, o, nil)
}

// run is Run, handing the Server to started (benchmarks listen to it).
func run(ctx context.Context, o Options, started func(*Server)) error {
	if o.Bind == "" {
		o.Bind = "127.0.0.1"
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
	addr := net.JoinHostPort(o.Bind, strconv.Itoa(o.Port))
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		if errors.Is(err, syscall.EADDRINUSE) {
			return fmt.Errorf("%w: %s is taken; stop the other server or pick another port (--port 0 picks a free one)", ErrPortInUse, addr)
		}
		return fmt.Errorf("cannot listen on %s: %v", addr, err)
	}
	fsys := os.DirFS(o.Source)
	sess := build.NewSession(fsys, build.Options{Drafts: o.Drafts, BaseURL: "/", SourceMaps: true, Source: o.Source, Gzip: true, BrokenLinks: o.BrokenLinks})
	srv := New()
	if started != nil {
		started(srv)
	}
	d := &dev{srv: srv, sess: sess, log: o.Log}
	d.rebuild(nil, nil, nil)

	var cfgDiags diag.List
	cfg := load.Settings(fsys, &cfgDiags)
	watched := append([]string{cfg.ContentDir, "layouts", "assets", load.StaticDir, config.FileName}, owners.Files...)
	if from := cfg.From(); from != "" && from != config.FileName {
		watched = append(watched, from) // another generator's configuration, read without site.yaml
	}
	watched = append(watched, cfg.Glossaries...)
	// Other projects' folders are no handbook's: a repository read whole
	// may hold thousands in node_modules.
	// So are, in a repository read whole, the folders git ignores
	// (target/, dist/…), which may hold more.
	ignore := load.NewGitIgnore(fsys)
	skip := func(rel string) bool {
		return handbook.Dependencies(rel, true) || cfg.ContentDir == "." && (ignore.Ignored(rel, true) || cfg.Excluded(rel))
	}
	w, err := watch.New(o.Source, watched, watch.Options{Poll: o.Poll, Batch: o.Batch, Skip: skip})
	if err != nil {
		ln.Close()
		return fmt.Errorf("cannot watch %s: %v", o.Source, err)
	}
	defer w.Close()
	if top, rel, ok := history.Top(o.Source); ok && rel != "." {
		// A handbook in a folder of its repository takes its owners from
		// the CODEOWNERS file at the repository's top when it has none.
		for _, name := range owners.Files {
			w.WatchFile(filepath.Join(top, filepath.FromSlash(name)))
		}
	}
	pending := func() bool { return len(w.Changes) > 0 }
	sess.Overtaken(pending)
	d.handBack()

	port := ln.Addr().(*net.TCPAddr).Port
	hs := &http.Server{Handler: guardHosts(srv, o.Bind, port, o.AllowedHosts, o.Log), ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	url := "http://" + ln.Addr().String() + "/"
	also := ""
	if ip := ln.Addr().(*net.TCPAddr).IP; ip.IsUnspecified() {
		// Every address: this machine's browser opens localhost, others
		// its network addresses.
		url = "http://" + net.JoinHostPort("localhost", strconv.Itoa(port)) + "/"
		for _, a := range networkAddrs(3) {
			also += ", http://" + net.JoinHostPort(a, strconv.Itoa(port)) + "/"
		}
		if also != "" {
			also = " and from other machines at " + also[2:]
		}
	}
	fmt.Fprintf(o.Log, "Serving %s at %s%s (Ctrl-C to stop)\n", filepath.Clean(o.Source), url, also)
	if o.Ready != nil {
		o.Ready(url)
	}
	idle := time.NewTimer(idleHandBack)
	idle.Stop()
	defer idle.Stop()
	for {
		select {
		case <-ctx.Done():
			sctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			_ = hs.Shutdown(sctx)
			return nil
		case err := <-served:
			return err
		case changed, ok := <-w.Changes:
			if !ok {
				return nil
			}
			d.rebuild(changed, w.Watch, pending)
			if !pending() { // else the next save first: the idle timer hands back
				d.handBack()
			}
			idle.Reset(idleHandBack)
		case <-idle.C:
			// Quiet for a while: what the rebuilds made and dropped
			// (pages, indexes) goes back to the system, so that serve's
			// footprint stays that of the site it serves.
			debug.FreeOSMemory()
		}
	}
}

// idleHandBack is how long serve waits after a rebuild, with nothing
// else to do, before it hands the memory the rebuild dropped back to the
// system: long enough that a save in quick succession is never kept
// waiting by it.
const idleHandBack = 2 * time.Second

// dev is the rebuild loop's state.
type dev struct {
	srv       *Server
	sess      *build.Session
	log       io.Writer
	lastDiags string
	// full is set when the last rebuild made the whole site anew.
	full bool
	// good is set once a build has succeeded: from then on, a build with
	// errors leaves the last good site served.
	good bool
}

// handBack returns to the system the memory a whole new site took, once
// its pages are served: the last site was dropped, and serve's footprint
// stays that of one site.
func (d *dev) handBack() {
	if d.full {
		d.full = false
		debug.FreeOSMemory()
	}
}

// rebuild builds again after changes (nil: the first build), installs a
// good result or shows the problems, and prints diagnostics once per change
// of diagnostics, not on every save. Open pages are told first: the
// diagnostics are sorted and printed after the reload event. watch, when
// set, is given the content folder the build read before its pages are
// served (site.yaml may name another folder, and an edit made there as
// soon as a page shows it must not be missed). pending, when set, reports
// that more changes wait: the site-wide files are then left to the next
// rebuild, which writes them once for both.
func (d *dev) rebuild(changed []string, watch func(dir string), pending func() bool) {
	start := time.Now()
	up := d.sess.Rebuild(changed)
	res := up.Result
	if res.Config != nil && res.Config.ContentDir != "" && watch != nil {
		watch(res.Config.ContentDir)
	}
	if res.Config != nil {
		d.srv.SetBase(res.Config.PublishedPath)
	}
	if changed == nil {
		for _, n := range res.Notes {
			fmt.Fprintf(d.log, "note: %s\n", n)
		}
	}
	if res.Errors > 0 && changed != nil && overtaken(pending) {
		// Most likely a file read while it was being written (emptied,
		// then filled): the next rebuild reads it whole, and shows its
		// errors if it still has them.
		return
	}
	if res.Errors > 0 && !d.good && up.Files != nil {
		// No build has succeeded yet: a handbook with errors (the broken
		// links of one brought from elsewhere) is shown as it was built,
		// with its errors, until one does.
		files := up.Files
		if up.Later != nil {
			files, _ = up.Later()
		}
		d.srv.ShowFailed(files, Problems(res.Diags.All(), res.Diags.Lines))
		d.full = up.Whole()
		d.report(res.Diags.All(), res)
		fmt.Fprintf(d.log, "built with %s in %s; serving the site as built until a build succeeds\n", diag.Plural(res.Errors, "error", "errors"), time.Since(start).Round(time.Millisecond))
		return
	}
	if res.Errors > 0 {
		d.failed(res, start)
		return
	}
	d.good = true
	ev := d.srv.Update(up.Files, up.Changed, cssOnly(changed))
	took := time.Since(start).Round(time.Millisecond)
	if up.Later != nil && (pending == nil || !pending()) {
		files, written := up.Later()
		d.srv.Update(files, written, false)
		if res.Errors > 0 { // found writing the rest of the site
			d.failed(res, start)
			return
		}
	}
	d.full = up.Whole()
	d.report(res.Diags.All(), res)
	switch {
	case changed == nil:
		fmt.Fprintf(d.log, "built %s\n", res.Summary())
	case ev.CSS != "":
		fmt.Fprintf(d.log, "rebuilt in %s: stylesheet swapped\n", took)
	default:
		fmt.Fprintf(d.log, "rebuilt in %s: %d pages changed\n", took, len(ev.Changed))
	}
}

// errorGrace is how long a rebuild that found errors waits for more
// changes before it shows them: an editor that saves in place empties
// the file and then fills it, and a rebuild that read it in between finds
// the errors of an empty or half-written page (its page gone, every link
// to it broken), which the next rebuild, a few milliseconds later, no
// longer has. A real mistake is shown this much later, which no one sees.
const errorGrace = 100 * time.Millisecond

// overtaken reports whether more changes arrive, pending, within
// errorGrace.
func overtaken(pending func() bool) bool {
	if pending == nil {
		return false
	}
	for end := time.Now().Add(errorGrace); ; {
		if pending() {
			return true
		}
		if time.Now().After(end) {
			return false
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// failed shows a build's errors in every open page and prints them: the
// last good site stays served.
func (d *dev) failed(res *build.Result, start time.Time) {
	ds := res.Diags.All()
	d.srv.Fail(Problems(ds, res.Diags.Lines))
	d.report(ds, res)
	fmt.Fprintf(d.log, "build failed in %s: %s; serving the last good site\n", time.Since(start).Round(time.Millisecond), diag.Plural(res.Errors, "error", "errors"))
}

// report prints a build's diagnostics, or one line when they are the
// last build's.
func (d *dev) report(ds []diag.Diagnostic, res *build.Result) {
	var b strings.Builder
	diag.WriteText(&b, ds)
	if text := b.String(); text != d.lastDiags {
		fmt.Fprint(d.log, text)
		d.lastDiags = text
	} else if text != "" {
		fmt.Fprintf(d.log, "(the same %s and %s as before)\n", diag.Plural(res.Errors, "error", "errors"), diag.Plural(res.Warnings, "warning", "warnings"))
	}
}

// cssOnly reports whether every changed file is a stylesheet of assets/.
func cssOnly(changed []string) bool {
	if len(changed) == 0 {
		return false
	}
	for _, p := range changed {
		if !strings.HasPrefix(p, "assets/") || !strings.HasSuffix(p, ".css") {
			return false
		}
	}
	return true
}

// networkAddrs returns up to n of this machine's IPv4 addresses that other
// machines may reach: neither loopback nor link-local.
func networkAddrs(n int) []string {
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		return nil
	}
	var out []string
	for _, a := range addrs {
		ipn, ok := a.(*net.IPNet)
		if !ok || ipn.IP.To4() == nil || ipn.IP.IsLoopback() || ipn.IP.IsLinkLocalUnicast() {
			continue
		}
		if out = append(out, ipn.IP.String()); len(out) == n {
			break
		}
	}
	return out
}
