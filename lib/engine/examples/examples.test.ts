// The five reference examples run through the engine with the real QuickJS sandbox, checked the
// way the CLI checker reads them. They are facts about AWS: a failure here is an engine bug.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import jmespath from "jmespath";
import { beforeAll, describe, expect, it } from "vitest";
import YAML from "yaml";
import { createQuickJsRuntimeFactory, formatScenarioError, runScenario, validateScenario, type RuntimeFactory, type Trace } from "../index";

interface Check {
  path?: string;
  js?: string;
  equals?: unknown;
  in?: unknown[];
  contains?: string;
  gte?: number;
  lte?: number;
  between?: [number, number];
}

const dir = fileURLToPath(new URL(".", import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort();

function failure(trace: Trace, c: Check): string | null {
  let v: unknown;
  try {
    v = c.js ? (0, eval)(c.js)(trace) : jmespath.search(trace, c.path!);
  } catch (e) {
    return `cannot evaluate ${c.js ?? c.path}: ${(e as Error).message}`;
  }
  if (v === undefined) v = null;
  const what = c.js ?? c.path;
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if ("equals" in c && !same(v, c.equals)) return `${what} = ${JSON.stringify(v)}, expected ${JSON.stringify(c.equals)}`;
  if (c.in && !c.in.some((x) => same(v, x))) return `${what} = ${JSON.stringify(v)}, expected one of ${JSON.stringify(c.in)}`;
  if (c.contains !== undefined && !(typeof v === "string" && v.includes(c.contains))) return `${what} = ${JSON.stringify(v)}, expected to contain ${c.contains}`;
  if (c.gte !== undefined && !(typeof v === "number" && v >= c.gte)) return `${what} = ${JSON.stringify(v)}, expected >= ${c.gte}`;
  if (c.lte !== undefined && !(typeof v === "number" && v <= c.lte)) return `${what} = ${JSON.stringify(v)}, expected <= ${c.lte}`;
  if (c.between && !(typeof v === "number" && v >= c.between[0] && v <= c.between[1])) return `${what} = ${JSON.stringify(v)}, expected in [${c.between}]`;
  return null;
}

let runtime: RuntimeFactory;
beforeAll(async () => {
  runtime = await createQuickJsRuntimeFactory();
});

describe("reference examples", () => {
  it("has all five", () => {
    expect(files).toEqual(["ex1-sync-basics.yaml", "ex2-async-one-retry.yaml", "ex3-alias-deploy.yaml", "ex4-sqs-partial-batch.yaml", "ex5-reserved-throttle.yaml"]);
  });

  for (const file of files) {
    it(file, () => {
      const doc = YAML.parse(readFileSync(`${dir}${file}`, "utf8")) as { scenario: unknown; expect: Check[] };
      const v = validateScenario(doc.scenario, { file, pathPrefix: ["scenario"] });
      if (!v.ok) throw new Error(v.errors.map(formatScenarioError).join("\n"));
      if (runtime.tainted) throw new Error("the sandbox factory is tainted");
      const trace = runScenario(v.scenario, { runtime });
      expect(doc.expect.map((c) => failure(trace, c)).filter(Boolean)).toEqual([]);
      // same scenario + seed ⇒ byte-identical trace
      expect(JSON.stringify(runScenario(v.scenario, { runtime }))).toBe(JSON.stringify(trace));
    });
  }
});
