import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatScenarioError } from "./errors";
import { parseScenario } from "./parse";
import { validateScenario } from "./validate";

function errorsOf(yaml: string) {
  const r = parseScenario(yaml, { file: "s.yaml" });
  if (r.ok) throw new Error("expected the scenario to be refused");
  return r.errors;
}

describe("parseScenario", () => {
  it("normalises a valid scenario: defaults, durations, ids", () => {
    const r = parseScenario(`
name: demo
settings: { coldStartMs: 2s }
until: 7h
steps:
  - CreateQueue: { QueueName: q }
  - id: first
    at: 1.5s
    SendMessage: { QueueName: q, MessageBody: { a: 1 }, DelaySeconds: 0 }
  - at: 2s
    repeat: { times: 3, every: 10ms }
    SendMessage: { QueueName: q, MessageBody: hi }
`);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = r.scenario;
    expect(s.seed).toBe(1);
    expect(s.region).toBe("us-east-1");
    expect(s.accountId).toBe("123456789012");
    expect(s.settings.coldStartMs).toBe(2000);
    expect(s.settings.warmStartMs).toBe(1);
    expect(s.until).toBe(7 * 3_600_000);
    expect(s.steps.map((x) => [x.id, x.at, x.op])).toEqual([
      ["s1", undefined, "CreateQueue"],
      ["first", 1500, "SendMessage"],
      ["s3", 2000, "SendMessage"],
    ]);
    expect(s.steps[2].repeat).toEqual({ times: 3, everyMs: 10 });
  });

  it("locates a wrong type by line, column, field path and step", () => {
    const [e] = errorsOf(`steps:
  - CreateFunction:
      FunctionName: f
      Runtime: nodejs20.x
      Handler: index.handler
      Timeout: three
      Code: { ZipFile: "x" }
`);
    expect(e).toMatchObject({ path: "steps[0].CreateFunction.Timeout", line: 6, column: 16, step: { index: 0, id: "s1" }, file: "s.yaml" });
    expect(e.message).toBe('expected number, got text "three"');
    expect(formatScenarioError(e)).toBe('s.yaml:6:16: steps[0].CreateFunction.Timeout (step "s1"): expected number, got text "three"');
  });

  it("refuses unknown keys everywhere and suggests the right spelling", () => {
    const errors = errorsOf(`seeed: 3
steps:
  - id: call
    Invoke: { FunctionName: f, InvocationTyp: Event }
  - CreateQueue: { QueueName: q, Attributes: {} }
    at: 1s
    repeat: { times: 2, evry: 1s }
`);
    const byPath = Object.fromEntries(errors.map((e) => [e.path, e]));
    expect(byPath["seeed"].message).toMatch(/unknown key "seeed" \(did you mean "seed"\?\)/);
    expect(byPath["seeed"].line).toBe(1);
    expect(byPath["steps[0].Invoke.InvocationTyp"].message).toMatch(/did you mean "InvocationType"/);
    expect(byPath["steps[0].Invoke.InvocationTyp"].step).toEqual({ index: 0, id: "call" });
    expect(byPath["steps[1].repeat.evry"].message).toMatch(/unknown key "evry"/);
  });

  it("names unknown operations and steps with zero or two operations", () => {
    const errors = errorsOf(`steps:
  - Invok: { FunctionName: f }
  - at: 1s
  - CreateQueue: { QueueName: a }
    CreateTopic: { Name: t }
`);
    expect(errors.map((e) => e.path)).toEqual(["steps[0].Invok", "steps[1]", "steps[2].CreateTopic"]);
    expect(errors[0].message).toMatch(/unknown operation "Invok" \(did you mean "Invoke"\?\)/);
    expect(errors[1].message).toMatch(/found none/);
    expect(errors[2].message).toMatch(/exactly one operation/);
  });

  it("reports missing required fields", () => {
    const [e] = errorsOf(`steps:\n  - Invoke: { Qualifier: live }\n`);
    expect(e.path).toBe("steps[0].Invoke.FunctionName");
    expect(e.message).toBe('missing required field "FunctionName" (expected string)');
    const [body] = errorsOf(`steps:\n  - SendMessage: { QueueName: q }\n`);
    expect(body).toMatchObject({ path: "steps[0].SendMessage.MessageBody", message: 'missing required field "MessageBody" (expected any JSON value)' });
  });

  it("checks durations, time order, the 14-day cap and duplicate ids", () => {
    const errors = errorsOf(`until: 15d
steps:
  - id: a
    at: 5s
    CreateQueue: { QueueName: q }
  - id: a
    at: 2s
    CreateQueue: { QueueName: r }
  - at: 3 seconds
    CreateQueue: { QueueName: s }
`);
    const messages = errors.map((e) => `${e.path}: ${e.message}`);
    expect(messages).toContain("until: expected at most 14 days (14d), got 1296000000 ms");
    expect(messages.some((m) => m.startsWith('steps[1].id: duplicate step id "a"'))).toBe(true);
    expect(messages.some((m) => m.startsWith("steps[1].at: steps run in time order"))).toBe(true);
    expect(messages.some((m) => m.startsWith("steps[2].at: expected a duration"))).toBe(true);
  });

  it("caps the number of calls a repeat can produce", () => {
    const errors = errorsOf(`steps:
  - repeat: { times: 150000, every: 1ms }
    CreateQueue: { QueueName: q }
  - repeat: { times: 150000, every: 1ms }
    CreateQueue: { QueueName: r }
`);
    expect(errors.some((e) => e.path === "steps" && /too many calls after repeat: 300000/.test(e.message))).toBe(true);
  });

  it("reports YAML syntax errors with their position", () => {
    const [e] = errorsOf("steps:\n  - Invoke: { FunctionName: f\n");
    expect(e.line).toBeGreaterThan(0);
    expect(e.path).toBe("");
  });

  it("validates values that come from code (no YAML positions) with the same paths", () => {
    const r = validateScenario({ steps: [{ Invoke: { FunctionName: 3 } }] }, { pathPrefix: ["scenario"] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ path: "scenario.steps[0].Invoke.FunctionName", message: "expected string, got number 3" });
  });

  it("accepts JSON text", () => {
    const r = parseScenario(JSON.stringify({ seed: 9, steps: [{ CreateQueue: { QueueName: "q" } }] }));
    expect(r.ok && r.scenario.seed).toBe(9);
  });

  it("never throws on arbitrary input: every refusal is a list of located errors", () => {
    const op = fc.constantFrom("Invoke", "CreateFunction", "SendMessage", "CreateQueue", "PutItem", "Nope");
    const step = fc.oneof(fc.anything(), fc.dictionary(op, fc.anything(), { maxKeys: 2 }), fc.record({ at: fc.anything(), repeat: fc.anything(), Invoke: fc.anything() }));
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.record({ steps: fc.array(step, { maxLength: 4 }), settings: fc.anything(), until: fc.anything() }, { requiredKeys: [] })), (value) => {
        const r = validateScenario(value);
        if (!r.ok) for (const e of r.errors) expect(typeof e.message).toBe("string");
      }),
      { numRuns: 400, seed: 7 },
    );
    for (const text of ["", "- a\n- b", "steps: [null]", "a: &x [*x]", "\u0000\u0001", "steps:\n  - Invoke:\n      FunctionName: [[[[[[[]]]]]]]"]) {
      const r = parseScenario(text);
      expect(r.ok).toBe(false);
    }
  });
});
