package main

import (
	"bytes"
	"context"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// visibleCommands is every command --help lists, subcommands as "feed set".
func visibleCommands(root *cobra.Command) []string {
	var names []string
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, sub := range c.Commands() {
			if sub.Hidden || sub.Name() == "help" {
				continue
			}
			names = append(names, strings.TrimPrefix(sub.CommandPath(), "byline "))
			walk(sub)
		}
	}
	walk(root)
	return names
}

// TestHelpFitsEightyColumns: the help of byline and of every command fits
// an 80-column terminal, lists the command's own flags only, and exits 0.
func TestHelpFitsEightyColumns(t *testing.T) {
	root := newRoot(&env{})
	for _, name := range append([]string{""}, visibleCommands(root)...) {
		var out, errOut bytes.Buffer
		code := run(context.Background(), append(strings.Fields(name), "--help"), nil, &out, &errOut)
		if code != 0 || errOut.Len() > 0 {
			t.Errorf("%q --help: exit %d, stderr %q", name, code, errOut.String())
		}
		for _, line := range strings.Split(out.String(), "\n") {
			if w := len([]rune(line)); w > 80 {
				t.Errorf("%q --help: a line of %d columns: %q", name, w, line)
			}
		}
	}
	var out, errOut bytes.Buffer
	run(context.Background(), []string{"mark", "--help"}, nil, &out, &errOut)
	for _, other := range []string{"--limit", "--filter", "--target", "--width", "--url"} {
		if strings.Contains(out.String(), other) {
			t.Errorf("mark --help lists %s, a flag of another command", other)
		}
	}
}

// TestUnknownFlagIsBadUsage: an unknown flag or command is one line on
// stderr and exit 2, naming the command.
func TestUnknownFlagIsBadUsage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "b.db")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"list", "--bogus"}, "byline list: unknown flag: --bogus"},
		{[]string{"feed", "set", "--nope"}, "byline feed set: unknown flag: --nope"},
		{[]string{"lst"}, `unknown command "lst": did you mean "list"?`},
		{[]string{"mark", "1", "--limit", "3"}, "byline mark: unknown flag: --limit"},
		{[]string{"completion", "tcsh"}, `byline completion: no completion for "tcsh"`},
		{[]string{"completion"}, "byline completion: completion needs a shell"},
		{[]string{"help", "lsit"}, `byline: unknown command "lsit": did you mean "list"?`},
		{[]string{"search", "x", "--limit", "-1"}, "byline search: --limit cannot be negative"},
		{[]string{"mark", "1", "--read", "--unread"}, "byline mark: --read and --unread"},
	} {
		r := byline(t, db, c.args...)
		if r.code != 2 || !strings.Contains(r.stderr, c.want) || strings.Count(r.stderr, "\n") != 1 {
			t.Errorf("%v: want exit 2 and one line with %q, got %d %q", c.args, c.want, r.code, r.stderr)
		}
	}
}

// TestEveryCommandRefusesAnUnknownFlag: the contract of every command's
// flags: an unknown one is exit 2 and one line naming the command.
func TestEveryCommandRefusesAnUnknownFlag(t *testing.T) {
	db := filepath.Join(t.TempDir(), "b.db")
	for _, name := range visibleCommands(newRoot(&env{})) {
		r := byline(t, db, append(strings.Fields(name), "--no-such-flag")...)
		want := "byline " + name + ": unknown flag: --no-such-flag"
		if r.code != 2 || !strings.HasPrefix(r.stderr, want) || strings.Count(r.stderr, "\n") != 1 || r.stdout != "" {
			t.Errorf("%s --no-such-flag: want exit 2 and %q, got %+v", name, want, r)
		}
	}
}

// TestSingleDashFlags: the flags of the command line before cobra, written
// with one dash, still work.
func TestSingleDashFlags(t *testing.T) {
	got := doubleDashes([]string{"-db", "x.db", "list", "-json", "-limit=3", "-h", "--", "-json"}, longFlags(newRoot(&env{})))
	want := []string{"--db", "x.db", "list", "--json", "--limit=3", "-h", "--", "-json"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("got %v, want %v", got, want)
	}
}

// TestCompletionsCoverEveryCommandAndFlag: the completion of the command
// line offers every command, and each command's own flags.
func TestCompletionsCoverEveryCommandAndFlag(t *testing.T) {
	db := filepath.Join(t.TempDir(), "b.db")
	r := byline(t, db, "__complete", "")
	for _, name := range visibleCommands(newRoot(&env{})) {
		if !strings.Contains(name, " ") && !strings.Contains(r.stdout, name+"\t") && !strings.Contains(r.stdout, name+"\n") {
			t.Errorf("completion of commands lacks %s: %q", name, r.stdout)
		}
	}
	root := newRoot(&env{})
	for _, name := range visibleCommands(root) {
		c, _, err := root.Find(strings.Fields(name))
		if err != nil {
			t.Fatal(err)
		}
		r := byline(t, db, append(append([]string{"__complete"}, strings.Fields(name)...), "--")...)
		c.LocalNonPersistentFlags().VisitAll(func(f *pflag.Flag) {
			if !strings.Contains(r.stdout, "--"+f.Name) {
				t.Errorf("%s --<TAB> lacks --%s: %q", name, f.Name, r.stdout)
			}
		})
	}
	r = byline(t, db, "__complete", "mark", "12", "--")
	for _, other := range []string{"--limit", "--target", "--width"} {
		if strings.Contains(r.stdout, other) {
			t.Errorf("mark --<TAB> offers %s", other)
		}
	}
	for _, sh := range []string{"bash", "zsh", "fish", "powershell"} {
		if r := byline(t, db, "completion", sh); r.code != 0 || len(r.stdout) < 500 {
			t.Errorf("completion %s: %d, %d bytes", sh, r.code, len(r.stdout))
		}
	}
}

// TestManPage: the man page generates, names every command, and man reads it.
func TestManPage(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run(context.Background(), []string{"man"}, nil, &out, &errOut); code != 0 {
		t.Fatalf("man: %d %s", code, errOut.String())
	}
	page := out.String()
	for _, want := range []string{".TH BYLINE 1", "refresh", "completion", "Exit status"} {
		if !strings.Contains(page, want) {
			t.Errorf("the man page lacks %q", want)
		}
	}
	if _, err := exec.LookPath("groff"); err != nil {
		return
	}
	cmd := exec.Command("groff", "-k", "-man", "-Tutf8", "-ww")
	cmd.Stdin = strings.NewReader(page)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil || stderr.Len() > 0 {
		t.Errorf("groff: %v %s", err, stderr.String())
	}
}

// TestSyncJSONWithoutAccounts: sync --json prints an array, empty when
// there is no account, never a sentence.
func TestSyncJSONWithoutAccounts(t *testing.T) {
	r := byline(t, filepath.Join(t.TempDir(), "b.db"), "sync", "--json")
	if r.code != 0 || strings.TrimSpace(r.stdout) != "[]" {
		t.Errorf("sync --json without accounts: %+v", r)
	}
}
