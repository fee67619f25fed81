#!/usr/bin/env bash
# Prepares this checkout for the notebooks: node packages, the compiled library,
# Jupyter with the tslab TypeScript kernel and, with --browser, Chromium for the
# rendered-HTML checks and the SVG copies of figures in executed notebooks (npm run
# workbook asks for it). Every step checks first and does nothing when its piece
# is already present, so running it again is quick.
#
#   bash scripts/setup.sh [--browser]
#   bash scripts/setup.sh --print-packages [--browser]   (the Debian packages, for CI)
#
# Jupyter and Chromium come from Debian packages. When they are missing and this
# is not a root shell on a Debian-like system, the script prints the command to
# run and stops. It never downloads a browser.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

want_browser=no
print_packages=no
for arg in "$@"; do
  case "$arg" in
    --browser) want_browser=yes ;;
    --print-packages) print_packages=yes ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "setup: unknown argument '$arg' (expected: --browser, --print-packages)" >&2; exit 2 ;;
  esac
done

# Jupyter runs on Debian's python; the python3 first on PATH may be another one.
PY=/usr/bin/python3
JUPYTER_PACKAGES=(jupyter-nbconvert python3-nbclient jupyter-client python3-ipykernel jupyter-notebook)
BROWSER_PACKAGES=(chromium)

if [[ $print_packages == yes ]]; then
  if [[ $want_browser == yes ]]; then echo "${JUPYTER_PACKAGES[*]} ${BROWSER_PACKAGES[*]}"; else echo "${JUPYTER_PACKAGES[*]}"; fi
  exit 0
fi

# ipykernel's import of debugpy otherwise warns about frozen modules on every jupyter command.
export PYDEVD_DISABLE_FILE_VALIDATION=1

say() { echo "setup: $*"; }
fail() { echo "setup: error: $*" >&2; exit 1; }

# Installs Debian packages when we may; otherwise says which command to run.
apt_install() {
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    say "installing Debian packages: $*"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
  else
    echo "setup: error: missing Debian packages. Install them with:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends $*" >&2
    exit 1
  fi
}

# 1. Node packages: install when node_modules is missing or older than the lock file.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  say "installing node packages (npm ci)"
  npm ci --no-audit --no-fund
fi

# 2. The compiled library the notebooks import from ../dist.
say "building the library (tsc)"
npm run --silent build

# 3. Jupyter (Debian's) and the tslab kernel.
if ! "$PY" -c 'import nbclient, nbconvert, ipykernel' >/dev/null 2>&1 || ! command -v jupyter >/dev/null 2>&1; then
  apt_install "${JUPYTER_PACKAGES[@]}"
  "$PY" -c 'import nbclient, nbconvert, ipykernel' >/dev/null 2>&1 \
    || fail "Jupyter is still not importable by $PY after installing ${JUPYTER_PACKAGES[*]}"
fi

# The kernelspec names the tslab binary of this checkout by its absolute path, so
# the kernel starts from any front end (npm run lab, VS Code, a plain `jupyter
# notebook`); tslab then runs the copy found above the notebook's folder. Register
# when the kernel is missing or its binary is no longer there.
TSLAB_BIN="$PWD/node_modules/.bin/tslab"
registered=$("$PY" -c '
from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
try:
    print(KernelSpecManager().get_kernel_spec("tslab").argv[0])
except NoSuchKernel:
    pass
' 2>/dev/null || true)
if [[ -z $registered || $registered != /* || ! -x $registered ]]; then
  say "registering the tslab kernel with Jupyter (${TSLAB_BIN})"
  npx --no-install tslab install --python="$PY" --binary="$TSLAB_BIN"
  jupyter kernelspec list 2>/dev/null | awk '{print $1}' | grep -qx tslab \
    || fail "the tslab kernel is not listed by 'jupyter kernelspec list' after 'tslab install'"
fi

# 4. Chromium for the browser checks of the exported HTML and the figures' SVG copies.
if [[ $want_browser == yes && ! -x /usr/bin/chromium ]]; then
  apt_install "${BROWSER_PACKAGES[@]}"
  [[ -x /usr/bin/chromium ]] || fail "/usr/bin/chromium is missing after installing ${BROWSER_PACKAGES[*]}"
fi

say "ready"
