package doctor

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/byline-reader/byline/library"
	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/ui/keys"
)

// buildCheck: byline's version, the Go that built it, the platform and
// the commit, when the build recorded one.
func buildCheck(version string) Check {
	value := fmt.Sprintf("byline %s, %s %s/%s", version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	if info, ok := debug.ReadBuildInfo(); ok {
		var rev, modified string
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				modified = s.Value
			}
		}
		if len(rev) > 12 {
			rev = rev[:12]
		}
		if rev != "" {
			value += ", commit " + rev
			if modified == "true" {
				value += " (modified)"
			}
		}
	}
	return check("build", Info, value, "")
}

// configChecks reads the configuration file as the command line does
// (model.ParseConfig) and gives the settings the other checks use: the
// defaults when it cannot be used.
func configChecks(path string, named bool) (model.Config, []Check) {
	cfg := model.DefaultConfig()
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, os.ErrNotExist) && !named:
		return cfg, []Check{check("config", Info, path+": none, the defaults apply", "")}
	case err != nil:
		return cfg, []Check{check("config", Fail, path+": "+unwrapPath(err),
			"byline stops on a configuration it cannot read: fix the path given with --config")}
	}
	parsed, err := model.ParseConfig(data)
	out := []Check{}
	if err != nil {
		out = append(out, check("config", Fail, path+": "+oneLine(err.Error()),
			"byline stops on this file: fix the line named (README: Configuration)"))
	} else {
		cfg = parsed
		out = append(out, check("config", OK, path+": read", ""))
	}
	if unknown := unknownKeys(data); len(unknown) > 0 {
		out = append(out, check("config keys", Warn, "unknown settings: "+strings.Join(unknown, ", "),
			"byline refuses a file with unknown settings: remove or rename them"))
	}
	if err == nil && len(cfg.Keys) > 0 {
		if kerr := keys.Check(cfg.Keys); kerr != nil {
			// The list of every action that follows an unknown one is README's.
			msg, _, _ := strings.Cut(oneLine(kerr.Error()), " (actions: ")
			if n := keys.Line(data, kerr); n > 0 {
				msg = fmt.Sprintf("line %d: %s", n, msg)
			}
			out = append(out, check("keys", Fail, msg, "the app refuses to start with it: fix the line (action names: README, Configuration)"))
		} else {
			out = append(out, check("keys", OK, fmt.Sprintf("[keys] rebinds %d %s", len(cfg.Keys), plural(len(cfg.Keys), "action", "actions")), ""))
		}
	}
	return cfg, out
}

// unknownKeys are every setting of the file that byline does not know
// (ParseConfig stops at the first), in the file's order; none when the
// file is not TOML.
func unknownKeys(data []byte) []string {
	var c model.Config
	md, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&c)
	if err != nil {
		return nil
	}
	var out []string
	for _, k := range md.Undecoded() {
		out = append(out, k.String())
	}
	return out
}

// databaseChecks: the database file's size, schema and counts, and its
// integrity, read by library.Inspect without creating or changing it.
func databaseChecks(ctx context.Context, path string, named bool) []Check {
	h, err := library.Inspect(ctx, path)
	switch {
	case errors.Is(err, library.ErrNoDatabase) && named:
		return []Check{check("database", Info, path+": not created yet (byline creates it, empty, with --db)", "")}
	case errors.Is(err, library.ErrNoDatabase):
		return []Check{check("database", Info, path+": not created yet (`byline` creates it)", "")}
	case err != nil && h.Bytes == 0:
		return []Check{check("database", Fail, path+": "+oneLine(err.Error()), "check the file's permissions, or name another with --db")}
	}
	size := fmt.Sprintf("%s: %s", path, bytesText(h.Bytes+h.WALBytes))
	if h.SchemaVersion > h.LatestSchema {
		return []Check{check("database", Fail, fmt.Sprintf("%s, schema %d: made by a newer byline (this one knows %d)",
			size, h.SchemaVersion, h.LatestSchema), "update byline to the version that wrote it")}
	}
	if err != nil {
		return []Check{check("database", Fail, size+": "+oneLine(err.Error()),
			"it cannot be read as byline's database: keep a copy and start another with --db")}
	}
	out := []Check{databaseCheck(h, size)}
	free := fmt.Sprintf("%d free %s (%s)", h.FreePages, plural(int(h.FreePages), "page", "pages"), bytesText(h.FreePages*h.PageSize))
	if h.Check != "ok" {
		return append(out, check("integrity", Fail, "integrity_check: "+oneLine(h.Check)+"; "+free,
			"keep a copy of the file; sqlite3's .recover may save its data"))
	}
	return append(out, check("integrity", OK, "integrity_check ok; "+free, ""))
}

func databaseCheck(h library.DatabaseHealth, size string) Check {
	counts := fmt.Sprintf("%d %s, %d %s", h.Feeds, plural(h.Feeds, "feed", "feeds"), h.Articles, plural(h.Articles, "article", "articles"))
	switch {
	case h.SchemaVersion == 0:
		return check("database", Warn, size+", no byline tables (schema 0)", "is this byline's database? byline makes its tables on first use")
	case h.SchemaVersion < h.LatestSchema:
		return check("database", Info, fmt.Sprintf("%s, schema %d (byline brings it to %d when it opens it), %s",
			size, h.SchemaVersion, h.LatestSchema, counts), "")
	}
	return check("database", OK, fmt.Sprintf("%s, schema %d, %s", size, h.SchemaVersion, counts), "")
}

// bytesText is n bytes in a unit a person reads.
func bytesText(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func unwrapPath(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
