package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/byline-reader/byline/library"
	"github.com/byline-reader/byline/library/paths"
	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/configedit"
	"github.com/byline-reader/byline/ui/progress"
	"github.com/byline-reader/byline/ui/termout"
)

// accountFlags are account add's flags.
type accountFlags struct {
	kind, url, user               string
	passwordCommand, passwordFile string
	passwordStdin                 bool
}

func accountCommand(e *env) *cobra.Command {
	var asJSON bool
	var f accountFlags
	c := &cobra.Command{
		Use:   "account",
		Short: "sync accounts: Miniflux, FreshRSS…",
		Long: "Sync accounts on servers of the Google Reader API (Miniflux, FreshRSS,\n" +
			"Inoreader, The Old Reader, BazQux): `refresh` and `sync` keep them in step.",
		RunE:              runs(e, func(args []string) error { return runAccount(e, asJSON, f, args) }),
		ValidArgsFunction: cobra.NoFileCompletions,
	}
	sub := func(name, use, short string, complete cobra.CompletionFunc) *cobra.Command {
		return &cobra.Command{
			Use: use, Short: short, ValidArgsFunction: complete,
			RunE: runs(e, func(args []string) error { return runAccount(e, asJSON, f, append([]string{name}, args...)) }),
		}
	}
	add := sub("add", "add NAME", "log in to a server and sync it", cobra.NoFileCompletions)
	fl := add.Flags()
	fl.StringVar(&f.url, "url", "", "the server's API address (FreshRSS: …/api/greader.php)")
	fl.StringVar(&f.user, "user", "", "your user name on the server")
	fl.StringVar(&f.kind, "type", "greader", "the server's protocol, the Google Reader API's")
	fl.StringVar(&f.passwordCommand, "password-command", "", "a program that prints the password")
	fl.StringVar(&f.passwordFile, "password-file", "", "a file that holds only the password")
	fl.BoolVar(&f.passwordStdin, "password-stdin", false, "read the password from stdin once (not kept)")
	add.RegisterFlagCompletionFunc("type", cobra.FixedCompletions([]string{"greader"}, cobra.ShellCompDirectiveNoFileComp))
	list := sub("list", "list", "the accounts and their last sync", cobra.NoFileCompletions)
	list.Flags().BoolVar(&asJSON, "json", false, "print the accounts as JSON")
	c.AddCommand(add, list, sub("remove", "remove NAME", "remove an account and its feeds", e.completeAccounts))
	return c
}

func syncCommand(e *env) *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "sync [NAME...]",
		Short: "sync accounts with their servers",
		Long: "Sync accounts (every one, or those named): send the changes made here,\n" +
			"then take the server's feeds, articles and read and starred state.",
		RunE:              runs(e, func(args []string) error { return runSync(e, asJSON, args) }),
		ValidArgsFunction: e.completeAccounts,
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print each account's sync as JSON")
	return c
}

func runAccount(e *env, asJSON bool, f accountFlags, args []string) error {
	if len(args) == 0 {
		return usagef("account needs add NAME, list or remove NAME")
	}
	switch args[0] {
	case "add":
		if len(args) != 2 {
			return usagef("account add needs one NAME (then --url URL --user USER)")
		}
		return accountAdd(e, f, args[1])
	case "list":
		if len(args) != 1 {
			return usagef("account list takes no arguments")
		}
		return accountList(e, asJSON)
	case "remove":
		if len(args) != 2 {
			return usagef("account remove needs one NAME")
		}
		return accountRemove(e, args[1])
	}
	return usagef("unknown account command %q: add, list or remove", args[0])
}

// accountAdd logs in to check the account, keeps the token, writes the
// [accounts.NAME] section and runs the first sync.
func accountAdd(e *env, f accountFlags, name string) error {
	e.adding = f
	a := model.AccountConfig{Type: f.kind, URL: strings.TrimSpace(f.url), Username: f.user,
		PasswordCommand: strings.Fields(f.passwordCommand), PasswordFile: f.passwordFile}
	if a.URL == "" || a.Username == "" {
		return usagef("account add needs --url URL and --user USER")
	}
	if err := a.Validate(name); err != nil {
		return usageError{err.Error()}
	}
	password := ""
	if f.passwordStdin {
		line, err := bufio.NewReader(e.stdin).ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return fmt.Errorf("read the password: %w", err)
		}
		password = strings.TrimRight(line, "\r\n")
	}
	path, err := e.configPath()
	if err != nil {
		return err
	}
	created, err := paths.CreateConfig(path)
	if err != nil {
		return err
	}
	lib, err := e.library()
	if err == nil {
		_, err = lib.AddAccount(e.ctx, name, a, password)
	}
	if err != nil {
		if created {
			os.Remove(path) // nothing left behind by an account that was not added
		}
		return err
	}
	if err := paths.EditConfig(path, func(data []byte) []byte { return configedit.AddAccountSection(data, name, a) }); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "added account %s (%s as %s) to %s\n", name, a.URL, a.Username, path)
	return runSync(e, false, []string{name})
}

func accountList(e *env, asJSON bool) error {
	lib, err := e.library()
	if err != nil {
		return err
	}
	accts, err := lib.Accounts(e.ctx)
	if err != nil {
		return err
	}
	if asJSON {
		return termout.JSON(e.stdout, accountsJSON(accts))
	}
	if len(accts) == 0 {
		fmt.Fprintln(e.stdout, "no accounts: add one with `byline account add NAME --url URL --user USER`")
		return nil
	}
	for _, a := range accts {
		fmt.Fprintf(e.stdout, "%s\t%s\t%s as %s\t%d feeds, %d unread, %d unsent\t%s\n",
			a.Name, a.Type, a.URL, a.Username, a.Feeds, a.Unread, a.Pending, syncState(a))
	}
	return nil
}

func syncState(a library.AccountStatus) string {
	switch {
	case !a.Configured:
		return "not in the configuration"
	case a.LastSync.IsZero():
		return "never synced"
	case a.LastError != "":
		return "last sync failed: " + a.LastError
	}
	return "synced " + a.LastSync.Local().Format("2006-01-02 15:04")
}

type accountJSON struct {
	Name       string  `json:"name"`
	Type       string  `json:"type"`
	URL        string  `json:"url"`
	Username   string  `json:"username"`
	Configured bool    `json:"configured"`
	Feeds      int     `json:"feeds"`
	Unread     int     `json:"unread"`
	Unsent     int     `json:"unsent"`
	LastSync   *string `json:"last_sync"`
	LastError  string  `json:"last_error"`
}

func accountsJSON(accts []library.AccountStatus) []accountJSON {
	out := make([]accountJSON, 0, len(accts))
	for _, a := range accts {
		out = append(out, accountJSON{Name: a.Name, Type: a.Type, URL: a.URL, Username: a.Username,
			Configured: a.Configured, Feeds: a.Feeds, Unread: a.Unread, Unsent: a.Pending,
			LastSync: rfc3339(a.LastSync), LastError: a.LastError})
	}
	return out
}

func accountRemove(e *env, name string) error {
	path, err := e.configPath()
	if err != nil {
		return err
	}
	lib, err := e.library()
	if err != nil {
		return err
	}
	unsent, err := lib.RemoveAccount(e.ctx, name)
	if err != nil {
		return err
	}
	removed := false
	err = paths.EditConfig(path, func(data []byte) []byte {
		out, found := configedit.RemoveAccountSection(data, name)
		removed = found
		return out
	})
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	fmt.Fprintf(e.stdout, "removed account %s with its feeds and articles (highlighted ones stay)", name)
	if unsent > 0 {
		fmt.Fprintf(e.stdout, "; %d unsent %s dropped", unsent, plural(unsent, "change was", "changes were"))
	}
	if removed {
		fmt.Fprintf(e.stdout, "; its section left %s", path)
	}
	fmt.Fprintln(e.stdout)
	return nil
}

// configPath is the configuration file: the named one or the default.
func (e *env) configPath() (string, error) {
	if e.opts.config != "" {
		return e.opts.config, nil
	}
	return paths.Config()
}

// askPassword prompts for an account's password on the terminal, without
// echo. It fails when byline does not run on a terminal.
func (e *env) askPassword(ctx context.Context, account string) (string, error) {
	in, ok := e.stdin.(*os.File)
	if !ok || !term.IsTerminal(int(in.Fd())) || !isTerminal(e.rawErr) {
		return "", fmt.Errorf("%w: give password_command or password_file in [accounts.%s], or run byline in a terminal",
			library.ErrNoPassword, account)
	}
	who := "account " + account
	if cfg, err := e.config(); err == nil {
		if a, ok := cfg.Accounts[account]; ok {
			who = fmt.Sprintf("%s on %s (account %s)", oneLine(a.Username), oneLine(a.URL), account)
		}
	}
	if a := e.adding; a.url != "" {
		who = fmt.Sprintf("%s on %s (account %s)", oneLine(a.user), oneLine(a.url), account)
	}
	fmt.Fprintf(e.rawErr, "\r\x1b[Kpassword of %s: ", who) // over a progress line, if one is drawn
	pw, err := term.ReadPassword(int(in.Fd()))
	fmt.Fprintln(e.rawErr)
	if err != nil {
		return "", fmt.Errorf("read the password: %w", err)
	}
	return string(pw), ctx.Err()
}

func runSync(e *env, asJSON bool, args []string) error {
	lib, err := e.library()
	if err != nil {
		return err
	}
	var shown func(library.SyncProgress)
	line := progress.NewLine(e.rawErr)
	if isTerminal(e.rawErr) {
		shown = line.Sync
	}
	results, err := lib.Sync(e.ctx, args, shown)
	line.Clear() // before the results, which would follow it on its line
	if err != nil {
		return err
	}
	if asJSON {
		if err := termout.JSON(e.stdout, syncJSON(results)); err != nil {
			return err
		}
	} else if len(results) == 0 {
		fmt.Fprintln(e.stdout, "no accounts to sync: add one with `byline account add NAME --url URL --user USER`")
		return nil
	}
	if failed := printSyncResults(e, "sync", results, asJSON); failed > 0 {
		return fmt.Errorf("%d of %d %s failed to sync", failed, len(results), plural(len(results), "account", "accounts"))
	}
	return nil
}

// printSyncResults prints each account's sync: its line on stdout, or its
// error on stderr under the command's name. It counts the failures.
func printSyncResults(e *env, cmd string, results []library.SyncResult, asJSON bool) (failed int) {
	for _, r := range results {
		if r.Err != nil {
			failed++
			fmt.Fprintf(e.stderr, "byline %s: %s\n", cmd, r.Err.Error())
			continue
		}
		e.say(asJSON, "%s\n", library.SyncLine(r))
	}
	return failed
}

type syncResultJSON struct {
	Account      string   `json:"account"`
	OK           bool     `json:"ok"`
	Error        string   `json:"error,omitempty"`
	New          int      `json:"new"`
	Changed      int      `json:"changed"`
	Sent         int      `json:"sent"`
	Dropped      []string `json:"dropped"`
	FeedsAdded   int      `json:"feeds_added"`
	FeedsRemoved int      `json:"feeds_removed"`
	Orphans      int      `json:"items_without_feed"`
}

func syncJSON(results []library.SyncResult) []syncResultJSON {
	out := make([]syncResultJSON, 0, len(results))
	for _, r := range results {
		j := syncResultJSON{Account: r.Account, OK: r.Err == nil, New: r.New, Changed: r.Changed,
			Sent: r.Sent, Dropped: r.Dropped, FeedsAdded: r.FeedsAdded, FeedsRemoved: r.FeedsRemoved,
			Orphans: r.Orphans}
		if r.Err != nil {
			j.Error = r.Err.Error()
		}
		if j.Dropped == nil {
			j.Dropped = []string{}
		}
		out = append(out, j)
	}
	return out
}
