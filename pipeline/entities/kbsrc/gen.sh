#!/bin/sh
# Builds ../kb.yaml from the parts in this directory, in name order.
set -e
cd "$(dirname "$0")"
cat 00-header.yaml 10-titles.yaml 2*.yaml 3*.yaml 4*.yaml > ../kb.yaml
