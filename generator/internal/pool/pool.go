// Package pool runs work on every core.
//
// Input: a count n and a function of an index. Output: the function called
// once for each index in [0, n), on GOMAXPROCS goroutines; Each returns when
// all calls have. The stages that parse, search and render in parallel share
// it, so each is a plain loop body.
package pool

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Each calls f(i) for every i in [0, n) on every core and waits.
func Each(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				f(i)
			}
		}()
	}
	wg.Wait()
}
