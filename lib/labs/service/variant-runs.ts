/**
 * A lab version's variant, run once and remembered. The engine is deterministic (same scenario,
 * same seed ⇒ byte-identical trace), so the truths of (version, variant) never change: they are
 * computed on the first request in the engine pool and kept in a memory LRU. Concurrent requests
 * for a variant that is being run share the one run. The full trace (needed only for the timeline
 * and the trace explorer) is kept in a second, byte-bounded LRU and recomputed when evicted.
 */
import type { JSONValue } from "@jmespath-community/jmespath";
import { instantiateLab } from "../lab-file";
import { traceDigest, truthsFor, type QuestionTruth } from "../grading";
import { traceAsJson } from "../truth";
import type { LabInstance, Trace } from "../types";
import { Lru } from "./lru";
import { runLabScenario } from "./runner";
import type { LabVersionRecord } from "./versions";

export interface VariantRun {
  instance: LabInstance;
  truths: QuestionTruth[];
  traceDigest: string;
}

const runs = new Lru<VariantRun>(2_000);
/** Traces as JSON text, bounded by bytes (64 MB): a timeline view re-runs the variant if evicted. */
const traces = new Lru<string>(64 * 1024 * 1024, (t) => t.length);
const inFlight = new Map<string, Promise<{ run: VariantRun; trace: JSONValue }>>();

const keyOf = (versionId: string, index: number) => `${versionId}:${index}`;

/** Instances are pure functions of (version, variant): built once (substitution + validation cost a few ms). */
const instances = new Lru<LabInstance>(2_000);

export function instanceFor(version: LabVersionRecord, index: number): LabInstance {
  const key = keyOf(version.id, index);
  const hit = instances.get(key);
  if (hit) return hit;
  const inst = instantiateLab(version.source, index);
  // Stored versions were validated for every variant when saved; failing here is a bug.
  if (!inst.ok) throw new Error(`stored lab version ${version.id} no longer instantiates: ${inst.errors[0]?.message}`);
  instances.set(key, inst.value);
  return inst.value;
}

async function execute(version: LabVersionRecord, index: number): Promise<{ run: VariantRun; trace: JSONValue }> {
  const key = keyOf(version.id, index);
  const pending = inFlight.get(key);
  if (pending) return pending;
  const job = (async () => {
    const instance = instanceFor(version, index);
    const trace = traceAsJson(await runLabScenario(instance.scenario));
    const text = JSON.stringify(trace);
    const run: VariantRun = { instance, truths: truthsFor(instance, trace), traceDigest: traceDigest(trace) };
    runs.set(key, run);
    traces.set(key, text);
    return { run, trace };
  })();
  inFlight.set(key, job);
  try {
    return await job;
  } finally {
    inFlight.delete(key);
  }
}

/** The variant's instance, truths and trace digest (runs the scenario on a cache miss). */
export async function variantRun(version: LabVersionRecord, index: number): Promise<VariantRun> {
  return runs.get(keyOf(version.id, index)) ?? (await execute(version, index)).run;
}

/** The variant's full trace (for the timeline and the trace explorer). */
export async function variantTrace(version: LabVersionRecord, index: number): Promise<Trace> {
  const text = traces.get(keyOf(version.id, index));
  if (text) return JSON.parse(text) as Trace;
  return (await execute(version, index)).trace as unknown as Trace;
}

/** For tests: forget every cached run. */
export function clearVariantRuns(): void {
  instances.clear();
  runs.clear();
  traces.clear();
}
