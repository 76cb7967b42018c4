// Package store is what an incremental build keeps between builds, and how
// it tells what changed. It knows files, Go values and hashes, nothing of
// what a site is made of: which records a build keeps, and what each of
// its outputs read, are the build's (package build, cache.go and
// reads.go).
//
//   - Write and Read keep a Go value in a file, written field by field in
//     declaration order without a schema (codec.go). Only the binary that
//     wrote a file can read it back: a caller keeps the binary's hash
//     (Binary) and a version of its own in every value it writes and
//     checks them when it reads one.
//   - Scan identifies the input files by a hash of their bytes, reading
//     only those whose stamp (size, times, inode) is not the recorded one.
//     A file changed less than RacyWindow before it was hashed is Racy: a
//     second edit in the same clock tick would leave its stamp as it was,
//     so it is hashed again at the next build unless Settle, once the
//     build is done, finds it still as it was hashed.
//   - Key hashes a structured value (gohugoio/hashstructure) and Combine a
//     list of hashes (FNV-1a, without reflection): the keys an output is
//     reused by.
package store
