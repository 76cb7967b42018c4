#!/usr/bin/env bash
# .ci/install.sh: installs what the tests need beyond Go, on a fresh Debian
# machine (run as root) or on a developer's machine that already has it all.
# Idempotent: every step first checks whether its thing is already there, so a
# second run installs nothing and touches no network.
#
# To add a dependency, append a line at the end:
#   apt_install PACKAGE...      Debian packages (apt-get update runs once, only if needed)
#   npm_install NAME@VERSION... npm packages into .ci/node_modules (exact versions,
#                               recorded in .ci/package.json; .ci/node_modules is not committed)
set -euo pipefail
cd "$(dirname "$0")"

apt_updated=
apt_install() {
	local missing=()
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	local sudo=
	[ "$(id -u)" -ne 0 ] && sudo=sudo
	if [ -z "$apt_updated" ]; then
		$sudo apt-get update -qq
		apt_updated=1
	fi
	echo "install.sh: apt-get install ${missing[*]}"
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

npm_install() {
	local missing=()
	for spec in "$@"; do
		local name=${spec%@*} version=${spec##*@}
		local have
		have=$(node -p "require('./node_modules/$name/package.json').version" 2>/dev/null || true)
		[ "$have" = "$version" ] || missing+=("$spec")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	echo "install.sh: npm install ${missing[*]}"
	npm install --prefix . --save-exact --no-package-lock --no-audit --no-fund --loglevel=error "${missing[@]}"
}

# Browser tests (generator/browsertest): headless Chromium, fonts that cover
# Vietnamese for the screenshots, axe-core for the accessibility checks.
apt_install chromium fonts-dejavu-core fonts-liberation
npm_install axe-core@4.14.1
# Lighthouse (generator/lighthousetest) scores pages in that Chromium; pinned at
# 12.2.3 (12.x runs on Debian's Node 20; 13.x wants Node 22.19).
npm_install lighthouse@12.2.3

# --- Validators (generator/validate, `make ci-extra`; added by the security/reliability work) ---
# The Nu HTML Checker runs on Java from Debian; its jar comes from npm (vnu-jar),
# at .ci/node_modules/vnu-jar/build/dist/vnu.jar.
apt_install default-jre-headless
npm_install vnu-jar@26.9.27
# actionlint lints .github/workflows (pinned; built from source through the Go module proxy).
ACTIONLINT_VERSION=v1.7.12
if ! command -v actionlint >/dev/null 2>&1 && [ ! -x "$(go env GOPATH)/bin/actionlint" ]; then
	echo "install.sh: go install actionlint@$ACTIONLINT_VERSION"
	go install "github.com/rhysd/actionlint/cmd/actionlint@$ACTIONLINT_VERSION"
fi
