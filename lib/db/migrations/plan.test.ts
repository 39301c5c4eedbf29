import { describe, expect, it } from "vitest";
import { checksumOf, type MigrationFile } from "./files";
import { planMigrations, type AppliedMigration } from "./plan";

const file = (name: string, sql = `-- ${name}\n`): MigrationFile => ({ name, sql, checksum: checksumOf(sql) });
const row = (m: MigrationFile, over: Partial<AppliedMigration> = {}): AppliedMigration => ({
  id: `id-${m.name}`,
  name: m.name,
  checksum: m.checksum,
  finishedAt: new Date(0),
  rolledBackAt: null,
  logs: null,
  ...over,
});

const a = file("20260101000000_a");
const b = file("20260102000000_b");
const c = file("20260103000000_c");

describe("planMigrations", () => {
  it("applies everything on an empty database, in order", () => {
    expect(planMigrations([a, b, c], []).pending.map((m) => m.name)).toEqual([a.name, b.name, c.name]);
  });

  it("applies only what is missing", () => {
    const plan = planMigrations([a, b, c], [row(a), row(b)]);
    expect(plan.pending.map((m) => m.name)).toEqual([c.name]);
    expect(plan).toMatchObject({ unknown: [], failed: [], edited: [] });
  });

  it("reports migrations the code does not know (database newer than code)", () => {
    const future = file("20270101000000_future");
    expect(planMigrations([a], [row(a), row(future)]).unknown).toEqual([future.name]);
  });

  it("reports a started-but-unfinished migration as failed", () => {
    const plan = planMigrations([a, b], [row(a), row(b, { finishedAt: null, logs: "boom" })]);
    expect(plan.failed.map((f) => f.name)).toEqual([b.name]);
  });

  it("treats a rolled-back migration as pending again, not failed", () => {
    const plan = planMigrations([a, b], [row(a), row(b, { finishedAt: null, rolledBackAt: new Date(1) })]);
    expect(plan.failed).toEqual([]);
    expect(plan.pending.map((m) => m.name)).toEqual([b.name]);
  });

  it("flags an applied migration whose file changed, but accepts a CRLF checkout", () => {
    const crlf: MigrationFile = { ...a, sql: a.sql.replace(/\n/g, "\r\n"), checksum: checksumOf(a.sql.replace(/\n/g, "\r\n")) };
    expect(planMigrations([crlf], [row(a)]).edited).toEqual([]);
    const changed = file(a.name, "-- something else\n");
    expect(planMigrations([changed], [row(a)]).edited).toEqual([a.name]);
  });
});
