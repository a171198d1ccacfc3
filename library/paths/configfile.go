package paths

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/byline-reader/byline/model"
)

// CreateConfig makes an empty configuration file where there is none, so
// that a command can write to a file named with --config, and says
// whether it made one.
func CreateConfig(path string) (bool, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return false, fmt.Errorf("create %s: %w", path, unwrap(err))
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, os.ErrExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("create %s: %w", path, unwrap(err))
	}
	return true, f.Close()
}

// EditConfig rewrites the configuration file through edit, atomically (a
// new file renamed over the old), keeping its mode; a missing file starts
// empty. The result must still parse.
func EditConfig(path string, edit func([]byte) []byte) error {
	data, err := os.ReadFile(path)
	mode := os.FileMode(0o600)
	if err == nil {
		if fi, err := os.Stat(path); err == nil {
			mode = fi.Mode().Perm()
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("read %s: %w", path, unwrap(err))
	}
	out := edit(data)
	if _, err := model.ParseConfig(out); err != nil {
		return fmt.Errorf("%s would not parse after the change (%v); it was left as it was", path, err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("write %s: %w", path, unwrap(err))
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".config-*.toml")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, unwrap(err))
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(out); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return os.Rename(tmp.Name(), path)
}

// unwrap drops the *os.PathError wrapper, whose message repeats the path
// the caller already names.
func unwrap(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
