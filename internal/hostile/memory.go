package hostile

import (
	"runtime"
	"sync"
	"time"
)

// Peak is the most memory the process held while a MemorySampler ran.
type Peak struct {
	Sys, HeapAlloc uint64 // bytes
}

// MiB is n bytes in mebibytes.
func MiB(n uint64) float64 { return float64(n) / (1 << 20) }

// SampleMemory reads runtime.MemStats every few milliseconds until the
// returned function is called, which gives the peaks seen.
func SampleMemory() func() Peak {
	var (
		mu   sync.Mutex
		peak Peak
		done = make(chan struct{})
		wg   sync.WaitGroup
	)
	sample := func() {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		mu.Lock()
		peak.Sys = max(peak.Sys, m.Sys)
		peak.HeapAlloc = max(peak.HeapAlloc, m.HeapAlloc)
		mu.Unlock()
	}
	wg.Go(func() {
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			sample()
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	})
	return func() Peak {
		close(done)
		wg.Wait()
		sample()
		mu.Lock()
		defer mu.Unlock()
		return peak
	}
}
