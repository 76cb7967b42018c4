// Package metrics loads, validates and derives the site's data: metric series,
// their targets, the source documents they cite, and the commitments (tasks with
// deadlines) assigned to agencies.
//
// This comment is the editor's reference for the data formats. Every key below is
// checked: an unknown key (a typo) is an error, reported as file:line:col.
//
// # Sources: content/sources.toml
//
// One [[sources]] table per document that a figure is taken from.
//
//	[[sources]]
//	id        = "ket-luan-2024-07"        # required, unique; letters, digits, '-'
//	title     = "Thông báo kết luận ..."  # required, in the document's language
//	title_en  = "Conclusions of ..."      # optional English title
//	publisher = "Văn phòng Chính phủ"     # required
//	date      = 2024-07-10                # required, date of publication (TOML date)
//	kind      = "official-notice"         # required: official-notice, news-report,
//	                                      #   provincial-news, statistics, other
//	url       = "https://..."             # optional link to the original
//	document  = "000_56ca7df9ef5d81dd.txt" # optional: file name of the archived text,
//	                                      #   checked by `tiendo check --sources DIR`
//	note      = "..."                     # optional remark on the document (note_en too)
//
// # Metric series: content/metrics/<id>.toml
//
// One file per series. The file name (without .toml) is the series id unless
// `id` is given; ids are lower-case letters, digits and '-'.
//
//	id          = "egdi-rank"              # optional, defaults to the file name
//	title       = "Xếp hạng Chính phủ điện tử của Liên Hợp Quốc (EGDI)"  # required
//	title_en    = "UN E-Government Development Index rank"           # required
//	unit        = "hạng"                   # required, Vietnamese unit ("%", "tỷ USD", "triệu tài khoản")
//	unit_en     = "rank"                   # required, English unit
//	kind        = "rank"                   # required: rank | amount | rate | count
//	better      = "lower"                  # optional: higher | lower (default: lower for
//	                                       #   rank, higher otherwise)
//	theme       = "international-rankings" # required, one of the ids in content/site.toml
//	description    = "..."                 # optional, one paragraph, Vietnamese
//	description_en = "..."                 # optional, English
//	note        = "..."                    # optional note shown under the chart (note_en too)
//	decimals    = 1                        # optional, digits after the decimal mark
//	                                       #   (default: as many as the data needs, at most 2)
//
// kind decides how the series is checked and drawn:
//   - rank: a position in a ranking, 1 is best; give `of` (out of how many) when
//     the source states it; drawn as a line on an inverted axis, labelled "71/193".
//   - amount: money or volume over time (e.g. tỷ USD); drawn as bars with the
//     year-on-year change in the tooltip.
//   - rate: a percentage between 0 and 100; drawn as lines with targets dashed.
//   - count: a number of things (accounts, records, tasks); drawn as lines.
//
// Optional sub-series, drawn as separate lines (national / ministries / localities,
// or one per province). When a series declares sub-series, every point and target
// names one of them; otherwise none does.
//
//	[[subseries]]
//	id       = "ministries"                # required, unique in the file
//	label    = "Bộ, ngành"                 # required
//	label_en = "Ministries"                # required
//
// Data points, one [[points]] table each:
//
//	[[points]]
//	period    = "2024-H1"   # required: 2024 | "2024-H1" | "2024-Q2" | "2024-06" | 2024-06-30
//	value     = 42          # the figure as the source states it (number)
//	of        = 193         # ranks: out of how many; optional for counts ("43/53": of = 53)
//	subseries = "national"  # when the series declares sub-series
//	source    = "thuong-truc-2024-07"  # required: a source id from content/sources.toml
//	quote     = "..."       # required: a verbatim excerpt of the source containing the figure
//	note      = "..."       # optional (note_en too)
//	change     = -15        # optional: change against the previous value as the source
//	                        #   states it, in the series unit (ranks: a climb of 15 places is -15)
//	change_pct = 36         # optional: change in percent, as the source states it
//
// A period is a year (2024), a half-year ("2024-H1"), a quarter ("2024-Q2"), a
// month ("2024-06") or a day (2024-06-30, unquoted). It stands for the whole span:
// "2024-H1" ends on 2024-06-30. Points are sorted by the end of their period; two
// points of one sub-series may share a period only when their sources differ
// (two documents that disagree are both kept and both shown).
//
// A value the source does not state but that follows from a stated change is a
// derived point: it names the period of the point it comes from in `derived_from`
// and has no value, quote or source of its own. Its value is computed by the
// generator (previous = value - change, or value / (1 + change_pct/100)) and shown
// as derived, with the point it comes from.
//
//	[[points]]
//	period       = 2020
//	derived_from = 2024     # the point in this series (and sub-series) that states the change
//
// Targets, one [[targets]] table each:
//
//	[[targets]]
//	value     = 80          # required
//	by        = 2024        # required deadline, a period: the target is due at its end
//	subseries = "national"  # when the series declares sub-series
//	source    = "ket-luan-2024-07"  # required
//	quote     = "..."       # required, verbatim, contains the value
//	note      = "..."       # optional (note_en too)
//
// A target restated differently by a later source is a second [[targets]] entry
// with that source: both are kept, each dated by its source.
//
// # Commitments: content/commitments/*.toml
//
// Tasks assigned to named agencies, with deadlines. Any number of files; each holds
// [[commitments]] tables.
//
//	[[commitments]]
//	id        = "mic-egov-law"       # required, unique across all files
//	agency    = "Bộ Công an"         # required (agency_en optional)
//	task      = "Hoàn thành ..."     # required, a short summary in our words (task_en optional)
//	due       = "2024-07"            # required deadline, a period (due at its end)
//	source    = "ket-luan-2024-07"   # required
//	quote     = "..."                # required, verbatim excerpt naming the task and deadline
//	status    = "done"               # optional: done | in-progress | late | recurring
//	status_source = "..."            # required with status: the later source that reports it
//	status_quote  = "..."            # required with status, verbatim
//	metrics   = ["egdi-rank"]        # optional: related series
//	note      = "..."                # optional remark, shown under the task (note_en too)
//	checked   = 2025-02-06           # optional: the day an editor last looked through the
//	                                 #   sources for a status and found none
//
// A commitment whose deadline has passed with no reported status is listed as
// "no completion reported". Until an editor sets `checked` to (at least) the date
// of the newest source, the build warns about it.
//
// # Warnings
//
// Besides errors, `tiendo check` and `tiendo build` list warnings, which
// `--strict` turns into errors. They are judged at the date of the newest source,
// never at the machine's clock: a series whose newest point comes from a source
// more than a year older than that date, and a commitment past its deadline with
// no status and no recent `checked`.
package metrics
