package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"handbook/generator/internal/synth"
)

// The benchmarks of this file measure the handbook command as a user runs
// it: each run is a fresh process (this test binary, re-executed as the
// command: see TestMain), timed as a whole, its peak memory read from the
// kernel's accounting of the finished process (getrusage's ru_maxrss), and
// serve's resident memory from /proc while it runs. The synthetic handbook
// is written to disk first (handbook synth).
//
//	go test -run XXX -bench 'BuildProcess(10k|20k)$' -benchtime 3x ./generator
//	go test -run XXX -bench 'BuildProcess(50k|100k)$' -benchtime 1x -timeout 30m ./generator
//	go test -run XXX -bench 'BuildGrowth' -benchtime 3x -timeout 60m ./generator
//	go test -run XXX -bench 'ServeProcess' -benchtime 20x ./generator

// runEnv names the variable under which the test binary runs as the
// handbook command: its value is the command's arguments as a JSON list.
const runEnv = "HANDBOOK_BENCH_RUN"

// TestMain runs the handbook command in place of the tests when runEnv is
// set, so that a benchmark can measure the command in a process of its own,
// and the floor (see floor) when floorEnv is.
func TestMain(m *testing.M) {
	if a := os.Getenv(runEnv); a != "" {
		var args []string
		if err := json.Unmarshal([]byte(a), &args); err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", runEnv, err)
			os.Exit(2)
		}
		os.Exit(run(args, os.Stdout, os.Stderr))
	}
	if a := os.Getenv(floorEnv); a != "" {
		var dirs []string
		if err := json.Unmarshal([]byte(a), &dirs); err != nil || len(dirs) != 2 {
			fmt.Fprintf(os.Stderr, "%s: want [content, out], got %s\n", floorEnv, a)
			os.Exit(2)
		}
		if err := floor(dirs[0], dirs[1]); err != nil {
			fmt.Fprintf(os.Stderr, "floor: %v\n", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	code := m.Run()
	if kept != "" {
		_ = os.RemoveAll(kept)
	}
	if binPath != "" {
		_ = os.RemoveAll(filepath.Dir(binPath)) // the command the tests built
	}
	os.Exit(code)
}

// kept is the folder the benchmarks write in (keptDir), removed by
// TestMain when every benchmark has run. It is set once, by the first
// keptDir; benchmarks run one at a time.
var kept string

// keptDir returns a new folder named after name that lasts until the test
// binary exits, unlike b.TempDir, which is removed when the benchmark ends
// and would slow the next one (see the top of this file).
func keptDir(b *testing.B, name string) string {
	b.Helper()
	if kept == "" {
		dir, err := os.MkdirTemp("", "handbook-bench-")
		if err != nil {
			b.Fatal(err)
		}
		kept = dir
	}
	dir, err := os.MkdirTemp(kept, name+"-")
	if err != nil {
		b.Fatal(err)
	}
	return dir
}

// command returns the handbook command with args, run by this test binary.
func command(b *testing.B, args ...string) *exec.Cmd {
	a, err := json.Marshal(args)
	if err != nil {
		b.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run", "^$")
	cmd.Env = append(os.Environ(), runEnv+"="+string(a))
	return cmd
}

// synthDir writes the synthetic handbook of n documents into a temporary
// folder, once per benchmark.
func synthDir(b *testing.B, n int) string {
	b.Helper()
	dir := filepath.Join(keptDir(b, "handbook"), "handbook")
	cmd := command(b, "synth", strconv.Itoa(n), dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("synth: %v\n%s", err, out)
	}
	return dir
}

// buildOnce runs handbook build over src into out in a new process and
// returns its wall time, processor time (user and system) and peak
// resident memory in bytes.
func buildOnce(b *testing.B, src, out string) (wall, cpu time.Duration, rss int64) {
	cmd := command(b, "build", "--source", src, "--out", out)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	wall = time.Since(start)
	if err != nil {
		b.Fatalf("build: %v\n%s", err, lastLines(stderr.String(), 5))
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		b.Skip("no rusage on this system")
	}
	cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	return wall, cpu, ru.Maxrss << 10 // ru_maxrss is in kilobytes on Linux
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// benchBuildProcess times handbook build of n synthetic documents from
// disk to disk and reports the largest peak memory of its runs. Each run
// writes a new folder, unless rebuild is set: then each replaces the site
// the run before it built.
func benchBuildProcess(b *testing.B, n int, rebuild bool) {
	src := synthDir(b, n)
	out := filepath.Join(keptDir(b, "public"), "public")
	var peak int64
	var walls, cpus []time.Duration
	for b.Loop() {
		if !rebuild {
			out = filepath.Join(keptDir(b, "public"), "public")
		}
		wall, cpu, rss := buildOnce(b, src, out)
		peak = max(peak, rss)
		walls, cpus = append(walls, wall), append(cpus, cpu)
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-RSS-MB")
	b.ReportMetric(median(walls).Seconds(), "median-s")
	b.ReportMetric(median(cpus).Seconds(), "median-cpu-s")
}

// BenchmarkBuildProcess10k and the others are `handbook build` of 10,000
// to 100,000 synthetic documents in a process of its own: its wall time
// (median-s), processor time on every core (median-cpu-s: the figure to
// compare when the machine is shared) and peak resident memory
// (peak-RSS-MB).
func BenchmarkBuildProcess10k(b *testing.B)  { benchBuildProcess(b, 10_000, false) }
func BenchmarkBuildProcess20k(b *testing.B)  { benchBuildProcess(b, 20_000, false) }
func BenchmarkBuildProcess50k(b *testing.B)  { benchBuildProcess(b, 50_000, false) }
func BenchmarkBuildProcess100k(b *testing.B) { benchBuildProcess(b, 100_000, false) }

// BenchmarkBuildProcessRebuild10k is handbook build of 10,000 documents
// run again and again into the same folder, each run replacing the site
// the one before it wrote, as an operator rebuilding in place does.
func BenchmarkBuildProcessRebuild10k(b *testing.B) { benchBuildProcess(b, 10_000, true) }

// benchGrowth builds n and 2n documents in turn and reports the median of
// the ratios of their times, pair by pair: how much faster than documents
// the build's time grows (2.0 is linear).
func benchGrowth(b *testing.B, n int) {
	small, large := synthDir(b, n), synthDir(b, 2*n)
	var ratios, cpuRatios []float64
	for b.Loop() {
		ts, cs, _ := buildOnce(b, small, filepath.Join(keptDir(b, "public"), "public"))
		tl, cl, _ := buildOnce(b, large, filepath.Join(keptDir(b, "public"), "public"))
		ratios = append(ratios, tl.Seconds()/ts.Seconds())
		cpuRatios = append(cpuRatios, cl.Seconds()/cs.Seconds())
	}
	slices.Sort(ratios)
	slices.Sort(cpuRatios)
	b.ReportMetric(ratios[len(ratios)/2], "time-ratio")
	b.ReportMetric(cpuRatios[len(cpuRatios)/2], "cpu-ratio")
}

// BenchmarkBuildGrowth10kTo20k reports time(20k)/time(10k);
// BenchmarkBuildGrowth50kTo100k time(100k)/time(50k).
func BenchmarkBuildGrowth10kTo20k(b *testing.B)  { benchGrowth(b, 10_000) }
func BenchmarkBuildGrowth50kTo100k(b *testing.B) { benchGrowth(b, 50_000) }

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

// served is a handbook serve running in a process of its own.
type served struct {
	cmd     *exec.Cmd
	url     string
	rebuilt chan string // the lines that end each rebuild
	events  chan event
}

type event struct {
	at      time.Time
	Changed []string `json:"changed"`
	Errors  []any    `json:"errors"`
}

// startServe starts handbook serve on src and waits until it serves.
func startServe(b *testing.B, src string) *served {
	cmd := command(b, "serve", "--source", src, "--port", "0")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	s := &served{cmd: cmd, rebuilt: make(chan string, 64), events: make(chan event, 64)}
	b.Cleanup(func() {
		_ = cmd.Process.Signal(os.Interrupt)
		_ = cmd.Wait()
	})
	ready := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "Serving "):
				f := strings.Fields(line)
				for i, w := range f {
					if w == "at" && i+1 < len(f) {
						ready <- f[i+1]
					}
				}
			case strings.HasPrefix(line, "rebuilt in ") || strings.HasPrefix(line, "build failed"):
				s.rebuilt <- line
			}
		}
		close(ready)
	}()
	select {
	case u, ok := <-ready:
		if !ok {
			b.Fatalf("serve stopped:\n%s", lastLines(stderr.String(), 5))
		}
		s.url = u
	case <-time.After(5 * time.Minute):
		b.Fatal("serve did not start")
	}
	resp, err := http.Get(s.url + "__handbook/events")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { resp.Body.Close() })
	go func() {
		r := bufio.NewReader(resp.Body)
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				return
			}
			if data, ok := strings.CutPrefix(line, "data: "); ok {
				var ev event
				if json.Unmarshal([]byte(data), &ev) == nil {
					ev.at = time.Now()
					s.events <- ev
				}
			}
		}
	}()
	<-s.events // the current state, sent on connecting
	return s
}

// rss returns the process's resident memory now, from /proc.
func (s *served) rss(b *testing.B) int64 {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", s.cmd.Process.Pid))
	if err != nil {
		b.Skipf("no /proc: %v", err)
	}
	defer f.Close()
	return statusField(f, "VmRSS:")
}

// statusField reads a "kB" field of /proc/PID/status, in bytes.
func statusField(r io.Reader, name string) int64 {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), name); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb << 10
		}
	}
	return 0
}

// edit writes a new version of the document at doc and returns the time
// from the write to the reload event that names its page, after the
// rebuild has finished.
func (s *served) edit(b *testing.B, root, doc string, change func([]byte) []byte) time.Duration {
	full := filepath.Join(root, filepath.FromSlash(doc))
	src, err := os.ReadFile(full)
	if err != nil {
		b.Fatal(err)
	}
	src = change(src)
	want := "/" + doc[len("content/"):len(doc)-len(".md")] + "/"
	t0 := time.Now()
	if err := os.WriteFile(full, src, 0o644); err != nil {
		b.Fatal(err)
	}
	var took time.Duration
	timeout := time.After(2 * time.Minute)
	for took == 0 {
		select {
		case ev := <-s.events:
			if len(ev.Errors) > 0 {
				b.Fatalf("the edit broke the build: %v", ev.Errors)
			}
			if slices.Contains(ev.Changed, want) {
				took = ev.at.Sub(t0)
			}
		case <-timeout:
			b.Fatalf("no reload event for %s", want)
		}
	}
	select {
	case line := <-s.rebuilt:
		if strings.HasPrefix(line, "build failed") {
			b.Fatal(line)
		}
	case <-time.After(2 * time.Minute):
		b.Fatal("the rebuild did not finish")
	}
	// Drain the events of the rebuild's later part (the site's indexes).
	for {
		select {
		case <-s.events:
			continue
		case <-time.After(50 * time.Millisecond):
		}
		break
	}
	return took
}

// benchServeProcess starts handbook serve on 10,000 synthetic documents in
// a process of its own, edits one document after another (change makes
// the k-th edit), and reports the time from each write to its reload event (median
// and 90th percentile) and the resident memory after the first build and
// after the last edit.
func benchServeProcess(b *testing.B, n int, change func(src []byte, k int) []byte) {
	root := synthDir(b, n)
	s := startServe(b, root)
	time.Sleep(time.Second) // the first build's garbage, collected
	startRSS := s.rss(b)
	var times []time.Duration
	i := 0
	for b.Loop() {
		doc := synth.Doc((i*7919 + 13) % n)
		k := i
		times = append(times, s.edit(b, root, doc, func(src []byte) []byte { return change(src, k) }))
		i++
	}
	b.StopTimer()
	time.Sleep(4 * time.Second) // serve idle again
	endRSS := s.rss(b)
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "median-ms")
	b.ReportMetric(float64(times[len(times)*9/10].Microseconds())/1000, "p90-ms")
	b.ReportMetric(float64(startRSS)/(1<<20), "start-RSS-MB")
	b.ReportMetric(float64(endRSS)/(1<<20), "end-RSS-MB")
}

// BenchmarkServeProcessTitleEdit10k and BenchmarkServeProcessBodyEdit10k:
// handbook serve of 10,000 documents, from a save to the reload event, and
// its resident memory after starting and after the edits (-benchtime 20x:
// twenty edits).
func BenchmarkServeProcessTitleEdit10k(b *testing.B) {
	benchServeProcess(b, 10_000, func(src []byte, k int) []byte {
		return bytes.Replace(src, []byte("title: Document"), fmt.Appendf(nil, "title: Edited %d Document", k), 1)
	})
}

func BenchmarkServeProcessBodyEdit10k(b *testing.B) {
	benchServeProcess(b, 10_000, func(src []byte, k int) []byte {
		return fmt.Appendf(src, "\nAn edit, number %d.\n", k)
	})
}

// BenchmarkServeProcessTagEdit10k adds a tag to a document, which its tag's
// page, the pages related to it and the indexes show: the edited page is
// written and reloaded first, the rest of the site after it.
func BenchmarkServeProcessTagEdit10k(b *testing.B) {
	benchServeProcess(b, 10_000, func(src []byte, k int) []byte {
		return bytes.Replace(src, []byte("tags: ["), fmt.Appendf(nil, "tags: [edited-%d, ", k%3), 1)
	})
}
