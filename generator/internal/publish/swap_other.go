//go:build !linux

package publish

import "errors"

// exchange is not offered by this system's file API: Commit renames twice.
func exchange(a, b string) error { return errors.New("no atomic exchange") }

// isMountPoint is not known on this system: an output that is a mount
// point fails at Commit instead of being replaced in place.
func isMountPoint(string) bool { return false }
