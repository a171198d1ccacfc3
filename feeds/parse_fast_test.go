package feeds

import (
	"fmt"
	"html"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// fastPathDocs is every fixture plus generated full-text feeds.
func fastPathDocs(t testing.TB) map[string][]byte {
	t.Helper()
	names, err := filepath.Glob("testdata/*")
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string][]byte{
		"fullRSS":     fullRSS(5, 3000),
		"fullAtom":    fullAtom(5, 3000),
		"summaryAtom": fullAtom(5, 0),
		"bench":       benchFeed(5),
		"newsFull":    newsRSS(6, 300, 3000, false),
		"newsGMT":     newsRSS(6, 800, 0, true),
	}
	for _, n := range names {
		if fi, err := os.Stat(n); err == nil && fi.Mode().IsRegular() {
			docs[filepath.Base(n)] = readFixture(t, filepath.Base(n))
		}
	}
	return docs
}

type parseResult struct {
	pf  ParsedFeed
	err string
}

func parsed(pf ParsedFeed, err error) parseResult {
	r := parseResult{pf: pf}
	if err != nil {
		r.err = err.Error()
	}
	return r
}

// checkFastPath fails when lifting bodies changes what data parses to,
// or when byline's conversion differs from gofeed's translators.
func checkFastPath(t *testing.T, name string, data []byte, maxItems int) {
	t.Helper()
	const feedURL = "https://feeds.example/x/feed"
	fast := parsed(parseDoc(data, feedURL, maxItems, true))
	slow := parsed(parseDoc(data, feedURL, maxItems, false))
	if !reflect.DeepEqual(fast, slow) {
		t.Fatalf("%s: fast path differs\nfast %+v\nslow %+v", name, fast, slow)
	}
	old := parsed(legacyParse(data, feedURL, maxItems))
	if strings.Contains(old.err, errLegacyPanic.Error()) {
		return // gofeed's translator panicked (a null JSON item, say)
	}
	if !reflect.DeepEqual(slow, old) {
		t.Fatalf("%s: differs from gofeed's translators\nnew %+v\nold %+v", name, slow, old)
	}
}

func TestParseFastPathMatches(t *testing.T) {
	for name, data := range fastPathDocs(t) {
		t.Run(name, func(t *testing.T) {
			checkFastPath(t, name, data, 0)
			checkFastPath(t, name, data, 2)
		})
	}
}

// TestParseFastPathUsed makes sure the equivalence above is not vacuous:
// the full-text documents do take the fast path, and the fixtures with
// bodies where gofeed reads no article text are parsed again.
func TestParseFastPathUsed(t *testing.T) {
	tests := map[string]struct {
		data   []byte
		atom   bool
		bodies int
		bad    bool
	}{
		"fullRSS":      {fullRSS(5, 3000), false, 10, false},
		"fullAtom":     {fullAtom(5, 3000), true, 10, false},
		"fastpath.rdf": {readFixture(t, "fastpath.rdf"), false, 3, false},
		// Bodies nested in other markup (an xhtml div, a <title>) stay
		// unlifted, so the safety net has nothing to catch.
		"fastpath.xml":      {readFixture(t, "fastpath.xml"), false, 11, false},
		"fastpath-atom.xml": {readFixture(t, "fastpath-atom.xml"), true, 5, false},
	}
	for name, tt := range tests {
		doc, r := liftBodies(tt.data, tt.atom)
		if r == nil || len(r.bodies) != tt.bodies {
			n := 0
			if r != nil {
				n = len(r.bodies)
			}
			t.Errorf("%s: lifted %d bodies, want %d", name, n, tt.bodies)
			continue
		}
		if _, err := parseXML(doc, tt.atom, r, 0); err != nil || r.bad != tt.bad {
			t.Errorf("%s: err %v, bad %v, want %v", name, err, r.bad, tt.bad)
		}
	}
	for _, name := range []string{"fastpath-base.xml", "fastpath-latin1.xml", "fastpath-badref.xml", "fastpath-badcdata.xml"} {
		if _, r := liftBodies(readFixture(t, name), strings.Contains(name, "base")); r != nil {
			t.Errorf("%s: lifted %d bodies, want none", name, len(r.bodies))
		}
	}
}

func FuzzParseFastPath(f *testing.F) {
	for _, data := range fastPathDocs(f) {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkFastPath(t, "fuzz", data, 0)
	})
}

// TestGMTDateRewrite checks that gofeed reads a rewritten GMT date as
// the same instant as the original.
func TestGMTDateRewrite(t *testing.T) {
	dates := []string{
		"Mon, 06 May 2024 07:30:00 GMT", "Sun, 31 Dec 2023 23:59:59 GMT", "Thu, 29 Feb 2024 12:00:00 GMT",
		"Fri, 01 Jan 1999 00:00:00 GMT", "Wed, 6 May 2024 07:30:00 GMT", "Mon, 31 Feb 2024 07:30:00 GMT",
		"Mon, 06 May 2024 24:30:00 GMT", "Tue, 07 May 2024 7:30:00 GMT", "Mon, 06 May 2024 07:30 GMT",
		"Monday, 06 May 2024 07:30:00 GMT", "Mon, 06 May 24 07:30:00 GMT", "  Mon, 06 May 2024 07:30:00 GMT\n",
	}
	for h := range 24 {
		dates = append(dates, fmt.Sprintf("Sat, %02d Jun 2024 %02d:%02d:%02d GMT", h+1, h, h*2, 59-h))
	}
	rewritten := 0
	for _, s := range dates {
		sc := scanner{data: []byte("<pubDate>" + s + "</pubDate>")}
		sp, ok := sc.gmtDate(len("<pubDate>"))
		if !ok {
			continue
		}
		rewritten++
		want, _ := feedDates(s, "")
		got, _ := feedDates(sp.repl, "")
		if want == nil || got == nil || !want.Equal(*got) {
			t.Errorf("%q read as %v, rewritten %q as %v", s, want, sp.repl, got)
		}
	}
	if rewritten < 24 {
		t.Errorf("only %d dates rewritten", rewritten)
	}
}

func TestHasControl(t *testing.T) {
	for n := range 20 {
		for _, c := range []byte{0, 1, 8, 9, 10, 11, 13, 27, 31, 32, 127, 128, 255} {
			b := []byte(strings.Repeat("a\nb\tc\r", 4))[:n+1]
			b[n] = c
			want := c < 0x20 && c != '\t' && c != '\n' && c != '\r'
			if got := hasControl(b); got != want {
				t.Errorf("hasControl(%q) = %v", b, got)
			}
		}
	}
}

func TestDecodeBody(t *testing.T) {
	for _, s := range []string{
		"&lt;p&gt;a &amp;amp; b&lt;/p&gt;", "&#39;&#34;&#x27;&#X41;&#65;&#0065;&#x7e;&#x7f;&#128;&#x80;&#0;&#9;",
		"&nbsp;&eacute;&copy;&apos;&quot;&Amp;&AMP;&notit;&notin;", "&#;&#x;&#12a;&#+1;", "plain",
	} {
		var want strings.Builder
		for rest := s; rest != ""; {
			i := strings.IndexByte(rest, '&')
			if i < 0 {
				want.WriteString(rest)
				break
			}
			want.WriteString(rest[:i])
			rest = rest[i:]
			end := strings.IndexByte(rest, ';') + 1
			if dec := html.UnescapeString(rest[:end]); dec != html.UnescapeString(rest[:end-1])+";" {
				want.WriteString(dec)
				rest = rest[end:]
			} else {
				want.WriteByte('&')
				rest = rest[1:]
			}
		}
		if got := decodeBody(s); got != want.String() {
			t.Errorf("decodeBody(%q) = %q, want %q", s, got, want.String())
		}
	}
}
