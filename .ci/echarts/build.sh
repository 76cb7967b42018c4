#!/usr/bin/env bash
# Rebuilds assets/vendor/echarts/echarts.min.js: Apache ECharts 5.6.0 with only
# the parts tiendo's charts use (entry.js), bundled by esbuild as the global
# `echarts`. About half the size of the full build (550 KB, 184 KB gzipped,
# against 1,034 KB and 335 KB). If generator/charts starts using another
# series type or component, add it to entry.js and run this again.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
echo '{"name":"echarts-build","private":true}' > package.json
npm install --no-audit --no-fund --loglevel=error echarts@5.6.0 esbuild@0.24.2
cp "$here/entry.js" .
./node_modules/.bin/esbuild entry.js --bundle --minify --format=iife --global-name=echarts \
	--legal-comments=none --target=es2017 --outfile=echarts.min.js
out="$here/../../assets/vendor/echarts"
cp echarts.min.js "$out/echarts.min.js"
sha256sum echarts.min.js
