import { utf8Length } from "../../core/encoding";
import type { Queue, SqsMessage } from "../../services/sqs/queue";
import type { Simulation } from "../../simulation";
import type { InvocationOutcome } from "../invocation/invocation";
import { THROTTLE_BACKOFF_MAX_MS } from "../invocation/event-manager";
import { MAX_SYNC_REQUEST_BYTES } from "../invocation/invoker";
import type { EventSourceMapping } from "./model";
import type { Poller } from "./poller";
import { WakeUp } from "./wake-up";
import { merge, NO_LINEAGE, stopsRecursion } from "../invocation/lineage";

/** `{"Records":[` … `]}` */
const EVENT_ENVELOPE_BYTES = 14;

/** An upper bound of a message's record size: its body JSON-escaped as UTF-8 (≤ 6 bytes a char) plus metadata. */
function recordBound(m: SqsMessage): number {
  let attributes = 0;
  if (m.attributes) for (const [k, v] of Object.entries(m.attributes)) attributes += 6 * (k.length + (v.StringValue?.length ?? 0) + (v.BinaryValue?.length ?? 0) + v.DataType.length) + 120;
  return 6 * m.body.length + attributes + 2048;
}

/** §3.1 SQS scaling: 5 concurrent batches at first, up to 300 more per minute, at most 1,000. */
const INITIAL_BATCHES = 5;
const BATCHES_ADDED_PER_MINUTE = 300;
const MAX_BATCHES = 1000;

/**
 * The SQS event source poller (§3.1). Reads batches with the queue's visibility timeout, invokes
 * the function synchronously, deletes what succeeded. A failed batch stays in the queue and
 * comes back when its visibility timeout expires (receive count +1) — retries are bounded only
 * by the queue's redrive policy or retention. With ReportBatchItemFailures only the reported
 * messages come back. Throttled invokes back off while the messages are still invisible.
 */
export class SqsPoller implements Poller {
  private inFlight = 0;
  /** Messages received and held while the batching window is open. */
  private gathering: { messages: SqsMessage[]; handles: (string | null)[]; startedAt: number } | null = null;
  private backlogSince: number | null = null;
  private readonly wakeUp: WakeUp;
  /** After a throttle the poller backs off before reading more. */
  private backoffUntil = 0;

  private readonly batchDoneFn = (outcome: InvocationOutcome, context: unknown) => {
    const c = context as { q: Queue; messages: SqsMessage[]; handles: (string | null)[] };
    this.batchDone(c.q, c.messages, c.handles, outcome);
  };

  constructor(
    private readonly sim: Simulation,
    private readonly esm: EventSourceMapping,
  ) {
    this.wakeUp = new WakeUp(sim.clock, () => this.poll());
  }

  start(): void {
    this.wakeUp.stopped = false;
    this.wake();
  }

  stop(): void {
    this.wakeUp.stop();
  }

  wake(): void {
    this.wakeUp.request();
  }


  private queue(): Queue | undefined {
    return this.sim.sqs.byArn(this.esm.eventSourceArn);
  }

  private concurrencyLimit(now: number): number {
    const cap = this.esm.maximumConcurrency ?? MAX_BATCHES;
    const since = this.backlogSince ?? now;
    return Math.min(cap, MAX_BATCHES, INITIAL_BATCHES + BATCHES_ADDED_PER_MINUTE * Math.floor((now - since) / 60_000));
  }

  /**
   * All allowed batches are in flight: read again when one finishes (batchDone wakes the poller)
   * or when the next minute of backlog raises the limit — whichever comes first. Without the
   * second, batches slower than a minute would hold the poller at its first limit.
   */
  private waitForScaling(now: number): void {
    const cap = Math.min(this.esm.maximumConcurrency ?? MAX_BATCHES, MAX_BATCHES);
    if (this.backlogSince === null || this.concurrencyLimit(now) >= cap) return;
    const minutes = Math.floor((now - this.backlogSince) / 60_000) + 1;
    this.wakeUp.request(this.backlogSince + minutes * 60_000);
  }

  /** The role the mapping reads with: its function version's execution role (§3). */
  private role(): string | undefined {
    try {
      return this.sim.lambda.route(this.sim.lambda.store.resolve(this.esm.functionName, this.esm.qualifier)).config.role;
    } catch {
      return undefined;
    }
  }

  /**
   * Receives and invokes. The poller *receives* messages as soon as they are visible (they turn
   * invisible and their receive count rises) and holds them while the batching window is open;
   * the batch is invoked when it is full or the window ends (§3.1). That is why the effective
   * visibility must cover window + timeout.
   */
  private poll(): void {
    if (this.wakeUp.stopped || this.esm.state !== "Enabled") return;
    const sim = this.sim;
    const q = this.queue();
    if (!q) return;
    const now = sim.clock.now;
    if (now < this.backoffUntil) {
      this.wakeUp.request(this.backoffUntil);
      return;
    }
    const role = this.role();
    if (role !== undefined && !sim.esm.mayRead(this.esm, role)) return; // woken again when a role changes
    const windowMs = this.esm.maximumBatchingWindowInSeconds * 1000;
    for (;;) {
      if (now < this.backoffUntil) return;
      const gathering = this.gathering;
      if (!gathering && this.inFlight >= this.concurrencyLimit(now)) return this.waitForScaling(now);
      sim.sqs.redrive(q);
      const room = this.roomFor(q, gathering?.messages ?? [], now);
      // the batch is full by size when BatchSize leaves room the 6 MB limit does not
      const fullBySize = room < this.esm.batchSize - (gathering?.messages.length ?? 0) && q.receivable(now, room + 1).length > room;
      const got = room > 0 ? sim.sqs.receive(q, room, this.visibilityTimeoutS(q)) : [];
      if (!gathering && got.length === 0) {
        if (this.inFlight === 0) this.backlogSince = null;
        const next = q.nextVisibleAt(now);
        if (next !== undefined) this.wakeUp.request(next);
        return;
      }
      if (this.backlogSince === null) this.backlogSince = now;
      const batch = gathering ?? { messages: [], handles: [], startedAt: now };
      for (const m of got) {
        batch.messages.push(m);
        batch.handles.push(m.receiptHandle);
      }
      if (!fullBySize && batch.messages.length < this.esm.batchSize && windowMs > 0 && now < batch.startedAt + windowMs) {
        this.gathering = batch;
        this.wakeUp.request(batch.startedAt + windowMs);
        return;
      }
      this.gathering = null;
      // messages whose visibility ran out while the window was open are no longer ours
      const live = batch.messages.filter((m, i) => !m.deleted && m.receiptHandle === batch.handles[i]);
      if (live.length > 0) this.invokeBatch(q, live, live.map((m) => m.receiptHandle), 0);
    }
  }

  /**
   * How many more messages the batch may take: up to BatchSize, and only as many as keep the
   * event within the 6 MB synchronous payload limit ("Lambda passes all of the records in the
   * batch to the function in a single call, as long as the total size of the events doesn't
   * exceed the invocation payload size quota", [Arch:with-sqs.md]). Messages over the limit stay
   * in the queue, unreceived, for the next batch.
   */
  private roomFor(q: Queue, held: SqsMessage[], now: number): number {
    const room = this.esm.batchSize - held.length;
    if (room <= 0) return 0;
    const candidates = q.receivable(now, room);
    // each record adds its body (JSON-escaped, UTF-8) and at most ~2 KB of metadata
    let bound = EVENT_ENVELOPE_BYTES;
    for (const m of held) bound += recordBound(m);
    for (const m of candidates) bound += recordBound(m);
    if (bound <= MAX_SYNC_REQUEST_BYTES) return room;
    let size = EVENT_ENVELOPE_BYTES;
    for (const m of held) size += this.recordBytes(q, m);
    let n = 0;
    for (const m of candidates) {
      size += this.recordBytes(q, m) + 1;
      if (size > MAX_SYNC_REQUEST_BYTES && held.length + n > 0) break;
      n++;
    }
    return n;
  }

  /** The exact size of a message's record once received (receipt handle and count as they will be). */
  private recordBytes(q: Queue, m: SqsMessage): number {
    const received = { ...m, receiptHandle: m.receiptHandle ?? "0".repeat(64), receiveCount: m.receiveCount + 1, firstReceiveAt: m.firstReceiveAt ?? this.sim.clock.now };
    return utf8Length(JSON.stringify(this.record(q, received)));
  }

  /**
   * §3.1: "If your batch window is greater than 0, and (batch window) + (function timeout) >
   * (queue visibility timeout), then your effective queue visibility timeout is (batch window) +
   * (function timeout) + 30s" ([Arch:with-sqs.md]). Without a window the queue's own timeout holds,
   * even if the function's timeout was raised above it after the mapping was created.
   */
  private visibilityTimeoutS(q: Queue): number {
    const vis = q.attributes.VisibilityTimeout;
    if (this.esm.maximumBatchingWindowInSeconds <= 0) return vis;
    let timeout = 0;
    try {
      timeout = this.sim.lambda.route(this.sim.lambda.store.resolve(this.esm.functionName, this.esm.qualifier)).config.timeout;
    } catch {
      return vis;
    }
    const needed = this.esm.maximumBatchingWindowInSeconds + timeout;
    return needed > vis ? needed + 30 : vis;
  }

  private invokeBatch(q: Queue, messages: SqsMessage[], handles: (string | null)[], throttleRetries: number): void {
    const sim = this.sim;
    const lambda = sim.lambda;
    let ref;
    try {
      ref = lambda.store.resolve(this.esm.functionName, this.esm.qualifier);
    } catch {
      // the function is gone; the mapping stays (§3) and the messages return after their visibility timeout
      this.esm.lastProcessingResult = "PROBLEM: Function not found.";
      return;
    }
    const lineage = merge(messages.map((m) => m.lineage));
    if (stopsRecursion(ref.fn, lineage)) return this.stopRecursion(q, messages, handles);
    const event = { Records: messages.map((m) => this.record(q, m)) };
    this.inFlight++;
    const started = lambda.invoker.start({
      fn: ref.fn,
      version: lambda.route(ref),
      qualifierKey: ref.qualifierKey,
      invokedArn: ref.invokedArn,
      eventJson: JSON.stringify(event),
      event,
      trigger: "sqs",
      step: messages[0].originStep,
      requestId: sim.ids.uuid(),
      attempt: 1,
      ...(lineage !== NO_LINEAGE ? { lineage } : {}),
      onDone: this.batchDoneFn,
      context: { q, messages, handles },
    });
    if (started.ok) return;
    this.inFlight--;
    sim.recorder.trace.throttles.push({ at: sim.clock.now, function: ref.fn.name, trigger: "sqs", reason: started.reason, step: messages[0].originStep });
    sim.recorder.timeline(sim.clock.now, "throttle", this.esm.uuid);
    // §3.1: throttled batches are retried with backoff until the visibility timeout would pass
    const delay = Math.min(1000 * 2 ** throttleRetries, THROTTLE_BACKOFF_MAX_MS);
    this.backoffUntil = sim.clock.now + delay;
    const visibleAt = Math.min(...messages.map((m) => m.visibleAt));
    if (sim.clock.now + delay < visibleAt) {
      sim.clock.after(delay, () => {
        if (messages.every((m, i) => !m.deleted && m.receiptHandle === handles[i])) this.invokeBatch(q, messages, handles, throttleRetries + 1);
      });
    } else {
      this.wakeUp.request(visibleAt);
    }
  }

  /**
   * §5: Lambda stops a recursive loop instead of invoking; the messages go to the queue's
   * dead-letter queue when it has one, and are dropped otherwise.
   */
  private stopRecursion(q: Queue, messages: SqsMessage[], handles: (string | null)[]): void {
    const sim = this.sim;
    const dlq = q.attributes.RedrivePolicy ? sim.sqs.byArn(q.attributes.RedrivePolicy.deadLetterTargetArn) : undefined;
    messages.forEach((m, i) => {
      if (m.deleted || m.receiptHandle !== handles[i]) return;
      sim.sqs.moveToDeadLetterQueue(q, m, dlq);
    });
    sim.recorder.timeline(sim.clock.now, "recursive-loop-stopped", this.esm.uuid);
    this.esm.lastProcessingResult = "PROBLEM: Lambda detected a recursive loop and stopped the invocation.";
    this.wake();
  }

  private batchDone(q: Queue, messages: SqsMessage[], handles: (string | null)[], outcome: InvocationOutcome): void {
    this.inFlight--;
    if (outcome.status === "success") {
      const failed = this.esm.functionResponseTypes.includes("ReportBatchItemFailures") ? failedItems(outcome.payload, messages) : new Set<string>();
      if (failed !== "all") {
        messages.forEach((m, i) => {
          // a stale receipt handle (the message was received again meanwhile) does not delete it
          if (!failed.has(m.messageId) && m.receiptHandle === handles[i]) q.delete(m);
        });
      }
      this.esm.lastProcessingResult = "OK";
    } else {
      this.esm.lastProcessingResult = "OK";
    }
    this.wake();
  }

  /** One record of the SQS event Lambda hands to the function. */
  private record(q: Queue, m: SqsMessage): Record<string, unknown> {
    const epoch = this.sim.epochMs;
    const attributes: Record<string, string> = {
      ApproximateReceiveCount: String(m.receiveCount),
      SentTimestamp: String(epoch + m.sentAt),
      SenderId: m.senderId,
      ApproximateFirstReceiveTimestamp: String(epoch + (m.firstReceiveAt ?? m.sentAt)),
    };
    if (q.fifo) {
      attributes.SequenceNumber = m.sequenceNumber ?? "";
      attributes.MessageGroupId = m.groupId ?? "";
      attributes.MessageDeduplicationId = m.deduplicationId ?? "";
    }
    const messageAttributes: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(m.attributes ?? {})) {
      const a: Record<string, unknown> = { stringListValues: [], binaryListValues: [], dataType: v.DataType };
      if (v.StringValue !== undefined) a.stringValue = v.StringValue;
      if (v.BinaryValue !== undefined) a.binaryValue = v.BinaryValue;
      messageAttributes[k] = a;
    }
    return {
      messageId: m.messageId,
      receiptHandle: m.receiptHandle,
      body: m.body,
      attributes,
      messageAttributes,
      md5OfBody: m.md5OfBody,
      eventSource: "aws:sqs",
      eventSourceARN: q.arn,
      awsRegion: this.sim.region,
    };
  }
}

/**
 * ReportBatchItemFailures (§3.1): which messages to keep, or "all" when the response is
 * invalid (then the whole batch is retried). Success: null/empty response, `{}`, null or empty
 * list. Failure: an item that is not an object, an itemIdentifier that is empty, null, not
 * text, missing (wrong key) or not a message id of this batch.
 */
export function failedItems(payload: unknown, messages: { messageId: string }[]): Set<string> | "all" {
  const none = new Set<string>();
  if (payload === null || payload === undefined || payload === "") return none;
  if (Array.isArray(payload)) return payload.length === 0 ? none : "all";
  if (typeof payload !== "object") return "all";
  const list = (payload as { batchItemFailures?: unknown }).batchItemFailures;
  if (list === undefined || list === null) return none;
  if (!Array.isArray(list)) return "all";
  const ids = new Set(messages.map((m) => m.messageId));
  const failed = new Set<string>();
  for (const item of list) {
    if (typeof item !== "object" || item === null) return "all";
    const id = (item as { itemIdentifier?: unknown }).itemIdentifier;
    if (typeof id !== "string" || id === "" || !ids.has(id)) return "all";
    failed.add(id);
  }
  return failed;
}
