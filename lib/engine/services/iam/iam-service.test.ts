import { describe, expect, it } from "vitest";
import { fn, runYaml, step } from "../../testing/run-yaml";

const Q = "arn:aws:sqs:us-east-1:123456789012";
const ROLE = "arn:aws:iam::123456789012:role/reader";

/** Whether a role with `allow` may create an SQS mapping (the mapping checks three sqs actions, §3.1). */
function mayMap(allow: string[]): boolean {
  const t = runYaml(`steps:
  - CreateQueue: { QueueName: jobs }
  - CreateRole: { RoleName: reader, Policy: { Allow: ${JSON.stringify(allow)} } }
${fn("w", "exports.handler = async () => 1;", `      Role: "${ROLE}"\n`)}
  - id: map
    CreateEventSourceMapping: { FunctionName: w, EventSourceArn: "${Q}:jobs" }
`);
  return step(t, "map").error === undefined;
}

describe("IAM-lite action matching (IAM JSON policy elements: Action)", () => {
  it("matches action names case-insensitively", () => {
    expect(mayMap(["SQS:receivemessage", "sqs:DELETEMESSAGE", "sqs:GetQueueAttributes"])).toBe(true);
  });

  it("takes * and ? anywhere in the pattern", () => {
    expect(mayMap(["*"])).toBe(true);
    expect(mayMap(["sqs:*"])).toBe(true);
    expect(mayMap(["sqs:ReceiveMessag?", "sqs:Delete*", "sqs:*Attributes"])).toBe(true);
    expect(mayMap(["sqs:Receive*", "sqs:Get*"])).toBe(false);
    expect(mayMap(["sqs:ReceiveMessage?", "sqs:DeleteMessage", "sqs:GetQueueAttributes"])).toBe(false);
    expect(mayMap(["sns:*", "sqs:Send*"])).toBe(false);
  });

  it("treats regular-expression characters in a pattern as plain text", () => {
    expect(mayMap(["sqs:.*"])).toBe(false);
    expect(mayMap(["sqs:(Receive|Delete)Message", "sqs:GetQueueAttributes"])).toBe(false);
  });
});
