// Package inputs is a site's input files as a build sees them: the
// folders they are in (Dirs), the files that are not part of the site
// (hidden ones), a directory that nothing outside of is read from (Dir),
// and a listing of the files with their stamps (List), from which a build
// tells what changed without reading them, and a watcher that something
// changed (Fingerprint). It knows files only, nothing of what they hold.
package inputs

import (
	"encoding/binary"
	"hash/fnv"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/tiendo/tiendo/generator/diag"
	"github.com/tiendo/tiendo/generator/internal/workers"
)

// Dirs are the directories whose files are a site's inputs.
var Dirs = []string{"content", "templates", "assets"}

// Stamp identifies a version of a file without reading it: size,
// modification and change times, device and inode (what the system has).
type Stamp struct {
	Size         int64
	MTime, CTime int64
	Dev, Ino     uint64
}

// StampOf is the stamp of a file, when it is an operating system's file
// (ok is false for one of an fstest.MapFS: such a file is always read).
func StampOf(info fs.FileInfo) (Stamp, bool) { return stampOf(info) }

// Listed is an input file and its stamp (OK is false when it has none).
type Listed struct {
	Name  string
	Stamp Stamp
	OK    bool
}

// List lists the files of Dirs that are not hidden, sorted by name, with
// their stamps: from the operating system directly for a Dir (see
// listDir), else through fsys.
func List(fsys fs.FS) ([]Listed, error) {
	if d, ok := fsys.(dirFS); ok {
		if list, ok, err := listDir(d.root); ok {
			return list, err
		}
	}
	var list []Listed
	for _, dir := range Dirs {
		err := fs.WalkDir(fsys, dir, func(name string, d fs.DirEntry, err error) error {
			if err != nil {
				if name == dir && errorsIsNotExist(err) {
					return fs.SkipDir
				}
				return err
			}
			switch {
			case Hidden(d.Name()) && d.IsDir():
				return fs.SkipDir
			case !d.IsDir() && !Hidden(d.Name()):
				list = append(list, Listed{Name: name})
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	err := workers.Do(len(list), func(i int) error {
		info, err := fs.Stat(fsys, list[i].Name)
		if err != nil {
			return err
		}
		list[i].Stamp, list[i].OK = stampOf(info)
		return nil
	})
	sortListed(list)
	return list, err
}

// Fingerprint hashes the names and stamps (size, times, inode) of the
// site's input files: it changes when one is added, removed or saved. It
// lists them, as a build does first, and reads none: `tiendo serve` looks
// with it.
func Fingerprint(fsys fs.FS) (uint64, error) {
	list, err := List(fsys)
	if err != nil {
		return 0, err
	}
	h := fnv.New64a()
	var b []byte
	for _, f := range list {
		b = append(append(b[:0], f.Name...), 0)
		for _, x := range []uint64{uint64(f.Stamp.Size), uint64(f.Stamp.MTime), uint64(f.Stamp.CTime), f.Stamp.Dev, f.Stamp.Ino} {
			b = binary.LittleEndian.AppendUint64(b, x)
		}
		h.Write(b)
	}
	return h.Sum64(), nil
}

func sortListed(list []Listed) {
	slices.SortFunc(list, func(a, b Listed) int { return strings.Compare(a.Name, b.Name) })
}

// Dir is the site in directory root. Nothing outside root is read: a
// symbolic link that leads out of it (a file or a folder), or is absolute,
// fails to open with ErrOutside; a relative one that stays inside is
// followed (os.Root's rules). List reads a Dir's
// input files for changes with fewer system calls than any fs.FS allows.
func Dir(root string) fs.FS {
	if r, ok := roots.Load(root); ok && sameDir(r.(*os.Root), root) {
		return dirFS{r.(*os.Root).FS(), r.(*os.Root), root}
	}
	r, err := os.OpenRoot(root)
	if err != nil {
		return dirFS{os.DirFS(root), nil, root} // reading it fails, with the reason
	}
	// One that was replaced is left open: a build may still be reading
	// through it.
	roots.Store(root, r)
	return dirFS{r.FS(), r, root}
}

// sameDir reports whether r is still the directory at path root (not one
// removed since, in place of which another was made).
func sameDir(r *os.Root, root string) bool {
	a, err1 := r.Stat(".")
	b, err2 := os.Stat(root)
	return err1 == nil && err2 == nil && os.SameFile(a, b)
}

// roots holds the directories Dir opened, kept open for the process (tiendo
// serve asks for the same one at every look).
var roots sync.Map // root path → *os.Root

// ErrOutside is the error of reading, through a Dir, a symbolic link that
// leads outside the site.
var ErrOutside = diag.Errorf("it is a symbolic link that leads outside the site, or is written as an absolute path, and is not read: copy the file into the site, or make the link relative")

// ErrNotAFile is the error of opening, through a Dir, what is neither a
// file nor a folder: a named pipe, a socket, a device, which a read could
// wait on for ever. It is returned as it is, as ErrOutside is: the reader
// reports it after the name it opened.
var ErrNotAFile = diag.Errorf("it is not a file but a pipe, a socket or a device: remove it from the site")

type dirFS struct {
	fs.FS
	r    *os.Root // nil when root could not be opened
	root string
}

// Open opens a file or a folder without waiting: a named pipe is opened
// without blocking (the flag does nothing to files and folders), and
// refused.
func (d dirFS) Open(name string) (fs.File, error) {
	if d.r == nil || !fs.ValidPath(name) {
		f, err := d.FS.Open(name)
		return f, outside(err)
	}
	f, err := d.r.OpenFile(filepath.FromSlash(name), os.O_RDONLY|nonBlock, 0)
	if err != nil {
		return nil, outside(err)
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !info.Mode().IsRegular() && !info.IsDir() {
		f.Close()
		return nil, ErrNotAFile
	}
	return f, nil
}

func (d dirFS) ReadFile(name string) ([]byte, error) {
	f, err := d.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	b := make([]byte, 0, info.Size()+1)
	for {
		n, err := f.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return b, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
	}
}
func (d dirFS) Stat(name string) (fs.FileInfo, error) {
	info, err := fs.Stat(d.FS, name)
	return info, outside(err)
}

func (d dirFS) ReadDir(name string) ([]fs.DirEntry, error) {
	ents, err := fs.ReadDir(d.FS, name)
	return ents, outside(err)
}

// outside puts ErrOutside in place of os.Root's "path escapes from
// parent"; the messages that report it name the file.
func outside(err error) error {
	if err != nil && strings.HasSuffix(err.Error(), "path escapes from parent") {
		return ErrOutside
	}
	return err
}

func errorsIsNotExist(err error) bool { return err != nil && os.IsNotExist(err) }

// Files and folders whose names begin with a dot are not part of the site:
// editors keep lock, swap and backup files beside the file being edited
// (Emacs's .#a.md, a link to nowhere; Vim's .a.md.swp). A build that read
// them would fail on the lock or publish a stale copy, and `tiendo serve`
// would rebuild for each keystroke saved in a swap file. The listing of
// the inputs (List) and every loader (through Visible) skip them.
func Hidden(name string) bool { return strings.HasPrefix(name, ".") }

// Visible is a site's file system without its hidden files and folders.
// Directory listings leave them out, and so fs.Glob and fs.WalkDir do.
type Visible struct{ fs.FS }

func (v Visible) ReadDir(name string) ([]fs.DirEntry, error) {
	ents, err := fs.ReadDir(v.FS, name)
	return slices.DeleteFunc(ents, func(e fs.DirEntry) bool { return Hidden(e.Name()) }), err
}

func (v Visible) ReadFile(name string) ([]byte, error)  { return fs.ReadFile(v.FS, name) }
func (v Visible) Stat(name string) (fs.FileInfo, error) { return fs.Stat(v.FS, name) }
