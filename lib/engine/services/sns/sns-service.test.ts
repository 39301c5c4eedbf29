import { describe, expect, it } from "vitest";
import { fn, runYaml, step } from "../../testing/run-yaml";

describe("SNS (docs/scenario-format.md)", () => {
  it("fans a message out to an SQS subscriber (notification JSON) and a Lambda subscriber (async SNS event)", () => {
    const t = runYaml(`steps:
  - CreateTopic: { Name: orders }
  - CreateQueue: { QueueName: copy }
  - CreateQueue: { QueueName: raw }
${fn("f", "exports.handler = async (e) => e.Records[0].Sns.Message;")}
  - Subscribe: { TopicArn: "arn:aws:sns:us-east-1:123456789012:orders", Protocol: sqs, Endpoint: "arn:aws:sqs:us-east-1:123456789012:copy" }
  - Subscribe: { TopicArn: "arn:aws:sns:us-east-1:123456789012:orders", Protocol: sqs, Endpoint: "arn:aws:sqs:us-east-1:123456789012:raw", Attributes: { RawMessageDelivery: "true" } }
  - { id: sub, Subscribe: { TopicArn: "arn:aws:sns:us-east-1:123456789012:orders", Protocol: lambda, Endpoint: "arn:aws:lambda:us-east-1:123456789012:function:f" } }
  - { id: pub, at: 1s, Publish: { TopicArn: "arn:aws:sns:us-east-1:123456789012:orders", Message: "hello", Subject: greeting } }
  - { id: missing, Publish: { TopicArn: "arn:aws:sns:us-east-1:123456789012:nope", Message: x } }
`);
    const messageId = (step(t, "pub").response as { MessageId: string }).MessageId;
    const n = t.queues.copy.messages[0].Body as Record<string, unknown>;
    expect(n).toMatchObject({ Type: "Notification", MessageId: messageId, TopicArn: "arn:aws:sns:us-east-1:123456789012:orders", Subject: "greeting", Message: "hello", Timestamp: "2025-01-01T00:00:01.000Z" });
    expect(t.queues.raw.messages[0].Body).toBe("hello");
    const inv = t.invocations[0];
    expect(inv).toMatchObject({ trigger: "sns", response: "hello", step: "pub" });
    const record = (inv.event as { Records: Record<string, any>[] }).Records[0];
    expect(record).toMatchObject({ EventSource: "aws:sns", EventVersion: "1.0", EventSubscriptionArn: (step(t, "sub").response as { SubscriptionArn: string }).SubscriptionArn });
    expect(record.Sns).toMatchObject({ Type: "Notification", MessageId: messageId, Subject: "greeting", Message: "hello" });
    expect(step(t, "missing").error).toEqual({ type: "NotFound", message: "Topic does not exist" });
  });
});
