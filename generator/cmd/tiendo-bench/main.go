package main

import (
	"fmt"
	"os"

	"github.com/tiendo/tiendo/generator/bench"
)

func main() {
	dir := os.Args[1]
	if len(os.Args) > 2 {
		profile(dir, os.Args[2])
		return
	}
	if err := bench.Generate(dir, dir+"-hugo", bench.Default); err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	if err := bench.CopySiteFiles(".", dir); err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
}
