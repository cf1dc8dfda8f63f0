#!/usr/bin/env bash
# Install the Codewerk application built by `make app` for the current user (no root needed):
#   installers/linux/install.sh [BUNDLE_DIR]        (default: dist/codewerk)
#   installers/linux/install.sh --uninstall
# The bundle goes to ~/.local/lib/codewerk, the `codewerk` command to ~/.local/bin, the menu entry,
# the icons and the *.codewerk file type (opened with Codewerk on a double-click) to ~/.local/share.
# XDG_DATA_HOME and PREFIX_BIN move the last two (tests install into a temporary folder).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
bin="${PREFIX_BIN:-$HOME/.local/bin}"
lib="${PREFIX_LIB:-$HOME/.local/lib}/codewerk"
sizes="16 24 32 48 64 128 256 512"

refresh() {
  # Each cache tool is optional: without it the desktop finds the files on its next scan.
  if command -v update-mime-database >/dev/null 2>&1; then update-mime-database "$data/mime" >/dev/null; fi
  if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database -q "$data/applications" || true; fi
  if [ "${1:-}" = "install" ] && command -v xdg-mime >/dev/null 2>&1; then
    xdg-mime default codewerk.desktop application/x-codewerk 2>/dev/null || true
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1; then gtk-update-icon-cache -q -t "$data/icons/hicolor" || true; fi
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$lib"
  rm -f "$bin/codewerk" "$data/applications/codewerk.desktop" "$data/mime/packages/codewerk.xml"
  for size in $sizes; do rm -f "$data/icons/hicolor/${size}x${size}/apps/codewerk.png"; done
  rm -f "$data/icons/hicolor/scalable/apps/codewerk.svg"
  mkdir -p "$data/mime" "$data/applications" "$data/icons/hicolor"
  refresh
  echo "Codewerk removed (your projects are untouched)."
  exit 0
fi

bundle="$(cd "${1:-$root/dist/codewerk}" 2>/dev/null && pwd)" || {
  echo "install.sh: no application at ${1:-$root/dist/codewerk}: run \`make app\` first" >&2
  exit 1
}
[ -x "$bundle/codewerk" ] || { echo "install.sh: $bundle has no codewerk program" >&2; exit 1; }

mkdir -p "$(dirname "$lib")" "$bin" "$data/applications" "$data/mime/packages"
rm -rf "$lib.new"
cp -a "$bundle" "$lib.new"
rm -rf "$lib"
mv "$lib.new" "$lib"
ln -sfn "$lib/codewerk" "$bin/codewerk"

# Exec with the absolute path, so the menu entry works whether or not ~/.local/bin is on PATH.
sed -e "s|^Exec=codewerk |Exec=$lib/codewerk |" -e "s|^TryExec=codewerk|TryExec=$lib/codewerk|" \
  "$here/codewerk.desktop" > "$data/applications/codewerk.desktop"
cp "$here/codewerk-mime.xml" "$data/mime/packages/codewerk.xml"
icons="$root/resources/icons"
[ -d "$icons" ] || icons="$lib/_internal/resources/icons"
for size in $sizes; do
  mkdir -p "$data/icons/hicolor/${size}x${size}/apps"
  cp "$icons/codewerk-$size.png" "$data/icons/hicolor/${size}x${size}/apps/codewerk.png"
done
mkdir -p "$data/icons/hicolor/scalable/apps"
cp "$icons/codewerk.svg" "$data/icons/hicolor/scalable/apps/codewerk.svg"
refresh install
echo "Codewerk installed: the menu has it, *.codewerk files open with it, and \`codewerk\` runs it ($bin)."
