package main

import (
	"context"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"
)

// signalGrace is how long a command has after Ctrl-C or SIGTERM to stop
// by itself (its context is cancelled) before byline ends the process.
const signalGrace = 2 * time.Second

// watchSignals gives a context that the first SIGINT or SIGTERM cancels,
// so that the command stops its work and says so. Work that does not
// watch the context (a long SQLite query, a blocking read) cannot keep
// byline running: a second signal, or the first one's grace running out,
// ends the process at once with status 128 + the signal's number (130,
// 143). stop releases the signals; after it nothing is ended.
func watchSignals(parent context.Context) (context.Context, func()) {
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	ctx, stop := watchSignalsOn(parent, sigs, signalGrace, os.Exit)
	return ctx, func() {
		signal.Stop(sigs)
		stop()
	}
}

// watchSignalsOn is watchSignals over a channel of signals and an exit
// function of the caller's (tests give their own).
func watchSignalsOn(parent context.Context, sigs <-chan os.Signal, grace time.Duration, exit func(int)) (context.Context, func()) {
	ctx, cancel := context.WithCancel(parent)
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		var first os.Signal
		var late <-chan time.Time
		for {
			select {
			case <-done:
				return
			case sig := <-sigs:
				if first != nil {
					exit(signalStatus(sig))
					return
				}
				first = sig
				cancel()
				timer := time.NewTimer(grace)
				defer timer.Stop()
				late = timer.C
			case <-late:
				exit(signalStatus(first))
				return
			}
		}
	})
	var once sync.Once
	return ctx, func() {
		once.Do(func() { close(done) })
		wg.Wait()
		cancel()
	}
}

// signalStatus is the exit status of a process a signal ended, as shells
// report it: 128 + the signal's number.
func signalStatus(sig os.Signal) int {
	if s, ok := sig.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return 128 + int(syscall.SIGINT)
}
