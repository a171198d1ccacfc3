// Package feedset is a feed's settings in words: the keys `byline feed
// set` takes and the app's feed form shows (FeedKeys), each setting as the
// user writes it (FeedValues) and a feed changed by such values
// (EditFeed), with what each may be. One reading for the command line and
// the app. Imports only model.
package feedset

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/byline-reader/byline/model"
)

// FeedKeys are the keys of a feed's settings, as `byline feed set` takes
// them and the app's feed form shows them, in that order.
var FeedKeys = []string{"title", "folder", "tags", "interval", "fetch", "user_agent", "keep_days", "keep_items"}

// FeedValue is one of a feed's settings as the user writes it: its key
// and its value in words ("30m", "auto", "all", "" for the default).
type FeedValue struct{ Key, Value string }

// SettingError says which setting's value was refused, and what it may be.
type SettingError struct {
	Key, Value, Allowed string
}

func (e *SettingError) Error() string {
	if e.Value == "" {
		return fmt.Sprintf("%s: %s", e.Key, e.Allowed)
	}
	return fmt.Sprintf("%s: %q is not allowed: %s", e.Key, e.Value, e.Allowed)
}

// ErrUnknownKey is wrapped by the error for a key that is no setting.
var ErrUnknownKey = errors.New("unknown key")

// The limits of a feed's settings.
const (
	maxInterval = 30 * 24 * time.Hour
	maxKeepDays = model.MaxKeepDays
	maxKeep     = 1_000_000
	maxTextLen  = 300
)

// FeedValues are the feed's settings in words, in FeedKeys' order: what
// `feed show` prints and the form's fields start with. A default is "".
// An account's feed shows the server's title (which title= changes).
func FeedValues(f model.Feed) []FeedValue {
	st := f.Settings
	title := st.Title
	if f.Account != "" {
		title = f.Title
	}
	interval := ""
	if st.Interval > 0 {
		interval = shortDuration(st.Interval)
	}
	keepDays := ""
	switch {
	case st.KeepDays < 0:
		keepDays = "all"
	case st.KeepDays > 0:
		keepDays = strconv.Itoa(st.KeepDays)
	}
	keepItems := ""
	if st.KeepItems > 0 {
		keepItems = strconv.Itoa(st.KeepItems)
	}
	return []FeedValue{{"title", title}, {"folder", f.Folder}, {"tags", strings.Join(f.Tags, ", ")},
		{"interval", interval}, {"fetch", st.FetchMode}, {"user_agent", st.UserAgent},
		{"keep_days", keepDays}, {"keep_items", keepItems}}
}

// shortDuration writes d without its zero units: 30m, 2h, 1h30m.
func shortDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

// EditFeed is f with values set, each as the user wrote it ("" resets
// the setting to its default). A folder is a path ("News/World", "":
// none); tags are a comma-separated list ("": none). An account's feed takes title= as its title on the server
// ("" leaves it). The first value refused is a *SettingError, an unknown
// key an error wrapping ErrUnknownKey.
func EditFeed(f model.Feed, values []FeedValue) (model.Feed, error) {
	for _, v := range values {
		text := model.SanitizeLine(v.Value)
		var err error
		switch v.Key {
		case "title":
			switch {
			case f.Account == "":
				f.Settings.Title, err = checkText(v.Key, text)
			case text != "":
				f.Title, err = checkText(v.Key, text)
			}
		case "folder":
			f.Folder = model.CleanFolder(text)
		case "tags":
			f.Tags = parseTags(text)
		case "interval":
			f.Settings.Interval, err = parseInterval(text)
		case "fetch":
			f.Settings.FetchMode, err = parseFetchMode(text)
		case "user_agent":
			f.Settings.UserAgent, err = checkText(v.Key, text)
		case "keep_days":
			f.Settings.KeepDays, err = parseKeep(v.Key, text, maxKeepDays, -1)
		case "keep_items":
			f.Settings.KeepItems, err = parseKeep(v.Key, text, maxKeep, 0)
		default:
			return f, fmt.Errorf("%w %q (keys: %s)", ErrUnknownKey, v.Key, strings.Join(FeedKeys, ", "))
		}
		if err != nil {
			return f, err
		}
	}
	return f, nil
}

func checkText(key, text string) (string, error) {
	if len(text) > maxTextLen {
		return "", &SettingError{Key: key, Allowed: fmt.Sprintf("at most %d bytes", maxTextLen)}
	}
	return text, nil
}

func parseInterval(text string) (time.Duration, error) {
	if text == "" || strings.EqualFold(text, "auto") {
		return 0, nil
	}
	d, err := time.ParseDuration(text)
	if err != nil || d < model.MinRefreshInterval || d > maxInterval {
		return 0, &SettingError{Key: "interval", Value: text,
			Allowed: `a duration from 1m to 720h (like 30m or 2h), or "auto" or empty for adaptive`}
	}
	return d.Round(time.Second), nil
}

func parseFetchMode(text string) (string, error) {
	switch strings.ToLower(text) {
	case "", "full":
		return "", nil
	case "feed":
		return "feed", nil
	}
	return "", &SettingError{Key: "fetch", Value: text,
		Allowed: `"full" (fetch each article's page; empty is the same) or "feed" (show the feed's text)`}
}

// parseKeep reads a retention count: "" is 0 (the default), "all" and
// "0" are all (which is 0 too for keep_items, -1 for keep_days, whose
// default may be a [retention] setting).
func parseKeep(key, text string, most, all int) (int, error) {
	switch strings.ToLower(text) {
	case "":
		return 0, nil
	case "all", "0":
		return all, nil
	}
	n, err := strconv.Atoi(text)
	if err != nil || n < 0 || n > most {
		unit := "days"
		if key == "keep_items" {
			unit = "articles"
		}
		return 0, &SettingError{Key: key, Value: text,
			Allowed: fmt.Sprintf(`a number of %s up to %d, "all" or 0 to keep all, or empty for the default`, unit, most)}
	}
	return n, nil
}

// parseTags reads a comma-separated list of tags, each trimmed, a leading
// "#" dropped, empty and repeated ones left out.
func parseTags(text string) []string {
	var tags []string
	for t := range strings.SplitSeq(text, ",") {
		t = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(t), "#"))
		if t != "" && !slices.Contains(tags, t) {
			tags = append(tags, t)
		}
	}
	return tags
}
