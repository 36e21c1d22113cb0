#!/usr/bin/env bash
# The author of the commits the workflows make (the nightly's and the backfill's): GitHub's own
# Actions bot, as GitHub documents it, so that the history shows which commits no person wrote.
# Set in this checkout only, before anything commits.
set -euo pipefail
git config user.name "github-actions[bot]"
git config user.email "41898282+github-actions[bot]@users.noreply.github.com"
echo "git: committing as $(git config user.name) <$(git config user.email)>"
