import { AwsError } from "../../aws/errors";
import type { Simulation } from "../../simulation";
import type { MessageAttributeValue } from "../sqs/types";
import { parseJson } from "../../lambda/invocation/invoker";
import type { Lineage } from "../../lambda/invocation/lineage";

export interface Subscription {
  arn: string;
  protocol: "sqs" | "lambda";
  endpoint: string;
  rawMessageDelivery: boolean;
}

export interface Topic {
  name: string;
  arn: string;
  subscriptions: Subscription[];
  published: { at: number; MessageId: string; Subject?: string; Message: unknown }[];
}

export interface PublishInput {
  message: string;
  subject?: string;
  attributes?: Record<string, MessageAttributeValue>;
  originStep: string | null;
  /** The chain of invocations that published (recursive loop detection). */
  lineage?: Lineage;
}

const notFound = () => new AwsError("NotFound", "Topic does not exist", 404);

/**
 * The simulated SNS: topics with sqs and lambda subscriptions. An SQS subscriber receives the
 * SNS notification JSON as its message body (or the bare message with RawMessageDelivery); a
 * Lambda subscriber is invoked asynchronously with the SNS event (so async retries apply).
 */
export class SnsService {
  readonly topics = new Map<string, Topic>();

  constructor(private readonly sim: Simulation) {}

  arn(name: string): string {
    return `arn:aws:sns:${this.sim.region}:${this.sim.accountId}:${name}`;
  }

  byArn(arn: string): Topic | undefined {
    const parts = arn.split(":");
    if (parts.length !== 6 || parts[2] !== "sns" || parts[3] !== this.sim.region || parts[4] !== this.sim.accountId) return undefined;
    return this.topics.get(parts[5]);
  }

  create(name: string): Topic {
    if (!/^[a-zA-Z0-9_-]{1,256}(\.fifo)?$/.test(name)) {
      throw new AwsError("InvalidParameter", "Invalid parameter: Topic Name", 400);
    }
    const existing = this.topics.get(name);
    if (existing) return existing; // CreateTopic is idempotent
    const topic: Topic = { name, arn: this.arn(name), subscriptions: [], published: [] };
    this.topics.set(name, topic);
    return topic;
  }

  subscribe(topicArn: string, protocol: string, endpoint: string | undefined, attributes: Record<string, string> | undefined): Subscription {
    const topic = this.byArn(topicArn);
    if (!topic) throw notFound();
    if (protocol !== "sqs" && protocol !== "lambda") {
      throw new AwsError("InvalidParameter", `Invalid parameter: Amazon SNS does not support this protocol string: ${protocol}`, 400);
    }
    if (!endpoint) throw new AwsError("InvalidParameter", "Invalid parameter: Endpoint", 400);
    const service = endpoint.split(":")[2];
    if (!endpoint.startsWith("arn:") || service !== protocol) {
      throw new AwsError("InvalidParameter", `Invalid parameter: ${protocol === "sqs" ? "SQS" : "Lambda"} endpoint ARN`, 400);
    }
    const existing = topic.subscriptions.find((s) => s.protocol === protocol && s.endpoint === endpoint);
    if (existing) return existing;
    const sub: Subscription = {
      arn: `${topic.arn}:${this.sim.ids.uuid()}`,
      protocol,
      endpoint,
      rawMessageDelivery: attributes?.RawMessageDelivery?.toLowerCase() === "true",
    };
    topic.subscriptions.push(sub);
    return sub;
  }

  publish(topic: Topic, input: PublishInput): string {
    const sim = this.sim;
    const now = sim.clock.now;
    const messageId = sim.ids.uuid();
    const timestamp = sim.iso(now);
    const published: Topic["published"][number] = { at: now, MessageId: messageId, Message: parseJson(input.message) };
    if (input.subject !== undefined) published.Subject = input.subject;
    topic.published.push(published);
    sim.recorder.timeline(now, "message-published", `${topic.name}/${messageId}`);
    for (const sub of topic.subscriptions) {
      if (sub.protocol === "sqs") {
        const queue = sim.sqs.byArn(sub.endpoint);
        if (!queue) continue; // SNS drops deliveries to a queue that does not exist
        const body = sub.rawMessageDelivery ? input.message : JSON.stringify(this.notification(topic, sub, messageId, timestamp, input));
        sim.sqs.send(queue, {
          body,
          attributes: sub.rawMessageDelivery ? input.attributes : undefined,
          senderId: "AIDAIT2UOQQY3AUEKVGXU",
          originStep: input.originStep,
          groupId: queue.fifo ? "sns" : undefined,
          deduplicationId: queue.fifo ? messageId : undefined,
          lineage: input.lineage,
        });
      } else {
        const event = { Records: [{ EventSource: "aws:sns", EventVersion: "1.0", EventSubscriptionArn: sub.arn, Sns: this.lambdaSns(topic, messageId, timestamp, input) }] };
        sim.lambda.eventManager.enqueueByArn(sub.endpoint, event, "sns", input.originStep, input.lineage);
      }
    }
    return messageId;
  }

  /** The JSON an SQS subscriber receives as its message body (no RawMessageDelivery). */
  private notification(topic: Topic, sub: Subscription, messageId: string, timestamp: string, input: PublishInput): Record<string, unknown> {
    const n: Record<string, unknown> = { Type: "Notification", MessageId: messageId, TopicArn: topic.arn };
    if (input.subject !== undefined) n.Subject = input.subject;
    n.Message = input.message;
    n.Timestamp = timestamp;
    n.SignatureVersion = "1";
    n.Signature = "EXAMPLE";
    n.SigningCertURL = `https://sns.${this.sim.region}.amazonaws.com/SimpleNotificationService-0000000000000000000000.pem`;
    n.UnsubscribeURL = `https://sns.${this.sim.region}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${sub.arn}`;
    if (input.attributes) {
      const attrs: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(input.attributes)) attrs[k] = { Type: v.DataType, Value: v.StringValue ?? v.BinaryValue };
      n.MessageAttributes = attrs;
    }
    return n;
  }

  /** The `Sns` object of a Lambda SNS event record. */
  private lambdaSns(topic: Topic, messageId: string, timestamp: string, input: PublishInput): Record<string, unknown> {
    const attrs: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(input.attributes ?? {})) attrs[k] = { Type: v.DataType, Value: v.StringValue ?? v.BinaryValue };
    return {
      Type: "Notification",
      MessageId: messageId,
      TopicArn: topic.arn,
      Subject: input.subject ?? null,
      Message: input.message,
      Timestamp: timestamp,
      SignatureVersion: "1",
      Signature: "EXAMPLE",
      SigningCertUrl: `https://sns.${this.sim.region}.amazonaws.com/SimpleNotificationService-0000000000000000000000.pem`,
      UnsubscribeUrl: `https://sns.${this.sim.region}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${topic.arn}`,
      MessageAttributes: attrs,
    };
  }

  snapshot(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const t of this.topics.values()) {
      out[t.name] = {
        arn: t.arn,
        subscriptions: t.subscriptions.map((s) => ({ SubscriptionArn: s.arn, Protocol: s.protocol, Endpoint: s.endpoint, RawMessageDelivery: s.rawMessageDelivery })),
        messages: t.published,
      };
    }
    return out;
  }
}
