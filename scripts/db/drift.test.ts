import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { pendingSchemaChange, staticDrift } from "./drift";

// Fails when someone edits prisma/schema.prisma without writing the migrations (or the twin).
// The PostgreSQL half needs a server: tests/integration/db-drift.test.ts.
describe("schema drift", () => {
  it("the twin is current and both providers have the same migrations", () => {
    expect(staticDrift()).toEqual([]);
  });

  it("the SQLite migrations produce exactly prisma/schema.prisma", async () => {
    expect(await pendingSchemaChange("sqlite")).toBe("");
  });

  describe("catches drift (so the checks above can fail)", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "lambdalab-drift-"));
    afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

    it("reports the SQL a new model still needs", async () => {
      fs.cpSync("prisma", path.join(root, "prisma"), { recursive: true });
      fs.appendFileSync(path.join(root, "prisma/schema.prisma"), `\nmodel DriftProbe {\n  id String @id\n}\n`);
      expect(await pendingSchemaChange("sqlite", { root })).toMatch(/CREATE TABLE "DriftProbe"/);
      expect(staticDrift(root)).toEqual([expect.stringMatching(/out of date/)]);
    });
  });
});
