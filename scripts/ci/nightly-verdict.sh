#!/usr/bin/env bash
# The nightly workflow's last word. The nightly step (scripts/ci/nightly.ts) lets a run whose
# days partly failed go on to deploy what it archived, and the freshness step
# (scripts/ci/freshness.ts) lets a stale archive be deployed too; this fails the run afterwards,
# so that GitHub marks it failed and notifies the maintainer, with an annotation per problem
# saying where to look. (An annotation's title holds no ":" or ",", which GitHub reads as syntax.)
#   NIGHTLY_EXIT_CODE=1 STATUS_EXIT_CODE=0 bash scripts/ci/nightly-verdict.sh
set -euo pipefail

nightly="${NIGHTLY_EXIT_CODE:-}"
status="${STATUS_EXIT_CODE:-}"
failed=0

case "$nightly" in
  0) ;;
  1)
    echo "::error title=Some days failed::The days that could be archived were committed and published; the run's summary lists the days that failed and why. The next run tries them again."
    failed=1
    ;;
  *)
    echo "::error title=Nightly step failed::The nightly step reported exit status '${nightly:-nothing}': nothing was published."
    failed=1
    ;;
esac

case "$status" in
  0) ;;
  *)
    echo "::error title=Archive not fresh::'papers status --max-age' reported exit status '${status:-nothing}': the newest day held is too old, or a day file does not read. See the step \"Check the archive is fresh\"; Hugging Face may have changed."
    failed=1
    ;;
esac

if [ "$failed" -eq 0 ]; then
  echo "nightly: every day archived and published, and the archive is fresh"
fi
exit "$failed"
