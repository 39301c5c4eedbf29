// Property tests (fast-check): random small accounts — functions with reservations, timeouts and
// handlers that succeed, fail, wait or exit — driven by random sync and async calls.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runScenario } from "./run";
import { validateScenario } from "./scenario/validate";
import { createNodeVmRuntimeFactory } from "./testing/node-vm-runtime";
import type { Trace } from "./trace/types";

const HANDLER = `exports.handler = async (e) => {
  if (e.sleep) await new Promise((r) => setTimeout(r, e.sleep));
  if (e.exit) process.exit(1);
  if (e.fail) throw new Error("fail");
  return e.n;
};`;

const fnArb = fc.record({
  reserved: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
  timeout: fc.integer({ min: 1, max: 3 }),
  retries: fc.integer({ min: 0, max: 2 }),
  maxAge: fc.constantFrom(60, 90, 300, 21_600),
});

const callArb = fc.record({
  fn: fc.nat(),
  at: fc.integer({ min: 0, max: 90_000 }),
  async: fc.boolean(),
  sleep: fc.constantFrom(0, 0, 200, 1500, 4000),
  fail: fc.boolean(),
  exit: fc.constantFrom(false, false, false, true),
});

const scenarioArb = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  account: fc.integer({ min: 2, max: 12 }),
  functions: fc.array(fnArb, { minLength: 1, maxLength: 3 }),
  calls: fc.array(callArb, { minLength: 1, maxLength: 30 }),
});

type Gen = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function build(g: Gen) {
  const steps: unknown[] = [{ CreateQueue: { QueueName: "failures" } }, { CreateQueue: { QueueName: "successes" } }];
  g.functions.forEach((f, i) => {
    steps.push({ CreateFunction: { FunctionName: `f${i}`, Runtime: "nodejs20.x", Handler: "index.handler", Timeout: f.timeout, Code: { ZipFile: HANDLER } } });
    if (f.reserved !== undefined) steps.push({ PutFunctionConcurrency: { FunctionName: `f${i}`, ReservedConcurrentExecutions: f.reserved } });
    steps.push({
      PutFunctionEventInvokeConfig: {
        FunctionName: `f${i}`,
        MaximumRetryAttempts: f.retries,
        MaximumEventAgeInSeconds: f.maxAge,
        DestinationConfig: {
          OnSuccess: { Destination: "arn:aws:sqs:us-east-1:123456789012:successes" },
          OnFailure: { Destination: "arn:aws:sqs:us-east-1:123456789012:failures" },
        },
      },
    });
  });
  const calls = [...g.calls].sort((a, b) => a.at - b.at);
  calls.forEach((c, n) => {
    steps.push({
      at: 1000 + c.at,
      Invoke: { FunctionName: `f${c.fn % g.functions.length}`, InvocationType: c.async ? "Event" : "RequestResponse", Payload: { n, sleep: c.sleep, fail: c.fail, exit: c.exit } },
    });
  });
  const v = validateScenario({ seed: g.seed, settings: { accountConcurrency: g.account }, steps });
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.scenario;
}

function run(g: Gen): Trace {
  return runScenario(build(g), { runtime: createNodeVmRuntimeFactory() });
}

/** Most intervals [start, end) that overlap at any instant. */
function maxOverlap(intervals: [number, number][]): number {
  const points: [number, number][] = [];
  for (const [s, e] of intervals) points.push([s, 1], [e, -1]);
  points.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let cur = 0;
  let max = 0;
  for (const [, d] of points) max = Math.max(max, (cur += d));
  return max;
}

const RUNS = { numRuns: 60, seed: 20261126 };

describe("engine properties", () => {
  it("same scenario and seed ⇒ byte-identical trace", () => {
    fc.assert(
      fc.property(scenarioArb, (g) => {
        expect(JSON.stringify(run(g))).toBe(JSON.stringify(run(g)));
      }),
      { ...RUNS, numRuns: 25 },
    );
  });

  it("concurrency never exceeds the reservation or the account quota", () => {
    fc.assert(
      fc.property(scenarioArb, (g) => {
        const t = run(g);
        const all = t.invocations.map((i) => [i.start, i.end!] as [number, number]);
        expect(maxOverlap(all)).toBeLessThanOrEqual(g.account);
        for (const [name, fn] of Object.entries(t.functions)) {
          // the reservation AWS accepted (a small account may refuse it: ≥ its quota must stay unreserved)
          if (fn.reservedConcurrency === null) continue;
          const mine = t.invocations.filter((x) => x.function === name).map((x) => [x.start, x.end!] as [number, number]);
          expect(maxOverlap(mine)).toBeLessThanOrEqual(fn.reservedConcurrency);
        }
      }),
      RUNS,
    );
  });

  it("no environment runs two invocations at once, and every invocation ends", () => {
    fc.assert(
      fc.property(scenarioArb, (g) => {
        const t = run(g);
        const byEnv = new Map<string, [number, number][]>();
        for (const i of t.invocations) {
          expect(i.end).not.toBeNull();
          expect(i.status).not.toBe("running");
          byEnv.set(i.environmentId, [...(byEnv.get(i.environmentId) ?? []), [i.start, i.end!]]);
        }
        for (const intervals of byEnv.values()) expect(maxOverlap(intervals)).toBeLessThanOrEqual(1);
      }),
      RUNS,
    );
  });

  it("every async event ends exactly once: success or failure, with one matching destination record", () => {
    fc.assert(
      fc.property(scenarioArb, (g) => {
        const t = run(g);
        const accepted = t.steps.filter((s) => s.op === "Invoke" && (s.response as { StatusCode?: number } | undefined)?.StatusCode === 202).length;
        expect(t.asyncEvents).toHaveLength(accepted);
        for (const ev of t.asyncEvents) {
          expect(["success", "failure"]).toContain(ev.outcome);
          expect(ev.endedAt).not.toBeNull();
          const f = g.functions[Number(ev.function.slice(1))];
          expect(ev.attempts).toBeLessThanOrEqual(f.retries + 1);
          const deliveries = t.deliveries.filter((d) => d.requestId === ev.requestId);
          expect(deliveries).toHaveLength(1);
          expect(deliveries[0].kind).toBe(ev.outcome === "success" ? "on-success" : "on-failure");
          expect(deliveries[0].condition).toBe(ev.condition);
          const ran = t.invocations.filter((i) => i.requestId === ev.requestId);
          expect(ran).toHaveLength(ev.attempts);
        }
      }),
      RUNS,
    );
  });
});
