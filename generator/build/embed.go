package build

import (
	"errors"
	"fmt"
	"html"
	"sync"
	"sync/atomic"

	"github.com/tiendo/tiendo/generator/charts"
	"github.com/tiendo/tiendo/generator/i18n"
	"github.com/tiendo/tiendo/generator/markdown"
	"github.com/tiendo/tiendo/generator/metrics"
	"github.com/tiendo/tiendo/generator/site"
)

// Embeds. Every chart and map has a page of its own (site.EmbedMetric,
// site.EmbedMetricMap, site.EmbedChart) that another site shows in an <iframe>: the chart, its
// title and unit, its sources with their dates, and a link to the page it
// comes from, which opens in the top window; no header or footer, and
// robots noindex. The figure of a chart on its page offers the <iframe>
// code (ChartView.EmbedCode) in a disclosure.
//
// A chart block's embed page shows the very ChartView that the page's
// conversion made (doc.charts), read through reads.charts, so that the two
// cannot differ; a metric's embed page makes its chart as the metric's page
// does.

// EmbedView is what templates/embed.html receives.
type EmbedView struct {
	*View
	From      string // the chart on the page it comes from: site-relative path and anchor
	FromTitle string // that page's title
}

// embedHeight is the height, in CSS pixels, of the <iframe> the embed code
// asks for: the chart and the lines around it at a phone's width (a
// chart of long sources, 360px wide, needs about that).
const embedHeight = 600

// EmbedURL is the address of the chart's embed page: absolute when the base
// URL has an origin, else its path under the base path.
func (c *ChartView) EmbedURL() string { return c.URLs.Abs(c.Embed) }

// EmbedCode is the HTML that shows the chart on another site.
func (c *ChartView) EmbedCode() string {
	return fmt.Sprintf(`<iframe src="%s" title="%s" width="100%%" height="%d" style="border:0;max-width:100%%" loading="lazy"></iframe>`,
		html.EscapeString(c.EmbedURL()), html.EscapeString(c.Title), embedHeight)
}

// hasEmbed reports whether a series' page has a chart, one that draws
// anything, and so an embed page: a series with no figure of a stated
// time has a table and no chart.
func hasEmbed(se *metrics.Series) bool {
	return len(se.Points) > 0 && charts.Draws(charts.Spec{Series: []*metrics.Series{se}})
}

// metricChart is the chart of a series' page, made once per language for
// the page and its embed page, and forgotten once both have it. What
// making it read is recorded in r as if r had made it.
func (s *Site) metricChart(r *reads, lang *i18n.Lang, se *metrics.Series) (*ChartView, error) {
	key := lang.Code + "\x00" + se.ID
	e, _ := s.metricCharts.LoadOrStore(key, &sharedChart{})
	c := e.(*sharedChart)
	c.once.Do(func() {
		own := s.newReads()
		c.cv, c.err = s.chartView(own, lang, markdown.Chart{Metrics: []string{se.ID}, Highlight: se.Highlight})
		c.deps = own.deps()
	})
	if c.uses.Add(1) == 2 || !s.embeddable[se.ID] {
		s.metricCharts.Delete(key)
	}
	r.merge(c.deps)
	if c.err != nil {
		return nil, c.err
	}
	cv := *c.cv // each page sets its own Embed
	return &cv, nil
}

// sharedChart is a chart made once for the pages that show it.
type sharedChart struct {
	once sync.Once
	uses atomic.Int32
	cv   *ChartView
	err  error
	deps []dep
}

// charts returns the charts of a page's conversion, converting it again
// (without keeping its HTML, unless its page is still to be rendered) when
// it was restored from the cache.
func (r *reads) charts(d *doc) ([]*ChartView, error) {
	r.add(dep{Kind: readPage, Arg: d.page.File})
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.charts == nil || d.cached {
		s := r.s
		hadHTML := d.hasHTML
		s.convert(d, s.cache)
		if !hadHTML && !d.keepHTML {
			d.result.HTML, d.hasHTML = nil, false
		}
	}
	return d.charts, d.problems.Err()
}

// embedJobs lists the embed page of every chart: of each metric that has
// one, and of each chart block of each page.
func (s *Site) embedJobs(docs []*doc) []job {
	var jobs []job
	add := func(path, file string, view func(r *reads) (*EmbedView, error)) {
		jobs = append(jobs, job{path: site.File(path), file: file, run: func(r *reads) ([]byte, error) {
			v, err := view(r)
			if err != nil {
				return nil, err
			}
			return s.tmpl.Page("embed", v)
		}})
	}
	s.embeddable = map[string]bool{}
	for _, se := range s.Data.Series {
		s.embeddable[se.ID] = hasEmbed(se)
	}
	for _, lang := range s.Langs {
		for _, se := range s.Data.Series {
			id, path := se.ID, site.EmbedMetric(lang, se.ID)
			if s.embeddable[id] {
				add(path, se.File, func(r *reads) (*EmbedView, error) {
					se := r.series(id)
					v := s.embedView(r, lang, path, se.TitleIn(lang.Code))
					v.From, v.FromTitle = site.Metric(lang, id), se.TitleIn(lang.Code)
					switch cv, err := s.metricChart(r, lang, se); {
					case errors.Is(err, errUnloaded):
					case err != nil:
						return nil, err
					default:
						cv.Embed = path
						v.Chart, v.HasCharts = cv, true
						v.From += "#" + cv.Anchor
					}
					return v, nil
				})
			}
			if se.Map == "" || !charts.MapDraws(se) {
				continue
			}
			mapPath := site.EmbedMetricMap(lang, id)
			add(mapPath, se.File, func(r *reads) (*EmbedView, error) {
				se := r.series(id)
				v := s.embedView(r, lang, mapPath, se.TitleIn(lang.Code))
				v.From, v.FromTitle = site.Metric(lang, id), se.TitleIn(lang.Code)
				if cv := s.metricMap(r, lang, se); cv != nil {
					cv.Embed = mapPath
					v.Chart, v.HasCharts, v.HasMaps = cv, true, true
					v.From += "#" + cv.Anchor
				}
				return v, nil
			})
		}
		for _, d := range docs {
			p := d.page
			if p.Lang != lang.Code {
				continue
			}
			for _, ch := range d.result.Charts {
				path := site.EmbedChart(lang, p.Section, p.Slug, ch.Index+1)
				add(path, p.File, func(r *reads) (*EmbedView, error) {
					list, err := r.charts(d)
					if err != nil {
						return nil, err
					}
					v := s.embedView(r, lang, path, p.Title)
					v.From, v.FromTitle = site.Page(lang, p.Section, p.Slug), p.Title
					for _, cv := range list {
						if cv.Embed == path {
							v.Chart, v.HasCharts, v.HasMaps, v.Title = cv, true, cv.Map != nil, cv.Title
							v.From += "#" + cv.Anchor
						}
					}
					return v, nil
				})
			}
		}
	}
	return jobs
}

// embedView starts the view of an embed page.
func (s *Site) embedView(r *reads, lang *i18n.Lang, path, title string) *EmbedView {
	v := s.view(r, lang, "embed", path, title)
	v.NoIndex = true
	return &EmbedView{View: v}
}

// isEmbed reports whether an output file is an embed page.
func (s *Site) isEmbed(file string) bool {
	for _, l := range s.Langs {
		if site.IsEmbed(l, file) {
			return true
		}
	}
	return false
}
