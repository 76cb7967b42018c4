// Package build turns a site's files into the published site. It is the
// orchestrator: the steps it puts together live in packages named for
// what they know.
//
//   - inputs: which files are the site (content/, templates/, assets/),
//     read only inside its root, with the stamps a rebuild tells changes
//     by. It knows files, nothing of what they hold.
//   - content, metrics, i18n: the editors' formats, loaded and checked
//     with positioned problems: pages and content/site.toml; series,
//     sources, commitments and the archived documents their quotes are
//     checked against; interface strings. What they return is the model:
//     validated and derived (changes, statuses), with no rendering.
//   - build (this package): Load puts the model together as a Site. A
//     build then has a plan (build.go): the pages'
//     Markdown converted (markdown), every output file listed once as a
//     job, and the problems that stop a build. render runs the jobs: each
//     makes its view (views.go: what one page shows) from its reads and
//     executes its template (render: the templates and their one FuncMap).
//   - the incremental build (reads.go, cache.go; store): every job
//     reaches the site through one reads, which records what it read; the
//     cache keeps each output's reads and a key of their values, and a
//     rebuild runs only the jobs whose reads changed. What the cache
//     records and how a read is valued is the build's; package store
//     keeps values in files and tells which inputs changed, knowing no
//     kind of page or input. The cache decides
//     what a build may skip, never what it outputs: a cached build is a
//     clean build, byte for byte (TestCachedEqualsClean).
//   - output: the output directory written atomically (staging, journal,
//     lock, swap). It knows files, nothing of sites.
//   - downloads and discovery: the files made for programs, from what the
//     build gives them: the data's CSV, JSON, Data Package and zip; the
//     Atom feeds, the sitemap and robots.txt. build's jobs (data.go,
//     discovery.go) say what each reads; the search index is built here.
//
// Every chart also has an embed page, a job of the plan like the others
// (embed.go): a metric's chart, read through reads as its metric page reads
// it, and each chart block of a page, which shows the very ChartView the
// page's conversion made (read as readPage, the conversion's key).
//
// Besides the pages, the site has its data as downloads in data/: each
// series' CSV and JSON, a tidy CSV per language, a Data Package descriptor
// and a zip of them all, made by package downloads; their jobs (data.go)
// read a series, or all the data, through reads like any other output.
//
// Three things could be called a site: the site's configuration is
// content.Config (content/site.toml); the loaded site, model and
// templates, is build.Site; package site is the site's address space (the
// path of every output and its URL under the base path), which the
// templates, feeds and links share.
//
// Entry points: Check loads and renders in memory and reports problems
// only; Run builds into an output directory, with a cache when
// Options.Cache is set; Load and Site.Render are the same steps for tests.
package build
