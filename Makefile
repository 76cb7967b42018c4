# tiendo — see README.md
GO      ?= go
BIN     := bin/tiendo
BASEURL ?= /

.PHONY: build serve test check bench clean tiendo

tiendo:
	$(GO) build -o $(BIN) ./generator/cmd/tiendo

build: tiendo
	./$(BIN) build --base-url $(BASEURL)

serve: tiendo
	./$(BIN) serve

check: tiendo
	./$(BIN) check --strict

# Every test, none skipped: first installs what the browser and validator
# tests need (.ci/install.sh; nothing when it is all there), and fails saying
# what to install when it cannot.
test:
	@bash .ci/install.sh || { echo >&2; echo "make test: could not install what the tests need (Chromium, Java, axe-core, vnu-jar, actionlint; see .ci/install.sh)." >&2; echo "Run 'sudo bash .ci/install.sh' (Debian or Ubuntu), or install them yourself, then 'make test' again." >&2; exit 1; }
	$(GO) vet ./...
	CI=1 TIENDO_REQUIRE_BROWSER=1 TIENDO_VALIDATORS=1 $(GO) test ./...

# Go benchmarks of the hot paths, then tiendo and Hugo (when installed) on a
# synthetic site of 10,000 notes and 1,000 series (see generator/bench).
bench: tiendo
	$(GO) test -run '^$$' -bench . -benchmem ./generator/...
	$(GO) run ./generator/cmd/tiendo-bench -tiendo $(BIN)

clean:
	rm -rf bin public .cache

# --- Fuzzing, validators, workflow lint (make ci-extra; .ci/install.sh installs the tools) ---
# Each target runs for a number of executions from its seed corpus, sized to
# 2-14 s each on 2 cores (about a minute in all); FuzzSite checks whole sites,
# a few a second, so it gets 100 (up to 2 minutes on a fresh machine, as each
# new input is minimised). A count, not a duration: with a duration, Go 1.26's fuzz
# coordinator can report "context deadline exceeded" as a failure when the time
# runs out mid-execution (golang/go#75804, fixed in Go 1.27); CI hit it once.
# FUZZTIME=60s (or 1000000x) overrides every target's budget for a longer run.
FUZZTIME ?=
# package:target:executions
FUZZ_TARGETS := \
	calendar:FuzzParsePeriod:300000 calendar:FuzzParseDate:300000 \
	content:FuzzSplit:200000 content:FuzzParsePage:30000 \
	metrics:FuzzLoadSeries:60000 tomlfile:FuzzDecode:100000 \
	markdown:FuzzConvert:60000 hostile:FuzzChartBlock:100000 \
	hostile:FuzzSite:100

.PHONY: fuzz validate lint-workflows ci-extra

fuzz:
	@set -e; for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; rest=$${t#*:}; name=$${rest%%:*}; budget=$${rest#*:}x; \
		if [ -n "$(FUZZTIME)" ]; then budget=$(FUZZTIME); fi; \
		echo "fuzz $$name ($$pkg, $$budget)"; \
		$(GO) test -run '^$$' -fuzz "^$$name\$$" -fuzztime $$budget -fuzzminimizetime 5s ./generator/$$pkg; \
	done

# The Nu HTML Checker, the link check under /tiendo/, sitemap and feeds as XML, actionlint.
validate:
	TIENDO_VALIDATORS=1 $(GO) test -count=1 -v -run 'TestNuHTMLChecker|TestLinks|TestXML|TestActionlint' ./generator/validate

lint-workflows:
	@bin=$$(command -v actionlint || echo "$$($(GO) env GOPATH)/bin/actionlint"); \
	test -x "$$bin" || { echo "actionlint missing: run .ci/install.sh"; exit 1; }; \
	"$$bin" -no-color

ci-extra: fuzz validate lint-workflows
