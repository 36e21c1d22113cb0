#!/usr/bin/env bash
# Names Astro's build cache (./.cache/astro, astro.config.mjs `cacheDir`: the pages of the last
# build and the main part of the search index, which let a build render and index only what
# changed) for actions/cache.
#   prefix  astro-<os>-<lockfile hash>-   an entry from other dependencies is never restored
#                                         (Astro clears its store on its own version and config
#                                         changes, not on those of zod or the loaders)
#   key     <prefix><hash of content/>    what was built: an exact hit when the content is the
#                                         same as at the last save (a second run of the day, a
#                                         re-run), else the newest entry with the prefix is
#                                         restored and Astro re-reads only the days that changed
# Run before the build (restore) and after it (save: the key of the content as built, which the
# next run checks out). Cache entries cannot be overwritten, so the content is in the key.
# Written to $GITHUB_OUTPUT when set, and printed.
#   bash scripts/ci/astro-cache-key.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

hash16() { sha256sum | cut -c1-16; }

lock="$(hash16 < package-lock.json)"
content_dir="${PAPERS_CONTENT:-content}"
if [ -d "$content_dir" ]; then
  # Names and bytes of every file, in a fixed order: any change, added or removed file changes it.
  content="$(cd "$content_dir" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum | hash16)"
else
  content="none"
fi
prefix="astro-${RUNNER_OS:-$(uname -s)}-${lock}-"
key="${prefix}${content}"

echo "prefix=${prefix}"
echo "key=${key}"
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  printf 'prefix=%s\nkey=%s\n' "$prefix" "$key" >>"$GITHUB_OUTPUT"
fi
