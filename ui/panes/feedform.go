package panes

import (
	"errors"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/byline-reader/byline/model"
	"github.com/byline-reader/byline/model/feedset"
	"github.com/byline-reader/byline/ui/cells"
	"github.com/byline-reader/byline/ui/theme"
)

// FeedForm is the form of a feed's settings (e in the feeds pane): one
// field per key of feedset.FeedKeys, the one in focus, and what saving
// said. It keeps what was typed whatever happens: a refused value is
// shown under the fields, with the cursor on its field.
type FeedForm struct {
	feed   model.Feed
	fields []formField
	focus  int
	err    string
	errKey string
	saving bool
}

// formField is one setting: its key, how the form names it, what an
// empty field means, and the line that says what it takes.
type formField struct {
	key, label, hint string
	input            textinput.Model
}

// formLabelWidth is the column of the fields' names.
const formLabelWidth = 12

// NewFeedForm is the form of f's settings, each field holding its value
// (feedset.FeedValues) or, empty, saying its default; its keys
// (keys.FeedForm's) are the app's. keepDays is the [retention] default an
// empty keep days means (0: all). The command is the text input's, on
// focus.
func NewFeedForm(f model.Feed, keepDays int) (FeedForm, tea.Cmd) {
	p := FeedForm{feed: f}
	for _, v := range feedset.FeedValues(f) {
		in := textinput.New()
		in.Prompt = ""
		in.CharLimit = 300
		st := in.Styles()
		st.Cursor.Blink = false // a steady cursor: a form is still
		in.SetStyles(st)
		in.SetValue(v.Value)
		label, empty, hint := fieldWords(v.Key, f, keepDays)
		if empty != "" {
			in.Placeholder = "(" + empty + ")"
		}
		p.fields = append(p.fields, formField{key: v.Key, label: label, hint: hint, input: in})
	}
	return p, p.fields[0].input.Focus()
}

// fieldWords are a field's name, what it means left empty, and its hint.
func fieldWords(key string, f model.Feed, keepDays int) (label, empty, hint string) {
	switch key {
	case "title":
		if f.Account != "" {
			return "title", "", "the feed's name, changed on the account's server"
		}
		return "title", "the feed's own: " + clean(f.Title), "the name shown for the feed; empty: the feed's own"
	case "folder":
		if f.Account != "" {
			return "folder", "none", "the folder on the account's server; empty: none"
		}
		return "folder", "none", "its folder, a path (News/World nests); empty: none"
	case "tags":
		return "tags", "none", "labels, split by commas: each is a #tag row of the feeds pane; empty: none"
	case "interval":
		return "interval", "auto", "how often automatic refresh fetches it: 30m, 2h…; empty or auto: adaptive"
	case "fetch":
		return "fetch", "full", "full: each article's page is fetched · feed: the feed's own text, never the page"
	case "user_agent":
		return "user agent", "byline's own", "sent on the feed's fetches and its articles' pages"
	case "keep_days":
		empty = "all"
		if keepDays > 0 && f.Account == "" {
			empty = strconv.Itoa(keepDays) + " days: the default"
		}
		return "keep days", empty, "older articles go at refresh, never starred or highlighted ones; all: keep all"
	case "keep_items":
		return "keep items", "all", "at most this many articles are kept, the newest; all or empty: keep all"
	}
	return key, "", ""
}

// FeedID is the feed the form edits.
func (p FeedForm) FeedID() int64 { return p.feed.ID }

// Values are the fields as typed, for feedset.EditFeed.
func (p FeedForm) Values() []feedset.FeedValue {
	out := make([]feedset.FeedValue, len(p.fields))
	for i, f := range p.fields {
		out[i] = feedset.FeedValue{Key: f.key, Value: f.input.Value()}
	}
	return out
}

// Focused is the key of the field in focus.
func (p FeedForm) Focused() string { return p.fields[p.focus].key }

// Next puts the focus on the next field (round to the first), Prev on
// the one before.
func (p *FeedForm) Next() tea.Cmd { return p.focusOn((p.focus + 1) % len(p.fields)) }

// Prev: see Next.
func (p *FeedForm) Prev() tea.Cmd { return p.focusOn((p.focus + len(p.fields) - 1) % len(p.fields)) }

func (p *FeedForm) focusOn(i int) tea.Cmd {
	p.fields[p.focus].input.Blur()
	p.focus = i
	return p.fields[i].input.Focus()
}

// Edit gives a key, a paste or the cursor's blink to the field in focus.
// Editing the field an error is about clears the error.
func (p *FeedForm) Edit(msg tea.Msg) tea.Cmd {
	f := &p.fields[p.focus]
	before := f.input.Value()
	var cmd tea.Cmd
	f.input, cmd = f.input.Update(msg)
	if f.input.Value() != before && f.key == p.errKey {
		p.err, p.errKey = "", ""
	}
	return cmd
}

// Saving says whether a save is under way; SetSaving marks it.
func (p FeedForm) Saving() bool { return p.saving }

// SetSaving: see Saving.
func (p *FeedForm) SetSaving(on bool) { p.saving = on }

// SetError shows why saving failed; a refused value (feedset.SettingError)
// puts the focus on its field. Nothing typed is lost.
func (p *FeedForm) SetError(err error) tea.Cmd {
	p.saving = false
	if err == nil {
		p.err, p.errKey = "", ""
		return nil
	}
	p.err, p.errKey = err.Error(), ""
	var se *feedset.SettingError
	if !errors.As(err, &se) {
		return nil
	}
	p.errKey = se.Key
	for i, f := range p.fields {
		if f.key == se.Key {
			return p.focusOn(i)
		}
	}
	return nil
}

// Err is the error shown, "" when none.
func (p FeedForm) Err() string { return p.err }

// View draws the form: a title, the fields, the hint of the one in focus,
// and the error or the saving under them.
func (p FeedForm) View(s theme.Styles, width, height int) string {
	title := clean(p.feed.DisplayTitle())
	lines := []string{cells.Cut(s.Title.Render("Feed settings")+s.Dim.Render(" · ")+title, width)}
	where := clean(p.feed.URL)
	if p.feed.Account != "" {
		where += " · account " + clean(p.feed.Account) + ": title and folder change on its server"
	}
	lines = append(lines, s.Dim.Render(cells.Cut(where, width)), "")
	inputW := max(8, min(50, width-formLabelWidth-4))
	for i, f := range p.fields {
		mark, label := "  ", cells.Pad(f.label, formLabelWidth)
		in := f.input
		in.SetWidth(inputW)
		switch {
		case i == p.focus:
			mark, label = "▸ ", s.Rows.Selected.On(label)
		case f.key == p.errKey:
			label = s.Error.Render(label)
		default:
			label = s.Dim.Render(label)
		}
		lines = append(lines, cells.Cut(mark+label+" "+in.View(), width))
	}
	lines = append(lines, "", s.Dim.Render(cells.Wrap(p.fields[p.focus].hint, max(1, width-2))))
	switch {
	case p.saving:
		lines = append(lines, "", s.Status.Render("saving…"))
	case p.err != "":
		lines = append(lines, "", s.Error.Render(cells.Wrap(clean(p.err), max(1, width-2))))
	}
	if len(lines) > height {
		lines = lines[:height]
	}
	return strings.Join(lines, "\n")
}
