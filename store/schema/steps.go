package schema

import (
	"context"
	"database/sql"
)

// steps are the schema's migrations, forward only: step i takes a database
// from user_version i to i+1. Never edit a step that has shipped; append a
// new one. store's TestMigrations opens a file at every earlier version and
// migrates it to the latest, so a new step is tested without more work.
//
// Columns of articles are ordered small first: a row's large bodies
// (summary, content, markdown) come last so that headline queries never
// walk their overflow pages.
var steps = []string{
	// 1: feeds, articles, their full-text index, highlights, meta.
	`
CREATE TABLE feeds (
	id            INTEGER PRIMARY KEY,
	url           TEXT NOT NULL UNIQUE,
	title         TEXT NOT NULL DEFAULT '',
	site_url      TEXT NOT NULL DEFAULT '',
	tags          TEXT NOT NULL DEFAULT '', -- newline-separated
	etag          TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT '',
	last_error    TEXT NOT NULL DEFAULT '',
	last_fetched  INTEGER NOT NULL DEFAULT 0,
	next_allowed  INTEGER NOT NULL DEFAULT 0,
	created       INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE articles (
	id           INTEGER PRIMARY KEY,
	feed_id      INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
	key          TEXT NOT NULL,
	read         INTEGER NOT NULL DEFAULT 0,
	starred      INTEGER NOT NULL DEFAULT 0,
	published    INTEGER NOT NULL DEFAULT 0,
	updated      INTEGER NOT NULL DEFAULT 0,
	fetched_at   INTEGER NOT NULL DEFAULT 0,
	extracted_at INTEGER NOT NULL DEFAULT 0,
	hash         INTEGER NOT NULL DEFAULT 0, -- of what the feed said, to skip no-op updates
	title        TEXT NOT NULL DEFAULT '',
	url          TEXT NOT NULL DEFAULT '',
	author       TEXT NOT NULL DEFAULT '',
	site         TEXT NOT NULL DEFAULT '',
	notice       TEXT NOT NULL DEFAULT '',
	summary      TEXT NOT NULL DEFAULT '',
	content      TEXT NOT NULL DEFAULT '',
	markdown     TEXT NOT NULL DEFAULT '',
	sort_at      INTEGER GENERATED ALWAYS AS
		(CASE WHEN published <> 0 THEN published ELSE fetched_at END) VIRTUAL,
	UNIQUE (feed_id, key)
);
CREATE INDEX articles_feed_read ON articles (feed_id, read);
CREATE INDEX articles_feed_sort ON articles (feed_id, sort_at, id);
CREATE INDEX articles_sort ON articles (sort_at, id);
CREATE INDEX articles_starred ON articles (sort_at, id) WHERE starred = 1;

-- Title and text (markdown, else content, else summary, as plain text) of
-- every article, rowid = articles.id. Contentless: the text lives in
-- articles only. Writes queue the article in fts_pending and IndexPending
-- indexes the queue in large batches: indexing row by row, one small
-- segment per feed, cost three times the rest of a refresh. fresh = 1:
-- never indexed, so there is no old entry to delete. The trigger keeps
-- deletes, cascading ones included, in step.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
	title, body,
	content = '', contentless_delete = 1,
	tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', 16777216);
CREATE TABLE fts_pending (
	id    INTEGER PRIMARY KEY,
	fresh INTEGER NOT NULL
);
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
	DELETE FROM articles_fts WHERE rowid = old.id;
	DELETE FROM fts_pending WHERE id = old.id;
END;

CREATE TABLE highlights (
	id         INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	text       TEXT NOT NULL,
	pos_start  INTEGER NOT NULL DEFAULT 0,
	pos_end    INTEGER NOT NULL DEFAULT 0,
	note       TEXT NOT NULL DEFAULT '',
	created    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX highlights_article ON highlights (article_id);

CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;
`,

	// 2: sync accounts. feeds is rebuilt so that a URL is unique per place
	// (byline's own feeds, or one account) rather than in all: the same
	// feed may be local and in an account. items maps a server's item ids
	// to articles; outbox holds local changes to items until the server
	// confirms them, one entry per item and flag (a later change replaces
	// the entry, with a new id).
	`
CREATE TABLE accounts (
	id         INTEGER PRIMARY KEY,
	name       TEXT NOT NULL UNIQUE,
	type       TEXT NOT NULL DEFAULT 'greader',
	url        TEXT NOT NULL DEFAULT '',
	username   TEXT NOT NULL DEFAULT '',
	token      TEXT NOT NULL DEFAULT '',
	last_sync  INTEGER NOT NULL DEFAULT 0,
	last_error TEXT NOT NULL DEFAULT ''
);

CREATE TABLE feeds_v2 (
	id            INTEGER PRIMARY KEY,
	url           TEXT NOT NULL,
	title         TEXT NOT NULL DEFAULT '',
	site_url      TEXT NOT NULL DEFAULT '',
	tags          TEXT NOT NULL DEFAULT '', -- newline-separated
	etag          TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT '',
	last_error    TEXT NOT NULL DEFAULT '',
	last_fetched  INTEGER NOT NULL DEFAULT 0,
	next_allowed  INTEGER NOT NULL DEFAULT 0,
	created       INTEGER NOT NULL DEFAULT 0,
	account_id    INTEGER REFERENCES accounts(id) ON DELETE CASCADE, -- NULL: byline's own
	remote_id     TEXT NOT NULL DEFAULT ''
);
INSERT INTO feeds_v2 (id, url, title, site_url, tags, etag, last_modified,
	last_error, last_fetched, next_allowed, created)
	SELECT id, url, title, site_url, tags, etag, last_modified,
	last_error, last_fetched, next_allowed, created FROM feeds;
DROP TABLE feeds;
ALTER TABLE feeds_v2 RENAME TO feeds;
CREATE UNIQUE INDEX feeds_place_url ON feeds (ifnull(account_id, 0), url);
CREATE INDEX feeds_account ON feeds (account_id, remote_id);

CREATE TABLE items (
	account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
	item_id    INTEGER NOT NULL,
	article_id INTEGER NOT NULL UNIQUE REFERENCES articles(id) ON DELETE CASCADE,
	PRIMARY KEY (account_id, item_id)
) WITHOUT ROWID;

CREATE TABLE outbox (
	id         INTEGER PRIMARY KEY,
	account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
	item_id    INTEGER NOT NULL,
	starred    INTEGER NOT NULL, -- the flag: 1 starred, 0 read
	value      INTEGER NOT NULL, -- 1 set, 0 cleared
	created    INTEGER NOT NULL DEFAULT 0,
	UNIQUE (account_id, item_id, starred)
);
`,

	// 3: which version of extraction made an article's markdown, so that
	// a body made by an older one is extracted again when its page can be
	// had. 0: kept before versions were. (Last in the row, after the
	// bodies: only Article reads it, with the markdown.)
	`
ALTER TABLE articles ADD COLUMN extract_version INTEGER NOT NULL DEFAULT 0;
`,

	// 4: page_failures counts the failed fetches of an article's page in
	// a row (0 once it is read), so that opening the article tries it
	// again after a back-off that grows with them.
	`ALTER TABLE articles ADD COLUMN page_failures INTEGER NOT NULL DEFAULT 0;`,

	// 5: power reading. Per-feed settings (user_title: the user's name for
	// the feed, which a refresh never overwrites; refresh_every in seconds,
	// 0 adaptive; fetch_mode '' or 'full' fetches pages, 'feed' trusts the
	// feed's text; user_agent; keep_days, keep_items: retention, 0 keeps
	// all); the schedule of automatic refresh (next_due, and publish_gap,
	// the feed's measured time between articles, in seconds). On articles:
	// hidden (1 hidden by a kill rule, 2 dropped: bodies emptied, the row
	// kept so that the feed's next refresh does not bring it back),
	// quote_count and speakers (newline-separated), known once the article
	// has been opened, for the filter language.
	`
ALTER TABLE feeds ADD COLUMN user_title TEXT NOT NULL DEFAULT '';
ALTER TABLE feeds ADD COLUMN refresh_every INTEGER NOT NULL DEFAULT 0;
ALTER TABLE feeds ADD COLUMN fetch_mode TEXT NOT NULL DEFAULT '';
ALTER TABLE feeds ADD COLUMN user_agent TEXT NOT NULL DEFAULT '';
ALTER TABLE feeds ADD COLUMN keep_days INTEGER NOT NULL DEFAULT 0;
ALTER TABLE feeds ADD COLUMN keep_items INTEGER NOT NULL DEFAULT 0;
ALTER TABLE feeds ADD COLUMN next_due INTEGER NOT NULL DEFAULT 0;
ALTER TABLE feeds ADD COLUMN publish_gap INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN quote_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN speakers TEXT NOT NULL DEFAULT '';
`,

	// 6: the list's order and the `/` filter. sort_key replaces sort_at
	// as the order of every list: an article dated more than a day after
	// it was first fetched (a feed's mistake, or a post scheduled ahead)
	// sorts by its fetch time instead, so it is not pinned to the top
	// until the date comes; a day leaves room for feeds that give local
	// time as UTC. title_folds holds each title in lower case without
	// accents (searchtext.Fold, filled by the writer; afterStep folds the
	// titles already stored), which the filter matches.
	`
ALTER TABLE articles ADD COLUMN sort_key INTEGER GENERATED ALWAYS AS
	(CASE WHEN published <> 0 AND (fetched_at = 0 OR published <= fetched_at + 86400000000000)
	THEN published ELSE fetched_at END) VIRTUAL;
DROP INDEX articles_feed_sort;
DROP INDEX articles_sort;
DROP INDEX articles_starred;
CREATE INDEX articles_feed_key ON articles (feed_id, sort_key, id);
CREATE INDEX articles_key ON articles (sort_key, id);
CREATE INDEX articles_starred_key ON articles (sort_key, id) WHERE starred = 1;
CREATE TABLE title_folds (
	id    INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	title TEXT NOT NULL
);
`,

	// 7: the filter language. Every list and count leaves out the
	// articles a kill rule hid (hidden <> 0), so the indexes that count
	// and walk articles carry hidden; articles_key also carries the small
	// columns a filter reads, so that a filtered list walks the index,
	// testing each entry there, and reads only the rows it shows.
	`
DROP INDEX articles_feed_read;
CREATE INDEX articles_feed_read ON articles (feed_id, read, hidden, starred);
DROP INDEX articles_key;
CREATE INDEX articles_key ON articles (sort_key, id, hidden, read, starred,
	feed_id, quote_count, title, author, speakers);
`,

	// 8: folders and tags apart. A feed sits in one folder (a path of
	// names joined by "/"); tags stays its newline-separated labels. A
	// feed's first tag was its folder until now. Articles keep their
	// enclosures (JSON) and their comments page.
	`
ALTER TABLE feeds ADD COLUMN folder TEXT NOT NULL DEFAULT '';
UPDATE feeds SET
	folder = CASE WHEN instr(tags, char(10)) > 0
		THEN substr(tags, 1, instr(tags, char(10)) - 1) ELSE tags END,
	tags = CASE WHEN instr(tags, char(10)) > 0
		THEN substr(tags, instr(tags, char(10)) + 1) ELSE '' END;
UPDATE feeds SET folder = replace(folder, '/', '∕') WHERE folder LIKE '%/%';
ALTER TABLE articles ADD COLUMN comments TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN enclosures TEXT NOT NULL DEFAULT '';
`,
}

// afterStep are the steps done in Go after the SQL of a migration, in
// its transaction, by the version it migrates to.
var afterStep = map[int]func(context.Context, *sql.Tx) error{
	6: foldAllTitles,
}
