import { Buffer } from "node:buffer";

/**
 * A record's Data blob. Scenarios write it as text or as a JSON value (serialised), as the
 * scenario format says; the SDK stand-ins may pass bytes (Uint8Array). Kinesis stores bytes and
 * hands them to Lambda base64-encoded.
 */
export function dataBytes(data: unknown): Uint8Array | undefined {
  if (data instanceof Uint8Array) return new Uint8Array(data);
  if (typeof data === "string") return new Uint8Array(Buffer.from(data, "utf8"));
  if (data === undefined || data === null) return undefined;
  return new Uint8Array(Buffer.from(JSON.stringify(data), "utf8"));
}

/** How the trace shows a blob: JSON text as its value, other UTF-8 text as a string, anything else as base64. */
export function dataForTrace(bytes: Uint8Array): unknown {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { base64: Buffer.from(bytes).toString("base64") };
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
