// Package paths says where byline keeps its files on this machine when the
// command line names none: the XDG base folders, else folders under the
// home folder, which must exist (byline never creates a home folder, nor
// falls back to the current folder). The command line and byline doctor
// ask it; the library is given the paths. It also writes the configuration
// file safely for the commands that change it (account add and remove,
// import's saved queries): configfile.go.
package paths

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// DB is byline.db in the XDG data folder.
func DB() (string, error) {
	dir, err := baseDir("XDG_DATA_HOME", filepath.Join(".local", "share"), "--db")
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "byline", "byline.db"), nil
}

// ImageCache is where article pictures are kept:
// $XDG_CACHE_HOME/byline/images, else ~/.cache/byline/images; "" (no
// cache: fetched each time) with no home folder to keep them in.
func ImageCache() string {
	dir, err := baseDir("XDG_CACHE_HOME", ".cache", "")
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "byline", "images")
}

// Config is config.toml in the user's configuration folder
// ($XDG_CONFIG_HOME, else ~/.config; macOS and Windows have their own).
func Config() (string, error) {
	if !filepath.IsAbs(os.Getenv("XDG_CONFIG_HOME")) {
		if _, err := home("XDG_CONFIG_HOME", "--config"); err != nil {
			return "", err
		}
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", homeError{"no configuration folder: set HOME or XDG_CONFIG_HOME (or give --config)"}
	}
	return filepath.Join(dir, "byline", "config.toml"), nil
}

// baseDir is the XDG base folder that the variable names when it is an
// absolute path, else fallback under the home folder (see home); flag is
// the one that names the file instead, for the error.
func baseDir(variable, fallback, flag string) (string, error) {
	if dir := os.Getenv(variable); filepath.IsAbs(dir) {
		return dir, nil
	}
	h, err := home(variable, flag)
	if err != nil {
		return "", err
	}
	return filepath.Join(h, fallback), nil
}

// home is the home folder: an absolute path to a folder that exists, as
// byline never creates one (a file kept in a folder made by mistake, or
// in the current folder, would be lost to the user).
func home(variable, flag string) (string, error) {
	fix := "set HOME or " + variable
	if flag != "" {
		fix += " (or give " + flag + ")"
	}
	dir, err := os.UserHomeDir()
	if err != nil || !filepath.IsAbs(dir) {
		return "", homeError{"no home folder: " + fix}
	}
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "", homeError{fmt.Sprintf("the home folder %s does not exist: %s", dir, fix)}
	case err == nil && !st.IsDir():
		return "", homeError{fmt.Sprintf("the home folder %s is not a folder: %s", dir, fix)}
	}
	return dir, nil
}

// ErrNoHome is a home folder byline cannot keep its files in: bad input
// (exit status 2), the fix being the user's.
var ErrNoHome = errors.New("no home folder")

// homeError says what is wrong with the home folder, and is ErrNoHome.
type homeError struct{ msg string }

func (e homeError) Error() string        { return e.msg }
func (e homeError) Is(target error) bool { return target == ErrNoHome }
