// Command write saves a synthetic annotation and its article into a folder,
// for measuring the whole program on it (see .ci/perf):
//
//	go run ./internal/synth/testdata/write -n 100000 -seed 1 DIR
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"counterpoint/internal/synth"
)

func main() {
	n := flag.Int("n", 1000, "how many claims")
	seed := flag.Int64("seed", 1, "the generator's seed")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: write [-n N] [-seed S] DIR")
		os.Exit(2)
	}
	dir := flag.Arg(0)
	a := synth.Generate(*n, *seed)
	for name, data := range map[string][]byte{"claims.yaml": a.YAML, synth.ArticleFile: a.Article} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}
