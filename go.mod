module github.com/tiendo/tiendo

go 1.26.8

require (
	github.com/BurntSushi/toml v1.6.0
	github.com/go-echarts/go-echarts/v2 v2.6.7
	github.com/yuin/goldmark v1.8.7
	golang.org/x/text v0.43.0
)
