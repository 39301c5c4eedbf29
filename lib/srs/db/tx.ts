import type { Db, Prisma } from "@/lib/db";

/** The client inside `db.$transaction(async (tx) => …)`, or the client itself. */
export type Tx = Prisma.TransactionClient | Db;
