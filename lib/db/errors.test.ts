import { describe, expect, it } from "vitest";
import { describeConnectionError, isNotFound, isUniqueViolation } from "./errors";

// The meta shapes Prisma 7's driver adapters produce for a duplicate User.email (recorded from
// the better-sqlite3 and pg adapters).
const sqlite = {
  code: "P2002",
  meta: { driverAdapterError: { cause: { kind: "UniqueConstraintViolation", constraint: { fields: ["email"] } } }, modelName: "User" },
};
const postgres = {
  code: "P2002",
  meta: { driverAdapterError: { cause: { kind: "UniqueConstraintViolation", constraint: { index: "User_email_key" } } }, modelName: "User" },
};

describe("isUniqueViolation", () => {
  it("recognises P2002 from both adapters, and which field it was about", () => {
    for (const e of [sqlite, postgres]) {
      expect(isUniqueViolation(e)).toBe(true);
      expect(isUniqueViolation(e, "email")).toBe(true);
      expect(isUniqueViolation(e, "name")).toBe(false);
    }
  });

  it("ignores other errors", () => {
    expect(isUniqueViolation(new Error("boom"))).toBe(false);
    expect(isUniqueViolation({ code: "P2025" })).toBe(false);
    expect(isNotFound({ code: "P2025" })).toBe(true);
  });
});

describe("describeConnectionError", () => {
  it("names DATABASE_URL and hides the password", () => {
    const line = describeConnectionError(
      Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
      { provider: "postgresql", url: "postgresql://app:hunter2@db:5432/lab" },
    );
    expect(line).toBe("Cannot use the database in DATABASE_URL (PostgreSQL at postgresql://app:***@db:5432/lab): connection refused (is the server running?)");
  });
});
