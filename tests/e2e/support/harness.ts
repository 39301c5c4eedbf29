// The server side of the end-to-end suite, run under tsx's loader (tests/e2e/global-setup.ts starts it).
// It does what needs the app's own modules — Playwright's loader cannot import the generated
// Prisma client — and so runs outside Playwright:
//   1. takes the test lock (one test server per checkout; tests/support/test-lock.ts);
//   2. builds into .next-test if the sources changed (tests/support/test-build.ts);
//   3. prepares a fresh SQLite data folder exactly as `npm start` does: AUTH_SECRET, migrations,
//      the built-in content (a failed content loader fails the run);
//   4. starts ONE `next start` on E2E_PORT, or the first free port of 3150–3159;
//   5. serves a small control API on 127.0.0.1 for the fixtures (tests/e2e/fixtures.ts): create
//      accounts of a given role straight in the database; and, for the single sign-on spec only,
//      POST /oidc starts a real OpenID Connect provider (support/oidc-idp.ts) and a SECOND
//      `next start` on its own fresh database with AUTH_OIDC_* pointing at it (once per run).
// Then prints one line `READY <json>` and runs until SIGTERM/SIGINT or until its stdin closes
// (the Playwright runner died), stopping the server and releasing the lock.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { closeDb, getDb, Role } from "../../../lib/db";
import { hashPassword } from "../../../lib/auth/password";
import { normaliseEmail } from "../../../lib/auth/schemas";
import { findFreePort } from "../../../scripts/next-process";
import { prepare } from "../../../scripts/prepare";
import { startTestServer, type TestServer } from "../../support/next-server";
import { ensureTestBuild } from "../../support/test-build";
import { acquireTestLock, type HeldLock } from "../../support/test-lock";
import { startIdp, type IdpUser, type RunningIdp } from "./oidc-idp";
import { E2E_ARTIFACTS, E2E_PORT_RANGE, e2ePort, OIDC_PORT_RANGE, type HarnessReady, type OidcInstance } from "./paths";

// Progress and problems go to the terminal; the content loaders' line-per-item chatter only to
// tests/e2e/.artifacts/harness.log.
fs.mkdirSync(E2E_ARTIFACTS, { recursive: true });
const logFile = fs.createWriteStream(path.join(E2E_ARTIFACTS, "harness.log"));
const detail = (line: string) => logFile.write(`${line}\n`);
const log = (line: string) => {
  detail(line);
  process.stderr.write(`[e2e] ${line}\n`);
};
let server: TestServer | undefined;
let oidcServer: TestServer | undefined;
let idp: RunningIdp | undefined;
let control: http.Server | undefined;
let lock: HeldLock | undefined;
let stopping: Promise<void> | undefined;

function stop(code: number, reason: string): Promise<void> {
  stopping ??= (async () => {
    log(`stopping (${reason})`);
    control?.close();
    await server?.stop().catch(() => {});
    await oidcServer?.stop().catch(() => {});
    await idp?.stop().catch(() => {});
    await closeDb().catch(() => {});
    lock?.release();
    process.exit(code);
  })();
  return stopping;
}

interface AccountRequest {
  role?: string;
  name?: string;
  email?: string;
  password?: string;
}

let created = 0;

async function createAccount(body: AccountRequest) {
  const role = body.role ?? Role.learner;
  if (!Object.values(Role).includes(role as Role)) throw new Error(`role must be one of ${Object.values(Role).join(", ")} (got "${role}")`);
  const n = ++created;
  const password = body.password ?? `pw-${randomBytes(9).toString("base64url")}`;
  const email = normaliseEmail(body.email ?? `${role}-${n}-${randomBytes(3).toString("hex")}@example.com`);
  const name = body.name ?? `${role[0].toUpperCase()}${role.slice(1)} ${n}`;
  const user = await getDb().user.create({
    data: { email, name, role: role as Role, passwordHash: await hashPassword(password) },
    select: { id: true, email: true, name: true, role: true },
  });
  return { ...user, password };
}

// The IdP's people. "pat" has the email of a password account the spec creates first: an IdP must
// not take that account over (README, "Single sign-on"). Letter case differs on purpose.
const IDP_USERS: IdpUser[] = [
  { login: "olive", password: "olive's idp password", email: "Olive.Oidc@IdP.example", name: "Olive Oidc" },
  { login: "pat", password: "pat's idp password", email: "Pat.Password@Example.com", name: "Pat from the IdP" },
];

let oidcInstance: Promise<OidcInstance> | undefined;

/**
 * A second app server with single sign-on configured, on its own fresh database (its first account
 * is still the admin), prepared as `npm start` prepares one. Started on first request, kept for the run.
 */
async function startOidcInstance(): Promise<OidcInstance> {
  const dataDir = path.join(E2E_ARTIFACTS, "oidc-data");
  fs.rmSync(dataDir, { recursive: true, force: true });
  // prepare() works on process.env (DATA_DIR): run it in a child so the main server's database
  // handle in this process is untouched.
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  delete env.AUTH_SECRET;
  const prep = await new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(__dirname, "prepare-instance.ts")], { cwd: process.cwd(), env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (c) => (output += c));
    child.stderr.on("data", (c) => (output += c));
    child.on("close", (code) => resolve({ code, output }));
  });
  detail(prep.output);
  if (prep.code !== 0) throw new Error(`preparing the single sign-on instance failed: ${prep.output.trim().split("\n").pop()}`);
  const authSecret = fs.readFileSync(path.join(dataDir, "auth-secret"), "utf8").trim();

  const port = await findFreePort(...OIDC_PORT_RANGE);
  const appUrl = `http://127.0.0.1:${port}`;
  idp = await startIdp({ redirectUri: `${appUrl}/api/auth/callback/oidc`, users: IDP_USERS, log });
  log(`single sign-on: IdP at ${idp.issuer}`);
  oidcServer = await startTestServer({
    port,
    name: "e2e-oidc-server",
    logDir: E2E_ARTIFACTS,
    env: {
      DATA_DIR: dataDir,
      AUTH_SECRET: authSecret,
      DATABASE_URL: undefined,
      AUTH_OIDC_ISSUER: idp.issuer,
      AUTH_OIDC_ID: idp.clientId,
      AUTH_OIDC_SECRET: idp.clientSecret,
      AUTH_OIDC_NAME: "Test IdP",
    },
  });
  log(`single sign-on: app at ${oidcServer.url}`);
  return { baseURL: oidcServer.url, issuer: idp.issuer, providerName: "Test IdP", users: IDP_USERS, serverLog: oidcServer.logFile };
}

function serveControl(token: string): Promise<string> {
  control = http.createServer((req, res) => {
    const reply = (status: number, value: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(value));
    };
    if (req.headers.authorization !== `Bearer ${token}`) return reply(401, { error: "missing or wrong control token" });
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      if (req.method === "POST" && req.url === "/accounts") {
        let body: AccountRequest;
        try {
          body = raw ? (JSON.parse(raw) as AccountRequest) : {};
        } catch {
          return reply(400, { error: "body must be JSON" });
        }
        createAccount(body).then(
          (account) => reply(201, account),
          (error: Error) => reply(422, { error: error.message.split("\n")[0] }),
        );
        return;
      }
      if (req.method === "POST" && req.url === "/oidc") {
        oidcInstance ??= startOidcInstance();
        oidcInstance.then(
          (instance) => reply(200, instance),
          (error: Error) => reply(500, { error: error.message.split("\n")[0] }),
        );
        return;
      }
      reply(404, { error: `no ${req.method} ${req.url}; try POST /accounts or POST /oidc` });
    });
  });
  return new Promise((resolve) => control!.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(control!.address() as AddressInfo).port}`)));
}

async function main() {
  process.on("SIGTERM", () => void stop(0, "SIGTERM"));
  process.on("SIGINT", () => void stop(0, "SIGINT"));
  process.stdin.on("end", () => void stop(0, "the test runner went away"));
  process.stdin.resume();

  lock = await acquireTestLock({ purpose: "end-to-end tests", log });
  ensureTestBuild({ log });

  const dataDir = path.join(E2E_ARTIFACTS, "data");
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.env.DATA_DIR = dataDir;
  delete process.env.DATABASE_URL;
  delete process.env.AUTH_SECRET;
  const prepared = await prepare((line) => (/^(Database|Content|warning):/.test(line) ? log(line) : detail(line)));
  const failed = prepared.content.filter((r) => r.status === "failed");
  if (failed.length) throw new Error(`built-in content failed to load: ${failed.map((r) => `${r.id}: ${r.error}`).join("; ")}`);

  // Chosen after the lock and the build: another checkout's run may have taken a port meanwhile.
  const port = e2ePort() ?? (await findFreePort(...E2E_PORT_RANGE));
  server = await startTestServer({
    port,
    name: "e2e-server",
    logDir: E2E_ARTIFACTS,
    portVariable: "E2E_PORT",
    env: { DATA_DIR: dataDir, AUTH_SECRET: prepared.env.AUTH_SECRET, DATABASE_URL: undefined },
  });
  const token = randomBytes(18).toString("base64url");
  const controlUrl = await serveControl(token);
  const ready: HarnessReady = { baseURL: server.url, controlUrl, token, dataDir, serverLog: server.logFile };
  process.stdout.write(`READY ${JSON.stringify(ready)}\n`);
}

main().catch((error: Error) => {
  log(`error: ${error.message}`);
  void stop(1, "error");
});
