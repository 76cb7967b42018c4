package build

import (
	"fmt"
	"html/template"
	"io/fs"
	"sort"
	"strconv"

	"github.com/tiendo/tiendo/generator/downloads"
	"github.com/tiendo/tiendo/generator/site"
)

// downloads is what package downloads needs of the site besides its data.
func (s *Site) downloads() downloads.Site {
	return downloads.Site{Config: s.Config, Langs: s.Langs, URLs: s.URLs}
}

// dataJobs are the files of data/ (package downloads): each series' CSV and
// JSON, which read that series, and the tidy CSVs, the descriptor and the
// archive, which read all the data.
func (s *Site) dataJobs() []job {
	var jobs []job
	for _, id := range s.seriesIDs() {
		jobs = append(jobs,
			job{path: site.DataCSV(id), run: func(r *reads) ([]byte, error) { return s.downloads().SeriesCSV(s.Data, r.series(id)), nil }},
			job{path: site.DataJSON(id), run: func(r *reads) ([]byte, error) { return s.downloads().SeriesJSON(s.Data, r.series(id)) }})
	}
	for _, l := range s.Langs {
		jobs = append(jobs, job{path: site.DataAll(l), run: func(r *reads) ([]byte, error) { return s.downloads().Tidy(l, r.data()), nil }})
	}
	jobs = append(jobs,
		job{path: site.DataPackage, run: func(r *reads) ([]byte, error) { return s.downloads().Descriptor(r.data(), false) }},
		job{path: site.DataArchive, run: func(r *reads) ([]byte, error) { return s.downloads().Archive(r.data()) }})
	return jobs
}

// assetJobs copies assets/ into the output.
func (s *Site) assetJobs() []job {
	var jobs []job
	var names []string
	fs.WalkDir(s.fsys, "assets", func(name string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, name)
		}
		return nil
	})
	sort.Strings(names)
	for _, name := range names {
		jobs = append(jobs, job{path: name, run: func(r *reads) ([]byte, error) { return r.file(name) }})
	}
	return jobs
}

// funcs is the one FuncMap of the templates.
func (s *Site) funcs() template.FuncMap {
	return template.FuncMap{
		"add": func(a, b int) int { return a + b },
		"dict": func(kv ...any) (map[string]any, error) {
			if len(kv)%2 != 0 {
				return nil, fmt.Errorf("dict: odd number of arguments")
			}
			m := make(map[string]any, len(kv)/2)
			for i := 0; i < len(kv); i += 2 {
				k, ok := kv[i].(string)
				if !ok {
					return nil, fmt.Errorf("dict: key %v is not a string", kv[i])
				}
				m[k] = kv[i+1]
			}
			return m, nil
		},
		"pct": func(f float64) string { return strconv.FormatFloat(f, 'f', 0, 64) },
	}
}
