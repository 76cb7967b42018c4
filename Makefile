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
	./$(BIN) check --strict $(if $(wildcard ../shared/seeds),--sources ../shared/seeds)

test:
	$(GO) vet ./...
	$(GO) test ./...

# Go benchmarks of the hot paths, then tiendo and Hugo (when installed) on a
# synthetic site of 10,000 notes and 1,000 series (see generator/bench).
bench: tiendo
	$(GO) test -run '^$$' -bench . -benchmem ./generator/...
	$(GO) run ./generator/cmd/tiendo-bench -tiendo $(BIN)

clean:
	rm -rf bin public .cache

# --- Fuzzing, validators, workflow lint (make ci-extra; .ci/install.sh installs the tools) ---
FUZZTIME ?= 10s
# package:target pairs; each runs for FUZZTIME from its seed corpus.
FUZZ_TARGETS := \
	calendar:FuzzParsePeriod calendar:FuzzParseDate \
	content:FuzzSplit content:FuzzParsePage \
	metrics:FuzzLoadSeries tomlfile:FuzzDecode \
	markdown:FuzzConvert hostile:FuzzChartBlock

.PHONY: fuzz validate lint-workflows ci-extra

fuzz:
	@set -e; for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; name=$${t##*:}; \
		echo "fuzz $$name ($$pkg, $(FUZZTIME))"; \
		$(GO) test -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 5s ./generator/$$pkg; \
	done

# The Nu HTML Checker, the link check under /tiendo/, sitemap and feeds as XML, actionlint.
validate:
	TIENDO_VALIDATORS=1 $(GO) test -count=1 -v -run 'TestNuHTMLChecker|TestLinks|TestXML|TestActionlint' ./generator/validate

lint-workflows:
	@bin=$$(command -v actionlint || echo "$$($(GO) env GOPATH)/bin/actionlint"); \
	test -x "$$bin" || { echo "actionlint missing: run .ci/install.sh"; exit 1; }; \
	"$$bin" -no-color

ci-extra: fuzz validate lint-workflows
