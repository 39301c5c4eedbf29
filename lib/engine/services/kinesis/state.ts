import { kinesisFail, type KinesisOutcome } from "./errors";
import { DEFAULT_MAX_STORED_BYTES, type StreamRecordAppended } from "./shard-log";
import type { KinesisStream } from "./stream";

export interface KinesisServiceOptions {
  region: string;
  accountId: string;
  /** Wall-clock epoch (ms) that virtual time 0 stands for: sequence numbers and arrival timestamps. */
  epochMs: number;
  /** Called after every record is appended (to wake event source mapping pollers). */
  onStreamRecord?: (event: StreamRecordAppended) => void;
  /** Engine memory cap for retained records across streams (default 64 MiB). */
  maxStoredBytes?: number;
}

/** Whether `bytes` more record data still fits under the engine's memory cap. */
export function storageAllows(state: KinesisState, bytes: number, now: number): boolean {
  const cap = state.options.maxStoredBytes ?? DEFAULT_MAX_STORED_BYTES;
  const held = [...state.streams.values()].reduce((sum, s) => sum + s.retainedBytes(now), 0);
  return held + bytes <= cap;
}

export interface KinesisState {
  readonly options: KinesisServiceOptions;
  readonly streams: Map<string, KinesisStream>;
}

export function streamArn(options: KinesisServiceOptions, name: string): string {
  return `arn:aws:kinesis:${options.region}:${options.accountId}:stream/${name}`;
}

/**
 * Data-plane calls name the stream by StreamName or StreamARN ("you must use either the StreamARN
 * or the StreamName parameter, or both" — Kinesis API reference). Wording of the "neither" error
 * from kinesis-mock; of "not found" from Kinesis ("Stream x under account y not found.").
 */
export function resolveStream(state: KinesisState, input: Record<string, unknown>): KinesisOutcome<KinesisStream> {
  const { StreamName: name, StreamARN: arn } = input;
  if (name == null && arn == null) return kinesisFail("InvalidArgumentException", "Neither streamArn or streamName was provided");
  let streamName: string | undefined = typeof name === "string" ? name : undefined;
  if (typeof arn === "string") {
    const match = /^arn:aws[a-z-]*:kinesis:([^:]+):(\d{12}):stream\/([a-zA-Z0-9_.-]+)$/.exec(arn);
    if (!match) return kinesisFail("InvalidArgumentException", `StreamARN ${arn} is not a valid Kinesis stream ARN`);
    if (streamName !== undefined && streamName !== match[3]) {
      return kinesisFail("InvalidArgumentException", `StreamName ${streamName} does not match the stream in StreamARN ${arn}`);
    }
    if (match[1] !== state.options.region || match[2] !== state.options.accountId) {
      return kinesisFail("ResourceNotFoundException", `Stream ${match[3]} under account ${match[2]} not found.`);
    }
    streamName = match[3];
  }
  const stream = streamName !== undefined ? state.streams.get(streamName) : undefined;
  if (!stream) return kinesisFail("ResourceNotFoundException", `Stream ${String(streamName ?? name)} under account ${state.options.accountId} not found.`);
  return { ok: true, output: stream };
}
