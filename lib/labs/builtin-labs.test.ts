// Every built-in lab passes `lab check` (validated, every variant run, every truth evaluated and
// fitting its type), and together they meet the bar the product promises: at least 12 labs, at
// least 4 questions each, at least half with variants, and every topic of the seed covered.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createQuickJsRuntimeFactory, runScenario, type RuntimeFactory } from "@/lib/engine";
import { checkLabText } from "./check";
import { formatLabError } from "./located";

const dir = path.join(process.cwd(), "labs");
const files = fs.readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort();
let runtime: RuntimeFactory;

beforeAll(async () => {
  runtime = await createQuickJsRuntimeFactory();
});

describe("built-in labs", () => {
  it.each(files)("%s passes lab check", async (file) => {
    const rel = path.join("labs", file);
    const report = await checkLabText(fs.readFileSync(path.join(dir, file), "utf8"), { file: rel, run: (s) => runScenario(s, { runtime }) });
    expect(report.internal).toBeUndefined();
    expect(report.errors.map(formatLabError)).toEqual([]);
    expect(report.variants[0]!.truths.length).toBeGreaterThanOrEqual(4);
    expect(report.source!.id).toBe(file.replace(/\.yaml$/, ""));
  }, 60_000);

  it("are at least 12, at least half of them with variants, covering every topic", async () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
    const texts = files.map((f) => fs.readFileSync(path.join(dir, f), "utf8"));
    expect(texts.filter((t) => /^params:/m.test(t)).length * 2).toBeGreaterThanOrEqual(files.length);
    const topics = new Set(texts.flatMap((t) => /^topics: \[(.*)\]$/m.exec(t)![1]!.split(",").map((s) => s.trim())));
    for (const topic of ["invocation", "async", "retries", "idempotency", "dlq", "destinations", "sqs", "esm", "kinesis", "permissions", "versions", "aliases", "cold-start", "concurrency", "reserved", "provisioned", "throttling"]) {
      expect(topics, topic).toContain(topic);
    }
  });
});
