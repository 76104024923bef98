package publish

import "testing"

// TestMemoryKeepsACopy: a Writer's caller reuses its buffer for the next
// page, so Memory must not hold the caller's bytes.
func TestMemoryKeepsACopy(t *testing.T) {
	m := NewMemory()
	buf := []byte("first page")
	if err := m.WriteFile("a/index.html", buf); err != nil {
		t.Fatal(err)
	}
	copy(buf, "other page")
	if got, _ := m.Get("a/index.html"); string(got) != "first page" {
		t.Errorf("Memory holds %q after its caller reused the buffer", got)
	}
}
