#!/usr/bin/env bash
# Installs what the test suite needs on a fresh Debian machine, and nothing when it is already there:
# Debian's chromium (Playwright drives it; it never downloads a browser of its own) and ffmpeg
# (the recorder, the analyzer and the tests decode real clips with it), speech-dispatcher with the
# espeak-ng voice (Chromium speaks through it; tests/e2e/voice.spec.ts listens), then the npm packages
# (whose postinstall fetches and verifies the pinned models).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
{ command -v ffmpeg && command -v ffprobe; } >/dev/null 2>&1 || missing+=(ffmpeg)
[ -x /usr/bin/speech-dispatcher ] || missing+=(speech-dispatcher)
[ -x /usr/lib/speech-dispatcher-modules/sd_espeak-ng ] || missing+=(speech-dispatcher-espeak-ng)
[ -x /usr/bin/espeak-ng ] || missing+=(espeak-ng)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ] && ! command -v sudo >/dev/null 2>&1; then
    echo "setup: missing Debian packages: ${missing[*]}. Install them with: apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
  echo "setup: installing Debian packages: ${missing[*]}"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" fonts-dejavu-core >/dev/null
fi

# The same rule as `npm start` (scripts/lib/install-state.mjs): install when node_modules/.package-lock.json is
# missing or older than package-lock.json.
if ! node --input-type=module -e "import { installNeeded } from './scripts/lib/install-state.mjs'; process.exit(installNeeded('.') ? 1 : 0)"; then
  echo "setup: installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
else
  node scripts/fetch-models.mjs
fi
