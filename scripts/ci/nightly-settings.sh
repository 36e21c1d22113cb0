#!/usr/bin/env bash
# The nightly's settings, read before anything is installed: a run started by hand gives its own
# inputs; otherwise the repository's variables (Settings → Secrets and variables → Actions →
# Variables) decide, so a fork changes its nightly without editing YAML; otherwise the defaults.
# A wrong value fails the run here, in one line naming the variable, before a minute is spent on
# installing. The values go to $GITHUB_OUTPUT as source, days and fallback.
#   NIGHTLY_SOURCE   page | api           default page  (listing pages through Chromium, or the JSON API)
#   NIGHTLY_DAYS     1 … 31               default 4     (days fetched, ending with the latest UTC day)
#   NIGHTLY_FALLBACK true | false         default true  (a day whose page cannot be read is fetched
#                                                        through the API in the same run)
#   INPUT_SOURCE, INPUT_DAYS: the inputs of a run started by hand ("setting" or empty: the variable)
set -euo pipefail

# A value is the maintainer's, but it is printed inside a workflow command: no newline, no "%",
# no "::" may start another one.
shown() { printf '%s' "$1" | tr -d '\r\n%' | sed 's/::/: :/g' | cut -c1-60; }
fail() {
  echo "::error title=Nightly settings::$1"
  exit 1
}

source="${INPUT_SOURCE:-}"
source_from="the run's input source"
if [ -z "$source" ] || [ "$source" = "setting" ]; then
  source="${NIGHTLY_SOURCE:-page}"
  source_from="the repository variable NIGHTLY_SOURCE"
fi
case "$source" in
  page | api) ;;
  *) fail "$source_from is '$(shown "$source")': it must be page or api" ;;
esac

days="${INPUT_DAYS:-}"
days_from="the run's input days"
if [ -z "$days" ]; then
  days="${NIGHTLY_DAYS:-4}"
  days_from="the repository variable NIGHTLY_DAYS"
fi
if ! [[ "$days" =~ ^[0-9]{1,2}$ ]] || ((10#$days < 1 || 10#$days > 31)); then
  fail "$days_from is '$(shown "$days")': it must be a whole number of days from 1 to 31"
fi
days=$((10#$days))

fallback="${NIGHTLY_FALLBACK:-true}"
case "$fallback" in
  true | false) ;;
  *) fail "the repository variable NIGHTLY_FALLBACK is '$(shown "$fallback")': it must be true or false" ;;
esac

outputs="source=$source
days=$days
fallback=$fallback"
if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "$outputs" >>"$GITHUB_OUTPUT"; else echo "$outputs"; fi
echo "nightly settings: source $source, $days days, fallback to the API: $fallback"
