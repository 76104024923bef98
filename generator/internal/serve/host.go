package serve

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
)

// Hosts is a list of host names that serve answers besides its own, as
// --allowed-host gives them: the flag can be repeated, and each value can
// be a comma-separated list. A name alone is allowed without a port or
// with serve's port; NAME:PORT allows that port.
type Hosts []string

// String returns the names, comma-separated.
func (h *Hosts) String() string { return strings.Join(*h, ",") }

// Set adds the comma-separated names of v; it refuses what is not a host
// name as a Host header carries it (a URL, a path, a space).
func (h *Hosts) Set(v string) error {
	for _, part := range strings.Split(v, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if strings.ContainsAny(part, "/@ \t?#") {
			return fmt.Errorf("%q is not a host name: give the host as the browser's address bar shows it, without scheme or path (docs.example.com, or docs.example.com:8080)", part)
		}
		name, port := splitHost(part)
		if name == "" {
			return fmt.Errorf("%q has no host name", part)
		}
		if port != "" {
			if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
				return fmt.Errorf("%q: the port %q is not a number from 1 to 65535", part, port)
			}
		}
		*h = append(*h, part)
	}
	return nil
}

// splitHost splits a Host header (or an --allowed-host value) into a lower
// case host name, without the brackets of an IPv6 address, and a port,
// empty when there is none.
func splitHost(h string) (name, port string) {
	h = strings.ToLower(h)
	if rest, ok := strings.CutPrefix(h, "["); ok {
		name, after, found := strings.Cut(rest, "]")
		if !found {
			return h, ""
		}
		return name, strings.TrimPrefix(after, ":")
	}
	if strings.Count(h, ":") == 1 {
		name, port, _ = strings.Cut(h, ":")
		return name, port
	}
	return h, "" // a name, or an IPv6 address without brackets
}

// hostGuard refuses requests for hosts that are not serve's own, so that a
// page of another site cannot read the handbook through a name it points
// at 127.0.0.1 (DNS rebinding), as Vite's and webpack's dev servers do.
type hostGuard struct {
	next http.Handler
	// anyIP answers a Host that is an IP address, at serve's port or
	// without one: serve bound beyond loopback is reached by its
	// machine's addresses, and an address, unlike a name, cannot be
	// pointed anywhere else (Vite's rule).
	anyIP bool
	port  string          // serve's port
	names map[string]bool // allowed without a port or with serve's port
	exact map[string]bool // "name:port" allowed as given
	log   io.Writer

	mu      sync.Mutex
	refused map[string]bool // hosts already reported on the terminal (the first hundred)
}

// guardHosts wraps next so that it answers only the bind address,
// localhost, 127.0.0.1, [::1], the allowed hosts and, bound beyond
// loopback, any IP address, at serve's port or without one; every other
// Host is refused with 403.
func guardHosts(next http.Handler, bind string, port int, allowed []string, log io.Writer) *hostGuard {
	g := &hostGuard{next: next, port: strconv.Itoa(port), names: map[string]bool{}, exact: map[string]bool{}, log: log, refused: map[string]bool{}}
	if ip := net.ParseIP(strings.Trim(bind, "[]")); ip == nil || !ip.IsLoopback() {
		g.anyIP = true
	}
	for _, n := range []string{"localhost", "127.0.0.1", "::1", strings.ToLower(strings.Trim(bind, "[]"))} {
		g.names[n] = true
	}
	for _, a := range allowed {
		name, p := splitHost(a)
		if p == "" {
			g.names[name] = true
		} else {
			g.exact[net.JoinHostPort(name, p)] = true
		}
	}
	return g
}

// allows reports whether serve answers a request for host.
func (g *hostGuard) allows(host string) bool {
	name, port := splitHost(host)
	if name == "" {
		return false
	}
	if (g.names[name] || g.anyIP && net.ParseIP(name) != nil) && (port == "" || port == g.port) {
		return true
	}
	return port != "" && g.exact[net.JoinHostPort(name, port)]
}

// ServeHTTP implements http.Handler.
func (g *hostGuard) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if g.allows(r.Host) {
		g.next.ServeHTTP(w, r)
		return
	}
	name, _ := splitHost(r.Host)
	msg := "handbook serve refused a request without a Host header.\n"
	if name != "" {
		if strings.Contains(name, ":") {
			name = "[" + name + "]"
		}
		msg = fmt.Sprintf("handbook serve refused a request for the host %q: it answers only its own address, localhost, 127.0.0.1 and [::1].\n"+
			"To allow this host, run serve with --allowed-host %s\n", r.Host, name)
	}
	g.mu.Lock()
	first := !g.refused[r.Host] && len(g.refused) < 100
	if first {
		g.refused[r.Host] = true
	}
	g.mu.Unlock()
	if first && g.log != nil {
		fmt.Fprint(g.log, msg)
	}
	h := w.Header()
	h.Set("Content-Type", "text/plain; charset=utf-8")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusForbidden)
	io.WriteString(w, msg)
}
