import type { ScheduledEvent } from "../../core/event-queue";
import { utf8Length } from "../../core/encoding";
import type { ShardCursor, ShardPosition, ShardRecordBase, StreamSource } from "../../services/kinesis";
import type { Simulation } from "../../simulation";
import { deliver } from "../invocation/destinations";
import { THROTTLE_BACKOFF_MAX_MS } from "../invocation/event-manager";
import type { InvocationOutcome } from "../invocation/invocation";
import { MAX_SYNC_REQUEST_BYTES } from "../invocation/invoker";
import type { EventSourceMapping } from "./model";
import type { Poller } from "./poller";
import { WakeUp } from "./wake-up";

/**
 * After a function error the same batch is tried again after a backoff that starts at 1 s and
 * doubles up to 1 min [unverified: AWS documents that it retries until success, the retry limit
 * or the record age, not how fast]. A poison record therefore costs about a thousand attempts a
 * day instead of one per poll.
 */
const ERROR_BACKOFF_START_MS = 1000;
const ERROR_BACKOFF_MAX_MS = 60_000;
const READ_CHUNK = 10_000;

type StreamRecord = ShardRecordBase;

/** A batch being tried: its records, how often it ran, and what the last attempt said. */
interface Batch {
  records: StreamRecord[];
  /** Invocations that included these records (approximateInvokeCount), bisected parents included. */
  attempts: number;
  /**
   * Retries counted against MaximumRetryAttempts: "splitting a batch does not count towards the
   * retry quota" ([Arch:with-kinesis.md]), so a failure that bisects the batch leaves it as it is
   * and only re-invoking the same records counts.
   */
  retries: number;
  lastRequestId?: string;
  last?: { executedVersion: string; functionError: string | null };
  /** Tumbling windows: the final invocation of a window (no records, only the state). */
  finalForWindow?: { start: number; end: number };
}

/** One in-order sequence of records: a shard, or a partition-key slice of it (ParallelizationFactor). */
interface Lane {
  shardId: string;
  index: number;
  /** Records read from the shard for this lane, oldest first, not yet finished. */
  queue: StreamRecord[];
  /** A batch that failed and waits for its retry (or the halves of a bisected one). */
  retry: Batch[];
  inFlight: boolean;
  notBefore: number;
  /** Throttles in a row (backoff 1 s doubling to 5 min; they never count as attempts). */
  throttles: number;
  windowStart: number | null;
  /** Tumbling window state carried between invocations of the same window. */
  window: { start: number; end: number; state: unknown; ran: boolean; closing?: ScheduledEvent } | null;
}

interface ShardReader {
  shardId: string;
  cursor: ShardCursor;
  lanes: Lane[];
}

/**
 * The Kinesis and DynamoDB Streams poller (§3.2): records of a shard are processed in order (per
 * partition key with ParallelizationFactor > 1: each shard splits into that many in-order lanes),
 * one batch at a time per lane; a failing batch blocks its lane and is retried until it succeeds,
 * MaximumRetryAttempts is exhausted or its records are older than MaximumRecordAgeInSeconds —
 * then it is discarded with an on-failure record (metadata only) and the lane moves on.
 * BisectBatchOnFunctionError halves a failing batch (splitting does not count as a retry);
 * ReportBatchItemFailures checkpoints before the lowest reported sequence number; throttles are
 * retried with backoff and never count; TumblingWindowInSeconds carries `state` across a window
 * and ends it with an `isFinalInvokeForWindow` invocation.
 */
export class StreamPoller implements Poller {
  private readers: ShardReader[] | null = null;
  private readonly wakeUp: WakeUp;

  private readonly doneFn = (outcome: InvocationOutcome, context: unknown) => {
    const c = context as { lane: Lane; batch: Batch };
    this.batchDone(c.lane, c.batch, outcome);
  };

  constructor(
    private readonly sim: Simulation,
    private readonly esm: EventSourceMapping,
  ) {
    this.wakeUp = new WakeUp(sim.clock, () => this.poll());
  }

  private source(): StreamSource | undefined {
    const sim = this.sim;
    return this.esm.sourceType === "kinesis" ? sim.kinesis.streamSource(this.esm.eventSourceArn) : sim.dynamodb.streamSource(this.esm.eventSourceArn);
  }

  start(): void {
    this.wakeUp.stopped = false;
    if (!this.readers) this.openShards();
    this.wake();
  }

  stop(): void {
    this.wakeUp.stop();
  }

  wake(): void {
    this.wakeUp.request();
  }

  /** StartingPosition is resolved when the mapping starts (LATEST = after what is there now). */
  private openShards(): void {
    const source = this.source();
    if (!source) return;
    const now = this.sim.clock.now;
    const position: ShardPosition =
      this.esm.startingPosition === "LATEST"
        ? { type: "LATEST" }
        : this.esm.startingPosition === "AT_TIMESTAMP"
          ? { type: "AT_TIMESTAMP", timestampMs: (this.esm.startingPositionTimestamp ?? 0) * 1000 - this.sim.epochMs }
          : { type: "TRIM_HORIZON" };
    const factor = this.esm.parallelizationFactor ?? 1;
    this.readers = [];
    for (const shardId of source.shardIds()) {
      const it = source.iterator(shardId, position, now);
      if (!it.ok) continue;
      const lanes: Lane[] = Array.from({ length: factor }, (_, index) => ({ shardId, index, queue: [], retry: [], inFlight: false, notBefore: 0, throttles: 0, windowStart: null, window: null }));
      this.readers.push({ shardId, cursor: it.cursor, lanes });
    }
  }


  private poll(): void {
    if (this.wakeUp.stopped || this.esm.state !== "Enabled") return;
    const source = this.source();
    if (!source || !this.readers) return;
    const now = this.sim.clock.now;
    for (const reader of this.readers) {
      this.readShard(source, reader, now);
      for (const lane of reader.lanes) this.pollLane(source, lane, now);
    }
  }

  /** Moves newly arrived records of a shard into its lanes (by partition key when parallelised). */
  private readShard(source: StreamSource, reader: ShardReader, now: number): void {
    for (;;) {
      const read = source.read(reader.cursor, READ_CHUNK, now);
      reader.cursor = read.next;
      const lanes = reader.lanes;
      for (const r of read.records) lanes[lanes.length === 1 ? 0 : laneOf(r, lanes.length)].queue.push(r);
      if (read.records.length < READ_CHUNK) return;
    }
  }

  private pollLane(source: StreamSource, lane: Lane, now: number): void {
    if (lane.inFlight) return;
    if (now < lane.notBefore) {
      this.wakeUp.request(lane.notBefore);
      return;
    }
    let batch = lane.retry.shift();
    if (!batch) {
      if (lane.queue.length === 0) return;
      const tumbling = (this.esm.tumblingWindowInSeconds ?? 0) * 1000;
      let take = Math.min(this.esm.batchSize, lane.queue.length);
      if (tumbling > 0) {
        // a batch never spans two tumbling windows
        const w = windowOf(lane.queue[0].arrivalMs, tumbling);
        let n = 0;
        while (n < take && windowOf(lane.queue[n].arrivalMs, tumbling) === w) n++;
        take = n;
      }
      const windowMs = this.esm.maximumBatchingWindowInSeconds * 1000;
      if (windowMs > 0 && take < this.esm.batchSize) {
        lane.windowStart ??= now;
        if (now < lane.windowStart + windowMs) {
          this.wakeUp.request(lane.windowStart + windowMs);
          return;
        }
      }
      lane.windowStart = null;
      batch = { records: lane.queue.splice(0, take), attempts: 0, retries: 0 };
    }
    if (this.discardExpired(source, batch, now)) return;
    this.invoke(source, lane, batch);
  }

  /**
   * MaximumRecordAgeInSeconds: records older than the limit are discarded before Lambda would
   * invoke with them; RecordAgeExceeded (no responseContext when the batch never ran).
   */
  private discardExpired(source: StreamSource, batch: Batch, now: number): boolean {
    const maxAge = this.esm.maximumRecordAgeInSeconds ?? -1;
    if (maxAge < 0 || batch.finalForWindow) return false;
    let n = 0;
    while (n < batch.records.length && now - batch.records[n].arrivalMs > maxAge * 1000) n++;
    if (n === 0) return false;
    const expired = batch.records.slice(0, n);
    this.onFailure(source, expired, "RecordAgeExceeded", batch);
    batch.records = batch.records.slice(n);
    if (batch.records.length > 0) return false;
    this.wake();
    return true;
  }

  private invoke(source: StreamSource, lane: Lane, batch: Batch): void {
    const sim = this.sim;
    const lambda = sim.lambda;
    let ref;
    try {
      ref = lambda.store.resolve(this.esm.functionName, this.esm.qualifier);
    } catch {
      // the function is gone (§3: the mapping stays): the lane waits, records age
      lane.retry.unshift(batch);
      this.esm.lastProcessingResult = "PROBLEM: Function not found.";
      return;
    }
    const version = lambda.route(ref);
    if (!sim.esm.mayRead(this.esm, version.config.role)) {
      // the role lost its read permissions: the lane waits (records age) until a role changes
      lane.retry.unshift(batch);
      return;
    }
    const identity = { invokeIdentityArn: version.config.role };
    const records = batch.records.map((r) => source.lambdaRecord(r, identity));
    const event: Record<string, unknown> = { Records: records };
    const tumbling = (this.esm.tumblingWindowInSeconds ?? 0) * 1000;
    if (tumbling > 0) this.addWindow(event, lane, batch, tumbling);
    let eventJson = JSON.stringify(event);
    if (eventJson.length * 3 > MAX_SYNC_REQUEST_BYTES && utf8Length(eventJson) > MAX_SYNC_REQUEST_BYTES) {
      // §1.2 / [Arch:with-kinesis.md]: a batch is also capped by the 6 MB synchronous payload; the
      // records that do not fit go back to the front of the lane, in order, for the next batch
      const keep = fittingRecords(records, utf8Length(eventJson) - utf8Length(JSON.stringify(records)));
      lane.queue.unshift(...batch.records.slice(keep));
      batch.records = batch.records.slice(0, keep);
      event.Records = records.slice(0, keep);
      eventJson = JSON.stringify(event);
    }
    const requestId = sim.ids.uuid();
    lane.inFlight = true;
    const started = lambda.invoker.start({
      fn: ref.fn,
      version,
      qualifierKey: ref.qualifierKey,
      invokedArn: ref.invokedArn,
      eventJson,
      event,
      trigger: this.esm.sourceType,
      step: null,
      requestId,
      attempt: batch.attempts + 1,
      onDone: this.doneFn,
      context: { lane, batch },
    });
    if (started.ok) {
      batch.lastRequestId = requestId;
      lane.throttles = 0;
      return;
    }
    // §3.2: throttles are retried until the records expire; they never count as attempts
    lane.inFlight = false;
    sim.recorder.trace.throttles.push({ at: sim.clock.now, function: ref.fn.name, trigger: this.esm.sourceType, reason: started.reason, step: null });
    sim.recorder.timeline(sim.clock.now, "throttle", this.esm.uuid);
    const backoff = Math.min(ERROR_BACKOFF_START_MS * 2 ** Math.min(lane.throttles++, 20), THROTTLE_BACKOFF_MAX_MS);
    lane.retry.unshift(batch);
    lane.notBefore = sim.clock.now + backoff;
    this.wakeUp.request(lane.notBefore);
  }

  /** Tumbling windows (§3.2): `window`, `state`, `shardId`, `isFinalInvokeForWindow` in the event. */
  private addWindow(event: Record<string, unknown>, lane: Lane, batch: Batch, tumbling: number): void {
    const sim = this.sim;
    const w = batch.finalForWindow ?? (() => {
      const start = windowOf(batch.records[0].arrivalMs, tumbling);
      return { start, end: start + tumbling };
    })();
    if (!lane.window || lane.window.start !== w.start) {
      sim.clock.cancel(lane.window?.closing);
      lane.window = { start: w.start, end: w.end, state: {}, ran: false };
      const win = lane.window;
      win.closing = sim.clock.at(w.end, () => {
        if (lane.window === win && win.ran) lane.retry.push({ records: [], attempts: 0, retries: 0, finalForWindow: { start: win.start, end: win.end } });
        this.wake();
      });
    }
    event.window = { start: sim.iso(w.start), end: sim.iso(w.end) };
    event.state = lane.window.state;
    event.shardId = lane.shardId;
    event.eventSourceARN = this.esm.eventSourceArn;
    event.isFinalInvokeForWindow = batch.finalForWindow !== undefined;
    event.isWindowTerminatedEarly = false;
  }

  private batchDone(lane: Lane, batch: Batch, outcome: InvocationOutcome): void {
    const sim = this.sim;
    lane.inFlight = false;
    batch.attempts++;
    const source = this.source();
    if (!source) return;
    let failedFrom = -1;
    let functionError: string | null = null;
    if (outcome.functionError) {
      failedFrom = 0;
      functionError = "Unhandled";
    } else {
      failedFrom = this.partialFailure(outcome.payload, batch);
      if (failedFrom === -1 && (this.esm.tumblingWindowInSeconds ?? 0) > 0) {
        // a tumbling-window response must carry `state`; without it the invocation counts as failed
        const state = (outcome.payload as { state?: unknown } | null)?.state;
        if (state === undefined || state === null || typeof state !== "object") failedFrom = 0;
        else if (lane.window) {
          lane.window.state = state;
          lane.window.ran = true;
        }
      }
    }
    batch.last = { executedVersion: outcome.executedVersion, functionError };
    if (batch.finalForWindow && failedFrom === -1) lane.window = null;
    if (failedFrom === -1) {
      this.esm.lastProcessingResult = "OK";
      lane.notBefore = 0;
      this.wake();
      return;
    }
    // §3.2 ReportBatchItemFailures: checkpoint before the lowest reported record, retry from there
    const remaining = batch.records.slice(failedFrom);
    if (this.esm.bisectBatchOnFunctionError && outcome.functionError && remaining.length > 1) {
      // §3.2: split in two and retry the halves; "Splitting a batch does not consume the retry
      // quota" (docs.aws.amazon.com/lambda/latest/dg/kinesis-on-failure-destination.html). How a
      // half counts afterwards is undocumented: it keeps the retries its parent had used.
      const half = Math.ceil(remaining.length / 2);
      lane.retry.unshift(
        { records: remaining.slice(0, half), attempts: batch.attempts, retries: batch.retries, lastRequestId: batch.lastRequestId, last: batch.last },
        { records: remaining.slice(half), attempts: batch.attempts, retries: batch.retries, lastRequestId: batch.lastRequestId, last: batch.last },
      );
    } else {
      const maxRetries = this.esm.maximumRetryAttempts ?? -1;
      if (maxRetries >= 0 && batch.retries >= maxRetries) {
        this.onFailure(source, remaining, "RetryAttemptsExhausted", batch);
        lane.notBefore = 0;
        this.wake();
        return;
      }
      lane.retry.unshift({ ...batch, records: remaining, retries: batch.retries + 1 });
    }
    lane.notBefore = sim.clock.now + Math.min(ERROR_BACKOFF_START_MS * 2 ** (batch.attempts - 1), ERROR_BACKOFF_MAX_MS);
    this.esm.lastProcessingResult = "PROBLEM: Function call failed";
    this.wakeUp.request(lane.notBefore);
  }

  /**
   * Index of the first record to retry after a successful invocation, or -1 for success (§3.2):
   * success = null / "" / [] / {} / batchItemFailures null or empty; an itemIdentifier that is
   * empty, null, not text, missing or not in the batch fails the whole batch (0).
   */
  private partialFailure(payload: unknown, batch: Batch): number {
    if (!this.esm.functionResponseTypes.includes("ReportBatchItemFailures") || batch.finalForWindow) return -1;
    if (payload === null || payload === undefined || payload === "") return -1;
    if (Array.isArray(payload)) return payload.length === 0 ? -1 : 0;
    if (typeof payload !== "object") return 0;
    const list = (payload as { batchItemFailures?: unknown }).batchItemFailures;
    if (list === undefined || list === null) return -1;
    if (!Array.isArray(list)) return 0;
    let lowest = -1;
    for (const item of list) {
      const id = (item as { itemIdentifier?: unknown } | null)?.itemIdentifier;
      if (typeof id !== "string" || id === "") return 0;
      const index = batch.records.findIndex((r) => r.sequenceNumber === id);
      if (index < 0) return 0;
      if (lowest < 0 || index < lowest) lowest = index;
    }
    return lowest;
  }

  /**
   * Discards records with an on-failure record (§3.2): requestContext (condition
   * RetryAttemptsExhausted / RecordAgeExceeded, approximateInvokeCount), responseContext when the
   * batch ran, KinesisBatchInfo / DDBStreamBatchInfo — metadata only; an S3 target also gets the
   * records as `payload`.
   */
  private onFailure(source: StreamSource, records: StreamRecord[], condition: "RetryAttemptsExhausted" | "RecordAgeExceeded", batch: Batch): void {
    const sim = this.sim;
    sim.recorder.timeline(sim.clock.now, "records-discarded", this.esm.uuid);
    const target = this.esm.onFailureDestination;
    if (!target || records.length === 0) return;
    const fn = sim.lambda.store.functions.get(this.esm.functionName);
    if (!fn || fn.deleted) return;
    const record: Record<string, unknown> = {
      requestContext: {
        requestId: batch.lastRequestId ?? sim.ids.uuid(),
        functionArn: this.esm.functionArn,
        condition,
        approximateInvokeCount: batch.attempts,
      },
    };
    if (batch.last && batch.attempts > 0) record.responseContext = { statusCode: 200, executedVersion: batch.last.executedVersion, functionError: batch.last.functionError };
    record.version = "1.0";
    record.timestamp = sim.iso();
    record[this.esm.sourceType === "kinesis" ? "KinesisBatchInfo" : "DDBStreamBatchInfo"] = source.batchInfo(records);
    if (target.split(":")[2] === "s3") {
      const identity = { invokeIdentityArn: fn.latest.config.role };
      record.payload = { Records: records.map((r) => source.lambdaRecord(r, identity)) };
    }
    deliver(sim, {
      fn,
      roleArn: fn.latest.config.role,
      kind: "on-failure",
      target,
      condition,
      requestId: (record.requestContext as { requestId: string }).requestId,
      step: null,
      record,
    });
  }
}

/** How many records, from the first, fit in one synchronous payload with `envelope` bytes around them (at least one). */
function fittingRecords(records: unknown[], envelope: number): number {
  let size = envelope;
  let n = 0;
  for (const r of records) {
    size += utf8Length(JSON.stringify(r)) + (n > 0 ? 1 : 0);
    if (size > MAX_SYNC_REQUEST_BYTES && n > 0) break;
    n++;
  }
  return n;
}

function windowOf(arrivalMs: number, tumblingMs: number): number {
  return Math.floor(arrivalMs / tumblingMs) * tumblingMs;
}

/** ParallelizationFactor: records of one partition key always land in the same lane. */
function laneOf(record: StreamRecord, lanes: number): number {
  const r = record as StreamRecord & { partitionKey?: string; event?: { dynamodb?: { Keys?: unknown } } };
  const key = r.partitionKey ?? JSON.stringify(r.event?.dynamodb?.Keys ?? r.sequenceNumber);
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % lanes;
}
