#!/usr/bin/env bash
# deploy/local/test.sh: the body of `make test`.
#
# Makes sure Kafka (127.0.0.1:9092) and Elasticsearch (127.0.0.1:9200) answer
# (uses what already answers, otherwise starts the local stack and leaves it
# running for the next run; `make stack-down` stops it), then runs the tests
# with the integration tests required (WARWIRE_INTEGRATION=1), in two phases:
#
#   1. go test -race ./...                 every package, side by side;
#   2. go test -race -tags disruptive      the tests that stop and restart the
#      -run Disruptive <their packages>    shared Elasticsearch/Kafka (files
#                                          tagged //go:build disruptive), alone,
#                                          so that they disturb no other test.
#
#   deploy/local/test.sh                   both phases
#   deploy/local/test.sh ./internal/...    phase 1 on those packages only
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

deploy/local/stack.sh ensure

export WARWIRE_INTEGRATION=1
flags=(-race -count=1 -timeout 25m)

if [[ $# -gt 0 ]]; then
  echo "+ go test ${flags[*]} $*" >&2
  exec go test "${flags[@]}" "$@"
fi

rc=0
echo "+ go test ${flags[*]} ./..." >&2
go test "${flags[@]}" ./... || rc=$?

# Packages holding disruptive tests: folders of *_test.go files carrying the tag.
mapfile -t disruptive < <(grep -rl --include='*_test.go' '^//go:build.*\bdisruptive\b' . \
  | grep -v -e '^\./\.stack/' -e '/testdata/' | xargs -r -n1 dirname | sort -u)
if (( ${#disruptive[@]} )); then
  # The previous phase may have left the stack half-stopped if a test died.
  deploy/local/stack.sh ensure
  echo "+ go test ${flags[*]} -tags disruptive -run Disruptive ${disruptive[*]}" >&2
  go test "${flags[@]}" -tags disruptive -run Disruptive "${disruptive[@]}" || rc=$?
fi
exit "$rc"
