package service

import (
	"context"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
)

// HighlightListMsg carries every article's highlights, newest first.
type HighlightListMsg struct {
	Seq   int
	Items []model.Highlight
	Err   error
}

// LoadHighlights loads every article's highlights.
func LoadHighlights(ctx context.Context, lib Library, seq int) tea.Cmd {
	return func() tea.Msg {
		items, err := lib.Highlights(ctx, 0)
		if err != nil {
			err = fmt.Errorf("load highlights: %w", err)
		}
		return HighlightListMsg{Seq: seq, Items: items, Err: err}
	}
}

// HighlightMsg says a highlight was stored (Added; What was highlighted)
// or deleted (Removed, its id; Gone, the highlight), or why not.
type HighlightMsg struct {
	Added   model.Highlight
	Removed int64
	Gone    model.Highlight
	What    string
	Err     error
}

// AddHighlight keeps span s of an article's body, text, as a highlight.
func AddHighlight(ctx context.Context, lib Library, articleID int64, text string, s model.Span, what string) tea.Cmd {
	return func() tea.Msg {
		h, err := lib.AddHighlight(ctx, articleID, text, s.Start, s.End)
		if err != nil {
			return HighlightMsg{Err: fmt.Errorf("highlight: %w", err)}
		}
		// The reader places highlights in the body it shows.
		h.ArticleID, h.Start, h.End = articleID, s.Start, s.End
		return HighlightMsg{Added: h, What: what}
	}
}

// RemoveHighlight deletes a highlight.
func RemoveHighlight(ctx context.Context, lib Library, h model.Highlight) tea.Cmd {
	return func() tea.Msg {
		if err := lib.RemoveHighlight(ctx, h.ID); err != nil {
			return HighlightMsg{Err: fmt.Errorf("remove highlight: %w", err)}
		}
		return HighlightMsg{Removed: h.ID, Gone: h}
	}
}

// SettingMsg carries a stored setting (Key: its name), or says one was
// stored (Saved), or why not.
type SettingMsg struct {
	Key, Value string
	Saved      bool
	Err        error
}

// LoadSetting loads a stored setting (the Mastodon server).
func LoadSetting(ctx context.Context, lib Library, key string) tea.Cmd {
	return func() tea.Msg {
		v, err := lib.Setting(ctx, key)
		if err != nil {
			err = fmt.Errorf("load setting %s: %w", key, err)
		}
		return SettingMsg{Key: key, Value: v, Err: err}
	}
}

// SaveSetting stores a setting for the next start.
func SaveSetting(ctx context.Context, lib Library, key, value string) tea.Cmd {
	return func() tea.Msg {
		err := lib.SetSetting(ctx, key, value)
		if err != nil {
			err = fmt.Errorf("save setting %s: %w", key, err)
		}
		return SettingMsg{Key: key, Value: value, Saved: true, Err: err}
	}
}
