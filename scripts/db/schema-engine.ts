// Prisma's schema engine compiled to WebAssembly (@prisma/schema-engine-wasm), driven directly:
// the Prisma 7 CLI's `migrate diff` needs a native binary these machines cannot download (and with
// a fake one prints nothing and exits 0). The engine reaches databases through Prisma driver
// adapters; it replays a migrations folder on a *shadow* database (SQLite: in memory; PostgreSQL: a
// throw-away database on the server) and diffs the result against the schema.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, type SqlDriverAdapter, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { DiffTarget, MigrationList, SchemaEngine as SchemaEngineType } from "@prisma/schema-engine-wasm";
import pg from "pg";
import type { DatabaseProvider } from "../../lib/db/config";
import { lockfileContent, readMigrations } from "../../lib/db/migrations/files";

const require = createRequire(import.meta.url);
let wasmReady: Promise<void> | null = null;

// The package's entry imports the .wasm file as an ES module, which Node 20 cannot do; instantiate
// it by hand against the JS glue instead.
function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const wasmPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg").replace(/\.js$/, ".wasm");
    const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmPath), { "./schema_engine_bg.js": bg });
    (bg as unknown as { __wbg_set_wasm(e: WebAssembly.Exports): void }).__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  })();
  return wasmReady;
}

/**
 * The engine sends each migration script as one executeRaw call; better-sqlite3 refuses several
 * statements in one prepare(). Route multi-statement SQL through executeScript (db.exec) instead.
 */
function sqliteScriptTolerant(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (error) {
      if (query.args.length === 0 && /more than one statement/.test(String((error as Error).message))) {
        await adapter.executeScript(query.sql);
        return 0;
      }
      throw error;
    }
  };
  return adapter;
}

function sqliteFactory(): SqlMigrationAwareDriverAdapterFactory {
  const inner = new PrismaBetterSqlite3({ url: ":memory:" });
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => sqliteScriptTolerant(await inner.connect()),
    connectToShadowDb: async () => sqliteScriptTolerant(await inner.connectToShadowDb()),
  };
}

/**
 * pg pool that reports PostgreSQL's internal one-byte "char" type (OID 18, used by the catalog
 * queries the engine runs to read a schema) as text: @prisma/adapter-pg refuses to map it.
 */
class CatalogFriendlyPool extends pg.Pool {
  override query(...args: unknown[]): never {
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    if (result && typeof (result as Promise<unknown>).then === "function") {
      return (result as Promise<pg.QueryResult>).then((r) => {
        for (const f of r.fields ?? []) if (f.dataTypeID === 18) f.dataTypeID = 25;
        return r;
      }) as never;
    }
    return result as never;
  }
}

function postgresFactory(url: string): SqlMigrationAwareDriverAdapterFactory {
  const main = new PrismaPg(new CatalogFriendlyPool({ connectionString: url, max: 2 }), { disposeExternalPool: true });
  return {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: () => main.connect(),
    // Same as PrismaPg's own shadow database, but through the catalog-friendly pool.
    connectToShadowDb: async () => {
      const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
      await admin.connect();
      const database = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID().replace(/-/g, "")}`;
      await admin.query(`CREATE DATABASE "${database}"`);
      const shadowUrl = new URL(url);
      shadowUrl.pathname = `/${database}`;
      const adapter = await new PrismaPg(new CatalogFriendlyPool({ connectionString: shadowUrl.toString(), max: 2 }), {
        disposeExternalPool: true,
      }).connect();
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => {});
        await admin.end();
      };
      return adapter;
    },
  };
}

export interface DiffOutcome {
  /** SQL that brings `from` to `to`; empty when they already match. */
  sql: string;
  empty: boolean;
}

export interface EngineSession {
  /** Migration SQL from the state the migrations folder produces to the schema. */
  diffMigrationsToSchema(migrationsDir: string, schema: string): Promise<DiffOutcome>;
  /** Migration SQL creating the schema from an empty database. */
  diffEmptyToSchema(schema: string): Promise<DiffOutcome>;
  close(): Promise<void>;
}

const NO_FILTER = { externalTables: [], externalEnums: [] };

function migrationList(dir: string, provider: DatabaseProvider): MigrationList {
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: lockfileContent(provider) },
    shadowDbInitScript: "",
    migrationDirectories: readMigrations(dir, provider).map((m) => ({
      path: m.name,
      migrationFile: { path: "migration.sql", content: { tag: "ok", value: m.sql } },
    })),
  };
}

/**
 * Opens the engine for one provider. PostgreSQL needs a server for its shadow database:
 * `shadowUrl` is any database on it the user may CREATE DATABASE from.
 */
export async function openSchemaEngine(provider: DatabaseProvider, schemaFile: string, shadowUrl?: string): Promise<EngineSession> {
  await loadWasm();
  const schema = fs.readFileSync(schemaFile, "utf8");
  const factory = bindMigrationAwareSqlAdapterFactory(provider === "sqlite" ? sqliteFactory() : postgresFactory(shadowUrl ?? ""));
  const engine: SchemaEngineType = await bg.SchemaEngine.new({ datamodels: [[path.basename(schemaFile), schema]] }, () => {}, factory);
  const registry = (factory as unknown as { errorRegistry: { registeredErrors: ({ error: unknown } | undefined)[] } }).errorRegistry;

  async function diff(from: DiffTarget, schemaText: string): Promise<DiffOutcome> {
    try {
      const result = await engine.diff({
        from,
        to: { tag: "schemaDatamodel", files: [{ path: path.basename(schemaFile), content: schemaText }] },
        script: true,
        exitCode: true,
        filters: NO_FILTER,
      });
      const sql = result.stdout ?? "";
      return { sql, empty: result.exitCode === 0 };
    } catch (error) {
      // The engine only says "External error id#N"; the driver's real error is in the registry.
      const causes = registry.registeredErrors.filter(Boolean).map((e) => String((e!.error as Error)?.message ?? e!.error));
      registry.registeredErrors.length = 0;
      const message = String((error as Error).message).split("\n")[0];
      throw new Error(causes.length ? `${message} ${causes.join("; ")}` : message);
    }
  }

  return {
    diffMigrationsToSchema: (dir, schemaText) => diff({ tag: "migrations", ...migrationList(dir, provider) }, schemaText),
    diffEmptyToSchema: (schemaText) => diff({ tag: "empty" }, schemaText),
    close: async () => engine.free(),
  };
}
