package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/byline-reader/byline/library/paths"
	"github.com/byline-reader/byline/ui/progress"
	"github.com/byline-reader/byline/ui/reader"
	"github.com/byline-reader/byline/ui/termout"
)

func downloadCommand(e *env) *cobra.Command {
	var o struct {
		dir  string
		n    int
		json bool
	}
	c := &cobra.Command{
		Use:   "download ID",
		Short: "save an article's file (a podcast's episode)",
		RunE:  runs(e, func(args []string) error { return runDownload(e, o.dir, o.n, o.json, args) }),

		ValidArgsFunction: e.completeArticles,
	}
	c.Flags().StringVar(&o.dir, "dir", "", "the folder (default: [download] dir, else the download folder)")
	c.Flags().IntVar(&o.n, "file", 1, "which of the article's files, from 1")
	c.Flags().BoolVar(&o.json, "json", false, "print an object {path,bytes,resumed,existed}")
	return c
}

func runDownload(e *env, dir string, n int, asJSON bool, args []string) error {
	if len(args) != 1 {
		return usagef("download needs one article id")
	}
	ids, err := parseIDs(args)
	if err != nil {
		return err
	}
	cfg, err := e.config()
	if err != nil {
		return err
	}
	lib, err := e.library()
	if err != nil {
		return err
	}
	if err := downloadFolder(&dir, cfg.Download.Dir); err != nil {
		return err
	}
	line, shown := progress.NewLine(e.rawErr), func(int64, int64) {}
	if isTerminal(e.rawErr) {
		shown = line.Bytes
	}
	d, err := lib.Download(e.ctx, ids[0], n, dir, shown)
	line.Clear()
	switch {
	case err != nil:
		return err
	case asJSON:
		return termout.JSON(e.stdout, d)
	case d.Existed:
		_, err = fmt.Fprintf(e.stdout, "%s (%s, already there)\n", d.Path, reader.FileSize(d.Bytes))
	default:
		_, err = fmt.Fprintf(e.stdout, "%s (%s)\n", d.Path, reader.FileSize(d.Bytes))
	}
	return err
}

// downloadFolder is where download saves: --dir, which must exist, else the
// configured or the usual download folder, made when missing.
func downloadFolder(dir *string, configured string) error {
	if *dir != "" {
		if fi, err := os.Stat(*dir); err != nil || !fi.IsDir() {
			return fmt.Errorf("no folder %s (--dir names a folder that exists)", *dir)
		}
		return nil
	}
	*dir = paths.Downloads(configured)
	if err := os.MkdirAll(*dir, 0o755); err != nil {
		return fmt.Errorf("make the download folder %s: %w", *dir, unwrapPath(err))
	}
	return nil
}
