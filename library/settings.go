package library

import (
	"context"
	"strings"
)

// settingPrefix keeps settings apart from the other entries of the
// store's meta table.
const settingPrefix = "setting."

// Setting is what the app remembered under key (such as "mastodon", the
// server it asked for once), or "" when nothing is kept.
func (l *Library) Setting(ctx context.Context, key string) (string, error) {
	key, err := settingKey(key)
	if err != nil {
		return "", err
	}
	return l.store.Meta(ctx, settingPrefix+key)
}

// SetSetting remembers value under key, replacing what was kept.
func (l *Library) SetSetting(ctx context.Context, key, value string) error {
	key, err := settingKey(key)
	if err != nil {
		return err
	}
	return l.store.SetMeta(ctx, settingPrefix+key, value)
}

func settingKey(key string) (string, error) {
	key = strings.TrimSpace(key)
	if key == "" {
		return "", badInput("a setting needs a name")
	}
	return key, nil
}
