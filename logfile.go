package main

import (
	"fmt"
	"io"
	"log"
	"log/slog"
	"os"
	"strings"

	"github.com/byline-reader/byline/library"
)

// logEnv names the log file when --log does not.
const logEnv = "BYLINE_LOG"

// logPath is the log file --log names, else BYLINE_LOG's, else "" (none).
func logPath(flag string) string {
	if flag != "" {
		return flag
	}
	return os.Getenv(logEnv)
}

// openLog opens the structured log at path, appended to and created
// 0600: every record of every level, as slog's text (one key=value line
// per record, which grep reads and no terminal can be steered by). With
// no path the logger discards. The standard library's own loggers (log,
// slog's default), which code byline does not own may write to, are
// turned into the file too, or discarded: never the terminal, whose
// screen the app owns. closeLog closes the file.
func openLog(path string) (logger *slog.Logger, closeLog func() error, err error) {
	if path == "" {
		log.SetOutput(io.Discard)
		return slog.New(slog.DiscardHandler), func() error { return nil }, nil
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return nil, nil, logError{fmt.Errorf("open the log %s: %w", path, unwrapPath(err))}
	}
	if st, err := f.Stat(); err != nil || (st.Mode()&os.ModeCharDevice != 0 && path != os.DevNull) {
		f.Close()
		return nil, nil, logError{fmt.Errorf("open the log %s: not a file (the log never goes to a terminal)", path)}
	}
	logger = slog.New(slog.NewTextHandler(f, &slog.HandlerOptions{Level: slog.LevelDebug}))
	log.SetFlags(0)
	log.SetOutput(stdLog{logger})
	closeLog = func() error {
		log.SetOutput(io.Discard)
		return f.Close()
	}
	return logger, closeLog, nil
}

// logError is a log file that cannot be used: bad input, exit status 2.
type logError struct{ error }

func (e logError) Is(target error) bool { return target == library.ErrBadInput }
func (e logError) Unwrap() error        { return e.error }

// stdLog writes what the standard library's logger is given as records.
type stdLog struct{ l *slog.Logger }

func (w stdLog) Write(p []byte) (int, error) {
	w.l.Warn("go log", "text", strings.TrimSpace(string(p)))
	return len(p), nil
}
