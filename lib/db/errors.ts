import { redactUrl, type DatabaseConfig } from "./config";

type ConstraintMeta = {
  target?: unknown;
  driverAdapterError?: { cause?: { constraint?: { fields?: unknown; index?: unknown } } };
};

/**
 * Prisma's "unique constraint failed" (P2002), from either provider's client. With `field`, only
 * when that field's constraint failed. Driver adapters describe it differently per database:
 * SQLite names the fields ({ fields: ["email"] }), PostgreSQL the index ({ index: "User_email_key" }).
 */
export function isUniqueViolation(error: unknown, field?: string): boolean {
  if (typeof error !== "object" || error === null || (error as { code?: unknown }).code !== "P2002") return false;
  if (!field) return true;
  const meta = (error as { meta?: ConstraintMeta }).meta;
  const constraint = meta?.driverAdapterError?.cause?.constraint;
  const fields = [meta?.target, constraint?.fields].flat().filter((f): f is string => typeof f === "string");
  if (fields.length) return fields.includes(field);
  const index = constraint?.index;
  // Prisma names unique indexes <Model>_<field…>_key.
  return typeof index === "string" ? index.split("_").slice(1, -1).includes(field) : true;
}

/** Prisma's "record to update/delete not found" (P2025). */
export function isNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2025";
}

/** One line that tells an operator why the database cannot be used, naming DATABASE_URL. */
export function describeConnectionError(error: unknown, config: DatabaseConfig): string {
  const e = error as { code?: string; message?: string };
  const where = config.provider === "sqlite" ? `the SQLite file ${config.file}` : `PostgreSQL at ${redactUrl(config.url)}`;
  const reason =
    e?.code === "ECONNREFUSED"
      ? "connection refused (is the server running?)"
      : e?.code === "ENOTFOUND" || e?.code === "EAI_AGAIN"
        ? "host not found"
        : e?.code === "3D000"
          ? "database does not exist (create it first)"
          : e?.code === "28P01" || e?.code === "28000"
            ? "authentication failed"
            : e?.code === "SQLITE_CANTOPEN" || e?.code === "EACCES"
              ? "cannot open the file (check the folder exists and is writable)"
              : (e?.message ?? String(error)).split("\n")[0];
  return `Cannot use the database in DATABASE_URL (${where}): ${reason}`;
}
