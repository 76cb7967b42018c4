// Package hostile holds end-to-end tests of the tiendo command against
// broken and hostile sites. It has no code of its own: the tests build the
// real binary (generator/cmd/tiendo) once, copy a small valid fixture site
// (testdata/site/content, with the repository's real templates/ and assets/)
// into a temporary directory, inject faults or hostile inputs into it and run
// the command as an editor or CI would.
//
// What is tested:
//   - faults_test.go: one injected mistake per case (TOML syntax, unknown key,
//     wrong type, missing field, duplicate id, same URL, unknown reference,
//     bad period, rate out of range, rank above its "of", target without a
//     deadline, quote without the value, chart naming an unknown metric,
//     broken internal link) is reported as file:line:col: message by both
//     `tiendo check` and `tiendo build`, which exits non-zero and leaves the
//     previous public/ byte-identical; several mistakes are all reported in
//     one run; --strict turns warnings into errors.
//   - kill_test.go: a build killed with SIGKILL at any moment leaves public/
//     either the old tree or the new one, complete; no temporary directory
//     survives the next build; files of deleted content do not linger.
//   - determinism_test.go: builds under different TZ, LANG, working directory
//     and GOMAXPROCS are byte-identical.
//   - inject_test.go: the corpus in testdata/inject (script in titles, notes
//     and quotes, attribute breakouts, javascript: links, raw HTML, RTL
//     overrides, very long strings) builds into pages with no executable
//     injection, every page carrying a strict Content-Security-Policy; paths
//     with "../" are refused and nothing is written outside the output.
//   - serve_test.go: the dev server listens on 127.0.0.1 only and serves
//     nothing outside the output directory.
//   - fuzz_test.go: FuzzChartBlock, the ```chart block parser through
//     markdown.Convert.
package hostile
