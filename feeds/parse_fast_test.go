package feeds

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/byline-reader/byline/feeds/internal/fastxml"
)

// fastXMLTestdata holds the fixtures written for the fast path.
const fastXMLTestdata = "internal/fastxml/testdata/"

// fastFixture reads one of the fast path's fixtures.
func fastFixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(fastXMLTestdata + name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// fastPathDocs is every fixture, the fast path's included, plus generated
// full-text feeds.
func fastPathDocs(t testing.TB) map[string][]byte {
	t.Helper()
	docs := map[string][]byte{
		"fullRSS":     fullRSS(5, 3000),
		"fullAtom":    fullAtom(5, 3000),
		"summaryAtom": fullAtom(5, 0),
		"bench":       benchFeed(5),
		"newsFull":    newsRSS(6, 300, 3000, false),
		"newsGMT":     newsRSS(6, 800, 0, true),
	}
	for _, dir := range []string{"testdata/", fastXMLTestdata} {
		names, err := filepath.Glob(dir + "*")
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range names {
			if fi, err := os.Stat(n); err == nil && fi.Mode().IsRegular() {
				data, err := os.ReadFile(n)
				if err != nil {
					t.Fatal(err)
				}
				docs[filepath.Base(n)] = data
			}
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
	for _, a := range fast.pf.Articles {
		checkExtras(t, a)
	}
	old := parsed(legacyParse(data, feedURL, maxItems))
	if strings.Contains(old.err, errLegacyPanic.Error()) {
		return // gofeed's translator panicked (a null JSON item, say)
	}
	slow.pf, old.pf = withoutExtras(slow.pf), withoutExtras(old.pf)
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
// the full-text documents do take the fast path, and no placeholder turns
// up out of place in them (fastxml's tests count the bodies lifted).
func TestParseFastPathUsed(t *testing.T) {
	tests := map[string]struct {
		data []byte
		atom bool
	}{
		"fullRSS":      {fullRSS(5, 3000), false},
		"fullAtom":     {fullAtom(5, 3000), true},
		"fastpath.rdf": {fastFixture(t, "fastpath.rdf"), false},
		// Bodies nested in other markup (an xhtml div, a <title>) stay
		// unlifted, so the safety net has nothing to catch.
		"fastpath.xml":      {fastFixture(t, "fastpath.xml"), false},
		"fastpath-atom.xml": {fastFixture(t, "fastpath-atom.xml"), true},
	}
	for name, tt := range tests {
		doc, r := fastxml.Lift(tt.data, tt.atom)
		if r == nil {
			t.Errorf("%s: lifted nothing", name)
			continue
		}
		if _, err := parseXML(doc, tt.atom, r, 0); err != nil || r.Bad() {
			t.Errorf("%s: err %v, bad %v, want false", name, err, r.Bad())
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
