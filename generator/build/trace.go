package build

import (
	"fmt"
	"os"
	"sync"
	"time"
)

// With TIENDO_TRACE=1 in the environment, a build prints to stderr the time
// at which each of its phases ends, counted from the start of Run: the
// quickest way to see where a rebuild spends its time (make bench measures
// the whole).
var trace = struct {
	on    bool
	mu    sync.Mutex
	start time.Time
}{on: os.Getenv("TIENDO_TRACE") != ""}

func traceStart() {
	trace.mu.Lock()
	trace.start = time.Now()
	trace.mu.Unlock()
}

func tmark(phase string) {
	if !trace.on {
		return
	}
	trace.mu.Lock()
	defer trace.mu.Unlock()
	fmt.Fprintf(os.Stderr, "tiendo trace: %7.1f ms  %s\n", float64(time.Since(trace.start).Microseconds())/1000, phase)
}
