package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// TestOutsideTextIsCleanedOnlyWherePainted: in ui, only clean (the
// painting code's helper) calls model's sanitisers; the hostile tests show
// that what it paints is clean.
func TestOutsideTextIsCleanedOnlyWherePainted(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Name.Name == "clean" && fn.Recv == nil {
				continue
			}
			ast.Inspect(fn, func(n ast.Node) bool {
				if sel, ok := n.(*ast.SelectorExpr); ok && strings.HasPrefix(sel.Sel.Name, "Sanitize") {
					t.Errorf("%s: %s sanitises: call clean where the text is painted", fset.Position(sel.Pos()), fn.Name.Name)
				}
				return true
			})
		}
	}
}
