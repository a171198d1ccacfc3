package feeds

import (
	"math/rand"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestHlxMutate(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "pages", "*.html"))
	var seeds [][]byte
	for _, f := range files {
		b, _ := os.ReadFile(f)
		seeds = append(seeds, b)
	}
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 3000; i++ {
		s := append([]byte(nil), seeds[r.Intn(len(seeds))]...)
		for k := 0; k < 1+r.Intn(8); k++ {
			switch r.Intn(3) {
			case 0:
				s[r.Intn(len(s))] = byte(r.Intn(256))
			case 1:
				a := r.Intn(len(s))
				b := a + r.Intn(len(s)-a)
				s = append(s[:a], s[b:]...)
				if len(s) == 0 {
					s = []byte("x")
				}
			case 2:
				a := r.Intn(len(s))
				s = append(s[:a], append([]byte("<div>"), s[a:]...)...)
			}
		}
		done := make(chan struct{})
		go func() { Extract(s, "https://fuzz.example/a"); close(done) }()
		select {
		case <-done:
		case <-time.After(3 * time.Second):
			os.WriteFile("/tmp/hlx/slow.html", s, 0o644)
			t.Fatalf("slow input %d written", i)
		}
	}
}
