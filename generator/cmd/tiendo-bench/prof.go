package main

import (
	"fmt"
	"os"
	"runtime/pprof"
	"time"

	"github.com/tiendo/tiendo/generator/build"
)

func profile(root, mode string) {
	f, _ := os.Create("/tmp/prof/cpu-" + mode + ".out")
	pprof.StartCPUProfile(f)
	defer pprof.StopCPUProfile()
	t := time.Now()
	opt := build.Options{Cache: root + "/.cache/tiendo"}
	if mode == "nocache" {
		opt.Cache = ""
	}
	res, err := build.Run(os.DirFS(root), root+"/public", opt)
	fmt.Println(mode, time.Since(t), err != nil, res.Stats, res.Render)
}
