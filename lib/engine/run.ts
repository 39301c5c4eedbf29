import { AwsError } from "./aws/errors";
import { operations } from "./api/registry";
import type { CallContext } from "./api/context";
import { Deferred } from "./core/deferred";
import { EventQueue } from "./core/event-queue";
import { parseJson } from "./lambda/invocation/invoker";
import { PARSED_PAYLOAD, type InvokeResponse } from "./api/lambda/invoke";
import { MAX_SCENARIO_MS } from "./scenario/duration";
import { formatPath, type PathSegment } from "./scenario/errors";
import { operationSchemas } from "./scenario/ops";
import { resolveReference, withValueAt } from "./scenario/references";
import type { Scenario, ScenarioStep } from "./scenario/types";
import type { RuntimeFactory } from "./sandbox/contract";
import { Simulation } from "./simulation";
import type { StepRecord, Trace } from "./trace/types";
import { LIMITS } from "./world";

export interface RunOptions {
  runtime: RuntimeFactory;
  /** Overrides the scenario's seed (the CLI's --seed). */
  seed?: number;
}

/**
 * Runs a validated scenario to its end and returns the trace (docs/scenario-format.md).
 * Synchronous and deterministic: the same scenario and seed give a byte-identical trace.
 *
 * How a call travels: each step is an event on the virtual clock; at its time the operation
 * handler (api/…) runs against the simulated services; whatever it sets in motion (an
 * invocation, a retry, a poller wake-up) is more events on the same clock. The run ends when
 * no foreground event is left (or at `until`), and the services' state is written out.
 */
export function runScenario(scenario: Scenario, opts: RunOptions): Trace {
  const seed = opts.seed ?? scenario.seed;
  const sim = new Simulation(scenario, { runtime: opts.runtime, seed });
  const pending: { record: StepRecord; deferred: Deferred }[] = [];
  try {
    new StepCursor(sim, scenario.steps, pending, new Map()).scheduleNext();
    loop(sim, scenario.until);
    return finish(sim, pending);
  } finally {
    for (const env of sim.lambda.assignment.all()) {
      try {
        env.runtime?.dispose();
      } catch {
        // the worker is recycled if its sandbox cannot free itself
      }
      env.runtime = null;
    }
  }
}

/**
 * Steps are issued one at a time by a cursor event: only the next step sits in the event queue
 * (a 100,000-call scenario does not hold 100,000 events). Its rank puts it before every ordinary
 * event at the same instant, in list order — as if all steps had been scheduled first.
 */
const STEP_RANK_BASE = Number.MIN_SAFE_INTEGER;

class StepCursor {
  private index = 0;
  private repetition = 0;
  private base = 0;
  private issued = 0;

  constructor(
    private readonly sim: Simulation,
    private readonly steps: ScenarioStep[],
    private readonly pending: { record: StepRecord; deferred: Deferred }[],
    /** Step records by id, for references (only filled when the scenario has any). */
    private readonly records: Map<string, StepRecord>,
  ) {
    this.referenced = steps.some((s) => s.references !== undefined);
  }

  private readonly referenced: boolean;

  /** Schedules the next step (if any) at its time. */
  scheduleNext(): void {
    const step = this.steps[this.index];
    if (!step) return;
    if (this.repetition === 0 && step.at !== undefined) this.base = step.at;
    const at = this.base + this.repetition * (step.repeat?.everyMs ?? 0);
    this.sim.clock.queue.scheduleRanked(at < this.sim.clock.now ? this.sim.clock.now : at, STEP_RANK_BASE + this.issued++, runCursor, this);
  }

  /** Runs the current step and schedules the one after it. */
  runCurrent(): void {
    const step = this.steps[this.index];
    const id = step.repeat ? `${step.id}.${this.repetition + 1}` : step.id;
    const times = step.repeat?.times ?? 1;
    if (++this.repetition >= times) {
      this.base += (times - 1) * (step.repeat?.everyMs ?? 0);
      this.repetition = 0;
      this.index++;
    }
    this.scheduleNext();
    executeStep(this.sim, step, id, this.pending, this.referenced ? this.records : undefined);
  }
}

function runCursor(cursor: StepCursor): void {
  cursor.runCurrent();
}

function executeStep(sim: Simulation, step: ScenarioStep, id: string, pending: { record: StepRecord; deferred: Deferred }[], records: Map<string, StepRecord> | undefined): void {
  const now = sim.clock.now;
  const record: StepRecord = { id, op: step.op, at: now };
  sim.recorder.trace.steps.push(record);
  records?.set(id, record);
  sim.recorder.timeline(now, "step", id);
  const handler = operations[step.op] as ((ctx: CallContext, input: unknown) => unknown) | undefined;
  if (!handler) {
    record.error = { type: "UnknownOperationException", message: `${step.op} is not implemented in Lambda Lab.` };
    return;
  }
  let input: unknown = step.input;
  if (step.references) {
    const resolved = resolveInput(step, records!, now);
    if (!resolved.ok) {
      if (step.op === "Invoke") record.completedAt = now;
      record.error = resolved.error;
      return;
    }
    input = resolved.input;
  }
  try {
    const out = handler({ sim, step: id }, input);
    if (out instanceof Deferred) {
      pending.push({ record, deferred: out });
      out.then((r) => {
        record.completedAt = sim.clock.now;
        if (r.ok) record.response = stepResponse(step.op, r.value);
        else record.error = stepError(r.error);
      });
      return;
    }
    if (step.op === "Invoke") record.completedAt = now;
    record.response = stepResponse(step.op, out);
  } catch (e) {
    if (!(e instanceof AwsError)) throw e;
    if (step.op === "Invoke") record.completedAt = now;
    record.error = stepError(e);
  }
}

/**
 * Substitutes a step's references (scenario/references.ts) and checks the result with the
 * operation's schema. A value that cannot be had — the referenced step failed, has not answered,
 * or lacks the field — or has the wrong type is the call AWS would refuse for a missing or
 * malformed parameter: a ValidationException on this step (with `reference` saying why), and
 * the run goes on.
 */
function resolveInput(step: ScenarioStep, records: Map<string, StepRecord>, now: number): { ok: true; input: unknown } | { ok: false; error: NonNullable<StepRecord["error"]> } {
  let input: unknown = step.input;
  for (const ref of step.references!) {
    const got = resolveReference(ref, records.get(ref.step), now);
    const param = formatPath(ref.at);
    if (!got.ok) {
      return { ok: false, error: { type: "ValidationException", message: `1 validation error detected: Value null at '${param}' failed to satisfy constraint: Member must not be null`, reference: `${ref.text}: ${got.why}` } };
    }
    input = withValueAt(input, ref.at, got.value);
  }
  const parsed = operationSchemas[step.op]!.safeParse(input);
  if (parsed.success) return { ok: true, input: parsed.data };
  const issue = parsed.error.issues[0]!;
  const param = formatPath(issue.path as PathSegment[]);
  const ref = step.references!.find((r) => formatPath(r.at) === param || param.startsWith(`${formatPath(r.at)}.`) || param.startsWith(`${formatPath(r.at)}[`));
  const shown = JSON.stringify(valueAt(input, issue.path as PathSegment[])) ?? "null";
  return {
    ok: false,
    error: {
      type: "ValidationException",
      message: `1 validation error detected: Value ${shown.length > 200 ? `${shown.slice(0, 200)}…` : shown} at '${param}' failed to satisfy constraint: ${issue.message}`,
      ...(ref ? { reference: `${ref.text}: the value it stands for does not fit ${param}` } : {}),
    },
  };
}

function valueAt(value: unknown, path: PathSegment[]): unknown {
  let v = value;
  for (const seg of path) v = v !== null && typeof v === "object" ? (v as Record<string | number, unknown>)[seg] : undefined;
  return v;
}

/** Invoke's Payload is the response body: JSON text shows as a JSON value in the trace. */
function stepResponse(op: string, value: unknown): unknown {
  if (op === "Invoke" && value && typeof value === "object" && typeof (value as { Payload?: unknown }).Payload === "string") {
    const v = value as InvokeResponse & { Payload: string };
    const parsed = PARSED_PAYLOAD in v ? v[PARSED_PAYLOAD] : parseJson(v.Payload);
    const out: Record<string, unknown> = { StatusCode: v.StatusCode };
    if (v.ExecutedVersion !== undefined) out.ExecutedVersion = v.ExecutedVersion;
    if (v.FunctionError !== undefined) out.FunctionError = v.FunctionError;
    if (v.LogResult !== undefined) out.LogResult = v.LogResult;
    out.Payload = parsed;
    return out;
  }
  return value;
}

function stepError(e: AwsError): StepRecord["error"] {
  return e.reason ? { type: e.type, message: e.message, reason: e.reason } : { type: e.type, message: e.message };
}

function loop(sim: Simulation, until: number | undefined): void {
  const q = sim.clock.queue;
  let events = 0;
  for (;;) {
    if (sim.truncated) break;
    if (until === undefined && q.pendingForeground === 0) break;
    const ev = q.peek();
    if (!ev) break;
    if (until !== undefined && ev.at > until) break;
    if (ev.at > MAX_SCENARIO_MS) {
      sim.truncate("the scenario clock reached its 14-day cap");
      break;
    }
    q.next();
    sim.clock.now = ev.at;
    EventQueue.run(ev);
    if (++events > LIMITS.maxEvents) sim.truncate(`more than ${LIMITS.maxEvents} events`);
  }
  if (until !== undefined && !sim.truncated) sim.clock.now = until;
}

function finish(sim: Simulation, pending: { record: StepRecord; deferred: Deferred }[]): Trace {
  const trace = sim.recorder.trace;
  const end = sim.clock.now;
  for (const p of pending) if (!p.deferred.settled) p.record.pending = true;
  trace.endedAt = end;
  trace.queues = sim.sqs.snapshot();
  trace.topics = sim.sns.snapshot();
  trace.buses = sim.events.snapshot();
  trace.tables = sim.dynamodb.snapshot(end) as Record<string, unknown>;
  trace.streams = sim.kinesis.snapshot(end) as Record<string, unknown>;
  trace.functions = sim.lambda.snapshot();
  trace.eventSourceMappings = sim.esm.snapshot();
  if (sim.truncated) trace.truncated = sim.truncated;
  return trace;
}
