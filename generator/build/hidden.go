package build

import (
	"io/fs"
	"slices"
	"strings"
)

// Files and folders whose names begin with a dot are not part of the site:
// editors keep lock, swap and backup files beside the file being edited
// (Emacs's .#a.md, a link to nowhere; Vim's .a.md.swp). A build that read
// them would fail on the lock or publish a stale copy, and `tiendo serve`
// would rebuild for each keystroke saved in a swap file. The listing of
// the inputs and every loader (through visibleFS) skip them.
func hidden(name string) bool { return strings.HasPrefix(name, ".") }

// visibleFS is a site's file system without its hidden files and folders.
// Directory listings leave them out, and so fs.Glob and fs.WalkDir do.
type visibleFS struct{ fs.FS }

func (v visibleFS) ReadDir(name string) ([]fs.DirEntry, error) {
	ents, err := fs.ReadDir(v.FS, name)
	return slices.DeleteFunc(ents, func(e fs.DirEntry) bool { return hidden(e.Name()) }), err
}

func (v visibleFS) ReadFile(name string) ([]byte, error)  { return fs.ReadFile(v.FS, name) }
func (v visibleFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(v.FS, name) }
