// Package validate checks the built site with real validators. It has no
// code of its own; its tests build the repository's site with the tiendo
// command, as GitHub Pages would serve it under a sub-path (/tiendo/), and
//
//   - run the Nu HTML Checker (vnu.jar from npm's vnu-jar, on Java) over
//     every page: no error;
//   - serve the tree on 127.0.0.1 under /tiendo/ only, crawl it from both
//     home pages following every same-origin href and src (and url() in
//     CSS), and want every target to answer 200, every #fragment to exist
//     on its page, and every HTML page of the output to be reachable;
//   - parse sitemap.xml and the feeds with encoding/xml, and check that the
//     URLs they list are served;
//   - lint .github/workflows with actionlint.
//
// The tests run when TIENDO_VALIDATORS=1 (make validate) or CI is set
// (.ci/run); otherwise they skip. Under CI a missing java, vnu.jar or
// actionlint fails the test instead of skipping it: .ci/install.sh installs
// them (default-jre-headless from Debian, vnu-jar from npm into
// .ci/node_modules, actionlint with go install). VNU_JAR and ACTIONLINT
// point at other copies.
package validate
