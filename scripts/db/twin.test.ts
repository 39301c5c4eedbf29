import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { renderPostgresTwin, TWIN_HEADER } from "./twin";

const schema = `generator client {\n  provider = "prisma-client"\n  output   = "../lib/db/generated/sqlite"\n}\n\ndatasource db {\n  provider = "sqlite"\n}\n\nmodel A {\n  id String @id\n  provider String\n}\n`;

describe("renderPostgresTwin", () => {
  it("changes only the datasource provider and the client output", () => {
    const twin = renderPostgresTwin(schema);
    expect(twin.startsWith(TWIN_HEADER)).toBe(true);
    const body = twin.slice(TWIN_HEADER.length);
    expect(body).toContain(`provider = "postgresql"`);
    expect(body).toContain(`output   = "../../lib/db/generated/postgresql"`);
    expect(body).toContain(`provider = "prisma-client"`);
    // a model field that happens to be called "provider" is left alone
    expect(body).toContain("  provider String");
    expect(body.replace("../../lib/db/generated/postgresql", "../lib/db/generated/sqlite").replace(`"postgresql"`, `"sqlite"`)).toBe(schema);
  });

  it("refuses a source schema that is not SQLite", () => {
    expect(() => renderPostgresTwin(schema.replace(`"sqlite"`, `"mysql"`))).toThrow(/must be "sqlite"/);
  });

  it("the committed twin is up to date with prisma/schema.prisma (run `npm run db:generate` if this fails)", () => {
    const source = fs.readFileSync("prisma/schema.prisma", "utf8");
    const committed = fs.readFileSync("prisma/postgresql/schema.prisma", "utf8");
    expect(committed).toBe(renderPostgresTwin(source));
  });
});
