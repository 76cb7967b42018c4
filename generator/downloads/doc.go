// Package downloads makes the site's data as files to download, in data/
// (paths in package site), from the loaded data (package metrics):
//
//   - per series, a CSV of its figures, a row each (Site.SeriesCSV), and a
//     JSON document with its titles, units, sub-series, figures, targets
//     and the sources they cite (Site.SeriesJSON);
//   - per language, a tidy CSV of every figure and target of the site, a
//     row each, in that language's words (Site.Tidy);
//   - a Frictionless Data Package descriptor
//     (https://specs.frictionlessdata.io/data-package/, v1) of every file
//     of data/, which gives each CSV its Table Schema (Site.Descriptor);
//   - a zip archive of all of them with the sources, the commitments and
//     a descriptor of its own, so that it is a zipped data package too
//     (Site.Archive).
//
// Every CSV starts with a byte-order mark, so that spreadsheet programs
// read Vietnamese as UTF-8 (the descriptor says utf-8, whose own mark it
// is); numbers are written with a dot and no grouping (13.7, 1500000),
// dates as YYYY-MM-DD, booleans as true and false, and an empty cell is a
// missing value. The README's Downloads section lists the columns for
// readers.
//
// The files are functions of what they are given: the same data gives the
// same bytes (the archive's timestamps are fixed). Which outputs read what
// is the build's to record.
package downloads

import (
	"github.com/tiendo/tiendo/generator/content"
	"github.com/tiendo/tiendo/generator/i18n"
	"github.com/tiendo/tiendo/generator/site"
)

// Site is what the downloads say of the site besides its data: its title
// and description, its languages (the first the default) and its
// addresses.
type Site struct {
	Config *content.Config
	Langs  []*i18n.Lang
	URLs   site.URLs
}
