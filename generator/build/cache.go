package build

// The build cache makes a rebuild cost what changed, not what exists. It
// lives in Options.Cache (ROOT/.cache/tiendo for the command), in files that
// only the binary that wrote them reads (package store): manifest, data,
// pages/00 to pages/63 and, apart because only an index file being written
// again needs them, the pages' search entries in search/00 to search/63.
//
// Change detection: every input file (content/, templates/, assets/) is
// identified by a content hash of its bytes, by stamp when it can be
// (store.Scan). Without a manifest, files are hashed as the build reads
// them (hashingFS), not read twice.
//
// Keys: every output file is made from what its job read through one
// reads (reads.go), which records each read as a dep; the manifest keeps
// each output's deps and its key, a hash (gohugoio/hashstructure) of
// their values and of the global key (every input file but the data and
// the pages, whose reads are recorded; the binary; the options). A page's
// record holds its language as its file name says it ("" for the default),
// which site.toml decides. An output whose deps have the values
// they had, under the same global key, is not made again: its file is
// kept as it is. What a template starts to show is recorded as it is
// shown; nothing lists what a kind of page reads. A page's conversion is
// keyed the same way, from what it read (its charts' series). What a list
// of pages is keyed by is what templates can see of each (PageView); a
// page's body reaches them only as its HTML, on its own page (readPage).
//
// Levels, cheapest first:
//   - nothing changed (same inputs, binary, options, output directory):
//     nothing is loaded, rendered or written (the page records and data,
//     decoded in the background while the inputs are listed, go unused);
//   - parsed data: the series, sources and commitments are restored from
//     data when none of their files changed; pages are restored per file,
//     without their body, with what their conversion found (headings,
//     chart blocks, links; its search-index entry is read when needed);
//   - rendered files: jobs nothing of whose reads changed are skipped; a
//     page restored from the cache is converted again only when something
//     reads its HTML (its own page, or a search-index file whose entries
//     the cache lost).
//
// The cache never decides what a build outputs, only what it can skip: a
// cached build is byte-identical to a clean one (TestCachedEqualsClean,
// TestCachedBuildIsClean).
// Any unreadable or stale cache file is ignored. A new binary (or cache
// format) starts from scratch. public/ is tiendo's: a file edited there by
// hand is only replaced when its page changes (delete .cache/ or public/ to
// force).

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/tiendo/tiendo/generator/content"
	"github.com/tiendo/tiendo/generator/diag"
	"github.com/tiendo/tiendo/generator/i18n"
	"github.com/tiendo/tiendo/generator/inputs"
	"github.com/tiendo/tiendo/generator/internal/workers"
	"github.com/tiendo/tiendo/generator/markdown"
	"github.com/tiendo/tiendo/generator/metrics"
	"github.com/tiendo/tiendo/generator/output"
	"github.com/tiendo/tiendo/generator/store"
)

// cacheVersion changes when the format of the cache files changes.
const cacheVersion = "tiendo-cache-6"

// pageShards is the number of files the page records are spread over, so
// that an edit rewrites one small file.
const pageShards = 64

// stamp identifies a version of a file without reading it.
type stamp = inputs.Stamp

// outputFile is a file of the output and how it was made.
type outputFile struct {
	output.File
	Key   uint64  // key of what its job read (readKey); 0 when it has none
	Reads []int32 // what its job read: indexes in manifest.Deps

	deps []dep // Reads, during a build
}

// manifest is what the last successful build read and wrote.
type manifest struct {
	Version  string
	Binary   uint64
	BinStamp stamp
	Inputs   []store.Input // sorted by path
	InputKey uint64        // inputs, binary and options together
	DataKey  uint64        // key of data
	Out      string        // absolute output directory
	OutID    stamp         // its identity (device, inode)
	Outputs  []outputFile
	Deps     []dep  // what the outputs read (outputFile.Reads), each once
	Result   Result // Warnings, counts and sizes, for a build that has nothing to do
}

// pageRecord is what the cache keeps of a page: the parsed page without its
// body and, when DocKey is set, what converting it found.
type pageRecord struct {
	File     string
	FileHash uint64
	Page     content.Page // Body is nil; Keys places its problems as in a clean build
	Meta     uint64       // hash of what lists of pages show
	Parse    diag.List    // warnings of parsing it

	DocKey   uint64
	Reads    []dep // what the conversion read (its charts' series)
	Headings []markdown.Heading
	Charts   []markdown.Chart
	Links    []markdown.Link
	Problems diag.List // warnings of the conversion
}

// searchRecord is a page's entry in the search index, made by the
// conversion whose key is DocKey.
type searchRecord struct {
	File   string
	DocKey uint64
	Entry  []byte
}

type searchFile struct {
	Version string
	Binary  uint64
	Records []searchRecord
}

type pageShard struct {
	Version string
	Binary  uint64
	Records []pageRecord
}

type dataFile struct {
	Version     string
	Binary      uint64
	Key         uint64
	Sources     []*metrics.Source
	Series      []*metrics.Series
	Commitments []*metrics.Commitment
	Problems    diag.List // warnings of loading them
}

// buildCache is the cache of one build.
type buildCache struct {
	dir    string
	prev   *manifest // nil when missing or from another binary
	binary uint64
	bin    stamp

	opt      Options
	mu       sync.Mutex
	inputs   []store.Input
	index    map[string]int    // input path → index in inputs
	hashes   map[string]uint64 // input path → hash
	unhashed int               // inputs whose hash is not known yet (see hashingFS)
	inputKey uint64
	scanned  time.Time

	global  uint64   // every input but the data and the pages, binary, options
	dataAll uint64   // every series and commitments file, and the archive
	values  sync.Map // dep → its value in this build (see valueOf)

	pages        map[string]*pageRecord // by file, from the page shards
	pagesOK      bool                   // the shards were read
	dirtyShard   [pageShards]bool
	search       [pageShards]searchEntries
	data         *metrics.Data // the build's data, once loaded: keys look series and sources up in it
	dataKey      uint64
	dataSaved    bool          // data holds dataKey
	parsedSaved  chan error    // see saveParsed
	dataRead     chan struct{} // closed when dataFile is read (see prefetch)
	dataFile     dataFile
	dataErr      error
	pagesRead    chan struct{} // closed when pages are read
	dataProblems diag.List

	prevOut map[string]outputFile // previous output, when it can be trusted

	prevValsOnce sync.Once
	prevVals     []uint64 // the value in this build of each of prev.Deps
}

// openCache reads the manifest in dir and scans the inputs in fsys. It
// returns nil when the cache cannot be used at all (no executable to
// identify the binary); a missing or unreadable manifest is an empty cache.
func openCache(dir string, fsys fs.FS, opt Options) (*buildCache, error) {
	c := &buildCache{dir: dir, opt: opt}
	var m manifest
	if store.Read(filepath.Join(dir, "manifest"), &m) == nil && m.Version == cacheVersion {
		c.prev = &m
	}
	tmark("manifest read")
	var prevBin *stamp
	if c.prev != nil {
		prevBin = &c.prev.BinStamp
	}
	var prevHash uint64
	if c.prev != nil {
		prevHash = c.prev.Binary
	}
	bin, st, err := store.Binary(prevBin, prevHash)
	if err != nil {
		return nil, err
	}
	c.binary, c.bin = bin, st
	if c.prev != nil && c.prev.Binary != bin {
		c.prev = nil
	}
	if c.prev != nil {
		// The page records and the data are decoded while the inputs are
		// listed. A build with nothing to do returns without waiting for
		// them; they finish in the background for nothing (in `tiendo
		// serve`, a save that changed no byte).
		c.prefetch()
	}
	var prevInputs []store.Input
	if c.prev != nil {
		prevInputs = c.prev.Inputs
	}
	tmark("binary id")
	c.scanned = time.Now()
	// With nothing to compare to, the files are hashed as the build reads
	// them (hashingFS), rather than read twice.
	c.inputs, err = store.Scan(fsys, prevInputs, c.scanned, c.prev == nil)
	if err != nil {
		return nil, err
	}
	tmark("scanned")
	c.hashes = make(map[string]uint64, len(c.inputs))
	c.index = make(map[string]int, len(c.inputs))
	for i, f := range c.inputs {
		c.index[f.Path] = i
		if f.Hash != 0 {
			c.hashes[f.Path] = f.Hash
		} else {
			c.unhashed++
		}
	}
	if c.unhashed == 0 {
		c.computeKeys()
	}
	return c, nil
}

// hashingFS is the site's file system during a build with a cache: it
// records the hash of every input file not hashed yet as the build reads it.
type hashingFS struct {
	fs.FS
	c *buildCache
}

func (h hashingFS) ReadFile(name string) ([]byte, error) {
	b, err := fs.ReadFile(h.FS, name)
	if err == nil {
		h.c.saw(name, b)
	}
	return b, err
}

func (h hashingFS) Stat(name string) (fs.FileInfo, error)      { return fs.Stat(h.FS, name) }
func (h hashingFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(h.FS, name) }
func (h hashingFS) Glob(pattern string) ([]string, error)      { return fs.Glob(h.FS, pattern) }

// wrap returns fsys as a hashingFS.
func (c *buildCache) wrap(fsys fs.FS) fs.FS {
	if _, ok := fsys.(hashingFS); ok {
		return fsys
	}
	return hashingFS{fsys, c}
}

// saw records the hash of a file the build read, if it had none yet.
// (Only c.inputs[i].Hash is written: c.hashes is filled by computeKeys.)
func (c *buildCache) saw(name string, data []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if i, ok := c.index[name]; ok && c.inputs[i].Hash == 0 {
		c.inputs[i].Hash = store.HashBytes(data)
		c.unhashed--
	}
}

// finishHashes hashes the input files the build did not read (yet), then
// works out the keys.
func (c *buildCache) finishHashes(fsys fs.FS) error {
	if c.unhashed == 0 && c.inputKey != 0 {
		return nil
	}
	var todo []string
	for i := range c.inputs {
		if c.inputs[i].Hash == 0 {
			todo = append(todo, c.inputs[i].Path)
		}
	}
	fsys = c.wrap(fsys)
	err := parallel(len(todo), func(k int) error {
		_, err := fs.ReadFile(fsys, todo[k]) // hashed by saw
		return err
	})
	if err != nil {
		return err
	}
	c.computeKeys()
	return nil
}

// computeKeys works out the keys that depend on every input file.
func (c *buildCache) computeKeys() {
	pairs := make([]pathHash, len(c.inputs))
	for i, f := range c.inputs {
		pairs[i] = pathHash{f.Path, f.Hash}
		c.hashes[f.Path] = f.Hash
	}
	c.inputKey = store.Key(struct {
		Version string
		Binary  uint64
		Options Options
		Files   []pathHash
	}{cacheVersion, c.binary, c.opt, pairs})
	// Every file is global but those whose reads are recorded: the data
	// (readData, readSeries) and the pages (readPage and the lists). A
	// kind of input added to a site is global until its reads are.
	var globals, data []pathHash
	for _, f := range pairs {
		switch {
		case strings.HasPrefix(f.Path, metrics.SeriesDir+"/"), strings.HasPrefix(f.Path, metrics.CommitmentsDir+"/"),
			strings.HasPrefix(f.Path, metrics.ArchiveDir+"/"): // quotes are verified against the archive
			data = append(data, f)
		case strings.HasPrefix(f.Path, "content/") && path.Ext(f.Path) == ".md":
		default:
			globals = append(globals, f)
		}
	}
	c.global = store.Key(struct {
		Version string
		Binary  uint64
		Options Options
		Files   []pathHash
	}{cacheVersion, c.binary, c.opt, globals})
	c.dataAll = store.Key(data)
	c.dataKey = store.Key(struct {
		Version    string
		Binary     uint64
		Data, Site uint64
		Sources    uint64
	}{cacheVersion, c.binary, c.dataAll, c.hashes[content.SiteFile], c.hashes[metrics.SourcesFile]})
}

type pathHash struct {
	Path string
	Hash uint64
}

// parallel runs f(0..n-1) on every core and returns the first error.
func parallel(n int, f func(i int) error) error { return workers.Do(n, f) }

// unchanged reports whether the previous build had exactly these inputs and
// its output directory is still the one it wrote.
func (c *buildCache) unchanged(out string) bool {
	if c.prev == nil || c.prev.InputKey != c.inputKey {
		return false
	}
	return c.trustOutput(out)
}

// trustOutput reports whether out is the directory the previous build wrote
// (same path and identity), so that its manifest describes its files.
func (c *buildCache) trustOutput(out string) bool {
	if c.prev == nil {
		return false
	}
	abs, err := filepath.Abs(out)
	if err != nil || abs != c.prev.Out {
		return false
	}
	id, ok := dirID(out)
	return ok && id == c.prev.OutID
}

func dirID(dir string) (stamp, bool) {
	info, err := os.Stat(dir)
	if err != nil || !info.IsDir() {
		return stamp{}, false
	}
	st, ok := inputs.StampOf(info)
	if !ok || st.Ino == 0 {
		return stamp{}, false // no identity on this system: never trusted
	}
	return stamp{Dev: st.Dev, Ino: st.Ino}, true
}

// previousOutput returns the files of the previous output when out is still
// the directory it wrote, else nil.
func (c *buildCache) previousOutput(out string) map[string]outputFile {
	if c == nil || !c.trustOutput(out) {
		return nil
	}
	if c.prevOut == nil {
		c.prevOut = make(map[string]outputFile, len(c.prev.Outputs))
		for _, f := range c.prev.Outputs {
			f.deps = make([]dep, 0, len(f.Reads))
			for _, i := range f.Reads {
				if i < 0 || int(i) >= len(c.prev.Deps) {
					f.Key = 0 // not to be trusted
					break
				}
				f.deps = append(f.deps, c.prev.Deps[i])
			}
			c.prevOut[f.Path] = f
		}
	}
	return c.prevOut
}

// invalidate removes the manifest: called before the output directory is
// changed, so that a build killed in the middle is not trusted.
func (c *buildCache) invalidate() {
	os.Remove(filepath.Join(c.dir, "manifest"))
}

// save writes the manifest of a successful build, the page shards that
// changed and the data, when new.
func (c *buildCache) save(s *Site, out string, files map[string]outputFile, res Result) error {
	fsys := s.fsys
	if c.parsedSaved == nil {
		c.saveParsed(s)
	}
	if err := <-c.parsedSaved; err != nil {
		return err
	}
	if err := c.saveSearch(); err != nil {
		return err
	}
	// Files hashed too soon after their last change are checked again now:
	// if they still hold what was built, they can be trusted next time.
	store.Settle(fsys, c.inputs, time.Now())
	abs, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	id, _ := dirID(out)
	m := manifest{Version: cacheVersion, Binary: c.binary, BinStamp: c.bin, Inputs: c.inputs,
		InputKey: c.inputKey, DataKey: c.dataKey, Out: abs, OutID: id, Result: res}
	m.Result.Sizes = nil // rebuilt from Outputs
	tmark("racy rechecked")
	m.Outputs = make([]outputFile, 0, len(files))
	for _, f := range files {
		m.Outputs = append(m.Outputs, f)
	}
	sort.Slice(m.Outputs, func(i, j int) bool { return m.Outputs[i].Path < m.Outputs[j].Path })
	index := map[dep]int32{}
	for i := range m.Outputs {
		f := &m.Outputs[i]
		f.Reads = make([]int32, len(f.deps))
		for k, d := range f.deps {
			n, ok := index[d]
			if !ok {
				n = int32(len(m.Deps))
				index[d] = n
				m.Deps = append(m.Deps, d)
			}
			f.Reads[k] = n
		}
	}
	return store.Write(filepath.Join(c.dir, "manifest"), &m)
}

// saveParsed starts saving the page records and the data, which are
// complete once the pages are converted, while the files are rendered. The
// records only describe parsed files, so they are right to keep even if
// the build fails later.
func (c *buildCache) saveParsed(s *Site) {
	c.parsedSaved = make(chan error, 1)
	go func() {
		if err := os.MkdirAll(filepath.Join(c.dir, "pages"), 0o755); err != nil {
			c.parsedSaved <- err
			return
		}
		if d := c.data; !c.dataSaved && d != nil { // drafts included
			df := dataFile{Version: cacheVersion, Binary: c.binary, Key: c.dataKey,
				Sources: d.Sources, Series: d.Series, Commitments: d.Commitments, Problems: c.dataProblems}
			if err := store.Write(filepath.Join(c.dir, "data"), &df); err != nil {
				c.parsedSaved <- err
				return
			}
		}
		c.parsedSaved <- c.savePages()
		tmark("pages saved")
	}()
}

// awaitParsed waits for saveParsed, if it was started; c may be nil.
func (c *buildCache) awaitParsed() {
	if c != nil && c.parsedSaved != nil {
		c.parsedSaved <- <-c.parsedSaved // keep the result for save
	}
}

// result is the Result of the previous build, for a build with nothing to do.
func (c *buildCache) result(out string) Result {
	res := c.prev.Result
	res.Out = out
	files := make(map[string]outputFile, len(c.prev.Outputs))
	for _, f := range c.prev.Outputs {
		files[f.Path] = f
	}
	res.Sizes = sizesOf(files, out)
	res.Stats = output.Stats{Files: len(files), Unchanged: len(files)}
	for _, f := range files {
		res.Stats.Bytes += f.Size
	}
	res.Render = RenderStats{Jobs: len(files), Reused: len(files)}
	return res
}

// Data

// loadData restores the data from data when no file behind it changed.
func (c *buildCache) loadData() *metrics.Data {
	if c.prev == nil || c.prev.DataKey != c.dataKey {
		return nil
	}
	<-c.dataRead
	df := c.dataFile
	c.dataFile = dataFile{}
	if c.dataErr != nil || df.Version != cacheVersion || df.Binary != c.binary || df.Key != c.dataKey {
		return nil
	}
	c.dataSaved = true
	c.dataProblems = df.Problems
	return metrics.Assemble(df.Sources, df.Series, df.Commitments)
}

// Loading

// loadData is metrics.Load, or the data restored from the cache when no
// file behind it changed.
func loadData(fsys fs.FS, themes, langs []string, c *buildCache) (*metrics.Data, diag.List) {
	if c != nil {
		if d := c.loadData(); d != nil {
			return d, c.dataProblems
		}
	}
	d, problems := metrics.LoadLangs(fsys, themes, langs)
	if c != nil {
		c.dataProblems = problems
	}
	return d, problems
}

// loadPages is content.LoadPages on every core. With a cache, a page whose
// file did not change is restored without being read (and without its
// body).
// loadPages also returns the pages that have errors (their file names,
// sections and slugs are known).
func loadPages(fsys fs.FS, c *buildCache) ([]*content.Page, diag.List, []*content.Page) {
	var names []string
	var linkProblems diag.List
	if c != nil {
		for i := range c.inputs {
			// (only the paths: the hashes are being filled in by hashingFS)
			switch name := c.inputs[i].Path; {
			case !strings.HasPrefix(name, "content/"):
			case strings.HasSuffix(name, ".md"):
				names = append(names, name)
			case path.Ext(name) == "":
				// Perhaps a link to a folder, which PageFiles reports
				// when it leads out of the site.
				if _, err := fs.Stat(fsys, name); errors.Is(err, inputs.ErrOutside) {
					linkProblems.Add(diag.Pos{File: name}, "cannot read: %v", err)
				}
			}
		}
		c.readPages()
		c.forgetMissing()
	} else {
		names, linkProblems = content.PageFiles(fsys)
	}
	pages := make([]*content.Page, len(names))
	broken := make([]*content.Page, len(names))
	problems := make([]diag.List, len(names))
	fromCache := make([]bool, len(names))
	parallel(len(names), func(i int) error {
		name := names[i]
		if r := c.page(name, c.hashOf(name)); r != nil {
			p := r.Page
			pages[i], problems[i], fromCache[i] = &p, r.Parse, true
			return nil
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			problems[i].Add(diag.Pos{File: name}, "cannot read: %v", err)
			return nil
		}
		p, errs := content.ParsePage(name, data)
		p.Hash = store.HashBytes(data)
		problems[i] = errs
		if errs.Err() == nil {
			pages[i] = p
		} else {
			broken[i] = p
		}
		return nil
	})
	var out, failed []*content.Page
	errs := linkProblems
	for i, p := range pages {
		errs = append(errs, problems[i]...)
		if broken[i] != nil {
			failed = append(failed, broken[i])
		}
		if p == nil {
			continue
		}
		out = append(out, p)
		if !fromCache[i] && c != nil {
			c.putPage(p, problems[i])
		}
	}
	return out, errs, failed
}

func (c *buildCache) hashOf(name string) uint64 {
	if c == nil {
		return 0
	}
	return c.hashes[name]
}

// Pages

// shardOf is the page shard of a page file: FNV-1a (32 bits) of its name,
// written out so that it allocates nothing.
func shardOf(file string) int {
	h := uint32(2166136261)
	for i := 0; i < len(file); i++ {
		h = (h ^ uint32(file[i])) * 16777619
	}
	return int(h % pageShards)
}

// readPages reads the page shards.
func (c *buildCache) readPages() {
	if c.prev == nil {
		c.pages = map[string]*pageRecord{}
		for i := range c.dirtyShard {
			c.dirtyShard[i] = true
		}
		return
	}
	<-c.pagesRead
}

// prefetch starts reading the page shards and the data, while the inputs
// are listed and the rest of the site loads: whether they are used is
// decided later (readPages, loadData). openCache calls it when the cache
// has a manifest of this binary.
func (c *buildCache) prefetch() {
	c.pagesRead, c.dataRead = make(chan struct{}), make(chan struct{})
	go func() {
		defer close(c.dataRead)
		if c.prev.DataKey != 0 {
			c.dataErr = store.Read(filepath.Join(c.dir, "data"), &c.dataFile)
			tmark("data read")
		}
	}()
	go func() {
		defer close(c.pagesRead)
		c.readShards()
		tmark("shards read")
	}()
}

func (c *buildCache) readShards() {
	c.pages = map[string]*pageRecord{}
	shards := make([]pageShard, pageShards)
	parallel(pageShards, func(i int) error {
		if store.Read(filepath.Join(c.dir, "pages", fmt.Sprintf("%02d", i)), &shards[i]) != nil ||
			shards[i].Version != cacheVersion || shards[i].Binary != c.binary {
			shards[i] = pageShard{}
			c.dirtyShard[i] = true // rewrite it
		}
		return nil
	})
	for i := range shards {
		for j := range shards[i].Records {
			r := &shards[i].Records[j]
			c.pages[r.File] = r
		}
	}
	c.pagesOK = true
}

// page returns the cached record of a page file with the given content hash.
func (c *buildCache) page(file string, hash uint64) *pageRecord {
	if c == nil || c.pages == nil {
		return nil
	}
	if r := c.pages[file]; r != nil && r.FileHash == hash {
		return r
	}
	return nil
}

// putPage records a page (and drops what its conversion found).
func (c *buildCache) putPage(p *content.Page, problems diag.List) *pageRecord {
	r := &pageRecord{File: p.File, FileHash: p.Hash, Page: *p, Meta: pageMeta(p), Parse: problems}
	r.Page.Body = nil
	c.pages[p.File] = r
	c.dirtyShard[shardOf(p.File)] = true
	return r
}

// forgetMissing drops the records of page files that no longer exist.
func (c *buildCache) forgetMissing() {
	for file := range c.pages {
		if _, ok := c.hashes[file]; !ok {
			delete(c.pages, file)
			c.dirtyShard[shardOf(file)] = true
			sh := c.searchEntriesIn(shardOf(file))
			sh.mu.Lock()
			sh.dirty = true
			sh.mu.Unlock()
		}
	}
}

// putDoc records what converting a page found.
func (c *buildCache) putDoc(d *doc) {
	r := c.pages[d.page.File]
	if r == nil || d.key == 0 {
		return
	}
	r.DocKey, r.Reads = d.key, d.reads
	r.Headings, r.Charts, r.Links = d.result.Headings, d.result.Charts, d.result.Links
	r.Problems = d.problems
	c.dirtyShard[shardOf(d.page.File)] = true
	if d.search != nil {
		c.putSearch(d.page.File, d.key, d.search)
	}
}

func (c *buildCache) savePages() error {
	var shards [pageShards][]pageRecord
	for _, r := range c.pages {
		i := shardOf(r.File)
		if c.dirtyShard[i] {
			shards[i] = append(shards[i], *r)
		}
	}
	return parallel(pageShards, func(i int) error {
		if !c.dirtyShard[i] {
			return nil
		}
		recs := shards[i]
		sort.Slice(recs, func(a, b int) bool { return recs[a].File < recs[b].File })
		return store.Write(filepath.Join(c.dir, "pages", fmt.Sprintf("%02d", i)),
			&pageShard{Version: cacheVersion, Binary: c.binary, Records: recs})
	})
}

// searchEntries holds the search entries of the pages of one page shard,
// read when first needed: by the jobs of the index files that hold them
// (of either language, hence the lock), by putDoc and forgetMissing.
type searchEntries struct {
	once    sync.Once
	mu      sync.Mutex
	records map[string]searchRecord
	dirty   bool
}

// searchEntriesIn returns the search entries of page shard i, reading them
// the first time.
func (c *buildCache) searchEntriesIn(i int) *searchEntries {
	sh := &c.search[i]
	sh.once.Do(func() {
		sh.records = map[string]searchRecord{}
		var f searchFile
		if c.prev == nil || store.Read(filepath.Join(c.dir, "search", fmt.Sprintf("%02d", i)), &f) != nil ||
			f.Version != cacheVersion || f.Binary != c.binary {
			sh.dirty = true // rewrite it
			return
		}
		for _, r := range f.Records {
			sh.records[r.File] = r
		}
	})
	return sh
}

// searchEntry returns the recorded search entry of a page converted with
// the given key, or nil. Safe for concurrent use.
func (c *buildCache) searchEntry(file string, docKey uint64) []byte {
	sh := c.searchEntriesIn(shardOf(file))
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if r, ok := sh.records[file]; ok && r.DocKey == docKey {
		return r.Entry
	}
	return nil
}

// putSearch records a page's search entry.
func (c *buildCache) putSearch(file string, docKey uint64, entry []byte) {
	sh := c.searchEntriesIn(shardOf(file))
	sh.mu.Lock()
	defer sh.mu.Unlock()
	sh.records[file] = searchRecord{File: file, DocKey: docKey, Entry: entry}
	sh.dirty = true
}

// saveSearch writes the search entries of the shards that changed, with
// those of pages that no longer exist dropped. It runs once the files are
// rendered: the jobs of the index files read and add entries.
func (c *buildCache) saveSearch() error {
	if err := os.MkdirAll(filepath.Join(c.dir, "search"), 0o755); err != nil {
		return err
	}
	return parallel(pageShards, func(i int) error {
		sh := &c.search[i]
		if !sh.dirty || sh.records == nil {
			return nil
		}
		recs := make([]searchRecord, 0, len(sh.records))
		for file, r := range sh.records {
			if c.pages[file] != nil {
				recs = append(recs, r)
			}
		}
		sort.Slice(recs, func(a, b int) bool { return recs[a].File < recs[b].File })
		return store.Write(filepath.Join(c.dir, "search", fmt.Sprintf("%02d", i)),
			&searchFile{Version: cacheVersion, Binary: c.binary, Records: recs})
	})
}

// pageMeta hashes what lists, feeds and indexes can show of a page: its
// PageView, all templates can reach of it.
func pageMeta(p *content.Page) uint64 { return store.Key(*pageView(p)) }

// Keys

// docKey is the key of a page's conversion: its file, what the conversion
// read (the series its chart blocks draw: charts are part of the HTML) and
// everything global.
func (c *buildCache) docKey(s *Site, p *content.Page, reads []dep) uint64 {
	return store.Key(struct {
		Kind   string
		Global uint64
		File   uint64
		Reads  []uint64
	}{"doc", c.global, c.hashes[p.File], c.valuesOf(s, reads)})
}

// seriesKey hashes what a series is made of: its file (found by the
// series, not rebuilt from its id, which may differ from the file's name)
// and the archived documents of the sources it cites, whose tables can
// hold its values.
func (c *buildCache) seriesKey(se *metrics.Series) uint64 {
	parts := []uint64{c.hashes[se.File]}
	seen := map[string]bool{}
	cite := func(id string) {
		if src := c.data.Source(id); src != nil && !seen[id] && src.Document != "" {
			seen[id] = true
			parts = append(parts, c.hashes[metrics.ArchiveDir+"/"+src.Document])
		}
	}
	for _, p := range se.Points {
		cite(p.Source)
	}
	for _, t := range se.Tables {
		cite(t.Source)
	}
	return store.Key(parts)
}

// meta is pageMeta of a page, from its record when it has one.
func (c *buildCache) meta(p *content.Page) uint64 {
	if r := c.pages[p.File]; r != nil && r.FileHash == p.Hash {
		return r.Meta
	}
	return pageMeta(p)
}

// metas hashes a list of pages as lists show them.
func (c *buildCache) metas(list []*content.Page) uint64 {
	ms := make([]uint64, len(list))
	for i, p := range list {
		ms[i] = c.meta(p)
	}
	return store.Combine(ms)
}

// recordOf is what the cache keeps of an output made from r: what it
// read and the key of their values. c may be nil (no cache).
func (c *buildCache) recordOf(s *Site, r *reads) record {
	if c == nil {
		return record{}
	}
	deps := r.deps()
	return record{c.readKey(s, deps), deps}
}

// readKey is the key of an output that read deps: an output whose deps
// have the values they had when it was made, with the same global key,
// is made as it was.
func (c *buildCache) readKey(s *Site, deps []dep) uint64 {
	return c.keyOf(c.valuesOf(s, deps))
}

// keyOf is the key of an output whose reads have the values vs.
func (c *buildCache) keyOf(vs []uint64) uint64 {
	return store.Combine(append([]uint64{c.global}, vs...))
}

// fresh reports whether nothing a previous output read has changed: its key
// is the one its reads have now. The previous outputs share their reads
// (manifest.Deps), so each is valued once, on every core, and an output
// is checked by indexes (which previousOutput has checked: an output with
// an index out of range has no key).
func (c *buildCache) fresh(s *Site, f outputFile) bool {
	if f.Key == 0 {
		return false
	}
	c.prevValsOnce.Do(func() {
		c.prevVals = make([]uint64, len(c.prev.Deps))
		parallel(len(c.prev.Deps), func(i int) error {
			c.prevVals[i] = c.valueOf(s, c.prev.Deps[i])
			return nil
		})
	})
	vs := make([]uint64, len(f.Reads))
	for k, i := range f.Reads {
		vs[k] = c.prevVals[i]
	}
	return c.keyOf(vs) == f.Key
}

func (c *buildCache) valuesOf(s *Site, deps []dep) []uint64 {
	vs := make([]uint64, len(deps))
	for i, d := range deps {
		vs[i] = c.valueOf(s, d)
	}
	return vs
}

// valueOf is the value of a read in this build, as a hash, worked out once:
// what the reads method of its kind (reads.go) returns, or what it is made
// from.
func (c *buildCache) valueOf(s *Site, d dep) uint64 {
	if v, ok := c.values.Load(d); ok {
		return v.(uint64)
	}
	v := c.value(s, d)
	c.values.Store(d, v)
	return v
}

// absent is the value of a read that found nothing.
const absent = 1

func (c *buildCache) value(s *Site, d dep) uint64 {
	var lang *i18n.Lang
	for _, l := range s.Langs {
		if l.Code == d.Lang {
			lang = l
		}
	}
	if d.Lang != "" && lang == nil {
		return absent // a language the site no longer has
	}
	switch d.Kind {
	case readSeries:
		if se := s.Data.SeriesByID(d.Arg); se != nil {
			return c.seriesKey(se)
		}
		return absent
	case readData:
		return c.dataAll
	case readFile:
		return c.hashes[d.Arg]
	case readPage:
		if doc := s.docs[d.Arg]; doc != nil {
			return doc.key
		}
		return absent
	case readSection:
		return c.metas(s.section(lang, d.Arg))
	case readHasSection:
		return store.Key(len(s.section(lang, d.Arg)) > 0)
	case readListPage:
		sec, n, _ := strings.Cut(d.Arg, " ")
		i, err := strconv.Atoi(n)
		if err != nil || i < 1 {
			return absent
		}
		return c.metas(listSlice(s.section(lang, sec), i))
	case readListPages:
		return store.Key(listPages(len(s.section(lang, d.Arg))))
	case readLatest:
		return c.metas(s.latest(lang))
	case readTranslation:
		if doc := s.docs[d.Arg]; doc != nil {
			return store.Key(s.translation(doc.page, lang.Code) != nil)
		}
		return absent
	case readMentions:
		return c.metas(s.pagesMentioning(lang.Code, d.Arg))
	case readSearch:
		k, err := strconv.Atoi(d.Arg)
		if err != nil {
			return absent
		}
		var parts []uint64
		for _, doc := range s.searchDocs(lang.Code, k) {
			parts = append(parts, doc.key, c.meta(doc.page))
		}
		return store.Key(parts)
	case readPages:
		return c.metas(s.Pages)
	case readPaths:
		return store.Key(s.paths)
	case readHas:
		return store.Key(s.has(d.Arg))
	}
	// A kind with no case here (TestEveryReadHasAValue) changes whenever
	// any input does.
	return c.inputKey
}

// Files

// sizesOf lists the HTML pages of an output, largest first. Their gzipped
// size is only worked out for the pages a summary shows (the five largest
// and the median one), read back from dir, and kept in files.
func sizesOf(files map[string]outputFile, dir string) []PageSize {
	var sizes []PageSize
	for _, f := range files {
		if strings.HasSuffix(f.Path, ".html") {
			sizes = append(sizes, PageSize{Path: f.Path, Bytes: int(f.Size), Compressed: f.Gz})
		}
	}
	sort.Slice(sizes, func(i, j int) bool {
		if sizes[i].Bytes != sizes[j].Bytes {
			return sizes[i].Bytes > sizes[j].Bytes
		}
		return sizes[i].Path < sizes[j].Path
	})
	for _, i := range []int{0, 1, 2, 3, 4, len(sizes) / 2} {
		if i >= len(sizes) || sizes[i].Compressed != 0 {
			continue
		}
		f := files[sizes[i].Path]
		if data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f.Path))); err == nil {
			f.Gz = output.GzipSize(data)
			files[f.Path] = f
			sizes[i].Compressed = f.Gz
		}
	}
	return sizes
}
