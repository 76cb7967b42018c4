// Package browsertest holds tiendo's browser tests: the real site, built
// from this repository, read in headless Debian Chromium the way a citizen
// reads it. The package has no code of its own besides this comment: the
// set-up, the pages and the self-test are in browser_test.go, the checks in
// checks_test.go, the live preview in serve_test.go, and they run with
// every `make test` (`go test ./...`).
//
// # What the tests do
//
// TestBrowser builds the site from the repository root with base URL
// /tiendo/ into a temporary directory, serves it with net/http on
// 127.0.0.1 (a free port) under /tiendo/ the way GitHub Pages serves a
// project site (a missing path gets 404.html with status 404), starts one
// headless Chromium and visits every page type in a subtest of its own, each
// in a fresh tab: the home page in both languages, a report in both, a
// section index, the metrics index, a rank metric (egdi-rank, in both), a
// rate with targets and points, an amount (ecommerce-revenue), the metric
// with the most sub-series (in both), commitments in both, sources, data,
// search and 404.html. Then it builds a second site the same way, the
// content of generator/build/testdata/sea (13 countries ranked by the UN
// E-Government Survey, with the repository's templates and assets), serves
// it on another port and visits its metric page and its report, in both
// languages. On each page it checks:
//
//   - the page loads (status 200) with no console error, no uncaught
//     exception, no failed request, no response with status ≥ 400, and no
//     request to any host but the test server;
//   - every <script type="application/json" data-chart="ID"> has its element
//     ID with the class chart-ready (set by assets/js/charts.js), visible, with
//     a canvas or svg that has a size and painted pixels; pages that must have
//     charts (reports, metric pages with points) have at least one;
//   - every chart's data table has rows, is shown while its <details> is
//     open and hidden when closed;
//   - every download link (a[download]) answers 200 with the right content
//     type and parses (CSV with a header row, JSON, ZIP);
//   - the language switch (nav.lang a) leads to the same page in the other
//     language: /tiendo/x ↔ /tiendo/en/x, <html lang> changes;
//   - at 360 px the page does not scroll sideways (WCAG 2.1 1.4.10 Reflow,
//     which axe-core cannot test);
//   - on the home page, the reports, the rank and sub-series metric pages,
//     the commitments pages, the search page and the second site's pages:
//     axe-core reports no violation of WCAG 2.0/2.1 A and AA (tags
//     wcag2a, wcag2aa, wcag21a, wcag21aa);
//   - on the commitments pages: the filter site.js shows, set to the first
//     agency, leaves visible exactly that agency's rows, as many as its
//     entry in the agency index links, says how many, and shows every row
//     again when cleared;
//   - on the second site's metric pages: the league table is sorted best
//     first (aria-sort on the value column); its header buttons sort by
//     name, by change (rows without one last) and back by value, with
//     aria-sort on the sorted column only and the status line saying so;
//     typing "viet" into its filter leaves Viet Nam's row alone, the status
//     line counts it, and clearing shows every row; axe-core runs after
//     site.js has made the buttons;
//   - on the second site's metric page and report: the tooltip of a chart
//     of 13 lines, shown at its last period, lists them best first (rank 1
//     first, a stated gap last);
//   - on the search page: typing "de an 06" (no diacritics) into the search
//     box (main input[type=search]) shows a new link in <main> whose text
//     has "Đề án 06", and that link opens a page whose title has it.
//
// The real site has no series of geographic sub-series yet, so maps are
// visited on a test site (maps_test.go): the build package's fixture with
// generator/build/testdata/maps.txtar on top, built and served the same
// way. Its map note, in both languages, and the page of a series that
// names a map get every check above (a map counts as a chart: its
// data-map element drawn by maps.js on a painted canvas), axe-core
// included, and the map's own: the period selector shows and draws the
// other period, the tooltip names the shape and its value, and the codes
// that match no shape are said; screenshots map-*, en-map-* and
// map-metric-*. On every map, at both widths, no text ECharts draws (the
// numbers at the ends of the colour scale) passes the canvas's edges;
// the note's first map is also drawn with a long unit, whose numbers at
// 360 px fit only on a shorter scale (screenshots map-long-unit-embed-*),
// and the check must see a scale made too long on purpose. Last, the English-only second site of
// generator/build/testdata/world.txtar (16 countries on the world map):
// its report, its series' page (map and league table) and that map's
// embed page get every check at 360 and 1280 px, console errors included,
// and must have no language switch; screenshots world-report-*,
// world-metric-* and world-metric-map-embed-*.
//
// A first subtest, self-test, plants faults in a good metric page (a console
// error, an inline style the CSP refuses, an undrawn chart, an empty table,
// an image without alt text, a 900 px wide block) and fails unless every
// check reports its fault: a check that cannot fail is worse than none.
//
// TestLivePreview is `tiendo serve` as an editor uses it. It builds the
// tiendo binary, copies content/, templates/ and assets/ into a temporary
// directory, runs `tiendo serve --port 0` there and opens a Vietnamese
// report in Chromium. Then it saves the report's file three times, and each
// time waits (up to 30 s) for the open page to reload by itself:
//
//   - with a paragraph added: the page shows the paragraph;
//   - with its title's string left unclosed: the page is replaced by the
//     problem, at FILE:LINE:COL of the title line, and tiendo serve's
//     terminal prints it too (screenshots serve-problem-360.png and
//     serve-problem-1280.png);
//   - fixed: the report is back, with the paragraph.
//
// It logs how long each took from the save.
//
// Full-page screenshots at 360 px and 1280 px wide are saved for every page
// as NAME-360.png and NAME-1280.png in $TIENDO_SCREENSHOTS, by default
// $TMPDIR/tiendo-screenshots (/tmp/tiendo-screenshots); the run logs the
// folder. They are build output and are not committed.
//
// # What it needs
//
// Chromium (Debian package chromium, /usr/bin/chromium; $TIENDO_CHROMIUM
// names another binary) and axe-core's axe.min.js ($AXE_CORE_JS, an
// absolute path, by default .ci/node_modules/axe-core/axe.min.js).
// .ci/install.sh installs both; the axe-core version is pinned in
// .ci/package.json. When one is missing the
// test fails if $CI is set (not "0" or "false") or TIENDO_REQUIRE_BROWSER=1 —
// CI must never pass by skipping — and otherwise skips with a loud message,
// as it does under -short. Run only these tests with
//
//	CI=1 go test ./generator/browsertest/ -v -count=1
//
// Chromium runs with --headless --no-sandbox --disable-gpu --disable-quic
// --disable-background-networking --disable-component-update --disable-sync
// and a fresh --user-data-dir: without the networking flags it tries to reach
// Google's servers, which a closed network refuses.
//
// # Why chromedp
//
// The tests drive Chromium through the DevTools protocol with
// github.com/chromedp/chromedp, pinned at v0.16.0, the last release with the
// classic API (Run, Navigate, Evaluate, ListenTarget; v0.17 and later moved to
// a new generic API). It is the well-kept Go client of the protocol, with
// typed events and commands generated from the protocol (cdproto); a client
// of our own on the standard library and a websocket package would be more
// code to write and keep than these tests. It is a test-only dependency: no
// package of the generator imports it, so it is not in the tiendo binary.
//
// axe-core is evaluated in the page through Runtime.evaluate, which the
// page's Content-Security-Policy (script-src 'self') does not block.
package browsertest
