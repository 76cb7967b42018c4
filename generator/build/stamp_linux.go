package build

import (
	"io/fs"
	"syscall"
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
