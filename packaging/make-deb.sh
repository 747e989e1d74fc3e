#!/usr/bin/env bash
# Wrap a built bundle as a .deb: the bundle in /opt/bpstudio, a launcher /usr/bin/bpstudio, the desktop entry,
# icons, AppStream metainfo and the .bpsproj file type. Prints the .deb's path.
#   packaging/make-deb.sh dist/bpstudio 0.1.0
# (dpkg's triggers refresh the desktop, icon and MIME caches on install: no maintainer scripts needed.)
set -euo pipefail
cd "$(dirname "$0")/.."
bundle=${1:?bundle folder}
version=${2:?version}
id=io.github.bpstudio.BPStudio
debarch=$(dpkg --print-architecture)
root=build/deb/bpstudio_${version}_${debarch}
rm -rf "$root"
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications" "$root/usr/share/metainfo" \
  "$root/usr/share/mime/packages" "$root/usr/share/icons/hicolor/scalable/apps" "$root/usr/share/doc/bpstudio"
cp -a "$bundle" "$root/opt/bpstudio"

cat > "$root/usr/bin/bpstudio" <<'EOF'
#!/bin/sh
# BP Studio lives in /opt/bpstudio (a self-contained bundle: its own Python, Qt and NumPy)
exec /opt/bpstudio/bpstudio "$@"
EOF
chmod 755 "$root/usr/bin/bpstudio"

cp packaging/linux/$id.desktop "$root/usr/share/applications/"
cp packaging/linux/$id.metainfo.xml "$root/usr/share/metainfo/"
cp packaging/linux/$id.mime.xml "$root/usr/share/mime/packages/$id.xml"
cp resources/icons/bpstudio.svg "$root/usr/share/icons/hicolor/scalable/apps/$id.svg"
for png in resources/icons/bpstudio-*.png; do
  size=$(basename "$png" .png); size=${size#bpstudio-}
  mkdir -p "$root/usr/share/icons/hicolor/${size}x${size}/apps"
  cp "$png" "$root/usr/share/icons/hicolor/${size}x${size}/apps/$id.png"
done
cat > "$root/usr/share/doc/bpstudio/copyright" <<EOF
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: BP Studio

Files: *
License: MIT
 BP Studio is MIT licensed (see LICENSE in its source). The bundle in /opt/bpstudio also carries Python
 (PSF-2.0), Qt 6 and PySide6 (LGPL-3.0), NumPy and OpenBLAS (BSD-3-Clause), pyqtgraph (MIT) and, when present,
 WenQuanYi Micro Hei (Apache-2.0), each under its own licence.
EOF
# the libraries Qt's xcb platform and fontconfig load from the system (the bundle carries the rest)
depends="libc6 (>= 2.36), libglib2.0-0, libgl1, libegl1, libfontconfig1, libfreetype6, libdbus-1-3, libxkbcommon0,
 libxkbcommon-x11-0, libx11-6, libx11-xcb1, libxcb1, libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, libxcb-image0,
 libxcb-render-util0, libxcb-shape0, libxcb-randr0, libxcb-xfixes0, libxcb-sync1, libxcb-xkb1"
installed=$(du -sk "$root" | cut -f1)
cat > "$root/DEBIAN/control" <<EOF
Package: bpstudio
Version: $version
Architecture: $debarch
Maintainer: BP Studio developers <bpstudio@users.noreply.github.com>
Installed-Size: $installed
Depends: $(echo "$depends" | tr -d '\n')
Recommends: fonts-wqy-microhei | fonts-noto-cjk
Section: education
Priority: optional
Homepage: https://github.com/bpstudio/bpstudio
Description: step backpropagation one layer at a time and see every number
 BP Studio builds a layered neural network visually, steps the forward and the
 backward pass one layer at a time and shows every number backpropagation
 produces (z, a, δ, ∂L/∂W, ∂L/∂b) in live matrix panels, next to the four
 equations BP1-BP4 with those numbers substituted. Interactive training with
 loss curves and decision boundaries, guided lessons, worked-example exports,
 English and Simplified Chinese.
EOF
mkdir -p dist
out=dist/bpstudio_${version}_${debarch}.deb
dpkg-deb --root-owner-group -Zxz --build "$root" "$out" >/dev/null
echo "$out"
