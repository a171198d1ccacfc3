package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// The rules of ARCHITECTURE.md that a machine can check: which package may
// import which, which packages may use which outside libraries, and how
// large a file, a function and a package may grow. Test files are held to
// the import rules too, except that they may use the test helpers under
// internal/ and the packages they test through.

const module = "github.com/byline-reader/byline"

// importRule says what a package (a folder of the module, "." for main)
// may import of byline's own packages, as path prefixes; "model/" allows
// every package under model.
type importRule struct {
	pkg     string
	allowed []string
}

// importRules, most specific first: a package takes the first rule whose
// pkg is its path or a parent of it.
var importRules = []importRule{
	{"model/markdown", nil},
	{"model/quote/attribution/lexicon", nil},
	{"model/quote/attribution", []string{"model/quote/attribution/lexicon"}},
	{"model/quote", []string{"model", "model/markdown", "model/quote/attribution"}},
	{"model/share", []string{"model", "model/markdown"}},
	{"model/filter", nil},
	{"model/configedit", []string{"model"}},
	{"model/feedset", []string{"model"}},
	{"model", []string{"model/filter"}}, // the configuration checks its kill rules
	{"store", []string{"model", "model/", "store/"}},
	{"feeds", []string{"model", "model/", "feeds/"}},
	{"sync", []string{"model", "model/", "feeds"}},
	{"library/diskcache", nil},
	{"library", []string{"model", "model/", "store", "store/", "feeds", "feeds/", "sync/", "library/diskcache"}},
	{"ui/reader/typeset", []string{"model", "model/markdown"}},
	{"ui/reader", []string{"model", "model/", "ui/reader/typeset"}},
	{"ui", []string{"model", "model/", "ui/"}},
	{"internal", nil},
	// byline doctor asks each rule of the package that holds it.
	{"doctor", []string{"model", "model/", "library", "feeds", "ui/desktop", "ui/picture", "ui/reader", "ui/keys"}},
	{".", []string{""}}, // main wires everything
}

// outsideRules: an outside library that only the named packages may import.
var outsideRules = map[string][]string{
	"charm.land/bubbletea/v2":                   {"ui", "ui/"},
	"charm.land/bubbles/v2":                     {"ui", "ui/"},
	"modernc.org/sqlite":                        {"store", "store/sqlitefile"},
	"github.com/mmcdole/gofeed":                 {"feeds", "feeds/"},
	"codeberg.org/readeck/go-readability/v2":    {"feeds/extract"},
	"github.com/JohannesKaufmann/html-to-markd": {"feeds/extract"},
}

// outsideForbidden: outside libraries a package must not import although
// its parent may.
var outsideForbidden = map[string][]string{
	"ui/reader":         {"charm.land/bubbletea/v2", "charm.land/bubbles/v2"},
	"ui/reader/typeset": {"charm.land/bubbletea/v2", "charm.land/bubbles/v2"},
}

// Limits from STYLE.md and ARCHITECTURE.md.
const (
	maxFileLines     = 500
	maxFuncLines     = 80
	maxPackageLines  = 3000
	maxModelLines    = 1500 // model itself, without its sub-packages
	testHelperPrefix = "internal/"
)

type goFile struct {
	pkg  string // folder relative to the module root, "." for the root
	path string
	test bool
	ast  *ast.File
	fset *token.FileSet
	text []byte
}

// moduleFiles parses every Go file of this module (not of the nested
// screenshots module, not testdata).
func moduleFiles(t *testing.T) []goFile {
	t.Helper()
	var files []goFile
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			name := d.Name()
			if path != "." && (strings.HasPrefix(name, ".") || name == "testdata") {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil && path != "." {
				return filepath.SkipDir // another module
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") {
			return nil
		}
		text, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, text, parser.ImportsOnly|parser.ParseComments)
		if err != nil {
			return err
		}
		files = append(files, goFile{pkg: filepath.ToSlash(filepath.Dir(path)), path: path,
			test: strings.HasSuffix(path, "_test.go"), ast: f, fset: fset, text: text})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 50 {
		t.Fatalf("found only %d Go files: is the test running in the module root?", len(files))
	}
	return files
}

func ruleFor(pkg string) importRule {
	for _, r := range importRules {
		if pkg == r.pkg || strings.HasPrefix(pkg, r.pkg+"/") {
			return r
		}
	}
	return importRule{pkg: pkg} // a package without a rule may import nothing of byline's
}

func allowedBy(prefixes []string, pkg string) bool {
	for _, p := range prefixes {
		if p == "" || pkg == p || (strings.HasSuffix(p, "/") && strings.HasPrefix(pkg, p)) {
			return true
		}
	}
	return false
}

func TestImportRules(t *testing.T) {
	for _, f := range moduleFiles(t) {
		rule := ruleFor(f.pkg)
		for _, spec := range f.ast.Imports {
			path, _ := strconv.Unquote(spec.Path.Value)
			if inner, ok := strings.CutPrefix(path, module+"/"); ok {
				switch {
				case inner == f.pkg:
				case f.test && (strings.HasPrefix(inner, testHelperPrefix) || allowedBy([]string{"model/"}, inner)):
					// tests may use the test helpers, and the model packages
				case strings.HasPrefix(inner, testHelperPrefix) && !f.test:
					t.Errorf("%s imports %s: only tests use internal helpers", f.path, inner)
				case !allowedBy(rule.allowed, inner):
					t.Errorf("%s imports %s: package %s may import only %v of byline's", f.path, inner, f.pkg, rule.allowed)
				}
				continue
			}
			for lib, who := range outsideRules {
				if strings.HasPrefix(path, lib) && !allowedBy(who, f.pkg) {
					t.Errorf("%s imports %s: only %v may", f.path, path, who)
				}
			}
			for _, lib := range outsideForbidden[f.pkg] {
				if strings.HasPrefix(path, lib) {
					t.Errorf("%s imports %s, which package %s must not use", f.path, path, f.pkg)
				}
			}
		}
	}
}

func TestSizeLimits(t *testing.T) {
	pkgLines := map[string]int{}
	for _, f := range moduleFiles(t) {
		if f.test {
			continue
		}
		n := strings.Count(string(f.text), "\n")
		pkgLines[f.pkg] += n
		if n > maxFileLines {
			t.Errorf("%s has %d lines (at most %d): split it by concept", f.path, n, maxFileLines)
		}
		full, err := parser.ParseFile(f.fset, f.path, f.text, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range full.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok {
				continue
			}
			lines := f.fset.Position(fn.End()).Line - f.fset.Position(fn.Pos()).Line + 1
			if lines > maxFuncLines {
				t.Errorf("%s: %s has %d lines (at most %d)", f.path, fn.Name.Name, lines, maxFuncLines)
			}
		}
	}
	pkgs := make([]string, 0, len(pkgLines))
	for p := range pkgLines {
		pkgs = append(pkgs, p)
	}
	slices.Sort(pkgs)
	for _, p := range pkgs {
		limit := maxPackageLines
		if p == "model" {
			limit = maxModelLines
		}
		if pkgLines[p] > limit {
			t.Errorf("package %s has %d lines without tests (at most %d)", p, pkgLines[p], limit)
		}
	}
}
