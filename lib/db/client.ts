import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { resolveDatabaseConfig, type DatabaseConfig } from "./config";
import { PrismaClient as PostgresPrismaClient } from "./generated/postgresql/client";
import { PrismaClient as SqlitePrismaClient } from "./generated/sqlite/client";
import { SQLITE_BUSY_TIMEOUT_MS } from "./migrations/sqlite-store";
import { pgRowSource, queryText, readRowsFrom, sqliteRowSource, type ColumnKind, type RowOf, type RowSource, type SqlQuery } from "./rows";
import { PrismaBetterSqlite3WithStatementCache } from "./sqlite-statements";

/**
 * The database client the whole app uses. Both providers' generated clients have the same models;
 * we type them as the SQLite client — the smaller common ground (e.g. no `mode: "insensitive"`
 * filters), so code that type-checks runs on both.
 */
export type Db = InstanceType<typeof SqlitePrismaClient>;

interface Connection {
  key: string;
  config: DatabaseConfig;
  db: Db;
  pool: pg.Pool | null;
  /** readRows()'s driver access, opened on first use. */
  rows?: RowSource;
}

// Kept on globalThis so `next dev` hot reloads reuse one connection instead of leaking one per edit.
const holder = globalThis as typeof globalThis & { __lambdalabDb?: Connection };

function connect(config: DatabaseConfig): Connection {
  if (config.provider === "sqlite") {
    // `timeout` is better-sqlite3's busy timeout: wait for a writer instead of failing with SQLITE_BUSY.
    // WAL mode is stored in the file by the migration runner (lib/db/migrations/sqlite-store.ts).
    // Statements are prepared once per SQL text, not once per query (lib/db/sqlite-statements.ts).
    const adapter = new PrismaBetterSqlite3WithStatementCache({ url: config.file, timeout: SQLITE_BUSY_TIMEOUT_MS });
    const db = new SqlitePrismaClient({ adapter });
    // synchronous=NORMAL in WAL mode: a commit no longer waits for an fsync (≈3 ms each here,
    // the bulk of a flashcard answer). SQLite: "Transactions are durable across application
    // crashes regardless of the synchronous setting"; WAL+NORMAL stays consistent after a power
    // loss or OS crash but may lose the last commits then (https://www.sqlite.org/pragma.html#pragma_synchronous).
    // SQLITE_SYNCHRONOUS=FULL keeps every commit across power loss, at that cost. The pragma is
    // per connection; this is the first statement on the adapter's one connection.
    const synchronous = process.env.SQLITE_SYNCHRONOUS?.trim().toUpperCase() === "FULL" ? "FULL" : "NORMAL";
    void db.$executeRawUnsafe(`PRAGMA synchronous = ${synchronous}`).catch((error: Error) => console.error(`database: could not set PRAGMA synchronous: ${error.message}`));
    return { key: config.url, config, db, pool: null };
  }
  const requested = Number(process.env.DATABASE_POOL_MAX);
  const pool = new pg.Pool({
    connectionString: config.url,
    max: Number.isInteger(requested) && requested > 0 ? requested : 10,
    connectionTimeoutMillis: 10_000,
  });
  // A dropped idle connection must not crash the server; the pool replaces it.
  pool.on("error", (error) => console.error(`database pool: ${error.message}`));
  const db = new PostgresPrismaClient({ adapter: new PrismaPg(pool) }) as unknown as Db;
  return { key: config.url, config, db, pool };
}

function current(): Connection {
  const config = resolveDatabaseConfig();
  if (!holder.__lambdalabDb || holder.__lambdalabDb.key !== config.url) {
    // The URL changed (tests switch databases): drop the old client, open the new one.
    const stale = holder.__lambdalabDb;
    if (stale) {
      stale.rows?.close();
      void stale.db.$disconnect().catch(() => {});
    }
    holder.__lambdalabDb = connect(config);
  }
  return holder.__lambdalabDb;
}

/** The Prisma client for DATABASE_URL (SQLite by default). Cheap to call: one client per process. */
export function getDb(): Db {
  return current().db;
}

/** Which database getDb() talks to. */
export function getDatabaseConfig(): DatabaseConfig {
  return current().config;
}

/** The pg pool behind getDb() on PostgreSQL (shared with stores such as the rate limiter), else null. */
export function getPgPool(): pg.Pool | null {
  return current().pool;
}

/**
 * Rows of a read-only query, straight from the driver: for the hottest reads only (see
 * lib/db/rows.ts — standard SQL for both databases, no transaction). Everything else uses getDb().
 *
 *   const cards = await readRows(sql`SELECT "id", "due" FROM "Card" WHERE "ownerId" = ${userId}`, { id: "text", due: "date" });
 */
export function readRows<const C extends Record<string, ColumnKind>>(query: SqlQuery, columns: C, via?: RawQueryClient): Promise<RowOf<C>[]> {
  const c = current();
  // A transaction client (or another client) given by the caller: the same SQL through Prisma, so
  // the read sees that transaction's writes.
  if (via && via !== c.db) return readRowsFrom(prismaRowSource(via, c.config.provider), query, columns);
  c.rows ??= c.config.provider === "sqlite" ? sqliteRowSource(c.config.file, SQLITE_BUSY_TIMEOUT_MS) : pgRowSource(c.pool!);
  return readRowsFrom(c.rows, query, columns);
}

/** What readRows needs of a Prisma client or transaction client. */
export interface RawQueryClient {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

function prismaRowSource(client: RawQueryClient, provider: DatabaseConfig["provider"]): RowSource {
  return {
    async read(query, columns) {
      const text = queryText(query, provider === "sqlite" ? () => "?" : (i) => `$${i}`);
      const rows = await client.$queryRawUnsafe<Record<string, unknown>[]>(text, ...query.values);
      return rows.map((r) => columns.map((name) => r[name]));
    },
    close() {},
  };
}

/** Closes the connection (tests, scripts); the next getDb() opens a new one. */
export async function closeDb(): Promise<void> {
  const c = holder.__lambdalabDb;
  holder.__lambdalabDb = undefined;
  c?.rows?.close();
  if (c) await c.db.$disconnect();
}
