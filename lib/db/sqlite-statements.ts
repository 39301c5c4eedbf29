/**
 * Prepared statements kept across queries on the SQLite connection Prisma uses.
 *
 * @prisma/adapter-better-sqlite3 (7.10) calls `client.prepare(sql)` for every query, so SQLite
 * parses and plans each statement again — BEGIN and COMMIT included; an answer's INSERT into
 * ReviewLog names some 25 columns. Measured: `prepare` was 6–10% of the server's CPU under the
 * benchmarks. better-sqlite3 statements can be run again with new parameters, but `bind()` fixes
 * parameters on the statement for good, so the adapter cannot simply be handed cached statements:
 * `prepare` returns a light handle instead, whose `bind(args)` remembers the arguments for that
 * one call and passes them to `run` / `all`.
 *
 * The handle implements what the adapter calls on a statement — `reader`, `bind`, `run`, `columns`,
 * `raw().all()` — plus `get` and `iterate` for completeness. If a future adapter no longer exposes
 * its client as `client`, nothing is patched and every query still works, uncached
 * (sqlite-statements.test.ts runs the adapter itself through this).
 */
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type Database from "better-sqlite3";
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";

const MAX_STATEMENTS = 500;

type Args = unknown[] | undefined;

class StatementHandle {
  #raw = false;
  constructor(
    private readonly stmt: Database.Statement,
    private readonly args: Args,
  ) {}
  get reader(): boolean {
    return this.stmt.reader;
  }
  bind(...args: unknown[]): StatementHandle {
    // The adapter passes one array; better-sqlite3 also accepts the values spread out.
    return new StatementHandle(this.stmt, args.length === 1 && Array.isArray(args[0]) ? (args[0] as unknown[]) : args);
  }
  raw(toggle = true): this {
    this.#raw = toggle;
    return this;
  }
  columns(): Database.ColumnDefinition[] {
    return this.stmt.columns();
  }
  run(...args: unknown[]): Database.RunResult {
    return this.stmt.run(...this.params(args));
  }
  all(...args: unknown[]): unknown[] {
    if (this.stmt.reader) this.stmt.raw(this.#raw);
    return this.stmt.all(...this.params(args));
  }
  get(...args: unknown[]): unknown {
    if (this.stmt.reader) this.stmt.raw(this.#raw);
    return this.stmt.get(...this.params(args));
  }
  iterate(...args: unknown[]): IterableIterator<unknown> {
    if (this.stmt.reader) this.stmt.raw(this.#raw);
    return this.stmt.iterate(...this.params(args));
  }
  private params(args: unknown[]): unknown[] {
    return this.args ? [this.args] : args;
  }
}

/** Makes `client.prepare` reuse statements by SQL text (bounded). Returns false when there is no such client. */
export function cacheStatements(adapter: SqlDriverAdapter): boolean {
  const client = (adapter as unknown as { client?: Database.Database }).client;
  if (!client || typeof client.prepare !== "function") return false;
  const prepare = client.prepare.bind(client);
  const statements = new Map<string, Database.Statement>();
  (client as unknown as { prepare: (source: string) => StatementHandle }).prepare = (source: string) => {
    let stmt = statements.get(source);
    if (!stmt) {
      stmt = prepare(source);
      if (statements.size >= MAX_STATEMENTS) statements.delete(statements.keys().next().value!);
      statements.set(source, stmt);
    }
    return new StatementHandle(stmt, undefined);
  };
  return true;
}

/** Prisma's better-sqlite3 adapter factory, with statements kept across queries. */
export class PrismaBetterSqlite3WithStatementCache extends PrismaBetterSqlite3 {
  override async connect(): Promise<SqlDriverAdapter> {
    const adapter = await super.connect();
    cacheStatements(adapter);
    return adapter;
  }
}
