// TEMPORARY profiling harness (perf work in progress; not to be committed).
package main

import (
	"fmt"
	"os"
	"runtime/pprof"
	"time"

	"github.com/tiendo/tiendo/generator/build"
)

func main() {
	root, mode := os.Args[1], os.Args[2]
	f, _ := os.Create("/tmp/prof/cpu-" + mode + ".out")
	pprof.StartCPUProfile(f)
	defer pprof.StopCPUProfile()
	t := time.Now()
	opt := build.Options{Cache: root + "/.cache/tiendo"}
	res, err := build.Run(os.DirFS(root), root+"/public", opt)
	fmt.Println(mode, time.Since(t), err != nil, res.Stats, res.Render)
}
