#!/usr/bin/env bash
# Refresh the vendored third-party assets of the admin from npm.
# The admin must load nothing from a third-party host (django-modeltranslation's
# tabbed admin would fetch jQuery UI from ajax.googleapis.com): settings point
# JQUERY_UI_URL at static/vendor/jquery-ui/jquery-ui.min.js, copied here.
#   usage: static/vendor/update-vendor.sh [version]   (default 1.14.x)
set -euo pipefail
VERSION="${1:-1.14.x}"
HERE="$(cd "$(dirname "$0")" && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

cd "$WORK"
TARBALL="$(npm pack --silent "jquery-ui@$VERSION")"
tar -xzf "$TARBALL"
EXACT="$(node -p "require('./package/package.json').version")"

DEST="$HERE/jquery-ui"
rm -rf "$DEST"
mkdir -p "$DEST"
cp package/dist/jquery-ui.min.js "$DEST/"
cp package/LICENSE.txt "$DEST/LICENSE.txt"
printf 'jquery-ui %s\nfrom npm: %s\nfiles: dist/jquery-ui.min.js (tabs for django-modeltranslation)\n' \
    "$EXACT" "$TARBALL" > "$DEST/VERSION"
echo "jquery-ui $EXACT -> $DEST"
