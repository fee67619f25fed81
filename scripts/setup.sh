#!/usr/bin/env bash
# Prepares this checkout for the notebooks: node packages, the compiled library,
# Jupyter with NetLab's TypeScript kernel and, with --browser, Chromium for the
# rendered-HTML checks and the SVG copies of figures in executed notebooks (npm run
# workbook asks for it). Every step checks first and does nothing when its piece
# is already present, so running it again is quick.
#
#   bash scripts/setup.sh [--browser]
#   bash scripts/setup.sh --print-packages [--browser]   (the Debian packages, for CI)
#
# Jupyter is the first python that has it: NETLAB_PYTHON, else python3 or python
# on PATH (pip, conda, a virtualenv, macOS), else Debian's /usr/bin/python3
# (scripts/jupyterSetup.ts). Without one, a root shell on a Debian-like system
# installs the Debian packages; anyone else gets the commands for Debian and pip.
# The kernel is registered per user as netlab-tslab. Chromium comes from Debian;
# the script never downloads a browser.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

want_browser=no
print_packages=no
for arg in "$@"; do
  case "$arg" in
    --browser) want_browser=yes ;;
    --print-packages) print_packages=yes ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "setup: unknown argument '$arg' (expected: --browser, --print-packages)" >&2; exit 2 ;;
  esac
done

# The Debian packages for Jupyter; scripts/jupyterSetup.ts names the same ones.
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
# A node_modules that links to another checkout's is used as it is: npm ci would
# empty the folder it links to, under the other checkout.
if [[ -L node_modules ]]; then
  [[ -x node_modules/.bin/tslab && -x node_modules/.bin/tsx ]] \
    || fail "node_modules links to $(readlink node_modules), which lacks tslab or tsx; run npm ci in that checkout"
  say "node packages: node_modules links to $(readlink node_modules), used as it is"
elif [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  say "installing node packages (npm ci)"
  npm ci --no-audit --no-fund
fi

# 2. The compiled library the notebooks import from ../dist.
say "building the library (tsc)"
npm run --silent build

# 3. Jupyter and the kernel. jupyterSetup.ts prints the python to use; exit code 3
# asks for the Debian packages first; any other failure has printed what to run.
jupyter_setup() { node_modules/.bin/tsx scripts/jupyterSetup.ts "$@"; }
status=0
PY=$(jupyter_setup find) || status=$?
if [[ $status -eq 3 ]]; then
  apt_install "${JUPYTER_PACKAGES[@]}"
  PY=$(jupyter_setup find --no-apt) || fail "no python can import Jupyter after installing ${JUPYTER_PACKAGES[*]}"
elif [[ $status -ne 0 ]]; then
  exit 1
fi
say "Jupyter: $PY"

# The kernelspec names the tslab binary of this checkout by its absolute path, so
# the kernel starts from any front end (npm run lab, VS Code, JupyterLab); tslab
# then runs the copy found above the notebook's folder. It is registered per user
# (or in JUPYTER_DATA_DIR) when missing or when its binary is no longer there.
jupyter_setup kernel --python "$PY" --tslab "$PWD/node_modules/.bin/tslab"

# 4. Chromium for the browser checks of the exported HTML and the figures' SVG copies.
if [[ $want_browser == yes && ! -x /usr/bin/chromium ]]; then
  apt_install "${BROWSER_PACKAGES[@]}"
  [[ -x /usr/bin/chromium ]] || fail "/usr/bin/chromium is missing after installing ${BROWSER_PACKAGES[*]}"
fi

say "ready"
