package inputs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"golang.org/x/sys/unix"

	"github.com/tiendo/tiendo/generator/internal/workers"
)

// stampOf identifies a version of a file without reading it: size,
// modification and change times, device and inode. A file replaced by a
// copy with an old modification time still gets a new inode and ctime.
func stampOf(info fs.FileInfo) (Stamp, bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return Stamp{}, false // not an OS file (fstest.MapFS): always read it
	}
	return Stamp{Size: info.Size(), MTime: info.ModTime().UnixNano(),
		CTime: st.Ctim.Nano(), Dev: uint64(st.Dev), Ino: st.Ino}, true
}

// listDir lists the input files under root as List does through
// fs.WalkDir and fs.Stat, but stats the files of each directory by name
// relative to it (fstatat), on every core, while it is open: the kernel
// walks one path component instead of all of them, and no FileInfo is made.
// One directory is open at a time. An input directory that is not a directory is left to the
// general way (ok is false).
func listDir(root string) (list []Listed, ok bool, err error) {
	var walk func(name string) error
	walk = func(name string) error {
		d, err := os.Open(filepath.Join(root, filepath.FromSlash(name)))
		if err != nil {
			return err
		}
		ents, err := d.ReadDir(-1)
		if err != nil {
			d.Close()
			return err
		}
		var dirs []string
		n := len(list)
		for _, e := range ents {
			if Hidden(e.Name()) {
				continue
			}
			if e.IsDir() {
				dirs = append(dirs, name+"/"+e.Name())
			} else {
				list = append(list, Listed{Name: name + "/" + e.Name()})
			}
		}
		fd, files := int(d.Fd()), list[n:]
		err = workers.Do(len(files), func(i int) error {
			var st unix.Stat_t
			base := files[i].Name[len(name)+1:]
			if err := unix.Fstatat(fd, base, &st, 0); err != nil {
				return &fs.PathError{Op: "stat", Path: files[i].Name, Err: err}
			}
			files[i].Stamp = Stamp{Size: st.Size, MTime: st.Mtim.Nano(), CTime: st.Ctim.Nano(), Dev: uint64(st.Dev), Ino: st.Ino}
			files[i].OK = true
			return nil
		})
		d.Close()
		if err != nil {
			return err
		}
		for _, dir := range dirs {
			if err := walk(dir); err != nil {
				return err
			}
		}
		return nil
	}
	for _, dir := range Dirs {
		info, err := os.Stat(filepath.Join(root, dir))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			continue
		case err != nil:
			return nil, true, err
		case !info.IsDir():
			return nil, false, nil
		}
		if err := walk(dir); err != nil {
			return nil, true, err
		}
	}
	sortListed(list)
	return list, true, nil
}

// nonBlock opens a named pipe without waiting for a writer.
const nonBlock = unix.O_NONBLOCK
