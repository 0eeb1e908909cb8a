# warwire: feeds -> Kafka -> worker -> Elasticsearch.
#
# The local stack (Kafka 127.0.0.1:9092, Elasticsearch 127.0.0.1:9200) runs
# without Docker from deploy/local/stack.sh; data and logs live in .stack/.
# `make help` lists the targets.

GO    ?= go
STACK := deploy/local/stack.sh

# Go files to format-check: everything but fixtures and the stack folder.
GOFILES = $(shell find . -name '*.go' -not -path './.stack/*' -not -path '*/testdata/*' -not -path './vendor/*')

.PHONY: help build test bench demo docs fmt vet lint clean \
	stack-up stack-down stack-status stack-logs stack-wipe

help: ## list the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  %-14s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

build: ## build bin/warwire
	$(GO) build -o bin/warwire ./cmd/warwire

test: ## all tests, integration included (starts the stack unless 9092 and 9200 answer)
	deploy/local/test.sh

bench: ## benchmarks, one package at a time, integration included (starts the stack unless it answers)
	$(STACK) ensure
	WARWIRE_INTEGRATION=1 $(GO) test -p 1 -timeout 60m -run '^$$' -bench . -benchmem ./...

demo: ## stack up, setup, ingest the samples, index them, search
	deploy/local/demo.sh

stack-up: ## start Kafka and Elasticsearch (downloads once) and wait until ready
	$(STACK) up

stack-down: ## stop what stack-up started
	$(STACK) down

stack-status: ## what runs: pids, ports, versions
	$(STACK) status

stack-logs: ## tail of the stack's logs
	$(STACK) logs

stack-wipe: ## stop the stack and delete its data and logs (keeps downloads)
	$(STACK) wipe

docs: ## regenerate the README's configuration table from the code
	WARWIRE_UPDATE_README=1 $(GO) test -count=1 -run TestReadmeConfigTable ./cmd/warwire

fmt: ## gofmt every Go file
	$(GO) fmt ./...

vet: ## go vet
	$(GO) vet ./...

lint: ## fail on unformatted files, then go vet
	@out="$$(gofmt -l $(GOFILES))"; \
	if [ -n "$$out" ]; then echo "gofmt needed on:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

clean: ## remove build and test outputs (not the stack: see stack-wipe)
	rm -rf bin testdata/artifacts
	find . -path ./.stack -prune -o \( -name '*.test' -o -name '*.out' \) -type f -print -exec rm -f {} +
