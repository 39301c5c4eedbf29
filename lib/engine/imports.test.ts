// lib/engine is a pure library (README.md, docs/architecture.md): it imports files inside
// lib/engine, Node's built-ins and a short list of npm packages — never the app (`@/…`), never a
// relative path that climbs out of lib/engine.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ENGINE = dirname(fileURLToPath(import.meta.url));

/** npm packages engine code may import (coordination rule 6), and why the extra ones are there. */
const PACKAGES = new Set([
  "zod",
  "yaml",
  "quickjs-emscripten",
  "piscina",
  // pool/build-worker.ts bundles the worker on demand (a build step, loaded only when needed)
  "esbuild",
]);
/** Test-only packages. */
const TEST_PACKAGES = new Set(["vitest", "fast-check", "jmespath"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sourceFiles(path);
    return /\.(ts|tsx|mts|cts)$/.test(entry.name) ? [path] : [];
  });
}

/**
 * Module specifiers of import/export statements and dynamic imports. Statements are found at the
 * start of a line, so guest JavaScript kept in strings (which uses `require`) is not mistaken for
 * the file's own imports.
 */
function specifiers(source: string): { specifier: string; line: number }[] {
  const found: { specifier: string; line: number }[] = [];
  const lines = source.split("\n");
  let statement: { text: string; line: number } | null = null;
  lines.forEach((text, index) => {
    if (statement === null && /^\s*(import|export)\b/.test(text) && !/^\s*export\s+(const|let|var|function|class|interface|type\s+\w+\s*=|enum|default|abstract|async|declare)\b/.test(text)) {
      statement = { text: "", line: index + 1 };
    }
    if (statement !== null) {
      statement.text += `${text}\n`;
      const m = /\bfrom\s*["']([^"']+)["']|^\s*import\s*["']([^"']+)["']/m.exec(statement.text);
      if (m) {
        found.push({ specifier: m[1] ?? m[2]!, line: statement.line });
        statement = null;
      } else if (/;\s*$/.test(text)) {
        statement = null; // `export { a };` and the like: nothing imported
      }
    }
    for (const d of text.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) found.push({ specifier: d[1]!, line: index + 1 });
  });
  return found;
}

describe("lib/engine imports", () => {
  it("finds static, side-effect and dynamic imports, and ignores guest code in strings", () => {
    const source = [
      'import { a } from "./a";',
      "import {",
      "  b,",
      '} from "../b";',
      'import "./side-effect";',
      'export { c } from "@/lib/c";',
      "export const x = 1;",
      'const guest = `const fs = require("fs");`;',
      'const lazy = await import("node:os");',
    ].join("\n");
    expect(specifiers(source)).toEqual([
      { specifier: "./a", line: 1 },
      { specifier: "../b", line: 2 },
      { specifier: "./side-effect", line: 5 },
      { specifier: "@/lib/c", line: 6 },
      { specifier: "node:os", line: 9 },
    ]);
  });

  it("never reach outside lib/engine", () => {
    const problems = sourceFiles(ENGINE).flatMap((file) => specifiers(readFileSync(file, "utf8")).flatMap(({ specifier, line }) => problemOf(file, specifier, line) ?? []));
    expect(problems).toEqual([]);
  });

  it("would catch an app import, a climb out of lib/engine and an unlisted package", () => {
    const file = join(ENGINE, "lambda", "invocation", "invoker.ts");
    expect(problemOf(file, "@/lib/db", 3)).toMatch(/imports app code/);
    expect(problemOf(file, "../../../labs/grade", 4)).toMatch(/climbs out of lib\/engine/);
    expect(problemOf(file, "../../core/prng", 5)).toBeUndefined();
    expect(problemOf(file, "next/server", 6)).toMatch(/not an allowed package/);
    expect(problemOf(file, "vitest", 7)).toMatch(/not an allowed package/);
    expect(problemOf(join(ENGINE, "run.test.ts"), "vitest", 1)).toBeUndefined();
  });
});

function problemOf(file: string, specifier: string, line: number): string | undefined {
  const where = `${relative(ENGINE, file)}:${line}: "${specifier}"`;
  // the conformance runner and test helpers are test code too
  const test = /\.test\.tsx?$/.test(file) || /^(conformance|testing)\//.test(relative(ENGINE, file).split(sep).join("/"));
  if (specifier.startsWith(".")) {
    const target = resolve(dirname(file), specifier);
    return target === ENGINE || target.startsWith(ENGINE + sep) ? undefined : `${where} climbs out of lib/engine`;
  }
  if (specifier.startsWith("@/")) return `${where} imports app code`;
  if (specifier.startsWith("node:")) return undefined;
  const name = specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0]!;
  if (PACKAGES.has(name) || (test && TEST_PACKAGES.has(name))) return undefined;
  return `${where} is not an allowed package (${[...PACKAGES].join(", ")})`;
}
