import { describe, expect, it } from "vitest";
import { fn, runYaml, step } from "../testing/run-yaml";
import { formatScenarioError } from "./errors";
import { parseScenario } from "./parse";

const Q = "arn:aws:sqs:us-east-1:123456789012";

function errorsOf(yaml: string): string[] {
  const parsed = parseScenario(yaml, { file: "s.yaml" });
  if (parsed.ok) throw new Error("expected the scenario to be refused");
  return parsed.errors.map(formatScenarioError);
}

const SETUP = `steps:
  - CreateQueue: { QueueName: jobs }
${fn("w", "exports.handler = async (e) => e;")}
  - id: mapping
    CreateEventSourceMapping: { FunctionName: w, EventSourceArn: "${Q}:jobs", BatchSize: 5 }
`;

describe("step references when the scenario is checked", () => {
  it("accepts a reference to an earlier step's answer and keeps it for the run", () => {
    const parsed = parseScenario(`${SETUP}  - GetEventSourceMapping: { UUID: { $ref: mapping.response.UUID } }\n`);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.scenario.steps[3]!.references).toEqual([{ at: ["UUID"], text: "mapping.response.UUID", step: "mapping", part: "response", fields: ["UUID"] }]);
  });

  it("points at the line of a misspelt field and says what the operation answers", () => {
    const yaml = `${SETUP}  - GetEventSourceMapping:\n      UUID: { $ref: mapping.response.Uuid }\n`;
    const line = yaml.split("\n").findIndex((l) => l.includes("Uuid")) + 1;
    const column = yaml.split("\n")[line - 1]!.indexOf("mapping.response.Uuid") + 1;
    expect(errorsOf(yaml)).toEqual([`s.yaml:${line}:${column}: steps[3].GetEventSourceMapping.UUID.$ref (step "s4"): "mapping.response.Uuid": mapping.response has no field "Uuid" (did you mean "UUID"?)`]);
  });

  it("refuses a step that does not exist, a later step, the step itself, and says which steps come before", () => {
    expect(errorsOf(`${SETUP}  - GetEventSourceMapping: { UUID: { $ref: mapp.response.UUID } }\n`)[0]).toMatch(/names no step "mapp"; the steps before this one are "s1", "s2", "mapping"/);
    expect(errorsOf(`${SETUP}  - id: get\n    GetEventSourceMapping: { UUID: { $ref: get.response.UUID } }\n`)[0]).toMatch(/names no step "get"/);
    expect(errorsOf(`steps:\n  - GetEventSourceMapping: { UUID: { $ref: later.response.UUID } }\n  - id: later\n    CreateQueue: { QueueName: q }\n`)[0]).toMatch(/no step comes before this one/);
  });

  it("asks for one repetition of a repeated step", () => {
    const base = `steps:\n  - CreateQueue: { QueueName: jobs }\n  - id: send\n    repeat: { times: 3 }\n    SendMessage: { QueueName: jobs, MessageBody: m }\n`;
    expect(errorsOf(`${base}  - SendMessage: { QueueName: jobs, MessageBody: { $ref: send.response.MessageId } }\n`)[0]).toMatch(/step "send" repeats 3 times; name one repetition, send\.1 … send\.3/);
    expect(errorsOf(`${base}  - SendMessage: { QueueName: jobs, MessageBody: { $ref: send.4.response.MessageId } }\n`)[0]).toMatch(/send\.4 is not one of them/);
    expect(parseScenario(`${base}  - SendMessage: { QueueName: jobs, MessageBody: { $ref: send.2.response.MessageId } }\n`).ok).toBe(true);
  });

  it("checks list positions, nested fields and the error part", () => {
    const base = `steps:\n  - CreateQueue: { QueueName: jobs }\n  - id: recv\n    ReceiveMessage: { QueueName: jobs }\n`;
    expect(parseScenario(`${base}  - DeleteMessage: { QueueName: jobs, ReceiptHandle: { $ref: "recv.response.Messages[0].ReceiptHandle" } }\n`).ok).toBe(true);
    expect(errorsOf(`${base}  - DeleteMessage: { QueueName: jobs, ReceiptHandle: { $ref: recv.response.Messages.ReceiptHandle } }\n`)[0]).toMatch(/recv\.response\.Messages is a list: expected a position like recv\.response\.Messages\[0\]/);
    expect(errorsOf(`${base}  - DeleteMessage: { QueueName: jobs, ReceiptHandle: { $ref: recv.error.code } }\n`)[0]).toMatch(/recv\.error has no field "code"; it has type, message, reason/);
    expect(parseScenario(`${base}  - SendMessage: { QueueName: jobs, MessageBody: { $ref: recv.error.type } }\n`).ok).toBe(true);
  });

  it("refuses a mapping with $ref and other keys, and a $ref that is not text", () => {
    expect(errorsOf(`${SETUP}  - GetEventSourceMapping: { UUID: { $ref: mapping.response.UUID, x: 1 } }\n`)[0]).toMatch(/GetEventSourceMapping\.UUID\.x .*a reference is a mapping with `\$ref` alone; found also "x"/);
    expect(errorsOf(`${SETUP}  - GetEventSourceMapping: { UUID: { $ref: 3 } }\n`)[0]).toMatch(/expected `\$ref: <step id>\.response\.<field>` \(text\)/);
    expect(errorsOf(`${SETUP}  - GetEventSourceMapping: { UUID: { $ref: mapping.UUID } }\n`)[0]).toMatch(/is not a reference: expected <step id>\.response\.<field>/);
  });

  it("still checks the rest of the step's input", () => {
    expect(errorsOf(`${SETUP}  - UpdateEventSourceMapping: { UUID: { $ref: mapping.response.UUID }, BatchSise: 3 }\n`)[0]).toMatch(/unknown key "BatchSise" \(did you mean "BatchSize"\?\)/);
  });
});

describe("step references when the scenario runs", () => {
  it("substitutes the referenced value", () => {
    const t = runYaml(`${SETUP}  - id: get\n    at: 1s\n    GetEventSourceMapping: { UUID: { $ref: mapping.response.UUID } }\n  - id: update\n    UpdateEventSourceMapping: { UUID: { $ref: get.response.UUID }, BatchSize: 7 }\n`);
    const uuid = (step(t, "mapping").response as { UUID: string }).UUID;
    expect(step(t, "get").response).toMatchObject({ UUID: uuid, BatchSize: 5 });
    expect(step(t, "update").response).toMatchObject({ UUID: uuid, BatchSize: 7 });
  });

  it("a reference to a step that failed makes this step fail with a ValidationException, and the run goes on", () => {
    const t = runYaml(`steps:
  - id: mapping
    CreateEventSourceMapping: { FunctionName: nope, EventSourceArn: "${Q}:jobs" }
  - id: get
    GetEventSourceMapping: { UUID: { $ref: mapping.response.UUID } }
  - id: after
    CreateQueue: { QueueName: still-runs }
`);
    expect(step(t, "get").error).toEqual({
      type: "ValidationException",
      message: "1 validation error detected: Value null at 'UUID' failed to satisfy constraint: Member must not be null",
      reference: 'mapping.response.UUID: step "mapping" failed with InvalidParameterValueException, so it has no response',
    });
    expect(step(t, "after").response).toMatchObject({ QueueUrl: expect.stringContaining("still-runs") });
  });

  it("a synchronous Invoke that has not answered yet has no response to read", () => {
    const t = runYaml(`steps:
${fn("slow", "exports.handler = async () => { await new Promise((r) => setTimeout(r, 2000)); return { id: 'x' }; };")}
  - { id: call, at: 1s, Invoke: { FunctionName: slow } }
  - { id: early, at: 2s, CreateQueue: { QueueName: { $ref: call.response.Payload.id } } }
  - { id: late, at: 5s, CreateQueue: { QueueName: { $ref: call.response.Payload.id } } }
`);
    expect(step(t, "early").error?.reference).toBe('call.response.Payload.id: step "call" had not answered yet at 2000 ms');
    expect(step(t, "late").response).toMatchObject({ QueueUrl: expect.stringMatching(/\/x$/) });
  });

  it("a field the answer lacks, or a value of the wrong type, is a ValidationException naming the reference", () => {
    const t = runYaml(`steps:
${fn("f", "exports.handler = async () => ({ n: 3 });")}
  - { id: call, at: 1s, Invoke: { FunctionName: f } }
  - { id: missing, at: 2s, CreateQueue: { QueueName: { $ref: call.response.FunctionError } } }
  - { id: typed, CreateQueue: { QueueName: { $ref: call.response.Payload } } }
`);
    expect(step(t, "missing").error?.reference).toBe('call.response.FunctionError: the response of step "call" has no call.response.FunctionError');
    expect(step(t, "typed").error?.type).toBe("ValidationException");
    expect(step(t, "typed").error?.message).toMatch(/^1 validation error detected: Value \{"n":3\} at 'QueueName' failed to satisfy constraint/);
    expect(step(t, "typed").error?.reference).toBe("call.response.Payload: the value it stands for does not fit QueueName");
  });

  it("reads repetitions, list positions and errors, inside payloads too", () => {
    const t = runYaml(`steps:
  - CreateQueue: { QueueName: jobs }
  - { id: send, repeat: { times: 2 }, SendMessage: { QueueName: jobs, MessageBody: m } }
  - { id: recv, at: 1s, ReceiveMessage: { QueueName: jobs, MaxNumberOfMessages: 10 } }
  - { id: del, DeleteMessage: { QueueName: jobs, ReceiptHandle: { $ref: "recv.response.Messages[1].ReceiptHandle" } } }
  - { id: bad, DeleteMessage: { QueueName: nope, ReceiptHandle: x } }
${fn("echo", "exports.handler = async (e) => e;")}
  - { id: call, at: 2s, Invoke: { FunctionName: echo, Payload: { sent: { $ref: send.2.response.MessageId }, failure: { $ref: bad.error.type }, list: [{ $ref: send.1.response.MessageId }] } } }
`);
    expect(step(t, "del").error).toBeUndefined();
    expect(t.queues.jobs.messages).toHaveLength(1);
    const payload = (step(t, "call").response as { Payload: Record<string, unknown> }).Payload;
    expect(payload).toEqual({
      sent: (step(t, "send.2").response as { MessageId: string }).MessageId,
      failure: "QueueDoesNotExist",
      list: [(step(t, "send.1").response as { MessageId: string }).MessageId],
    });
  });
});
