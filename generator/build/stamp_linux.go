package build

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"golang.org/x/sys/unix"
)

// stampOf identifies a version of a file without reading it: size,
// modification and change times, device and inode. A file replaced by a
// copy with an old modification time still gets a new inode and ctime.
func stampOf(info fs.FileInfo) (stamp, bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return stamp{}, false // not an OS file (fstest.MapFS): always read it
	}
	return stamp{Size: info.Size(), MTime: info.ModTime().UnixNano(),
		CTime: st.Ctim.Nano(), Dev: uint64(st.Dev), Ino: st.Ino}, true
}

// listDir lists the input files under root as listInputs does through
// fs.WalkDir and fs.Stat, but stats each file by name relative to its open
// directory (fstatat), on every core: the kernel walks one path component
// instead of all of them, and nothing is allocated per file but its name.
// At 11,000 files that is about 35 ms instead of 100.
func listDir(root string) ([]listed, bool, error) {
	var list []listed
	var in []int // the open directory of list[i]
	var dirs []*os.File
	defer func() {
		for _, d := range dirs {
			d.Close()
		}
	}()
	var walk func(name string, top bool) error
	walk = func(name string, top bool) error {
		d, err := os.Open(filepath.Join(root, filepath.FromSlash(name)))
		if err != nil {
			if top && os.IsNotExist(err) {
				return nil
			}
			return err
		}
		dirs = append(dirs, d)
		fd := int(d.Fd())
		ents, err := d.ReadDir(-1)
		if err != nil {
			return err
		}
		for _, e := range ents {
			if e.IsDir() {
				if err := walk(name+"/"+e.Name(), false); err != nil {
					return err
				}
				continue
			}
			list = append(list, listed{name: name + "/" + e.Name()})
			in = append(in, fd)
		}
		return nil
	}
	for _, dir := range inputDirs {
		if err := walk(dir, true); err != nil {
			return nil, true, err
		}
	}
	err := parallel(len(list), func(i int) error {
		var st unix.Stat_t
		name := list[i].name
		if err := unix.Fstatat(in[i], name[strings.LastIndexByte(name, '/')+1:], &st, 0); err != nil {
			return &fs.PathError{Op: "stat", Path: name, Err: err}
		}
		list[i].stamp = stamp{Size: st.Size, MTime: st.Mtim.Nano(), CTime: st.Ctim.Nano(), Dev: uint64(st.Dev), Ino: st.Ino}
		list[i].ok = true
		return nil
	})
	sortListed(list)
	return list, true, err
}
