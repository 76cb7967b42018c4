package build

// SearchFileOf is searchFileOf, for tests.
var SearchFileOf = searchFileOf
