package model

import (
	"fmt"
	"net/url"
	"sort"
	"strings"
	"time"
)

// AccountConfig is one [accounts.NAME] section of the configuration: a
// sync server and how to get its password. The password itself is never
// written in the file.
type AccountConfig struct {
	Type     string `toml:"type"` // "greader": the Google Reader API
	URL      string `toml:"url"`
	Username string `toml:"username"`
	// PasswordCommand is a program and its arguments, run without a shell;
	// its first line of output is the password.
	PasswordCommand []string `toml:"password_command"`
	// PasswordFile is a file that holds only the password.
	PasswordFile string `toml:"password_file"`
}

// Validate says what is wrong with the section, naming it.
func (a AccountConfig) Validate(name string) error {
	if err := ValidAccountName(name); err != nil {
		return err
	}
	if a.Type == "" {
		return fmt.Errorf("accounts.%s: type is missing (greader)", name)
	}
	if a.Type != "greader" {
		return fmt.Errorf("accounts.%s: unknown type %q (byline speaks greader)", name, a.Type)
	}
	u, err := url.Parse(a.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("accounts.%s: url must be an http or https address, not %q", name, a.URL)
	}
	if strings.TrimSpace(a.Username) == "" {
		return fmt.Errorf("accounts.%s: username is missing", name)
	}
	if len(a.PasswordCommand) > 0 && a.PasswordFile != "" {
		return fmt.Errorf("accounts.%s: give password_command or password_file, not both", name)
	}
	if len(a.PasswordCommand) > 0 && strings.TrimSpace(a.PasswordCommand[0]) == "" {
		return fmt.Errorf("accounts.%s: password_command has no program", name)
	}
	return nil
}

// ValidAccountName checks a name for [accounts.NAME] and the command line:
// letters, digits, '-' and '_', at most 40.
func ValidAccountName(name string) error {
	if name == "" || len(name) > 40 {
		return fmt.Errorf("an account name needs 1 to 40 letters, digits, - or _: %q", name)
	}
	for _, r := range name {
		ok := r == '-' || r == '_' || (r >= '0' && r <= '9') || (r|0x20 >= 'a' && r|0x20 <= 'z')
		if !ok {
			return fmt.Errorf("an account name needs 1 to 40 letters, digits, - or _: %q", name)
		}
	}
	return nil
}

// AccountNames are the configured accounts, sorted.
func (c Config) AccountNames() []string {
	names := make([]string, 0, len(c.Accounts))
	for n := range c.Accounts {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Account is a sync account as the database keeps it: where it is, how it
// last went, and counts. Its token is kept apart (store.AccountToken) so
// that printing an Account can never show it.
type Account struct {
	ID       int64
	Name     string
	Type     string
	URL      string
	Username string

	LastSync  time.Time // when a sync last finished, well or not
	LastError string    // why it failed; empty when it worked

	// Counts, filled by queries that ask for them.
	Feeds, Unread, Pending int // Pending: local changes not yet sent
}

// SyncItem is one item of a sync server, to store under the account's
// feed whose RemoteID is FeedID.
type SyncItem struct {
	ID      int64  // the server's item id
	FeedID  string // the server's stream id of its feed ("feed/12")
	Article Article
}

// Change is one local change to an account's item waiting in the outbox.
type Change struct {
	Seq     int64 // the outbox entry; a later change to the same flag gets a new one
	Item    int64 // the server's item id
	Starred bool  // the flag changed: starred, else read
	Set     bool  // set (read, starred) or cleared (unread, unstarred)
}

// SyncResult is one account's sync.
type SyncResult struct {
	Account                  string
	FeedsAdded, FeedsRemoved int
	New                      int      // items stored for the first time
	Changed                  int      // stored items whose read or starred state the server changed
	Sent                     int      // local changes the server confirmed
	Dropped                  []string // local changes the server refused, one line each
	Orphans                  int      // items without a feed of the account, not stored
	Err                      error
}

// SyncProgress is where an account's sync stands, for a progress line.
type SyncProgress struct {
	Account string
	Stage   SyncStage
	Done    int // items fetched so far (SyncItems)
	Total   int
	Result  *SyncResult // how it ended (SyncDone)
}

// SyncStage is a step of an account's sync, in the order a sync takes
// them; its text names it on a progress line.
type SyncStage string

const (
	SyncSending SyncStage = "sending changes" // the outbox goes to the server
	SyncFeeds   SyncStage = "feeds"           // the subscription list comes back
	SyncItems   SyncStage = "items"           // the articles this machine lacks
	SyncDone    SyncStage = "done"            // Result says how it went
)
