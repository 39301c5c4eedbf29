import { EventQueue, type ScheduledEvent } from "./core/event-queue";
import { Prng } from "./core/prng";
import { isoTime } from "./core/time";
import type { Scenario, Settings } from "./scenario/types";
import type { RuntimeFactory } from "./sandbox/contract";
import type { LogRecord, TimelineEntry, Trace } from "./trace/types";

/** Safety caps so a hostile scenario cannot run forever or eat the worker's memory. */
export const LIMITS = {
  maxEvents: 3_000_000,
  maxInvocations: 500_000,
  maxLogLines: 2_000_000,
};

/**
 * The simulated account: virtual clock, event queue, seeded randomness and the trace being
 * written. Services (Lambda, SQS, SNS, …) hang off it; nothing in it reads the host clock.
 */
export class Clock {
  now = 0;
  readonly queue = new EventQueue();
  /** Runs `fn` at virtual time `at` (never in the past). */
  at(at: number, fn: () => void, background = false): ScheduledEvent {
    return this.queue.schedule(at < this.now ? this.now : at, fn, undefined, background);
  }
  after(delayMs: number, fn: () => void, background = false): ScheduledEvent {
    return this.queue.schedule(this.now + (delayMs > 0 ? delayMs : 0), fn, undefined, background);
  }
  /** `fn(arg)` at `at`, without allocating a closure (for per-invocation events). */
  call<A>(at: number, fn: (arg: A) => void, arg: A): ScheduledEvent {
    return this.queue.schedule(at < this.now ? this.now : at, fn, arg, false);
  }
  cancel(ev: ScheduledEvent | undefined): void {
    if (ev) this.queue.cancel(ev);
  }
}

export class Ids {
  private readonly rng: Prng;
  private envCounter = 0;
  constructor(seed: number) {
    this.rng = new Prng(seed, "ids");
  }
  uuid(): string {
    return this.rng.uuid();
  }
  hex(n: number): string {
    return this.rng.hex(n);
  }
  uint32(): number {
    return this.rng.uint32();
  }
  /** env-1, env-2, … in creation order (readable in the timeline). */
  environment(): string {
    return `env-${++this.envCounter}`;
  }
}

export class Recorder {
  readonly trace: Trace;
  private logCount = 0;
  constructor(scenario: Scenario, seed: number) {
    this.trace = {
      name: scenario.name ?? null,
      seed,
      region: scenario.region,
      accountId: scenario.accountId,
      endedAt: 0,
      steps: [],
      invocations: [],
      throttles: [],
      environments: [],
      queues: {},
      deliveries: [],
      asyncEvents: [],
      streams: {},
      topics: {},
      buses: {},
      tables: {},
      logs: [],
      functions: {},
      eventSourceMappings: [],
      timeline: [],
    };
  }
  timeline(at: number, kind: string, ref: string): void {
    const e: TimelineEntry = { at, kind, ref };
    this.trace.timeline.push(e);
  }
  log(at: number, fn: string, stream: string, line: string): void {
    if (this.logCount >= LIMITS.maxLogLines) return;
    this.logCount++;
    const r: LogRecord = { at, function: fn, stream, line };
    this.trace.logs.push(r);
  }
}

export interface WorldOptions {
  runtime: RuntimeFactory;
  seed: number;
}

export class WorldBase {
  readonly clock = new Clock();
  readonly ids: Ids;
  /** Weighted alias routing draws from its own stream, so unrelated ids never shift it. */
  readonly routingRng: Prng;
  readonly sandboxRng: Prng;
  readonly recorder: Recorder;
  readonly settings: Settings;
  readonly region: string;
  readonly accountId: string;
  readonly epochMs: number;
  readonly runtime: RuntimeFactory;

  constructor(readonly scenario: Scenario, opts: WorldOptions) {
    this.ids = new Ids(opts.seed);
    this.routingRng = new Prng(opts.seed, "routing");
    this.sandboxRng = new Prng(opts.seed, "sandbox");
    this.recorder = new Recorder(scenario, opts.seed);
    this.settings = scenario.settings;
    this.region = scenario.region;
    this.accountId = scenario.accountId;
    this.epochMs = Date.parse(scenario.settings.startTime);
    this.runtime = opts.runtime;
  }

  get now(): number {
    return this.clock.now;
  }

  iso(at = this.clock.now): string {
    return isoTime(this.epochMs, at);
  }
}
