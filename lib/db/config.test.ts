import { describe, expect, it } from "vitest";
import { DatabaseConfigError, describeDatabase, redactUrl, resolveDatabaseConfig } from "./config";

const cwd = "/srv/lambdalab";

describe("resolveDatabaseConfig", () => {
  it("defaults to SQLite in ./data when DATABASE_URL is unset or blank", () => {
    expect(resolveDatabaseConfig({}, cwd)).toEqual({
      provider: "sqlite",
      file: "/srv/lambdalab/data/lambdalab.db",
      url: "file:/srv/lambdalab/data/lambdalab.db",
    });
    expect(resolveDatabaseConfig({ DATABASE_URL: "  " }, cwd).provider).toBe("sqlite");
  });

  it("puts the default SQLite file in DATA_DIR when set", () => {
    const c = resolveDatabaseConfig({ DATA_DIR: "/var/lib/ll" }, cwd);
    expect(c).toMatchObject({ provider: "sqlite", file: "/var/lib/ll/lambdalab.db" });
  });

  it("resolves file: URLs relative to the working directory", () => {
    expect(resolveDatabaseConfig({ DATABASE_URL: "file:./x/app.db" }, cwd)).toMatchObject({ file: "/srv/lambdalab/x/app.db" });
    expect(resolveDatabaseConfig({ DATABASE_URL: "file:/tmp/a.db" }, cwd)).toMatchObject({ file: "/tmp/a.db" });
    expect(resolveDatabaseConfig({ DATABASE_URL: "file:///tmp/b.db?mode=rwc" }, cwd)).toMatchObject({ file: "/tmp/b.db" });
  });

  it("recognises both PostgreSQL schemes", () => {
    for (const url of ["postgres://u:p@db:5432/app", "postgresql://u@127.0.0.1/app?sslmode=disable"]) {
      expect(resolveDatabaseConfig({ DATABASE_URL: url }, cwd)).toEqual({ provider: "postgresql", url });
    }
  });

  it.each([
    ["mysql://u@h/db", /DATABASE_URL must start with file:, postgres:\/\/ or postgresql:\/\/ \(got "mysql:"\)/],
    ["nonsense", /DATABASE_URL must start with/],
    ["postgresql://", /DATABASE_URL/],
    ["postgres://u:secret@host", /names no database/],
    ["file:", /names no SQLite file/],
    ["file::memory:", /in-memory/],
  ])("refuses %s with a message naming DATABASE_URL", (url, message) => {
    let error: unknown;
    try {
      resolveDatabaseConfig({ DATABASE_URL: url }, cwd);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain("secret");
  });
});

describe("redactUrl / describeDatabase", () => {
  it("never shows a password", () => {
    expect(redactUrl("postgresql://ann:hunter2@db/app")).toBe("postgresql://ann:***@db/app");
    expect(describeDatabase({ provider: "postgresql", url: "postgres://ann:hunter2@db/app" })).not.toContain("hunter2");
  });

  it("shows a SQLite file relative to the working directory", () => {
    expect(describeDatabase({ provider: "sqlite", file: "/srv/lambdalab/data/lambdalab.db", url: "" }, cwd)).toBe(
      "SQLite ./data/lambdalab.db",
    );
  });
});
