//go:build !linux

package main

// preferHugePages: transparent huge pages are a Linux feature.
func preferHugePages(int) {}
