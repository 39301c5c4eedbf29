import { describe, expect, it } from "vitest";
import { pendingSchemaChange } from "@/scripts/db/drift";
import { testProvider } from "./helpers/database";

// The SQLite half of the drift check needs no server and lives beside the code
// (scripts/db/drift.test.ts); the PostgreSQL migrations are replayed on a shadow database.
describe.runIf(testProvider() === "postgresql")("PostgreSQL schema drift", () => {
  it("the PostgreSQL migrations produce exactly prisma/postgresql/schema.prisma", async () => {
    expect(await pendingSchemaChange("postgresql", { shadowUrl: process.env.TEST_DATABASE_URL })).toBe("");
  });
});
