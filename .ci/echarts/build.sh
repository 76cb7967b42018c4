#!/usr/bin/env bash
# Rebuilds assets/vendor/echarts/echarts.min.js: Apache ECharts 5.6.0 with only
# the parts tiendo's charts use (entry.js), bundled by esbuild as the global
# `echarts`. About half the size of the full build (550 KB, 184 KB gzipped,
# against 1,034 KB and 335 KB). If generator/charts starts using another
# series type or component, add it to entry.js and run this again.
# echarts-map.min.js is the same with the map chart and its colour scale
# (entry-map.js), for pages that draw a map only.
# The first line of each, //# allFunctionsCalledOnLoad, is a compile hint:
# Chromium (136 and later) compiles the whole file as it downloads, off the
# main thread, instead of each function the first time a chart calls it,
# which made drawing the first chart of a page a long task. Other browsers
# read a comment.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
echo '{"name":"echarts-build","private":true}' > package.json
npm install --no-audit --no-fund --loglevel=error echarts@5.6.0 esbuild@0.24.2
out="$here/../../assets/vendor/echarts"
for entry in entry entry-map; do
	name=echarts.min.js
	[ "$entry" = entry-map ] && name=echarts-map.min.js
	cp "$here/$entry.js" .
	./node_modules/.bin/esbuild "$entry.js" --bundle --minify --format=iife --global-name=echarts \
		--legal-comments=none --target=es2017 --outfile="$name" \
		--banner:js='//# allFunctionsCalledOnLoad'
	cp "$name" "$out/$name"
	sha256sum "$name"
done
