package progress

import "testing"

func TestRunStartsStopsAndCoalescesLoads(t *testing.T) {
	var r Run
	cancelled := 0
	if gen := r.Start(true, func() { cancelled++ }); gen != 1 || !r.Running() || !r.Auto() {
		t.Fatalf("Start = %d, running %v, auto %v", gen, r.Running(), r.Auto())
	}
	if !r.AskFeeds() || r.AskFeeds() {
		t.Fatal("a second load of the feeds was asked while one is on its way")
	}
	r.New = 3
	if gen := r.Start(false, func() { cancelled++ }); gen != 2 || cancelled != 1 || r.Auto() || r.New != 0 {
		t.Fatalf("a new refresh: gen %d, cancelled %d, auto %v, tally %+v", gen, cancelled, r.Auto(), r.Tally)
	}
	if !r.FeedsLoaded() || !r.AskFeeds() || r.FeedsLoaded() {
		t.Error("the feeds asked for meanwhile are loaded once again, and only once")
	}
	if r.AskList(true) || !r.ListWaits() || !r.AskList(false) || r.ListWaits() {
		t.Error("the list waits while a window is on its way")
	}
	r.Stop()
	r.Stop()
	if r.Running() || cancelled != 2 {
		t.Errorf("Stop: running %v, cancelled %d", r.Running(), cancelled)
	}
}
