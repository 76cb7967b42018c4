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
//	id        = "ket-luan-2024-07"        # required, unique; letters a-z, digits, '-'
//	title     = "Thông báo kết luận ..."  # required, in the document's language
//	title_en  = "Conclusions of ..."      # optional English title
//	publisher = "Văn phòng Chính phủ"     # required, as the document names it
//	publisher_en = "Government Office"    # optional: English pages show it
//	lang      = "vi"                      # optional: vi or en, the document's language (default: the
//	                                      #   site's default language, see Languages); it
//	                                      #   decides how numbers in its quotes are read (vi: 4.543 and
//	                                      #   16,4; en: 4,543 and 16.4) and the lang of its quotes in HTML
//	date      = 2024-07-10                # required, date of publication (TOML date)
//	kind      = "official-notice"         # required: official-notice, news-report,
//	                                      #   provincial-news, statistics, other
//	url       = "https://..."             # optional link to the original
//	document  = "000_56ca7df9ef5d81dd.txt" # the archived text: a file in content/sources/,
//	                                      #   exactly as published; every quote citing the
//	                                      #   source is looked up in it (whitespace aside)
//	sha256    = "a6be67ff…"               # the file's hash, so that an accidental edit of
//	                                      #   the archive is reported (the check prints it
//	                                      #   when it is missing)
//	article_start = "Thủ tướng: Phát huy…" # optional: words of the line where the article
//	article_end   = "Bộ Công an chủ trì…"  #   begins and of the line where it ends, when the
//	                                      #   archived page carries more (weather, teasers);
//	                                      #   quotes must come from between them
//	reuse     = "excerpts"                # optional: whole | excerpts, what the source's page
//	                                      #   shows of the text (default: whole for official
//	                                      #   notices and statistics, excerpts otherwise)
//	license   = "..."                     # optional: how the text may be reused, in words
//	                                      #   (license_en too)
//	note      = "..."                     # optional remark on the document (note_en too)
//	draft     = true                      # optional: not published yet, see Drafts
//
// Each source with a document has a page, /sources/<id>/ (and /en/…): its
// details and its text in paragraphs (only the quoted paragraphs, each
// whole, for reuse = "excerpts"), every quoted stretch marked and linked to
// the figures, targets and tasks that rest on it; each quote on the site
// links back to its mark ("Xem trong văn bản").
//
// `tiendo check --coverage` lists, at their line and column, the numbers
// of each archived document that nothing cites: not within a quoted
// passage, not a date, year, document number or list marker. What the
// editors leave out on purpose is recorded under the source, with why:
//
//	[[sources.omit]]
//	text   = "63 tỉnh, thành phố"    # words of the document, verbatim, around the number(s)
//	reason = "Số tỉnh tham dự, không phải số liệu tiến độ"
//
// A source with no document is a warning: its quotes cannot be verified,
// and `tiendo check` counts them apart from the verified ones. A quote that
// is not in its document is an error at the quote.
//
// # Tables as sources
//
// A source's document can be a table: a .csv file in content/sources/ whose
// first row names the columns (a spreadsheet saved as CSV, UTF-8). Its
// numbers are read as the source's lang writes them: lang = "en" reads
// 0.77092 and 4,543.5; "vi" reads 0,77092 and 4.543,5. A cell may mark a
// tie ("=86" or "86="), which is read as 86, or a bound (">1000" over,
// "<5" under, "~40" about, "50+" at least), which becomes the value's
// qualifier. Rows are numbered as a spreadsheet numbers them: the header is
// row 1.
//
// A point cites a cell instead of a sentence: row and column instead of
// quote. The check reads the cell and wants the point's value; pages show
// the row in the table's words ("Survey Year: 2022 · Country Name: Viet Nam
// · EGDI: 0.67870") and where it is.
//
//	[[points]]
//	period = 2022
//	value  = 0.6787
//	source = "un-egov-survey"
//	row    = 12                 # the row's number in the file (the header is 1)
//	column = "EGDI"             # the column's header
//
// A whole series, and its sub-series, can be read from a table in one
// declaration: one point per row, each citing its row.
//
//	[[table]]
//	source    = "un-egov-survey"
//	period    = "Survey Year"    # the column holding the period (2022, "2024-H1", …)
//	value     = "EGDI Rank"      # the column holding the value
//	subseries = "Country Name"   # optional: the column naming the sub-series
//	of        = "count"          # optional, ranks: out of the rows of the period that
//	                             #   have a value (or the header of a column holding it)
//	where     = { Region = "Asia" }  # optional: only the rows whose cells say so
//
// of = "count" is for a table that holds the whole ranking. An extract
// (the countries of one region, ranked among 193) needs a column holding
// the total, named in of: a rank above its of is an error at its row.
//
// With subseries, a series that declares [[subseries]] gets the rows whose
// sub-series cell matches a sub-series' key (else label_en, else label):
//
//	[[subseries]]
//	id = "vnm"
//	label = "Việt Nam"
//	label_en = "Viet Nam"
//	key = "Viet Nam"             # optional: how the table names it
//
// A declared sub-series that no row names, and no [[points]] of the file
// gives, is an error at its [[subseries]]: it would be on the site without
// figures. The error names the table's nearest spelling, if one is close.
//
// A series that declares none gets one sub-series per value of the column,
// in the table's order (id "viet-nam", label and label_en "Viet Nam"). A
// name written two ways ("Viet Nam", "Vietnam": the same but for case,
// spaces, punctuation or diacritics) makes two sub-series, and a warning
// at the first row of the second. An empty cell, or one in words ("not
// assessed"), is a gap: the period has no value, and the cell's words say
// why. A number written in another format than the source's lang reads
// ("0,7709" in an English table, "1,234.5" in a Vietnamese one) is an
// error at its row, not a gap nor another number. A table row is
// reported as content/sources/<file>.csv:<line>.
//
// # Languages
//
// The texts in the editors' own words (titles, units, labels, descriptions,
// notes, gaps, tasks, agencies) are in the site's default language, the
// first of `languages` in content/site.toml (see package content), in the
// field without a suffix; the field suffixed _en is the English of the
// same text, shown on English pages. It is needed only where English is a
// language of the site but not its default: an English-only site writes
// title and unit and no title_en; a Vietnamese-only site needs no _en
// field. Where a text has no English, English pages show the unsuffixed
// one. A source is different: its title, publisher and quotes are in the
// document's own language (lang), and title_en, publisher_en and quote_en
// are their English, shown on English pages whatever the site's default.
//
// # Metric series: content/metrics/<id>.toml
//
// One file per series. The file name (without .toml) is the series id unless
// `id` is given. Ids, here and below, have only the letters a-z, digits and
// '-': no accents, capitals or spaces. A name that has them is an error that
// gives the name to use instead, made as `tiendo new` makes a page's (a file
// tỷ-lệ.toml is to be renamed ty-le.toml). The files of content/commitments/
// and content/sources/ can have any name not beginning with a dot: no URL is
// made from them.
//
//	id          = "egdi-rank"              # optional, defaults to the file name
//	title       = "Xếp hạng Chính phủ điện tử của Liên Hợp Quốc (EGDI)"  # required, in the site's default language
//	title_en    = "UN E-Government Development Index rank"           # English: required when English is a
//	                                       #   language of the site other than its default (see Languages)
//	unit        = "hạng"                   # required, in the default language ("%", "tỷ USD", "triệu tài khoản")
//	unit_en     = "rank"                   # English unit, required as title_en is
//	kind        = "rank"                   # required: rank | amount | rate | count | index
//	better      = "lower"                  # optional: higher | lower (default: lower for
//	                                       #   rank, higher otherwise)
//	theme       = "international-rankings" # required, one of the ids in content/site.toml
//	description    = "..."                 # optional, one paragraph, in the default language
//	description_en = "..."                 # optional, English
//	note        = "..."                    # optional note shown under the chart (note_en too)
//	decimals    = 1                        # optional, digits after the decimal mark, 0–4 (0–6 for an
//	                                       #   index; default: as many as the data needs, at most 2,
//	                                       #   at most 6 for an index)
//	axis_min    = 0                        # optional: fix the chart's value axis (axis_max too),
//	axis_max    = 1                        #   e.g. 0 and 1 for a 0–1 score
//	aliases     = ["EGDI", "e-government"] # optional: other names search finds it by
//	map         = "world"                  # optional: the page also draws the sub-series on this
//	                                       #   map, "world" or content/maps/<id>.toml; their ids are
//	                                       #   the shapes' codes (see generator/maps)
//	subseries_name = "Tỉnh"                # optional: what a sub-series is, the heading of the
//	                                       #   tables' column of sub-series (subseries_name_en
//	                                       #   too, required when the site is also in English;
//	                                       #   default "Nhóm", "Group")
//	highlight   = ["viet-nam"]             # optional: the sub-series its page's chart draws
//	                                       #   prominently, the others muted
//	draft       = true                     # optional: not published yet, see Drafts
//
// kind decides how the series is checked and drawn:
//   - rank: a position in a ranking, 1 is best; give `of` (out of how many) when
//     the source states it; drawn as a line on an inverted axis, labelled "71/193".
//   - amount: money or volume over time (e.g. tỷ USD); drawn as bars with the
//     year-on-year change in the tooltip.
//   - rate: a percentage between 0 and 100; drawn as lines with targets dashed.
//   - count: a number of things (accounts, records, tasks); drawn as lines.
//   - index: a score such as the UN EGDI (0–1) or the GII (0–100); drawn as
//     lines; it changes in points, never in percent.
//
// Optional sub-series, drawn as separate lines (national / ministries / localities,
// or one per province). When a series declares sub-series, every point and target
// names one of them; otherwise none does. The order they are declared in is
// the order of the lines everywhere (tiles, the chart's legend, its table,
// the list of figures and the downloads) except where they are compared:
// the metric page's league table (each sub-series' latest figure) and a
// chart's tooltip list them best first (rank 1 first), those of equal value
// in the declared order.
//
//	[[subseries]]
//	id       = "ministries"                # required, unique in the file
//	label    = "Bộ, ngành"                 # required, in the default language
//	label_en = "Ministries"                # required as title_en is
//	aliases  = ["bộ ngành"]                # optional: other names search and the
//	                                       #   metrics index's filter find it by
//
// Data points, one [[points]] table each:
//
//	[[points]]
//	period    = "2024-H1"   # required (or as_of, below): 2024 | "2024-H1" | "2024-Q2" | "2024-06" |
//	                        #   2024-06-30 | "2021/2024" | "unstated"
//	value     = 42          # the figure as the source states it (number)
//	qualifier = "over"      # optional: how the source hedges it, see Qualifiers
//	flag      = "estimate"  # optional: estimate | provisional | planned, see Qualifiers
//	of        = 193         # ranks: out of how many; optional for counts ("43/53": of = 53)
//	subseries = "national"  # when the series declares sub-series
//	source    = "thuong-truc-2024-07"  # required: a source id from content/sources.toml
//	quote     = "..."       # required: a verbatim excerpt of the source containing the figure
//	quote_en  = "..."       # optional: an English rendering, shown on English pages as a translation
//	note      = "..."       # optional (note_en too)
//	change     = -15        # optional: the change the source states with the value, in the
//	                        #   series unit (ranks: a climb of 15 places is -15)
//	change_pct = 36         # optional: the change in percent, as the source states it
//	change_qualifier = "nearly"  # optional: "tăng gần 40%" is change_pct = 40, change_qualifier = "nearly"
//	change_since = 2023     # optional: the period the source compares with ("so với năm 2023")
//
// # Periods
//
// A period is what the source states the figure is for:
//   - a year (2024), a half-year ("2024-H1"), a quarter ("2024-Q2"), a month
//     ("2024-06") or a day (2024-06-30, unquoted): the figure is for that
//     span of time. "2024-H1" ends on 2024-06-30.
//   - a span, "2021/2024" (first/last, each one of the forms above:
//     "2024-01/2024-06"): a total over the span, "giai đoạn 2021–2024".
//   - a cumulative total up to and including a day ("tính đến", "lũy kế",
//     "đến nay" at the document's date): write as_of = 2024-07-10 instead of
//     period (period = "../2024-07-10" says the same, and is how downloads
//     write it).
//   - "unstated": the source gives no time at all ("trong 1 tháng" at the
//     peak of COVID-19). Shown as "không nêu thời điểm" in the table, kept off
//     the chart's time axis; say in note what the source does say.
//
// Points are sorted by the end of their period (unstated last); two points
// of one sub-series may share a period only when their sources differ (two
// documents that disagree are both kept and both shown). A period that
// starts after its source's date is a warning: a figure for the future is a
// target, or a point with flag = "planned".
//
// Changes are computed only between comparable periods: a year with a year,
// a half with a half, a quarter with a quarter, a month with a month, a day
// with a day, a span with a span of equal length, an as-of total with an
// as-of total; never with an unstated period.
//
// # Qualifiers
//
// A qualifier says how the source hedges a value, and shows wherever the
// value does (tile, table, chart label and tooltip, downloads): over ("trên",
// "hơn"), under ("dưới"), about ("khoảng"), nearly ("gần"), at-least ("ít
// nhất", "tối thiểu"), at-most ("tối đa"). No change or percentage is
// computed from a value with one of these; a target is met by it only when
// the bound itself meets it ("trên 80%" meets 80%, "gần 80%" does not).
// qualifier = "exact" says the word before the number is not a hedge ("trên
// địa bàn 21 xã"): the check warns when a quote puts a hedge word right
// before the number and the point has no qualifier, and exact silences it.
//
// A flag says what kind of figure it is: estimate ("ước đạt", "ước tính"),
// provisional ("sơ bộ"), planned ("dự kiến"). It is marked wherever the value
// shows ("28 tỷ USD (ước tính)"); the check warns when the words before the
// number say so and the point has no flag.
//
// # Stated and computed changes
//
// A change the source states with the value (change, change_pct) of a
// quoted point must be in its quote, without its sign, as the source
// writes numbers ("giảm 15 bậc" is change = -15); change_pct cannot be
// below -100, and no value is derived from -100. It is what tiles show,
// with its qualifier and change_since, or the previous point when the
// stated change is their difference. Otherwise a change is computed
// between the latest point and the latest earlier one that is quoted (not
// derived), of a comparable period, out of the same total (`of`), and with
// neither value hedged. Ranks change in places, rates in percentage points,
// indexes in points, amounts and counts in percent (a count out of a total,
// "54/76", in units).
//
// # Gaps
//
// A point can state that a period has no value, and why: give gap (and
// gap_en) instead of value. The source is required, the quote optional.
// Lines break at a gap instead of bridging it; the table lists the gap with
// its reason.
//
//	[[points]]
//	period = 2005
//	gap    = "chưa được đánh giá"
//	gap_en = "not assessed"
//	source = "un-egov-survey"
//
// # Derived points
//
// A value the source does not state but that follows from a stated change is a
// derived point: it names the period of the point it comes from in `derived_from`
// and has no value, quote or source of its own. Its value is computed by the
// generator (previous = value - change, or value / (1 + change_pct/100)),
// kept to the precision its inputs support (28 ÷ 1,36 is 20,6: as many
// significant digits as the more precise input; value - change to the
// decimals of its inputs), and shown as derived, with the point it comes
// from. Nothing is derived from a hedged value or change, and no change is
// computed against a derived point.
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
//	quote_en  = "..."       # optional English rendering
//	qualifier = "at-least"  # optional: "ít nhất 50.000" (see Qualifiers)
//	note      = "..."       # optional (note_en too)
//
// A target restated differently by a later source is a second [[targets]] entry
// with that source: both are kept, each dated by its source.
//
// # Commitments: content/commitments/*.toml
//
// Tasks assigned to named agencies, with deadlines as the documents state
// them, and what later documents report of them. Any number of files; each
// holds [[commitments]] tables.
//
//	[[commitments]]
//	id        = "mic-egov-law"       # required, unique across all files
//	agency    = "Bộ Công an"         # required: the lead agency, "chủ trì" (agency_en optional)
//	partners  = ["Bộ Tài chính"]     # optional: co-agencies, "phối hợp" (partners_en: the
//	                                 #   same agencies in English, in the same order)
//	task      = "Hoàn thành ..."     # required, a short summary in our words (task_en optional)
//	due       = "2024-07"            # the deadline, as stated: exactly one of due,
//	                                 #   due_before and due_event (below)
//	source    = "ket-luan-2024-07"   # required: the document that assigns the task
//	quote     = "..."                # required, verbatim excerpt naming the task and deadline
//	quote_en  = "..."                # optional English rendering
//	metrics   = ["egdi-rank"]        # optional: related series
//	note      = "..."                # optional remark, shown under the task (note_en too)
//	checked   = 2025-02-06           # optional: the day an editor last looked through the
//	                                 #   sources for a report and found none
//	as_of     = 2025-02-06           # optional: judge this task at another date than the
//	                                 #   site's as_of (content/site.toml)
//	draft     = true                 # optional: not published yet, see Drafts
//
// The deadline, as the document states it:
//
//	due        = 2025          # "trong năm 2025": within a year, due at its end
//	due        = "2025-Q1"     # "trong quý I/2025" (a half "2025-H1", a month "2025-06" alike)
//	due        = 2024-07-31    # "hoàn thành ngày 31/7/2024": by that day
//	due_before = 2024-07-20    # "trước ngày 20/7/2024": before that day
//	due_event  = "tại kỳ họp thứ 9"  # an event, not a date (due_event_en too); not judged by date
//
// Status reports, oldest first: each later (or the same) document that says
// how the task stands adds one, quoted. The report's date is its source's.
//
//	[[commitments.reports]]
//	status   = "done"            # done | partly-done | in-progress | late | recurring
//	source   = "phien-hop-10-2025-02"
//	quote    = "..."             # verbatim: the document's words on the task
//	quote_en = "..."             # optional
//	note     = "..."             # optional (note_en too)
//
// A status is never written on the commitment itself: status, status_source
// and status_quote there (the format before reports) are an error saying to
// write a report instead.
//
// A commitment's status is that of the latest report published on or before
// the date it is judged at (as_of of the commitment, else of the site), and
// is printed with that date ("tính đến 6/2/2025"). With no report, a task
// whose deadline has passed reads "Đã qua hạn — chưa có nguồn báo cáo kết
// quả" ("Deadline passed — no source reports the outcome"); until an editor
// sets `checked` to (at least) that date, the build warns about it.
//
// # Drafts
//
// draft = true, at the top of a series file or in a [[sources]] or
// [[commitments]] table, makes it a draft: it is loaded and checked like
// the others, but not published: no page, chart, tile, search or feed
// entry, no download and no line in the data archive, and no mark on its
// document's page. tiendo serve does not show it either. `tiendo new`
// makes every new file a draft; remove the line draft = true to publish
// it.
//
// A draft may leave out what publishing needs, and the check then says
// nothing of it: a series its title, title_en, unit and unit_en; a source
// its title, publisher, date, kind and archived document; a commitment its
// agency, task, deadline, source and quote. What it does give is checked
// as for the others (kind and theme, ids, every point, target and report,
// every quote against the archived text); once draft = true is removed,
// the check lists what is still missing.
//
// Nothing published may rest on a draft: a published series, target or
// task that cites a draft source, a published task or page that names a
// draft series (metrics, a chart block), a page that names a draft source,
// and a headline series that is a draft are errors. Drafts may cite and
// name each other.
//
// # Warnings
//
// Besides errors, `tiendo check` and `tiendo build` list warnings; `--strict`
// makes them fail the build, still labelled "warning:" ("cảnh báo:" when
// problems are printed in Vietnamese, as they are by default). They are judged at
// the site's as_of date (content/site.toml), never at the machine's clock or
// the newest source, so adding a source never changes them: a series whose
// newest point comes from a source more than a year older than that date, a
// commitment past its deadline with no report and no recent `checked`, a
// quote that hedges a value the point does not qualify, a period that
// starts after its source's date, and a target due before its line's first
// figure.
package metrics
