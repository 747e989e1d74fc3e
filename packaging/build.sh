#!/usr/bin/env bash
# Build BP Studio for installation without a Python toolchain, from a clean checkout:
#   dist/bpstudio-<v>-py3-none-any.whl, dist/bpstudio-<v>.tar.gz    (python -m build)
#   dist/bpstudio/                                                   (PyInstaller one-folder bundle)
#   dist/bpstudio-<v>-linux-<arch>.tar.gz                            (the bundle, for unpacking anywhere)
#   dist/bpstudio_<v>_<debarch>.deb                                  (the bundle in /opt/bpstudio, packaging/make-deb.sh)
# It runs `bpstudio --self-test` in the built bundle and prints the sizes and the build time.
# Needs Python >= 3.11 with venv; dpkg-deb for the .deb, icu-devtools (icupkg) and gcc to trim Qt's ICU data,
# fonts-wqy-microhei for the bundled Chinese font (each skipped with a note when missing). The bundle
# needs the glibc of the build machine or newer (built on Debian 12: glibc 2.36).
#   packaging/build.sh             everything
#   packaging/build.sh --no-deb    no .deb
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
make_deb=1
[ "${1:-}" = "--no-deb" ] && make_deb=0

# the build tools from the distribution, when it is Debian or Ubuntu (as scripts/setup does for the app)
if command -v dpkg >/dev/null 2>&1; then
  missing=()
  for pkg in binutils gcc icu-devtools fonts-wqy-microhei dpkg-dev; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "build: installing ${missing[*]}"
    sudo_=""; [ "$(id -u)" -eq 0 ] || sudo_=sudo
    $sudo_ apt-get update -qq >/dev/null
    $sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

python=""
for candidate in "${PYTHON:-}" python3.13 python3.12 python3.11 python3; do
  [ -n "$candidate" ] || continue
  if command -v "$candidate" >/dev/null 2>&1 &&
     "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    python=$candidate; break
  fi
done
[ -n "$python" ] || { echo "build: needs Python 3.11 or newer (set PYTHON=/path/to/python3)"; exit 1; }

version=$("$python" -c 'import re,sys; print(re.search(r"__version__ = \"(.+?)\"", open("bpstudio/__init__.py").read())[1])')
arch=$(uname -m)
echo "== BP Studio $version: building with $("$python" --version) on $arch"

# a build environment of its own: the app installed from its wheel, as a user gets it, plus the tools
venv=build/venv
rm -rf build/pyinstaller dist/bpstudio "$venv"
"$python" -m venv "$venv"
pip() { "$venv/bin/python" -m pip -q --disable-pip-version-check "$@"; }
pip install --upgrade pip
pip install "build>=1.2" "pyinstaller>=6.10" "fonttools>=4.50"

echo "== wheel and sdist"
rm -f dist/bpstudio-*.whl "dist/bpstudio-$version.tar.gz"
"$venv/bin/python" -m build --outdir dist . >build/python-build.log 2>&1 || { tail -30 build/python-build.log; exit 1; }
wheel=$(ls dist/bpstudio-"$version"-py3-none-any.whl)
pip install "$wheel"

echo "== PyInstaller bundle"
"$venv/bin/pyinstaller" --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
  packaging/bpstudio.spec
bundle=dist/bpstudio
# Python's own library comes with its debugging symbols (tens of MB); numpy's libraries are left as they are
# (stripping OpenBLAS breaks it)
if command -v strip >/dev/null 2>&1; then
  strip --strip-debug "$bundle"/_internal/libpython3*.so* "$bundle"/_internal/python3*/lib-dynload/*.so 2>/dev/null || true
fi
# a Chinese font travels with the bundle, cut down to the characters it can meet, so the Chinese UI shows on
# systems without one; and Qt's ICU data keeps the English and Chinese locales only (Linux)
resources_dir=$(find "$bundle" -type d -path '*bpstudio/resources' | head -1)
"$venv/bin/python" packaging/cjk_font.py "$resources_dir"
"$venv/bin/python" packaging/icu_data.py "$bundle"

echo "== self-test of the bundle"
"$bundle/bpstudio" --self-test

echo "== tarball"
tarball=dist/bpstudio-$version-linux-$arch.tar.gz
tar -C dist -czf "$tarball" bpstudio

deb=""
if [ $make_deb = 1 ]; then
  if command -v dpkg-deb >/dev/null 2>&1; then
    echo "== .deb"
    deb=$(bash packaging/make-deb.sh "$bundle" "$version")
  else
    echo "build: dpkg-deb not found: no .deb"
  fi
fi

elapsed=$(( $(date +%s) - started ))
echo
echo "== BP Studio $version built in ${elapsed} s"
"$venv/bin/python" - "$wheel" "dist/bpstudio-$version.tar.gz" "$bundle" "$tarball" $deb <<'EOF'
import sys
from pathlib import Path


def size(path: Path) -> int:
    if path.is_dir():
        return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())
    return path.stat().st_size


print(f"{'artefact':<48} {'MB':>8} {'MiB':>8}")
for name in sys.argv[1:]:
    n = size(Path(name))
    print(f"{name:<48} {n / 1e6:>8.1f} {n / 2**20:>8.1f}")
fonts = [f for f in Path(sys.argv[3]).rglob("resources/fonts/*") if f.suffix in (".ttc", ".ttf", ".otf")]
if fonts:
    n = size(Path(sys.argv[3])) - sum(f.stat().st_size for f in fonts)
    print(f"{'the bundle without its CJK font':<48} {n / 1e6:>8.1f} {n / 2**20:>8.1f}")
EOF
