#!/usr/bin/env bash
# deploy/local/demo.sh: the body of `make demo`. Brings the local stack up
# (or uses one that answers), builds warwire, creates the topic and index,
# sends the sample stories through Kafka, indexes them, and searches.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

run() { echo "+ $*" >&2; "$@"; }

deploy/local/stack.sh ensure
run go build -o bin/warwire ./cmd/warwire
run bin/warwire setup
run bin/warwire ingest testdata/stories/samples.jsonl
WARWIRE_LOG_FORMAT=console run bin/warwire worker --until-idle 5s
run bin/warwire status
run bin/warwire search "Zelenskyy"
