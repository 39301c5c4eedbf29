import { describe, expect, it } from "vitest";
import { fn, runYaml, step } from "./testing/run-yaml";

describe("runScenario", () => {
  it("stops the clock at `until`: calls in flight stay pending, events unfinished stay pending", () => {
    const t = runYaml(`until: 90s
steps:
${fn("slow", "exports.handler = async () => { await new Promise((r) => setTimeout(r, 5000)); throw new Error('late'); };", "      Timeout: 10\n")}
  - { id: async, at: 1s, Invoke: { FunctionName: slow, InvocationType: Event } }
  - { id: sync, at: 88s, Invoke: { FunctionName: slow } }
  - { id: never, at: 95s, Invoke: { FunctionName: slow } }
`);
    expect(t.endedAt).toBe(90_000);
    expect(step(t, "sync")).toMatchObject({ pending: true });
    expect(step(t, "sync")).not.toHaveProperty("response");
    expect(t.steps.map((s) => s.id)).not.toContain("never");
    expect(t.invocations.map((i) => i.status)).toEqual(["error", "error", "running"]);
    expect(t.invocations[2].end).toBeNull();
    expect(t.asyncEvents[0]).toMatchObject({ outcome: "pending", attempts: 2, endedAt: null });
  });

  it("ends with the last foreground event when there is no `until`", () => {
    const t = runYaml(`steps:
${fn("f", "exports.handler = async () => 1;")}
  - { at: 5s, Invoke: { FunctionName: f } }
`);
    expect(t.endedAt).toBe(5105);
    expect(t.environments[0].reclaimedAt).toBeNull();
  });

  it("keeps the trace's top-level keys in the documented order", () => {
    const t = runYaml(`steps:\n  - CreateQueue: { QueueName: q }\n`);
    expect(Object.keys(t)).toEqual([
      "name", "seed", "region", "accountId", "endedAt", "steps", "invocations", "throttles", "environments", "queues",
      "deliveries", "asyncEvents", "streams", "topics", "buses", "tables", "logs", "functions", "eventSourceMappings", "timeline",
    ]);
    expect(t.steps[0]).toEqual({ id: "s1", op: "CreateQueue", at: 0, response: { QueueUrl: "https://sqs.us-east-1.amazonaws.com/123456789012/q" } });
  });

  it("uses the scenario's seed unless the caller overrides it", () => {
    const yaml = `seed: 4\nsteps:\n  - CreateQueue: { QueueName: q }\n  - SendMessage: { QueueName: q, MessageBody: x }\n`;
    const a = runYaml(yaml);
    const b = runYaml(yaml, { seed: 5 });
    expect(a.seed).toBe(4);
    expect(b.seed).toBe(5);
    expect(a.queues.q.messages[0].MessageId).not.toBe(b.queues.q.messages[0].MessageId);
    expect(runYaml(yaml).queues.q.messages[0].MessageId).toBe(a.queues.q.messages[0].MessageId);
  });

  it("records a repeat as one step per repetition, ids <id>.1, <id>.2, …", () => {
    const t = runYaml(`steps:
${fn("f", "exports.handler = async (e) => e.n;")}
  - { id: burst, at: 1s, repeat: { times: 3, every: 250ms }, Invoke: { FunctionName: f, Payload: { n: 7 } } }
  - { id: after, Invoke: { FunctionName: f, Payload: { n: 8 } } }
`);
    expect(t.steps.slice(1).map((s) => [s.id, s.at])).toEqual([["burst.1", 1000], ["burst.2", 1250], ["burst.3", 1500], ["after", 1500]]);
    expect(t.invocations.map((i) => i.step)).toEqual(["burst.1", "burst.2", "burst.3", "after"]);
  });
});
