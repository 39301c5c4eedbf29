/**
 * The built-in modules a handler can `require`, compiled inside the guest on first use. Each
 * source is an expression evaluating to `function (internals, record)` that returns the module's
 * exports (`internals` is the bootstrap's private toolbox: host calls, emit, utf8, …).
 * Anything not listed here does not exist for the guest ("Cannot find module").
 */
import { SDK_CLIENT_SOURCES, SDK_CORE_SOURCE } from "./aws-sdk";
import { BUFFER_SOURCE } from "./buffer";
import { CRYPTO_SOURCE } from "./crypto";
import { FS_SOURCE } from "./fs";
import { LIB_DYNAMODB_SOURCE, UTIL_DYNAMODB_SOURCE } from "./dynamodb-document";
import { EVENTS_SOURCE, PATH_SOURCE } from "./path-events";
import { CONSOLE_EXTRAS_SOURCE } from "./console-extras";
import { ERRORS_SOURCE } from "./errors";
import { UTIL_SOURCE } from "./util";
import { BOOTSTRAP_FILENAME } from "./bootstrap";
import { TIMER_LOOP_SOURCE } from "./timer-loop";
import { TIMERS_SOURCE, TIMERS_PROMISES_SOURCE } from "./timers";

const SOURCES: ReadonlyMap<string, string> = new Map([
  // Internal to the runtime: the bootstrap's require refuses names outside its CORE list.
  ["lambda-lab:errors", ERRORS_SOURCE],
  ["lambda-lab:console", CONSOLE_EXTRAS_SOURCE],
  ["lambda-lab:timers", TIMER_LOOP_SOURCE],
  ["buffer", BUFFER_SOURCE],
  ["util", UTIL_SOURCE],
  ["fs", FS_SOURCE],
  ["fs/promises", "(function (internals) { return internals.builtin('fs').promises; })"],
  ["crypto", CRYPTO_SOURCE],
  ["path", PATH_SOURCE],
  ["events", EVENTS_SOURCE],
  ["lambda-lab:aws-sdk", SDK_CORE_SOURCE],
  ...SDK_CLIENT_SOURCES,
  ["@aws-sdk/util-dynamodb", UTIL_DYNAMODB_SOURCE],
  ["@aws-sdk/lib-dynamodb", LIB_DYNAMODB_SOURCE],
  ["util/types", "(function (internals) { return internals.builtin('util').types; })"],
  ["timers", TIMERS_SOURCE],
  ["timers/promises", TIMERS_PROMISES_SOURCE],
]);

const compacted = new Map<string, string>();

export function builtinModuleSource(name: string): { source: string; filename: string } | undefined {
  const source = SOURCES.get(name);
  if (source === undefined) return undefined;
  let compact = compacted.get(name);
  if (compact === undefined) {
    compact = compactGuestSource(source);
    compacted.set(name, compact);
  }
  return { source: compact, filename: name.startsWith("lambda-lab:") ? BOOTSTRAP_FILENAME : `node:${name}` };
}

/**
 * QuickJS compiles ~10 MB/s here and every execution environment compiles the bootstrap, so the
 * guest sources drop whole-line comments and indentation before use. Safe because guest sources
 * never continue a string over a line break (no template literals, no backslash continuations).
 */
export function compactGuestSource(source: string): string {
  const lines: string[] = [];
  for (const line of source.split("\n")) {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("//")) continue;
    lines.push(trimmed);
  }
  return lines.join("\n");
}

/** Names a handler can require (besides `process` and `console`, which the bootstrap serves). */
export const BUILTIN_MODULE_NAMES: readonly string[] = [...SOURCES.keys()];
