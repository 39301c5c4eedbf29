// Several instances behind a load balancer share one PostgreSQL database and one AUTH_SECRET
// (README, "Several instances"). This starts two real `next start` processes on the test build,
// on different ports, against a fresh database, and checks over real HTTP what a user behind a
// load balancer would notice: an account made on one instance signs in on the other, a session
// from one is honoured by the other, and the sign-in limit is one budget, not one per instance.
// PostgreSQL only (one SQLite file is served by one process): runs whenever TEST_DATABASE_URL is set.
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SIGN_IN_ACCOUNT_IP_LIMIT } from "@/lib/auth/accounts";
import { migrateDatabase, resolveDatabaseConfig } from "@/lib/db";
import { findFreePort } from "../../scripts/next-process";
import { startTestServer, type TestServer } from "../support/next-server";
import { ensureTestBuild } from "../support/test-build";
import { acquireTestLock, type HeldLock } from "../support/test-lock";
import { createEmptyDatabase, testProvider } from "./helpers/database";
import { Visitor } from "./helpers/visitor";

const SETUP_TIMEOUT_MS = 25 * 60_000; // may wait for another test run's lock, then build

describe.skipIf(testProvider() !== "postgresql")("two instances on one PostgreSQL database", () => {
  let lock: HeldLock | undefined;
  let database: { url: string; drop(): Promise<void> } | undefined;
  let servers: TestServer[] = [];
  let a: TestServer;
  let b: TestServer;

  async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new pg.Client({ connectionString: database!.url });
    await client.connect();
    try {
      return (await client.query<T>(sql, params)).rows;
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    lock = await acquireTestLock({ purpose: "several-instances integration test" });
    ensureTestBuild();
    database = await createEmptyDatabase("foundation_instances", "postgresql");
    const config = resolveDatabaseConfig({ DATABASE_URL: database.url });

    // Instances starting together migrate once: PostgreSQL's advisory lock serialises them.
    const [first, second] = await Promise.all([migrateDatabase(config), migrateDatabase(config)]);
    const applied = [first.applied.length, second.applied.length];
    expect(Math.min(...applied), `migrations applied by each: ${applied.join(" and ")}`).toBe(0);
    expect(Math.max(...applied)).toBeGreaterThan(0);

    const shared = { DATABASE_URL: database.url, AUTH_SECRET: randomBytes(32).toString("base64url") };
    const logDir = path.resolve("test-results", "several-instances");
    // Ports from foundation's range (3100–3199), above the end-to-end server's 3150–3159.
    const portA = await findFreePort(3160, 3199);
    const ports = [portA, await findFreePort(portA + 1, 3199)];
    servers = await Promise.all(
      ports.map((port, i) => startTestServer({ port, name: `instance-${"ab"[i]}`, logDir, env: { ...shared, DATA_DIR: path.join(logDir, `data-${i}`) } })),
    );
    [a, b] = servers;
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await database?.drop();
    lock?.release();
  }, 60_000);

  it("both instances serve the same PostgreSQL database", async () => {
    for (const server of [a, b]) {
      const health = await fetch(`${server.url}/api/health`);
      expect(await health.json()).toEqual({ status: "ok", database: "postgresql" });
    }
  });

  it("an account created through one instance signs in through the other, and its session works on both", async () => {
    const email = `ada-${randomBytes(3).toString("hex")}@example.com`;
    const password = "correct horse battery";

    const onA = new Visitor(a.url);
    const created = await onA.submitForm("/sign-up", "Create account", { name: "Ada", email, password });
    expect(created.status, a.output().slice(-2000)).toBe(303);
    expect(created.headers.get("location")).toBe("/dashboard");
    expect((await query<{ email: string; role: string }>(`SELECT email, role FROM "User"`))).toEqual([{ email, role: "admin" }]);

    const onB = new Visitor(b.url);
    expect(await onB.signIn(email, password)).toMatchObject({ ok: true });
    expect(await onB.session()).toMatchObject({ user: { email, name: "Ada" } });

    // The same browser sent to the other instance by the load balancer: still signed in.
    const backOnA = new Visitor(a.url);
    backOnA.adoptCookies(onB);
    const dashboard = await backOnA.request("/dashboard");
    expect(dashboard.status).toBe(200);
    expect(await dashboard.text()).toContain("Welcome, Ada");

    // And a wrong password is refused the same way on both.
    expect(await new Visitor(a.url).signIn(email, "not the password")).toMatchObject({ ok: false, code: "invalid_credentials" });
  });

  it("the sign-in limits are one budget across instances, and a stranger's guesses do not lock the owner out", async () => {
    const email = `bob-${randomBytes(3).toString("hex")}@example.com`;
    const password = "another good password";
    const created = await new Visitor(a.url).submitForm("/sign-up", "Create account", { email, password });
    expect(created.status).toBe(303);

    // One address guessing, alternating instances: neither instance alone sees
    // SIGN_IN_ACCOUNT_IP_LIMIT.points wrong passwords, yet that address is refused on both.
    const limit = SIGN_IN_ACCOUNT_IP_LIMIT.points;
    const guesser = "203.0.113.66";
    for (let i = 0; i < limit; i++) {
      const server = i % 2 === 0 ? a : b;
      const outcome = await new Visitor(server.url, guesser).signIn(email, `wrong guess ${i}`);
      expect(outcome, `attempt ${i + 1} on ${server.url}`).toMatchObject({ ok: false, code: "invalid_credentials" });
    }
    for (const server of [a, b]) {
      const locked = await new Visitor(server.url, guesser).signIn(email, password);
      expect(locked, `the right password from the guesser's address on ${server.url}`).toMatchObject({ ok: false, code: expect.stringMatching(/^rate_limited:\d+$/) });
    }
    // The owner, elsewhere, signs in on either instance.
    for (const server of [a, b]) expect(await new Visitor(server.url, "198.51.100.80").signIn(email, password)).toMatchObject({ ok: true });

    const rows = await query<{ key: string; points: number }>(`SELECT key, points FROM rate_limits WHERE key = $1`, [`${SIGN_IN_ACCOUNT_IP_LIMIT.name}:${email}|${guesser}`]);
    expect(rows).toHaveLength(1);
    expect(rows[0].points).toBeGreaterThanOrEqual(limit);
  });
});
