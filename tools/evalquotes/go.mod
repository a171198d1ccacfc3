module github.com/byline-reader/byline/tools/evalquotes

go 1.26.7

require github.com/byline-reader/byline v0.0.0

require github.com/BurntSushi/toml v1.6.0 // indirect

replace github.com/byline-reader/byline => ../..
