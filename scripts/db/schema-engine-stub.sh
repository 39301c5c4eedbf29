#!/bin/sh
# Stand-in for Prisma's native schema-engine binary, which cannot be downloaded on offline machines.
# `prisma generate` only needs a path to exist; anything that really needs the engine (migrate,
# db push) must fail loudly instead of printing nothing. Use `npm run db:migration:new` and
# `npm run db:migrate` (scripts/db/) instead.
echo "lambda-lab: the native Prisma schema engine is not installed; use npm run db:migrate / db:migration:new" >&2
exit 1
