// readRows (lib/db/rows.ts) reads what Prisma wrote, the same on SQLite and PostgreSQL: the hot
// study paths use it instead of Prisma for speed, so its dates, booleans, numbers and NULLs must
// be exactly Prisma's — and its date parameters must compare the way Prisma's do.
import { beforeEach, describe, expect, it } from "vitest";
import { readRows, sql } from "@/lib/db";
import { setupTestDatabase } from "./helpers/database";

const testDb = setupTestDatabase({ area: "rows" });

describe(`readRows on ${process.env.TEST_DB_PROVIDER}`, () => {
  beforeEach(() => testDb.reset());

  it("returns what Prisma returns for the same rows", async () => {
    const optimizedAt = new Date("2026-03-02T09:05:07.089Z");
    const a = await testDb.db.user.create({ data: { email: "a@example.com", name: "Ada" } });
    const b = await testDb.db.user.create({ data: { email: "b@example.com" } });
    await testDb.db.studySettings.create({ data: { userId: a.id, desiredRetention: 0.87, enableFuzz: false, rolloverHour: 3, optimizedAt, weights: "[1,2]" } });
    await testDb.db.studySettings.create({ data: { userId: b.id } });

    const viaPrisma = await testDb.db.studySettings.findMany({ orderBy: { userId: "asc" } });
    const viaRows = await readRows(
      sql`SELECT "userId", "desiredRetention", "maximumInterval", "enableFuzz", "timeZone", "rolloverHour", "weights", "optimizedAt", "updatedAt" FROM "StudySettings" ORDER BY "userId"`,
      { userId: "text", desiredRetention: "number", maximumInterval: "number", enableFuzz: "boolean", timeZone: "text", rolloverHour: "number", weights: "text?", optimizedAt: "date?", updatedAt: "date" },
    );
    expect(viaRows).toEqual(
      viaPrisma.map(({ userId, desiredRetention, maximumInterval, enableFuzz, timeZone, rolloverHour, weights, optimizedAt, updatedAt }) => ({
        userId, desiredRetention, maximumInterval, enableFuzz, timeZone, rolloverHour, weights, optimizedAt, updatedAt,
      })),
    );
    expect(viaRows.find((r) => r.userId === a.id)).toMatchObject({ enableFuzz: false, optimizedAt, desiredRetention: 0.87 });
    expect(viaRows.find((r) => r.userId === b.id)).toMatchObject({ enableFuzz: true, optimizedAt: null, weights: null });
  });

  it("compares date and boolean parameters as Prisma's filters do", async () => {
    const at = (s: number) => new Date(Date.UTC(2026, 2, 2, 9, 0, s, 500));
    for (let s = 0; s < 4; s++) {
      const u = await testDb.db.user.create({ data: { email: `u${s}@example.com` } });
      await testDb.db.studySettings.create({ data: { userId: u.id, optimizedAt: at(s), enableFuzz: s % 2 === 0 } });
    }
    for (const cut of [at(0), at(2), new Date(at(2).getTime() + 1), at(9)]) {
      for (const fuzz of [true, false]) {
        const prisma = await testDb.db.studySettings.count({ where: { optimizedAt: { lt: cut }, enableFuzz: fuzz } });
        const rows = await readRows(sql`SELECT COUNT(*) AS "n" FROM "StudySettings" WHERE "optimizedAt" < ${cut} AND "enableFuzz" = ${fuzz}`, { n: "number" });
        expect(rows[0]!.n, `optimizedAt < ${cut.toISOString()}, enableFuzz = ${fuzz}`).toBe(prisma);
      }
    }
  });

  it("sees a write as soon as Prisma has committed it", async () => {
    const u = await testDb.db.user.create({ data: { email: "now@example.com" } });
    const read = () => readRows(sql`SELECT "role" FROM "User" WHERE "id" = ${u.id}`, { role: "text" });
    expect(await read()).toEqual([{ role: "learner" }]);
    await testDb.db.user.update({ where: { id: u.id }, data: { role: "instructor" } });
    expect(await read()).toEqual([{ role: "instructor" }]);
  });

  it("reads inside a transaction when given its client, and only committed rows otherwise", async () => {
    const count = (via?: Parameters<typeof readRows>[2]) => readRows(sql`SELECT COUNT(*) AS "n" FROM "User" WHERE "email" = ${"tx@example.com"}`, { n: "number" }, via);
    await testDb.db.$transaction(async (tx) => {
      await tx.user.create({ data: { email: "tx@example.com" } });
      expect(await count(tx)).toEqual([{ n: 1 }]);
      expect(await count()).toEqual([{ n: 0 }]);
    });
    expect(await count()).toEqual([{ n: 1 }]);
  });
});
