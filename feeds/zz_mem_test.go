package feeds

import (
	"context"
	"testing"
	"time"
	"runtime"

	"github.com/byline-reader/byline/internal/hostile"
	"github.com/byline-reader/byline/model"
)

func TestZZMem(t *testing.T) {
	srv := hostile.New(t)
	for _, p := range []string{"/many.xml", "/huge-title.xml", "/big.xml", "/bomb.xml", "/endless.xml", "/deep.xml", "/numbers.json", "/entities.xml"} {
		runtime.GC()
		c := NewClient(Options{Limits: hostileLimits()})
		stop := hostile.SampleMemory()
		for range c.FetchAll(context.Background(), []model.Feed{{ID: 1, URL: srv.At(p)}}, time.Now()) {
		}
		pk := stop()
		t.Logf("%s: Sys %.0f heap %.0f", p, hostile.MiB(pk.Sys), hostile.MiB(pk.HeapAlloc))
	}
}
