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
	./$(BIN) check $(if $(wildcard ../shared/seeds),--sources ../shared/seeds)

test:
	$(GO) vet ./...
	$(GO) test ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./generator/...

clean:
	rm -rf bin public .cache
