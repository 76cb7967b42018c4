package site

import (
	"strconv"
	"strings"

	"github.com/tiendo/tiendo/generator/i18n"
)

// Embeds: every chart has a page of its own that holds the chart alone, to
// be shown in an <iframe> on another site. A metric's chart is at
// embed/metrics/ID/ and its map (map = "…" in its file) at
// embed/metrics/ID/map/, the chart blocks of a report, note or page at
// embed/PAGE/chart-N/ (N from 1, in the page's order), where PAGE is the
// page's path without its language's prefix: embed/reports/x/chart-2/,
// en/embed/reports/x/chart-2/.

// EmbedPrefix is the folder of a language's embed pages.
func EmbedPrefix(l *i18n.Lang) string { return l.Prefix + "embed/" }

// EmbedMetric is the embed page of a metric's chart.
func EmbedMetric(l *i18n.Lang, id string) string { return EmbedPrefix(l) + "metrics/" + id + "/" }

// EmbedMetricMap is the embed page of a metric's map.
func EmbedMetricMap(l *i18n.Lang, id string) string { return EmbedMetric(l, id) + "map/" }

// EmbedChart is the embed page of chart block n (from 1) of a page.
func EmbedChart(l *i18n.Lang, section, slug string, n int) string {
	return EmbedPrefix(l) + strings.TrimPrefix(Page(l, section, slug), l.Prefix) + "chart-" + strconv.Itoa(n) + "/"
}

// IsEmbed reports whether a site-relative path (or output file) is an
// embed page of lang, which search engines are not to list.
func IsEmbed(l *i18n.Lang, rel string) bool {
	return strings.HasPrefix(strings.TrimPrefix(rel, "/"), EmbedPrefix(l))
}
