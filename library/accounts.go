package library

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/store"
	"github.com/byline-reader/byline/sync/greader"
)

// PasswordFunc asks the user for an account's password (the command line
// prompts on a terminal). It is used when the account's section names no
// password_command or password_file.
type PasswordFunc func(ctx context.Context, account string) (string, error)

// ErrNoPassword says that an account needs a password and none can be had
// without asking, and nobody can be asked.
var ErrNoPassword = errors.New("no password")

// password gets an account's password: from its password_command (run
// without a shell), its password_file, or by asking.
func (l *Library) password(ctx context.Context, name string, a model.AccountConfig) (string, error) {
	switch {
	case len(a.PasswordCommand) > 0:
		return commandPassword(ctx, a.PasswordCommand, l.ask != nil)
	case a.PasswordFile != "":
		data, err := os.ReadFile(expandHome(a.PasswordFile))
		if err != nil {
			return "", fmt.Errorf("read password_file: %w", err)
		}
		return firstLine(data), nil
	case l.ask != nil:
		return l.ask(ctx, name)
	}
	return "", fmt.Errorf("%w: give password_command or password_file in [accounts.%s], or run `byline sync %s` in a terminal",
		ErrNoPassword, name, name)
}

// commandPassword runs argv and takes the first line it prints. What it
// printed is never repeated in an error. The program gets byline's
// standard input only when byline may ask the user (not in the app, whose
// keys it would take).
func commandPassword(ctx context.Context, argv []string, interactive bool) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, expandHome(argv[0]), argv[1:]...)
	if interactive {
		cmd.Stdin = os.Stdin // pass, gpg and the like may ask on the terminal
	}
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("password_command %s failed: %w", argv[0], unwrapExec(err))
	}
	pw := firstLine(out)
	if pw == "" {
		return "", fmt.Errorf("password_command %s printed no password", argv[0])
	}
	return pw, nil
}

// unwrapExec keeps an exec error's reason without the output it carries.
func unwrapExec(err error) error {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return errors.New(ee.ProcessState.String())
	}
	return err
}

func firstLine(b []byte) string {
	line, _, _ := bytes.Cut(b, []byte("\n"))
	return strings.TrimRight(string(line), "\r")
}

func expandHome(p string) string {
	if rest, ok := strings.CutPrefix(p, "~/"); ok {
		if home, err := os.UserHomeDir(); err == nil {
			return home + "/" + rest
		}
	}
	return p
}

// AddAccount checks an account by logging in with password (or, when
// password is empty, the way its section says to get one) and keeps the
// token the server gave. It does not write the configuration: the caller
// adds the section, and the account is usable from then on.
func (l *Library) AddAccount(ctx context.Context, name string, cfg model.AccountConfig, password string) (model.Account, error) {
	if err := cfg.Validate(name); err != nil {
		return model.Account{}, badInput("%w", err)
	}
	if _, ok := l.accounts[name]; ok {
		return model.Account{}, badInput("an account named %s is already configured", name)
	}
	c, err := greader.New(cfg.URL, l.syncHTTP)
	if err != nil {
		return model.Account{}, badInput("account %s: %w", name, err)
	}
	c.Logger = l.log
	if password == "" {
		if password, err = l.password(ctx, name, cfg); err != nil {
			return model.Account{}, fmt.Errorf("account %s: %w", name, err)
		}
	}
	tok, err := c.Login(ctx, cfg.Username, password)
	if err != nil {
		return model.Account{}, fmt.Errorf("account %s: %w", name, err)
	}
	acct, err := l.store.SaveAccount(ctx, model.Account{Name: name, Type: cfg.Type, URL: cfg.URL, Username: cfg.Username})
	if err != nil {
		return acct, err
	}
	if err := l.store.SetAccountToken(ctx, acct.ID, tok); err != nil {
		return acct, err
	}
	l.accounts[name] = cfg
	return acct, nil
}

// AccountStatus is an account as configured and as last synced.
type AccountStatus struct {
	model.Account
	Configured bool // it has a section in the configuration
}

// Accounts lists the configured accounts and any the database still holds
// without a section, by name.
func (l *Library) Accounts(ctx context.Context) ([]AccountStatus, error) {
	stored, err := l.store.Accounts(ctx)
	if err != nil {
		return nil, err
	}
	byName := map[string]model.Account{}
	for _, a := range stored {
		byName[a.Name] = a
	}
	var out []AccountStatus
	for _, name := range l.accountNames() {
		cfg := l.accounts[name]
		a, ok := byName[name]
		if !ok {
			a = model.Account{Name: name, Type: cfg.Type, URL: cfg.URL, Username: cfg.Username}
		}
		delete(byName, name)
		out = append(out, AccountStatus{Account: a, Configured: true})
	}
	for _, a := range stored {
		if _, left := byName[a.Name]; left {
			out = append(out, AccountStatus{Account: a})
		}
	}
	return out, nil
}

// RemoveAccount forgets an account's feeds, articles, highlights on them,
// unsent changes and token. The caller removes its configuration section.
// It says how many changes were never sent.
func (l *Library) RemoveAccount(ctx context.Context, name string) (unsent int, err error) {
	a, err := l.store.Account(ctx, name)
	if errors.Is(err, store.ErrNotFound) {
		if _, ok := l.accounts[name]; ok {
			delete(l.accounts, name)
			return 0, nil // configured, never synced
		}
		return 0, l.unknownAccount(name)
	}
	if err != nil {
		return 0, err
	}
	if err := l.store.RemoveAccount(ctx, a.ID); err != nil {
		return 0, err
	}
	delete(l.accounts, name)
	return a.Pending, nil
}
