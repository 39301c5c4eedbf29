// The server the end-to-end tests talk to: `npm start` on a fresh SQLite database in
// tests/e2e/.artifacts/data (deleted first), on E2E_PORT (default 3150).
import fs from "node:fs";
import path from "node:path";

const dataDir = path.resolve("tests/e2e/.artifacts/data");
fs.rmSync(dataDir, { recursive: true, force: true });
process.env.DATA_DIR = dataDir;
process.env.PORT = process.env.E2E_PORT ?? "3150";
delete process.env.DATABASE_URL;
delete process.env.AUTH_SECRET;

void import("../../scripts/start");
