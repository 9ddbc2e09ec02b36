#!/usr/bin/env bash
# Installs what the test suite needs, and only what is missing:
#   - PostgreSQL server binaries (initdb/pg_ctl) for the throwaway test cluster,
#   - Debian's Chromium for the Playwright browser tests,
#   - Node.js/npm, and maildev into tools/maildev (the SMTP sink the mail tests read),
#   - axe-core into tools/axe (the accessibility checker the browser tests inject).
# Safe to run repeatedly: a second run on a ready machine touches nothing.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DEBIAN_FRONTEND=noninteractive

log() { printf '[install-test-deps] %s\n' "$*" >&2; }

have_initdb() {
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null
}

missing_apt=()
have_initdb || missing_apt+=(postgresql)
[[ -x /usr/bin/chromium ]] || missing_apt+=(chromium)
command -v node >/dev/null 2>&1 || missing_apt+=(nodejs)
command -v npm >/dev/null 2>&1 || missing_apt+=(npm)

if ((${#missing_apt[@]} > 0)); then
  if [[ $(id -u) -ne 0 ]]; then
    log "missing: ${missing_apt[*]}"
    log "run as root (or: sudo apt-get install -y ${missing_apt[*]}) and retry"
    exit 1
  fi
  log "installing Debian packages: ${missing_apt[*]}"
  # One update, and only because something has to be installed.
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing_apt[@]}" </dev/null >/dev/null
fi

have_initdb || { log "postgresql installed but no initdb under /usr/lib/postgresql/*/bin"; exit 1; }
[[ -x /usr/bin/chromium ]] || { log "/usr/bin/chromium still missing"; exit 1; }

# maildev lives in a project-local prefix so the version is pinned by the committed lock
# file and nothing is installed globally.
maildev_dir="$repo_root/tools/maildev"
maildev_bin="$maildev_dir/node_modules/.bin/maildev"
if [[ ! -x $maildev_bin ]]; then
  log "installing maildev into tools/maildev"
  if [[ -f $maildev_dir/package-lock.json ]]; then
    npm ci --prefix "$maildev_dir" --no-audit --no-fund --loglevel=error </dev/null
  else
    npm install --prefix "$maildev_dir" --no-audit --no-fund --loglevel=error maildev@2.2.1 </dev/null
  fi
fi
[[ -x $maildev_bin ]] || { log "maildev not found at $maildev_bin after install"; exit 1; }

# axe-core, pinned the same way: the browser tests inject its axe.min.js into pages.
axe_dir="$repo_root/tools/axe"
axe_script="$axe_dir/node_modules/axe-core/axe.min.js"
if [[ ! -f $axe_script ]]; then
  log "installing axe-core into tools/axe"
  if [[ -f $axe_dir/package-lock.json ]]; then
    npm ci --prefix "$axe_dir" --no-audit --no-fund --loglevel=error </dev/null
  else
    npm install --prefix "$axe_dir" --no-audit --no-fund --loglevel=error axe-core@4.10.3 </dev/null
  fi
fi
[[ -f $axe_script ]] || { log "axe-core not found at $axe_script after install"; exit 1; }

log "ok: $(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1), $(/usr/bin/chromium --version 2>/dev/null || echo chromium), node $(node --version), maildev $(node -p "require('$maildev_dir/node_modules/maildev/package.json').version"), axe-core $(node -p "require('$axe_dir/node_modules/axe-core/package.json').version")"
