import type { Lineage } from "../../lambda/invocation/lineage";
import type { MessageAttributeValue } from "./types";

/**
 * One SQS queue (standard or FIFO) as a pure store on virtual time. A received message stays
 * in the queue, invisible until its visibility timeout expires; deleting it is the consumer's
 * job. With a redrive policy, a message received `maxReceiveCount` times moves to the
 * dead-letter queue on the next receive attempt (SQS, not Lambda, moves it — §3.1).
 */
export interface SqsMessage {
  messageId: string;
  body: string;
  md5OfBody: string;
  attributes?: Record<string, MessageAttributeValue>;
  sentAt: number;
  /** Delay or visibility timeout: the message can be received from this time on. */
  visibleAt: number;
  receiveCount: number;
  firstReceiveAt: number | null;
  receiptHandle: string | null;
  groupId?: string;
  deduplicationId?: string;
  sequenceNumber?: string;
  senderId: string;
  /** The step whose call put the message here (for invocation records). */
  originStep: string | null;
  /** The chain of invocations that sent it (recursive loop detection). */
  lineage?: Lineage;
  deleted: boolean;
}

export interface QueueAttributes {
  VisibilityTimeout: number;
  MessageRetentionPeriod: number;
  DelaySeconds: number;
  MaximumMessageSize: number;
  ReceiveMessageWaitTimeSeconds: number;
  FifoQueue: boolean;
  ContentBasedDeduplication: boolean;
  RedrivePolicy?: { deadLetterTargetArn: string; maxReceiveCount: number };
}

export class Queue {
  readonly messages: SqsMessage[] = [];
  /** Index of the first message that may still be live (everything before is deleted). */
  private head = 0;
  private sequence = 0;
  /** FIFO deduplication: id → time it was first seen (5-minute window). */
  readonly dedup = new Map<string, { at: number; messageId: string; sequenceNumber?: string }>();
  sent = 0;
  /** Deleted by a consumer (DeleteMessage, Lambda after a success) or dropped by Lambda. */
  deletedCount = 0;
  movedToDeadLetterQueue = 0;
  /** Deleted by SQS at the end of the retention period. */
  expiredCount = 0;

  constructor(
    readonly name: string,
    readonly arn: string,
    readonly url: string,
    public attributes: QueueAttributes,
    readonly createdAt: number,
  ) {}

  get fifo(): boolean {
    return this.attributes.FifoQueue;
  }

  add(m: SqsMessage): void {
    this.messages.push(m);
    this.sent++;
  }

  nextSequenceNumber(): string {
    this.sequence++;
    return String(18_000_000_000_000_000_000 + this.sequence).padStart(20, "0");
  }

  /** Live (not deleted, not expired) messages in send order. */
  *live(now: number): Generator<SqsMessage> {
    const retentionMs = this.attributes.MessageRetentionPeriod * 1000;
    for (let i = this.head; i < this.messages.length; i++) {
      const m = this.messages[i];
      if (m.deleted) {
        if (i === this.head) this.head++;
        continue;
      }
      if (m.sentAt + retentionMs <= now) {
        // SQS deletes messages older than the retention period, received or not
        m.deleted = true;
        this.expiredCount++;
        continue;
      }
      yield m;
    }
  }

  /**
   * Messages a ReceiveMessage could return now, in order. FIFO: within a message group, only
   * the oldest messages, and none while another message of the group is in flight (§3.1:
   * one batch in flight per group).
   */
  receivable(now: number, max: number): SqsMessage[] {
    const out: SqsMessage[] = [];
    if (!this.fifo) {
      for (const m of this.live(now)) {
        if (m.visibleAt <= now) {
          out.push(m);
          if (out.length >= max) break;
        }
      }
      return out;
    }
    const blocked = new Set<string>();
    for (const m of this.live(now)) {
      const g = m.groupId ?? "";
      if (blocked.has(g)) continue;
      if (m.visibleAt > now) {
        // in flight (or delayed): later messages of the group wait behind it
        blocked.add(g);
        continue;
      }
      out.push(m);
      if (out.length >= max) break;
    }
    return out;
  }

  /** The earliest time a message that is not receivable now becomes visible, if any. */
  nextVisibleAt(now: number): number | undefined {
    let best: number | undefined;
    for (const m of this.live(now)) if (m.visibleAt > now && (best === undefined || m.visibleAt < best)) best = m.visibleAt;
    return best;
  }

  count(now: number): { visible: number; inFlight: number; delayed: number } {
    let visible = 0, inFlight = 0, delayed = 0;
    for (const m of this.live(now)) {
      if (m.visibleAt <= now) visible++;
      else if (m.receiveCount > 0) inFlight++;
      else delayed++;
    }
    return { visible, inFlight, delayed };
  }

  delete(m: SqsMessage): void {
    if (m.deleted) return;
    m.deleted = true;
    this.deletedCount++;
  }

  /** SQS's redrive took the message to the dead-letter queue (counted apart from deletions). */
  moveOut(m: SqsMessage): void {
    if (m.deleted) return;
    m.deleted = true;
    this.movedToDeadLetterQueue++;
  }

  findByReceiptHandle(handle: string): SqsMessage | undefined {
    for (let i = this.head; i < this.messages.length; i++) {
      const m = this.messages[i];
      if (m.receiptHandle === handle) return m;
    }
    return undefined;
  }
}
