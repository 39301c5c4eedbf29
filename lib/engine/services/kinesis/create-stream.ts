import { kinesisConstraints, kinesisFail, violation, type KinesisOutcome } from "./errors";
import { streamArn, type KinesisState } from "./state";
import { KinesisStream } from "./stream";

/**
 * The default per-account shard quota in the large regions (500; 200 elsewhere — Kinesis Data
 * Streams quotas). It also bounds what one scenario can allocate.
 */
const ACCOUNT_SHARD_LIMIT = 500;

/**
 * An on-demand stream starts with 4 MiB/s of write capacity, i.e. 4 shards ("Kinesis Data
 * Streams on-demand mode … new data streams … 4 MB/second of write … capacity", developer guide,
 * capacity modes). Its automatic scaling is not modelled.
 */
const ON_DEMAND_INITIAL_SHARDS = 4;

/**
 * CreateStream. Provisioned mode: `ShardCount` defaults to 1 when a scenario leaves it out — an
 * engine convenience, AWS requires the count in provisioned mode. On-demand mode: 4 shards.
 * The stream is ACTIVE at once; the API's answer is an empty body, as on AWS.
 */
export function createStream(state: KinesisState, raw: unknown, now: number): KinesisOutcome<Record<string, never>> {
  const input = typeof raw === "object" && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const mode = (input.StreamModeDetails as { StreamMode?: unknown } | undefined)?.StreamMode ?? "PROVISIONED";
  if (mode !== "PROVISIONED" && mode !== "ON_DEMAND") {
    return kinesisConstraints([violation(mode, "streamModeDetails.streamMode", "Member must satisfy enum value set: [PROVISIONED, ON_DEMAND]")])!;
  }
  if (mode === "ON_DEMAND" && input.ShardCount != null) {
    // [unverified wording] AWS refuses a shard count for an on-demand stream.
    return kinesisFail("ValidationException", "ShardCount is not supported for streams in ON_DEMAND mode.");
  }
  const { StreamName: name, ShardCount: count = mode === "ON_DEMAND" ? ON_DEMAND_INITIAL_SHARDS : 1 } = input;
  const violations: string[] = [];
  if (name == null) violations.push(violation(null, "streamName", "Member must not be null"));
  else if (typeof name !== "string") violations.push(violation(name, "streamName", "Member must be a string"));
  else {
    if (!/^[a-zA-Z0-9_.-]+$/.test(name)) violations.push(violation(name, "streamName", "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+"));
    if (name.length < 1) violations.push(violation(name, "streamName", "Member must have length greater than or equal to 1"));
    if (name.length > 128) violations.push(violation(name, "streamName", "Member must have length less than or equal to 128"));
  }
  if (typeof count !== "number" || !Number.isInteger(count)) violations.push(violation(count, "shardCount", "Member must be an integer"));
  else if (count < 1) violations.push(violation(String(count), "shardCount", "Member must have value greater than or equal to 1"));
  const invalid = kinesisConstraints(violations);
  if (invalid) return invalid;

  const streamName = name as string;
  const shardCount = count as number;
  const { options } = state;
  if (state.streams.has(streamName)) {
    return kinesisFail("ResourceInUseException", `Stream ${streamName} under account ${options.accountId} already exists.`);
  }
  const current = [...state.streams.values()].reduce((sum, s) => sum + s.shards.length, 0);
  if (current + shardCount > ACCOUNT_SHARD_LIMIT) {
    // Message shape as recorded by kinesalite (actions/createStream.js).
    return kinesisFail(
      "LimitExceededException",
      `This request would exceed the shard limit for the account ${options.accountId} in ${options.region}. Current shard count for the account: ${current}. Limit: ${ACCOUNT_SHARD_LIMIT}. Number of additional shards that would have resulted from this request: ${shardCount}.`,
    );
  }
  state.streams.set(
    streamName,
    new KinesisStream({
      name: streamName,
      arn: streamArn(options, streamName),
      region: options.region,
      shardCount,
      mode,
      createdAtMs: now,
      epochMs: options.epochMs,
      onAppend: options.onStreamRecord,
    }),
  );
  return { ok: true, output: {} };
}
