//go:build !linux

package inputs

import "io/fs"

// stampOf identifies a version of a file without reading it: its size and
// modification time (no inode or ctime in the portable file info).
func stampOf(info fs.FileInfo) (Stamp, bool) {
	if info.ModTime().IsZero() {
		return Stamp{}, false // not an OS file (fstest.MapFS): always read it
	}
	return Stamp{Size: info.Size(), MTime: info.ModTime().UnixNano()}, true
}

// listDir: only Linux has a faster way than fs.WalkDir and fs.Stat.
func listDir(root string) ([]Listed, bool, error) { return nil, false, nil }

// nonBlock: elsewhere, a named pipe among a site's files is not looked for.
const nonBlock = 0
