// Command evalextract measures byline's article extraction against a set
// of pages whose article text is known, with the score of Zyte's
// article-extraction benchmark (github.com/scrapinghub/article-extraction-benchmark):
// 4-token shingle precision, recall and F1, averaged per page.
//
//	go run -C tools/evalextract . -pages DIR -truth FILE [-v] [-only KEY] [-json OUT]
//	go run -C tools/evalextract . -truth FILE -score PREDICTIONS
//
// DIR holds KEY.html or KEY.html.gz files; FILE is JSON
// {"KEY": {"articleBody": "…", "url": "…"}, …} (url optional). -json
// writes byline's text in the same shape, which the benchmark's
// evaluate.py scores too; -score scores such a file instead of running
// byline.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
)

func main() {
	pages := flag.String("pages", "", "folder of KEY.html or KEY.html.gz pages")
	truthFile := flag.String("truth", "", "JSON of the true article text of each page")
	verbose := flag.Bool("v", false, "list the worst pages")
	worst := flag.Int("worst", 20, "how many of the worst pages -v lists")
	only := flag.String("only", "", "extract only this page and show its text, what it lacks and what it has too much")
	jsonOut := flag.String("json", "", "write byline's text of each page to this file, as the benchmark's output/*.json")
	scoreFile := flag.String("score", "", "score this predictions file instead of running byline")
	flag.Parse()
	if err := run(options{*pages, *truthFile, *verbose, *worst, *only, *jsonOut, *scoreFile}, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "evalextract:", err)
		os.Exit(1)
	}
}

type options struct {
	pages, truth string
	verbose      bool
	worst        int
	only         string
	jsonOut      string
	score        string
}

// page is one page's truth and what was predicted for it.
type page struct {
	key, url, truth string
	pred            string
	err             error
	took            time.Duration
	c               counts
}

func run(o options, w io.Writer) error {
	if o.truth == "" || (o.pages == "") == (o.score == "") {
		return fmt.Errorf("give -truth and one of -pages or -score (see -h)")
	}
	truth, err := loadTruth(o.truth)
	if err != nil {
		return err
	}
	if o.only != "" {
		t, ok := truth[o.only]
		if !ok {
			return fmt.Errorf("no page %q in %s", o.only, o.truth)
		}
		truth = map[string]truthEntry{o.only: t}
	}
	list := make([]*page, 0, len(truth))
	for k, t := range truth {
		list = append(list, &page{key: k, url: t.URL, truth: t.ArticleBody})
	}
	sort.Slice(list, func(i, j int) bool { return list[i].key < list[j].key })
	if o.score != "" {
		err = predictFromFile(list, o.score)
	} else {
		err = predictAll(list, o.pages)
	}
	if err != nil {
		return err
	}
	var all []counts
	for _, p := range list {
		p.c = match(p.truth, p.pred)
		all = append(all, p.c)
	}
	if o.only != "" {
		showPage(w, list[0])
	}
	report(w, list, summarize(all), o)
	if o.jsonOut != "" {
		return writePredictions(o.jsonOut, list)
	}
	return nil
}

// predictAll runs byline on every page, one page per core at a time.
func predictAll(list []*page, dir string) error {
	jobs := make(chan *page)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range jobs {
				p.pred, p.took, p.err = predict(dir, p.key, p.url)
			}
		}()
	}
	for _, p := range list {
		jobs <- p
	}
	close(jobs)
	wg.Wait()
	for _, p := range list {
		if p.err != nil && !isNoArticle(p.err) {
			return p.err
		}
	}
	return nil
}

func report(w io.Writer, list []*page, s summary, o options) {
	var took, longest time.Duration
	failed := 0
	for _, p := range list {
		took += p.took
		longest = max(longest, p.took)
		if p.err != nil {
			failed++
		}
	}
	if o.verbose {
		byF1 := append([]*page(nil), list...)
		sort.SliceStable(byF1, func(i, j int) bool { return byF1[i].c.f1() < byF1[j].c.f1() })
		fmt.Fprintf(w, "%-66s %6s %6s %6s\n", "worst pages", "P", "R", "F1")
		for _, p := range byF1[:min(o.worst, len(byF1))] {
			note := ""
			if p.err != nil {
				note = "  (" + p.err.Error() + ")"
			}
			fmt.Fprintf(w, "%-66s %6.3f %6.3f %6.3f%s\n", p.key, p.c.precision(), p.c.recall(), p.c.f1(), note)
		}
	}
	fmt.Fprintf(w, "pages %d", len(list))
	if failed > 0 {
		fmt.Fprintf(w, " (no article: %d)", failed)
	}
	if o.score == "" && len(list) > 0 {
		fmt.Fprintf(w, ", extraction mean %v, longest %v",
			(took / time.Duration(len(list))).Round(100*time.Microsecond), longest.Round(100*time.Microsecond))
	}
	fmt.Fprintf(w, "\nprecision %.4f  recall %.4f  F1 %.4f\n", s.precision, s.recall, s.f1)
}

// showPage prints a page's text and, as runs of tokens, what it has that
// the truth does not and what the truth has that it lacks.
func showPage(w io.Writer, p *page) {
	fmt.Fprintf(w, "== %s  %s\n%s\n\n", p.key, p.url, p.pred)
	if p.err != nil {
		fmt.Fprintf(w, "error: %v\n", p.err)
	}
	fmt.Fprintln(w, "== too much (in the text, not in the truth):")
	for _, run := range unmatchedRuns(p.pred, p.truth) {
		fmt.Fprintln(w, "  +", run)
	}
	fmt.Fprintln(w, "== missing (in the truth, not in the text):")
	for _, run := range unmatchedRuns(p.truth, p.pred) {
		fmt.Fprintln(w, "  -", run)
	}
	fmt.Fprintf(w, "P %.3f R %.3f F1 %.3f\n", p.c.precision(), p.c.recall(), p.c.f1())
}

// unmatchedRuns gives the runs of a's tokens whose shingles b lacks.
func unmatchedRuns(a, b string) []string {
	tokens := tokenize(a)
	have := shingles(b)
	out := make([]bool, len(tokens))
	for i := 0; i+shingleSize <= len(tokens); i++ {
		k := strings.Join(tokens[i:i+shingleSize], "\x00")
		if have[k] > 0 {
			have[k]--
			continue
		}
		for j := i; j < i+shingleSize; j++ {
			out[j] = true
		}
	}
	var runs []string
	for i := 0; i < len(tokens); {
		if !out[i] {
			i++
			continue
		}
		j := i
		for j < len(tokens) && out[j] {
			j++
		}
		runs = append(runs, strings.Join(tokens[i:j], " "))
		i = j
	}
	return runs
}

type truthEntry struct {
	ArticleBody string `json:"articleBody"`
	URL         string `json:"url,omitempty"`
}

func loadTruth(path string) (map[string]truthEntry, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var m map[string]truthEntry
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

// predictFromFile takes the predictions of another tool, in the
// benchmark's shape, with or without its {"version", "output"} wrapper.
func predictFromFile(list []*page, path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var wrapped struct {
		Version any                   `json:"version"`
		Output  map[string]truthEntry `json:"output"`
	}
	preds := map[string]truthEntry{}
	if json.Unmarshal(b, &wrapped) == nil && wrapped.Output != nil {
		preds = wrapped.Output
	} else if err := json.Unmarshal(b, &preds); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	for _, p := range list {
		pr, ok := preds[p.key]
		if !ok {
			return fmt.Errorf("%s: no prediction for %s", path, p.key)
		}
		p.pred = pr.ArticleBody
	}
	return nil
}

func writePredictions(path string, list []*page) error {
	out := map[string]truthEntry{}
	for _, p := range list {
		out[p.key] = truthEntry{ArticleBody: p.pred}
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o644)
}
