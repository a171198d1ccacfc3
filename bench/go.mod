module github.com/byline-reader/byline/bench

go 1.26.7
