import { describe, expect, it } from "vitest";
import { instantiateLab, parseLabSource, type LabSource } from "./lab-file";
import { RETRY_LAB } from "./testing/fixtures";
import { applyWhatIf, whatIfKnobs } from "./what-if";

function source(text = RETRY_LAB): LabSource {
  const s = parseLabSource(text);
  if (!s.ok) throw new Error(s.errors[0]!.message);
  return s.value;
}

const QUEUE_LAB = RETRY_LAB.replace(
  "    - CreateFunction:",
  `    - CreateQueue:
        QueueName: jobs
        Attributes:
          VisibilityTimeout: "30"
          RedrivePolicy: '{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:123456789012:dlq","maxReceiveCount":"3"}'
    - CreateFunction:`,
);

describe("what-if", () => {
  it("offers the lab's params and the whitelisted fields of its steps", () => {
    const src = source();
    const inst = instantiateLab(src, 4);
    if (!inst.ok) throw new Error("bad fixture");
    const knobs = whatIfKnobs(src, inst.value);
    // retries is written only as `MaximumRetryAttempts: "{{retries}}"`: that setting's own knob turns it.
    expect(knobs.some((k) => k.key === "param:retries")).toBe(false);
    expect(knobs.find((k) => k.key === "param:fn")).toMatchObject({ kind: "choice", choices: ["orders", "payments"], current: "orders" });
    expect(knobs.find((k) => k.key === "s2:MaximumRetryAttempts")).toMatchObject({ op: "PutFunctionEventInvokeConfig", current: 2, min: 0, max: 2, label: "Async retry attempts — PutFunctionEventInvokeConfig orders" });
    expect(knobs.find((k) => k.key === "s2:MaximumEventAgeInSeconds")).toMatchObject({ current: null });
    expect(knobs.find((k) => k.key === "s1:Timeout")).toMatchObject({ current: null, min: 1, max: 900 });
    expect(knobs.some((k) => k.key === "s1:MemorySize")).toBe(false); // not primary, not set
  });

  it("sets a step field (adding it if absent) and re-validates the scenario", () => {
    const r = applyWhatIf(source(), 0, [{ step: "s2", field: "MaximumEventAgeInSeconds", value: 120 }, { step: "s1", field: "Timeout", value: 10 }]);
    if (!r.ok) throw new Error(JSON.stringify(r.fieldErrors));
    expect(r.instance.scenario.steps[1]!.input).toMatchObject({ MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 120 });
    expect(r.instance.scenario.steps[0]!.input.Timeout).toBe(10);
  });

  it("changes a param by moving to the variant that has it", () => {
    const r = applyWhatIf(source(), 1, [{ param: "retries", value: 2 }]); // variant 1 = retries 0, fn payments
    if (!r.ok) throw new Error(JSON.stringify(r.fieldErrors));
    expect(r.instance.variant.params).toEqual({ retries: 2, fn: "payments" });
    expect(r.instance.scenario.steps[1]!.input.MaximumRetryAttempts).toBe(2);
  });

  it("edits inside a RedrivePolicy written as JSON text", () => {
    const r = applyWhatIf(source(QUEUE_LAB), 0, [{ step: "s1", field: "Attributes.RedrivePolicy.maxReceiveCount", value: 5 }, { step: "s1", field: "Attributes.VisibilityTimeout", value: 60 }]);
    if (!r.ok) throw new Error(JSON.stringify(r.fieldErrors));
    const attrs = r.instance.scenarioSource.steps as Array<{ CreateQueue?: { Attributes: Record<string, unknown> } }>;
    expect(JSON.parse(attrs[0]!.CreateQueue!.Attributes.RedrivePolicy as string)).toMatchObject({ maxReceiveCount: 5, deadLetterTargetArn: expect.any(String) });
    expect(attrs[0]!.CreateQueue!.Attributes.VisibilityTimeout).toBe(60);
  });

  it.each([
    [[{ step: "s2", field: "MaximumRetryAttempts", value: 3 }], /between 0 and 2/],
    [[{ step: "s2", field: "MaximumRetryAttempts", value: 1.5 }], /integer/],
    [[{ step: "s9", field: "Timeout", value: 3 }], /no step "s9"/],
    [[{ step: "send", field: "Payload", value: 1 }], /Invoke .* has no what-if knobs/],
    [[{ step: "s2", field: "DestinationConfig", value: 1 }], /allows what-if changes to MaximumRetryAttempts, MaximumEventAgeInSeconds/],
    [[{ param: "retries", value: 7 }], /an integer from 0 to 2/],
    [[{ param: "nope", value: 1 }], /no param "nope"/],
    [[], /at least one/],
  ])("refuses %j", (changes, message) => {
    const r = applyWhatIf(source(), 0, changes as never);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.values(r.fieldErrors).flat().join(" ")).toMatch(message);
  });
});
