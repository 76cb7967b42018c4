// Package lighthousetest scores the real site with Lighthouse, as a reader
// on a phone gets it: the package has no code of its own besides this
// comment; the test is in lighthouse_test.go and runs with every `make
// test` (`go test ./...`).
//
// # What the test does
//
// TestLighthouse builds the site from the repository root with base URL
// /tiendo/ into a temporary directory and serves it on 127.0.0.1 (a free
// port) under /tiendo/, gzipped as GitHub Pages serves it (Content-Encoding:
// gzip for text, Cache-Control: max-age=600). Then it runs Lighthouse's
// command line once per page, one after the other (a run takes 13–25 s on 2
// cores), with its default mobile settings (a mid-range phone's screen, 4×
// slower CPU, slow 4G, all simulated: Lighthouse's lantern model, not
// DevTools throttling) and the performance and accessibility categories
// only, on one page of each kind: the home page, the report with the most
// charts, a note (on a site without notes, such as this one, a page of the
// pages section: the same template), the metric with the most points, the
// metrics index, the commitments, the search page, a source's document and
// a metric's embed page. It logs every page's scores and metrics (FCP, LCP,
// TBT, CLS, Speed Index) and fails a page whose performance is below 95 or
// whose accessibility is below 100, listing its worst audits.
//
// Lighthouse's performance score comes from times measured on this machine,
// which other work slows now and then: a page that scores below 95 is run
// twice more, a few seconds apart, and judged by the best of its runs (each
// is logged with the machine's load average).
// Accessibility does not vary and is judged on the first run. The whole
// test takes about 2 minutes on 2 cores when every page passes at once,
// and up to 6 when the machine is so busy that some are run again.
//
// # What it needs
//
// Chromium (as generator/browsertest: /usr/bin/chromium, or
// $TIENDO_CHROMIUM), Node.js, and Lighthouse ($LIGHTHOUSE_CLI, by default
// .ci/node_modules/lighthouse/cli/index.js), pinned at 12.2.3 in
// .ci/install.sh (13.x wants Node 22.19, Debian has 20). When one is missing the test fails
// if $CI is set (not "0" or "false") or TIENDO_REQUIRE_BROWSER=1, and
// otherwise skips with a loud message, as it does under -short. Run it
// alone with
//
//	CI=1 go test ./generator/lighthousetest/ -v -count=1
//
// Each run's JSON report is kept in $TIENDO_LIGHTHOUSE (by default
// $TMPDIR/tiendo-lighthouse) as NAME.json, to read what an audit found.
package lighthousetest
