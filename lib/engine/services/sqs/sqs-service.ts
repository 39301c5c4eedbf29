import { md5Hex, utf8Encode, utf8Length } from "../../core/encoding";
import { AwsError } from "../../aws/errors";
import type { Simulation } from "../../simulation";
import type { QueueRecord } from "../../trace/types";
import { parseJson } from "../../lambda/invocation/invoker";
import { Queue, type QueueAttributes, type SqsMessage } from "./queue";
import type { SendInput, SendResult } from "./types";

export const queueDoesNotExist = () => new AwsError("QueueDoesNotExist", "The specified queue does not exist.", 400);
const invalidAttribute = (name: string) => new AwsError("InvalidAttributeValue", `Invalid value for the parameter ${name}.`, 400);

/** SQS defaults (CreateQueue API reference). */
const DEFAULTS: QueueAttributes = {
  VisibilityTimeout: 30,
  MessageRetentionPeriod: 345_600,
  DelaySeconds: 0,
  MaximumMessageSize: 1_048_576,
  ReceiveMessageWaitTimeSeconds: 0,
  FifoQueue: false,
  ContentBasedDeduplication: false,
};

const RANGES: Record<string, [number, number]> = {
  VisibilityTimeout: [0, 43_200],
  MessageRetentionPeriod: [60, 1_209_600],
  DelaySeconds: [0, 900],
  MaximumMessageSize: [1024, 1_048_576],
  ReceiveMessageWaitTimeSeconds: [0, 20],
};

/** FIFO deduplication interval: 5 minutes. */
const DEDUP_WINDOW_MS = 300_000;

/** The simulated SQS of the account. */
export class SqsService {
  readonly queues = new Map<string, Queue>();

  constructor(private readonly sim: Simulation) {}

  arn(name: string): string {
    return `arn:aws:sqs:${this.sim.region}:${this.sim.accountId}:${name}`;
  }

  url(name: string): string {
    return `https://sqs.${this.sim.region}.amazonaws.com/${this.sim.accountId}/${name}`;
  }

  byArn(arn: string): Queue | undefined {
    const parts = arn.split(":");
    if (parts.length !== 6 || parts[2] !== "sqs" || parts[3] !== this.sim.region || parts[4] !== this.sim.accountId) return undefined;
    return this.queues.get(parts[5]);
  }

  /** `QueueUrl` (as AWS) or `QueueName` (the format's convenience). */
  lookup(ref: { QueueUrl?: string; QueueName?: string }): Queue {
    if (ref.QueueUrl !== undefined) {
      const name = ref.QueueUrl.split("/").pop() ?? "";
      const q = this.queues.get(name);
      if (!q || ref.QueueUrl !== q.url) throw queueDoesNotExist();
      return q;
    }
    if (ref.QueueName !== undefined) {
      const q = this.queues.get(ref.QueueName);
      if (!q) throw queueDoesNotExist();
      return q;
    }
    throw new AwsError("MissingParameter", "The request must contain the parameter QueueUrl.", 400);
  }

  create(name: string, raw: Record<string, unknown>): Queue {
    const fifoName = name.endsWith(".fifo");
    if (!/^[a-zA-Z0-9_-]{1,80}$/.test(fifoName ? name.slice(0, -5) : name) || name.length > 80) {
      throw new AwsError("InvalidParameterValue", "Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length", 400);
    }
    const attrs = this.parseAttributes(raw, { ...DEFAULTS, FifoQueue: false });
    if (attrs.FifoQueue && !fifoName) {
      throw new AwsError("InvalidParameterValue", "The name of a FIFO queue can only include alphanumeric characters, hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in length.", 400);
    }
    if (fifoName && !attrs.FifoQueue) {
      throw new AwsError("InvalidParameterValue", "Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length", 400);
    }
    const existing = this.queues.get(name);
    if (existing) {
      // CreateQueue is idempotent for identical attributes
      if (JSON.stringify(existing.attributes) !== JSON.stringify(attrs)) {
        throw new AwsError("QueueAlreadyExists", "A queue already exists with the same name and a different value for attribute(s) " + Object.keys(raw).join(", "), 400);
      }
      return existing;
    }
    const q = new Queue(name, this.arn(name), this.url(name), attrs, this.sim.clock.now);
    this.queues.set(name, q);
    this.sim.recorder.timeline(this.sim.clock.now, "queue-created", name);
    return q;
  }

  parseAttributes(raw: Record<string, unknown>, base: QueueAttributes): QueueAttributes {
    const attrs: QueueAttributes = { ...base };
    for (const [key, value] of Object.entries(raw)) {
      if (key in RANGES) {
        const n = Number(value);
        const [lo, hi] = RANGES[key];
        if (!Number.isInteger(n) || n < lo || n > hi) throw invalidAttribute(key);
        (attrs as unknown as Record<string, number>)[key] = n;
      } else if (key === "FifoQueue" || key === "ContentBasedDeduplication") {
        const text = String(value).toLowerCase();
        if (text !== "true" && text !== "false") throw invalidAttribute(key);
        attrs[key] = text === "true";
      } else if (key === "RedrivePolicy") {
        let policy: unknown = value;
        if (typeof value === "string") {
          try {
            policy = JSON.parse(value);
          } catch {
            throw invalidAttribute(key);
          }
        }
        const p = policy as { deadLetterTargetArn?: unknown; maxReceiveCount?: unknown } | null;
        const count = Number(p?.maxReceiveCount);
        if (!p || typeof p.deadLetterTargetArn !== "string" || !Number.isInteger(count) || count < 1 || count > 1000) {
          throw new AwsError("InvalidParameterValue", "Value for parameter RedrivePolicy is invalid. Reason: Redrive policy is not a dict or valid json.", 400);
        }
        const dlq = this.byArn(p.deadLetterTargetArn);
        if (!dlq) throw new AwsError("AWS.SimpleQueueService.NonExistentQueue", `Value ${p.deadLetterTargetArn} for parameter RedrivePolicy is invalid. Reason: Dead letter target does not exist.`, 400);
        attrs.RedrivePolicy = { deadLetterTargetArn: p.deadLetterTargetArn, maxReceiveCount: count };
      } else if (key === "Policy" || key === "KmsMasterKeyId" || key === "SqsManagedSseEnabled" || key === "KmsDataKeyReusePeriodSeconds") {
        // accepted and not modelled: access policies and encryption do not change delivery
      } else {
        throw new AwsError("InvalidAttributeName", `Unknown Attribute ${key}.`, 400);
      }
    }
    return attrs;
  }

  send(q: Queue, input: SendInput): SendResult {
    const sim = this.sim;
    const now = sim.clock.now;
    const size = utf8Length(input.body);
    if (size > q.attributes.MaximumMessageSize) {
      throw new AwsError("InvalidParameterValue", `One or more parameters are invalid. Reason: Message must be shorter than ${q.attributes.MaximumMessageSize} bytes.`, 400);
    }
    if (input.body.length === 0) throw new AwsError("MissingParameter", "The request must contain the parameter MessageBody.", 400);
    let dedupId = input.deduplicationId;
    if (q.fifo) {
      if (input.groupId === undefined) throw new AwsError("MissingParameter", "The request must contain the parameter MessageGroupId.", 400);
      if (input.delaySeconds !== undefined && input.delaySeconds !== 0) {
        throw new AwsError("InvalidParameterValue", `Value ${input.delaySeconds} for parameter DelaySeconds is invalid. Reason: The request include parameter that is not valid for this queue type.`, 400);
      }
      if (dedupId === undefined) {
        if (!q.attributes.ContentBasedDeduplication) {
          throw new AwsError("InvalidParameterValue", "The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly", 400);
        }
        // content-based deduplication uses a SHA-256 of the body; the body itself is an exact stand-in key
        dedupId = `body:${input.body}`;
      }
      const seen = q.dedup.get(dedupId);
      if (seen && now - seen.at < DEDUP_WINDOW_MS) {
        // a duplicate within 5 minutes is accepted and not delivered again
        return { MessageId: seen.messageId, MD5OfMessageBody: md5Hex(utf8Encode(input.body)), ...(seen.sequenceNumber ? { SequenceNumber: seen.sequenceNumber } : {}) };
      }
    } else if (input.groupId !== undefined && input.groupId !== "") {
      // standard queues accept MessageGroupId since 2024 (fair queues); it does not order delivery
    }
    const delay = input.delaySeconds ?? q.attributes.DelaySeconds;
    if (!Number.isInteger(delay) || delay < 0 || delay > 900) {
      throw new AwsError("InvalidParameterValue", `Value ${delay} for parameter DelaySeconds is invalid. Reason: Must be >= 0 and <= 900.`, 400);
    }
    const m: SqsMessage = {
      messageId: sim.ids.uuid(),
      body: input.body,
      md5OfBody: md5Hex(utf8Encode(input.body)),
      sentAt: now,
      visibleAt: now + delay * 1000,
      receiveCount: 0,
      firstReceiveAt: null,
      receiptHandle: null,
      senderId: input.senderId,
      originStep: input.originStep,
      deleted: false,
    };
    if (input.attributes && Object.keys(input.attributes).length > 0) m.attributes = input.attributes;
    if (input.lineage) m.lineage = input.lineage;
    if (q.fifo) {
      m.groupId = input.groupId;
      m.deduplicationId = input.deduplicationId ?? dedupId;
      m.sequenceNumber = q.nextSequenceNumber();
      q.dedup.set(dedupId!, { at: now, messageId: m.messageId, sequenceNumber: m.sequenceNumber });
    }
    q.add(m);
    sim.recorder.timeline(now, "message-sent", `${q.name}/${m.messageId}`);
    sim.esm.notifySource(q.arn);
    const result: SendResult = { MessageId: m.messageId, MD5OfMessageBody: m.md5OfBody };
    if (m.sequenceNumber) result.SequenceNumber = m.sequenceNumber;
    return result;
  }

  /**
   * ReceiveMessage: up to `max` messages, each made invisible for the visibility timeout and
   * its receive count raised. Messages over the redrive limit move to the DLQ first.
   */
  receive(q: Queue, max: number, visibilityTimeoutS?: number): SqsMessage[] {
    const now = this.sim.clock.now;
    this.redrive(q);
    const taken = q.receivable(now, max);
    const visibilityMs = (visibilityTimeoutS ?? q.attributes.VisibilityTimeout) * 1000;
    for (const m of taken) {
      m.receiveCount++;
      if (m.firstReceiveAt === null) m.firstReceiveAt = now;
      m.visibleAt = now + visibilityMs;
      m.receiptHandle = this.sim.ids.hex(64);
    }
    return taken;
  }

  /** Moves visible messages that reached maxReceiveCount to the dead-letter queue. */
  redrive(q: Queue): void {
    const policy = q.attributes.RedrivePolicy;
    if (!policy) return;
    const now = this.sim.clock.now;
    const dlq = this.byArn(policy.deadLetterTargetArn);
    for (const m of q.live(now)) {
      if (m.visibleAt > now || m.receiveCount < policy.maxReceiveCount) continue;
      this.moveToDeadLetterQueue(q, m, dlq);
    }
  }

  /** Moves a message to a dead-letter queue (or drops it when there is none). */
  moveToDeadLetterQueue(q: Queue, m: SqsMessage, dlq: Queue | undefined): void {
    const now = this.sim.clock.now;
    if (!dlq) {
      q.delete(m); // nowhere to move it: dropped
      return;
    }
    q.moveOut(m);
    // the message keeps its id and body; its receive count starts over in the DLQ [unverified]
    const moved: SqsMessage = { ...m, visibleAt: now, receiveCount: 0, firstReceiveAt: null, receiptHandle: null, deleted: false };
    dlq.add(moved);
    this.sim.recorder.timeline(now, "message-redriven", `${q.name}/${m.messageId}`);
    this.sim.esm.notifySource(dlq.arn);
  }

  deleteByReceiptHandle(q: Queue, handle: string): void {
    const m = q.findByReceiptHandle(handle);
    if (!m) throw new AwsError("ReceiptHandleIsInvalid", `The input receipt handle "${handle}" is not a valid receipt handle.`, 400);
    q.delete(m);
  }

  /** GetQueueAttributes values, as text like the API returns them. */
  attributesOf(q: Queue, names?: string[]): Record<string, string> {
    const now = this.sim.clock.now;
    const c = q.count(now);
    const a = q.attributes;
    const all: Record<string, string> = {
      QueueArn: q.arn,
      ApproximateNumberOfMessages: String(c.visible),
      ApproximateNumberOfMessagesNotVisible: String(c.inFlight),
      ApproximateNumberOfMessagesDelayed: String(c.delayed),
      CreatedTimestamp: String(Math.floor((this.sim.epochMs + q.createdAt) / 1000)),
      LastModifiedTimestamp: String(Math.floor((this.sim.epochMs + q.createdAt) / 1000)),
      VisibilityTimeout: String(a.VisibilityTimeout),
      MaximumMessageSize: String(a.MaximumMessageSize),
      MessageRetentionPeriod: String(a.MessageRetentionPeriod),
      DelaySeconds: String(a.DelaySeconds),
      ReceiveMessageWaitTimeSeconds: String(a.ReceiveMessageWaitTimeSeconds),
      SqsManagedSseEnabled: "true",
    };
    if (a.RedrivePolicy) all.RedrivePolicy = JSON.stringify(a.RedrivePolicy);
    if (a.FifoQueue) {
      all.FifoQueue = "true";
      all.ContentBasedDeduplication = String(a.ContentBasedDeduplication);
    }
    if (!names || names.includes("All")) return all;
    const out: Record<string, string> = {};
    for (const n of names) if (n in all) out[n] = all[n];
    return out;
  }

  /** The trace's `queues`: what is still in each queue when the run ends. */
  snapshot(): Record<string, QueueRecord> {
    const now = this.sim.clock.now;
    const out: Record<string, QueueRecord> = {};
    for (const q of this.queues.values()) {
      const messages = [];
      for (const m of q.live(now)) {
        const rec: QueueRecord["messages"][number] = { MessageId: m.messageId, Body: parseJson(m.body), SentAt: m.sentAt, ReceiveCount: m.receiveCount };
        if (m.attributes) rec.MessageAttributes = m.attributes as unknown as Record<string, unknown>;
        if (m.groupId !== undefined) rec.MessageGroupId = m.groupId;
        messages.push(rec);
      }
      out[q.name] = { arn: q.arn, url: q.url, fifo: q.fifo, messages, sent: q.sent, deleted: q.deletedCount, movedToDeadLetterQueue: q.movedToDeadLetterQueue, expired: q.expiredCount };
    }
    return out;
  }
}
