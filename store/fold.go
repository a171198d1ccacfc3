package store

import (
	"context"
	"database/sql"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// The `/` filter matches titles without regard to case or accents:
// "ecole" finds "École" and "ÉCOLE" finds "école". SQLite's LIKE folds
// ASCII letters only, so each title is kept folded in title_folds (a table
// of small rows, which a scan reads quickly; a column of articles would
// sit after the bodies) and the filter's text is folded the same way.

// fold is s in lower case without diacritics, compatibility forms
// decomposed ("ﬁ" is "fi"), and the letters that carry no separable mark
// spelled in plain letters ("ß" is "ss", "ø" is "o").
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFKD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		r = unicode.ToLower(r)
		if plain, ok := plainLetters[r]; ok {
			b.WriteString(plain)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// plainLetters spells the lower-case letters that NFKD leaves whole.
var plainLetters = map[rune]string{
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'ł': "l", 'đ': "d",
	'ð': "d", 'þ': "th", 'ı': "i", 'ħ': "h", 'ŧ': "t", 'ŋ': "n",
}

// saveFoldSQL keeps an article's folded title.
const saveFoldSQL = `INSERT INTO title_folds (id, title) VALUES (?, ?)
	ON CONFLICT (id) DO UPDATE SET title = excluded.title`

// foldAllTitles folds the title of every article (migration 6 runs it
// once, in its transaction), a batch at a time so that a large library is
// never held in memory.
func foldAllTitles(ctx context.Context, tx *sql.Tx) error {
	st, err := tx.PrepareContext(ctx, saveFoldSQL)
	if err != nil {
		return err
	}
	defer st.Close()
	type title struct {
		id   int64
		text string
	}
	batch := make([]title, 0, foldBatch)
	for last := int64(-1); ; {
		batch = batch[:0]
		rows, err := tx.QueryContext(ctx, `SELECT id, title FROM articles
			WHERE id > ? ORDER BY id LIMIT ?`, last, foldBatch)
		if err != nil {
			return err
		}
		for rows.Next() {
			var t title
			if err := rows.Scan(&t.id, &t.text); err != nil {
				rows.Close()
				return err
			}
			batch = append(batch, t)
		}
		rows.Close()
		if err := rows.Err(); err != nil || len(batch) == 0 {
			return err
		}
		for _, t := range batch {
			if _, err := st.ExecContext(ctx, t.id, fold(t.text)); err != nil {
				return err
			}
		}
		last = batch[len(batch)-1].id
	}
}

// foldBatch is how many titles foldAllTitles reads at a time.
const foldBatch = 5000
