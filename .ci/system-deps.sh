#!/usr/bin/env bash
# Installs the Debian packages the portal and its tests need, only when missing:
# graphviz (dot lays out strategy maps), fonts-noto-cjk (so dot measures Chinese labels),
# chromium (end-to-end tests; Playwright drives it, never downloads a browser),
# libreoffice-calc-nogui (--office: the workbook test opens exported XLSX files headless),
# python3-venv (only when `python3 -m venv` failed, on Debian's own Python),
# default-jre-headless and npm (the Nu HTML Checker, tests/e2e/test_html_valid.py: `make vnu`).
set -euo pipefail
need=()
command -v dot >/dev/null 2>&1 || need+=(graphviz)
# grep reads all of fc-list (no -q): under pipefail an early exit would SIGPIPE fc-list and look like a miss
fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null || need+=(fonts-noto-cjk fontconfig)
for arg in "$@"; do
  case "$arg" in
    --browser) [ -x /usr/bin/chromium ] || need+=(chromium) ;;
    # the Nu HTML Checker: a Java program, fetched from the npm registry (make vnu)
    --vnu) command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
           command -v npm >/dev/null 2>&1 || need+=(npm) ;;
    --office) command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui) ;;
    # Debian's own python3 ships venv/ensurepip separately
    --venv) need+=("python3-venv") ;;
  esac
done
if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
echo "Installing Debian packages: ${need[*]}"
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
