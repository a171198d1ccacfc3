package main

import (
	"context"
	"os"
	"syscall"
	"testing"
	"time"
)

// fakeExit records the statuses a watcher ends the process with.
type fakeExit chan int

func (f fakeExit) exit(code int) { f <- code }

// TestSecondSignalEnds: the first signal cancels the context; a second
// one ends the process with 128 + its number, whatever the grace.
func TestSecondSignalEnds(t *testing.T) {
	sigs := make(chan os.Signal)
	exits := make(fakeExit, 1)
	ctx, stop := watchSignalsOn(context.Background(), sigs, time.Hour, exits.exit)
	defer stop()
	sigs <- os.Interrupt
	<-ctx.Done()
	sigs <- os.Interrupt
	if code := <-exits; code != 130 {
		t.Errorf("exit %d, want 130", code)
	}
}

// TestGraceEnds: a command that does not stop after the first signal is
// ended when the grace runs out, with the signal's status (143 for
// SIGTERM).
func TestGraceEnds(t *testing.T) {
	sigs := make(chan os.Signal)
	exits := make(fakeExit, 1)
	ctx, stop := watchSignalsOn(context.Background(), sigs, time.Millisecond, exits.exit)
	defer stop()
	sigs <- syscall.SIGTERM
	<-ctx.Done()
	if code := <-exits; code != 143 {
		t.Errorf("exit %d, want 143", code)
	}
}

// TestStopInTime: a command that ends within the grace is not ended by
// the watcher, nor is one that saw no signal; stop cancels the context.
func TestStopInTime(t *testing.T) {
	for _, signalled := range []bool{true, false} {
		sigs := make(chan os.Signal, 1)
		exits := make(fakeExit, 1)
		ctx, stop := watchSignalsOn(context.Background(), sigs, time.Hour, exits.exit)
		if signalled {
			sigs <- os.Interrupt
			<-ctx.Done()
		}
		stop() // waits for the watcher: it can no longer end anything
		stop() // twice is harmless
		if ctx.Err() == nil {
			t.Error("stop left the context running")
		}
		select {
		case code := <-exits:
			t.Errorf("signalled %v: ended with %d although the command stopped in time", signalled, code)
		default:
		}
	}
}
