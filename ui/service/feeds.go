package service

import (
	"context"
	"strconv"

	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/feedset"
)

// FeedEditedMsg says that a feed's settings were saved (Feed, as stored
// now), or why not: a *feedset.SettingError names the field refused.
type FeedEditedMsg struct {
	FeedID int64
	Feed   model.Feed
	Err    error
}

// EditFeed saves the settings of feed id, each value as typed.
func EditFeed(ctx context.Context, lib Library, id int64, values []feedset.FeedValue) tea.Cmd {
	return func() tea.Msg {
		f, err := lib.EditFeed(ctx, strconv.FormatInt(id, 10), values)
		return FeedEditedMsg{FeedID: id, Feed: f, Err: err}
	}
}
