package main

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"runtime"
	"runtime/debug"
	"strings"

	"charm.land/fang/v2"
	"github.com/byline-reader/byline/ui/termout"
	mango "github.com/muesli/mango-cobra"
	"github.com/muesli/roff"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// commandError is a command's own failure, named by the command, as
// opposed to an error of cobra's in reading the command line.
type commandError struct {
	name string // "list", "feed set"
	err  error
}

func (c commandError) Error() string { return c.err.Error() }
func (c commandError) Unwrap() error { return c.err }

// runs makes a command's RunE from its body: the body's error is named by
// the command, so report can say which command failed. It is kept aside
// rather than returned, because fang asks the terminal for its background
// colour (up to 2 s where none answers) before handing an error on, and
// byline's errors are one plain line.
func runs(e *env, body func(args []string) error) func(*cobra.Command, []string) error {
	return func(c *cobra.Command, args []string) error {
		if err := body(args); err != nil {
			e.failed = commandError{name: commandName(c), err: err}
		}
		return nil
	}
}

// commandName is c's path without "byline": "list", "feed set"; "app" for
// the root.
func commandName(c *cobra.Command) string {
	name := strings.TrimSpace(strings.TrimPrefix(c.CommandPath(), c.Root().Name()))
	if name == "" {
		return "app"
	}
	return name
}

// newRoot is the command line: byline itself opens the app, and each
// command is made by a function beside its body, with its own flags.
func newRoot(e *env) *cobra.Command {
	app := appCommand(e)
	root := &cobra.Command{
		Use:   "byline",
		Short: "A keyboard-driven news reader for the terminal.",
		Long: "A keyboard-driven news reader for the terminal. With no command it opens\n" +
			"the app; each command does one thing headless, most of them with --json.\n" +
			"The database is byline/byline.db in the XDG data folder (~/.local/share)\n" +
			"unless --db names one, which starts empty; the configuration is\n" +
			"byline/config.toml in the XDG config folder (~/.config).\n" +
			"Exit status: 0 success, 1 the work failed, 2 bad usage or input.",
		RunE:              app.RunE, // byline alone opens the app
		SilenceErrors:     true,
		SilenceUsage:      true,
		ValidArgsFunction: cobra.NoFileCompletions,
	}
	g := root.PersistentFlags()
	g.StringVar(&e.opts.db, "db", "", "the database: a file's path")
	g.StringVar(&e.opts.config, "config", "", "the configuration: a file's path")
	g.StringVar(&e.opts.log, "log", "", "append a log of the work to this file")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return commandError{name: commandName(c), err: usageError{flagMistake(err)}}
	})
	if e.rawOut != nil { // set before the completion command, which keeps it
		root.SetOut(&termout.Trim{W: e.rawOut})
	}
	e.root = root
	root.SetHelpCommand(helpCommand(e))
	root.SetVersionTemplate("byline {{.Version}}\n")
	root.AddCommand(
		app,
		readCommand(e), quotesCommand(e), shareCommand(e),
		addCommand(e), removeCommand(e), feedsCommand(e), feedCommand(e),
		refreshCommand(e), syncCommand(e), accountCommand(e),
		listCommand(e), searchCommand(e),
		highlightsCommand(e), highlightCommand(e), markCommand(e),
		importCommand(e), exportCommand(e), doctorCommand(e), downloadCommand(e),
		manCommand(e), versionCommand(e),
	)
	completionHelp(root)
	describe(root)
	return root
}

// badValue is pflag's words for a flag's value it cannot read.
var badValue = regexp.MustCompile(`^invalid argument (".*") for "(.*)" flag: (?:strconv\.Parse\w+: parsing ".*": )?(.*)$`)

// flagMistake words a mistake in a flag: "invalid value "x" for --limit:
// invalid syntax" rather than pflag's strconv detail.
func flagMistake(err error) string {
	m := badValue.FindStringSubmatch(err.Error())
	if m == nil {
		return err.Error()
	}
	name := m[2]
	if i := strings.LastIndex(name, "--"); i >= 0 {
		name = name[i:] // "-q, --quote" → "--quote"
	}
	return fmt.Sprintf("invalid value %s for %s: %s", m[1], name, m[3])
}

// describe gives a command without a longer text its short one, as a
// sentence, to head its help.
func describe(c *cobra.Command) {
	for _, sub := range c.Commands() {
		if sub.Long == "" && sub.Short != "" {
			sub.Long = strings.ToUpper(sub.Short[:1]) + sub.Short[1:] + "."
		}
		describe(sub)
	}
}

// fangOptions are how fang dresses the command line: byline's version
// with its build, byline's own man command, and byline's one-line errors.
func fangOptions() []fang.Option {
	return []fang.Option{
		fang.WithVersion(buildVersion()),
		fang.WithoutManpage(),
		fang.WithErrorHandler(func(_ io.Writer, _ fang.Styles, _ error) {}), // run reports
	}
}

// buildVersion is the version with the build's commit, Go version and
// platform: "0.1.0-dev (1a2b3c4) go1.26.7 linux/amd64".
func buildVersion() string {
	v := version
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 7 {
				v += " (" + s.Value[:7] + ")"
			}
		}
	}
	return v + " " + runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH
}

// helpCommand is `byline help [COMMAND...]`: a command's help, and bad
// usage for a command that is not there, as for any other mistake.
func helpCommand(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "help [command]",
		Short: "help for any command",
		RunE: func(_ *cobra.Command, args []string) error {
			c, rest, err := e.root.Find(args)
			if err == nil && len(rest) > 0 && c.HasSubCommands() {
				err = fmt.Errorf("unknown command %q", rest[0])
			}
			if err != nil {
				e.failed = e.unknownCommand(err)
				return nil
			}
			return c.Help()
		},
		ValidArgsFunction: func(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
			c, _, err := e.root.Find(args)
			if err != nil {
				return nil, noFiles
			}
			var out []cobra.Completion
			for _, sub := range c.Commands() {
				if sub.IsAvailableCommand() {
					out = append(out, cobra.CompletionWithDesc(sub.Name(), sub.Short))
				}
			}
			return out, noFiles
		},
	}
}

func versionCommand(e *env) *cobra.Command {
	return &cobra.Command{
		Use: "version", Short: "print the version", Hidden: true,
		RunE: runs(e, func([]string) error {
			_, err := fmt.Fprintln(e.stdout, "byline", buildVersion())
			return err
		}),
	}
}

func appCommand(e *env) *cobra.Command {
	return &cobra.Command{
		Use: "app", Short: "open the app (what byline alone does)", Hidden: true,
		RunE: runs(e, func(args []string) error { return runApp(e, args) }),
	}
}

// exitCode reports err on stderr, in one line, and gives the exit status.
// An error of cobra's (an unknown command or flag) is bad usage.
func (e *env) exitCode(err error) int {
	if err == nil {
		return 0
	}
	var ce commandError
	if !errors.As(err, &ce) {
		ce = e.unknownCommand(err)
	}
	return report(e.stderr, ce.name, ce.err)
}

// unknownCommand words an error of cobra's in finding a command as bad
// usage, with the command byline thinks was meant.
func (e *env) unknownCommand(err error) commandError {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "unknown command "); ok {
		name, _, _ = strings.Cut(name, " for ")
		msg = "unknown command " + name
		if s := e.root.SuggestionsFor(strings.Trim(name, `"`)); len(s) > 0 {
			msg += fmt.Sprintf(": did you mean %q?", s[0])
		}
	}
	return commandError{name: "app", err: usageError{msg}}
}

// longFlags is every long flag name of the command line, for accepting
// the single dash of the old command line ("-json" for "--json").
func longFlags(root *cobra.Command) map[string]bool {
	names := map[string]bool{"help": true, "version": true}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		add := func(f *pflag.Flag) { names[f.Name] = true }
		c.LocalFlags().VisitAll(add)
		c.PersistentFlags().VisitAll(add)
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	return names
}

// doubleDashes turns "-json" into "--json" for the flags byline knows,
// as the command line before cobra took them; "--" ends the flags.
func doubleDashes(args []string, known map[string]bool) []string {
	out := make([]string, len(args))
	copy(out, args)
	for i, a := range out {
		if a == "--" {
			break
		}
		if len(a) > 2 && a[0] == '-' && a[1] != '-' {
			name, _, _ := strings.Cut(a[1:], "=")
			if known[name] {
				out[i] = "-" + a
			}
		}
	}
	return out
}

// completionLoad is how each shell loads byline's completions, now and
// in every new shell.
var completionLoad = map[string]string{
	"bash": "Now:  source <(byline completion bash)\n" +
		"Always (with bash-completion installed):\n" +
		"  byline completion bash > ~/.local/share/bash-completion/completions/byline",
	"zsh": "Now:  source <(byline completion zsh)\n" +
		"Always: byline completion zsh > \"${fpath[1]}/_byline\"\n" +
		"(with `autoload -U compinit; compinit` in ~/.zshrc)",
	"fish": "Now:  byline completion fish | source\n" +
		"Always: byline completion fish > ~/.config/fish/completions/byline.fish",
	"powershell": "Now:  byline completion powershell | Out-String | Invoke-Expression\n" +
		"Always: add that line to your PowerShell profile.",
}

// completionHelp words cobra's completion command in byline's words, short
// enough for 80 columns.
func completionHelp(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	c, _, err := root.Find([]string{"completion"})
	if err != nil || c == root {
		return
	}
	c.Short = "print a shell's completion script"
	c.Args = cobra.ArbitraryArgs
	c.RunE = func(_ *cobra.Command, args []string) error {
		msg := "completion needs a shell: bash, zsh, fish or powershell"
		if len(args) > 0 {
			msg = fmt.Sprintf("no completion for %q: bash, zsh, fish or powershell", args[0])
		}
		return commandError{name: "completion", err: usageError{msg}}
	}
	c.Long = "Print the completion script of a shell: bash, zsh, fish or powershell.\n" +
		"Commands, flags, article ids, feeds, accounts and share targets complete."
	for _, sh := range c.Commands() {
		if load, ok := completionLoad[sh.Name()]; ok {
			sh.Short = "the completion script of " + sh.Name()
			sh.Long = "Print the completion script of " + sh.Name() + ".\n" + load
		}
	}
}

func manCommand(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "man",
		Short: "print byline's man page (roff)",
		Long: "Print byline's manual page, in roff, on stdout. To install it:\n" +
			"  byline man > ~/.local/share/man/man1/byline.1\n" +
			"then `man byline`; or read it at once with `byline man | man -l -`.",
		RunE: runs(e, func(args []string) error {
			if len(args) > 0 {
				return usagef("man takes no arguments; it prints the page on stdout")
			}
			page, err := mango.NewManPage(1, e.root)
			if err != nil {
				return err
			}
			page = page.WithLongDescription(strings.ReplaceAll(e.root.Long, "\n", " ")).WithSection("Exit status", "0 success, 1 the work failed, 2 bad usage or bad input; "+
				"every failure is one line on standard error.")
			_, err = io.WriteString(e.rawOut, page.Build(roff.NewDocument()))
			return err
		}),
	}
}
