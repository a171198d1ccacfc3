package reader

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/byline-reader/byline/model"
)

// TestMarkBaseIsTheMarkRunes: a mark digit is one of model's mark runes,
// every one of them, so that model.Article.Body removes all the runes the
// doc marks with and nothing else.
func TestMarkBaseIsTheMarkRunes(t *testing.T) {
	if n := model.MarkRuneLast - model.MarkRuneFirst + 1; n != markBase {
		t.Fatalf("model has %d mark runes, the doc counts in base %d", n, markBase)
	}
	if markDigit0 != model.MarkRuneFirst {
		t.Fatalf("the doc's first digit %U is not model's first mark rune %U", markDigit0, model.MarkRuneFirst)
	}
	for _, r := range []rune{model.MarkRuneFirst, model.MarkRuneLast} {
		if !strings.HasPrefix(string(r), markPrefix) || !isMarkRune(r) {
			t.Errorf("%U is not taken for a mark", r)
		}
	}
	if isMarkRune(model.MarkRuneFirst-1) || isMarkRune(model.MarkRuneLast+1) {
		t.Error("a rune outside model's mark runes is taken for a mark")
	}
}

// TestImports keeps the package what its doc says: no Bubble Tea, and
// nothing of package ui, which imports it.
func TestImports(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		f, err := parser.ParseFile(fset, name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			if strings.Contains(path, "bubbletea") || path == "github.com/byline-reader/byline/ui" {
				t.Errorf("%s imports %s", name, path)
			}
		}
	}
}
