// For people who have the Prisma CLI with its native engines (internet access): makes
// `npx prisma migrate deploy` / `migrate status` / `studio` work on the same files as our offline
// tooling (scripts/db). The provider follows DATABASE_URL, like the app (lib/db/config.ts).
// Offline, use `npm run db:migrate` and `npm run db:migration:new` instead.
import { defineConfig } from "prisma/config";

const url = process.env.DATABASE_URL?.trim() || "file:./data/lambdalab.db";
const postgres = /^postgres(ql)?:\/\//.test(url);

export default defineConfig({
  schema: postgres ? "prisma/postgresql/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: postgres ? "prisma/migrations/postgresql" : "prisma/migrations/sqlite" },
  datasource: { url },
});
