/**
 * For the sandbox's own tests: plays the engine's part around one FunctionRuntime — a virtual
 * clock, a recording host, scripted SDK answers — and drives an invocation turn by turn until it
 * ends (advancing the clock to each timer the guest waits for, settling parked SDK calls in order).
 * Not used by production code.
 */
import type { FunctionRuntime, LogLevel, RuntimeConfig, RuntimeFactory, SdkCall, SdkReply, SdkSettled, TmpFs, Turn } from "./contract";

export interface DriverOptions {
  handler?: string;
  environment?: Record<string, string>;
  timeoutMs?: number;
  memoryLimitMb?: number;
  seed?: number;
  tmp?: TmpFs;
  epochMs?: number;
  /** Answers SDK calls; `pending` answers are settled with `settleWith` when the guest waits. */
  sdk?: (call: SdkCall) => SdkReply;
  settleWith?: (ticket: number) => SdkSettled;
}

export interface DrivenResult {
  /** The turn that ended the invocation, or the last `waiting` when nothing more could happen. */
  turn: Turn;
  /** Every turn in order. */
  turns: Turn[];
  /** Virtual time when the invocation ended. */
  endedAt: number;
}

export class SandboxDriver {
  now = 0;
  readonly logs: { at: number; level: LogLevel; line: string }[] = [];
  readonly sdkCalls: SdkCall[] = [];
  readonly tmp: TmpFs;
  readonly config: RuntimeConfig;
  runtime: FunctionRuntime;
  private readonly pending: number[] = [];
  private nextTicket = 1;
  private requests = 0;

  constructor(
    private readonly factory: RuntimeFactory,
    code: string,
    private readonly options: DriverOptions = {},
  ) {
    this.tmp = options.tmp ?? { files: new Map() };
    this.config = {
      functionName: "fn",
      functionVersion: "$LATEST",
      code,
      handler: options.handler ?? "index.handler",
      environment: options.environment ?? { AWS_REGION: "us-east-1" },
      memoryLimitMb: options.memoryLimitMb ?? 128,
      timeoutMs: options.timeoutMs ?? 3000,
      seed: options.seed ?? 1,
      tmp: this.tmp,
      host: {
        now: () => this.now,
        epochMs: options.epochMs ?? Date.UTC(2025, 0, 1),
        log: (level, line) => {
          this.logs.push({ at: this.now, level, line });
        },
        sdk: (call) => {
          this.sdkCalls.push(call);
          const reply = options.sdk ? options.sdk(call) : ({ kind: "ok", output: {} } as const);
          if (reply.kind === "pending") this.pending.push(reply.ticket);
          return reply;
        },
      },
    };
    this.runtime = factory.create(this.config);
  }

  /** A ticket number for an SDK answer that comes later. */
  ticket(): number {
    return this.nextTicket++;
  }

  init(): Turn {
    return this.runtime.init();
  }

  /** Invokes and drives the invocation until it ends or can make no more progress. */
  invoke(event: unknown = {}, requestId?: string): DrivenResult {
    this.requests++;
    const id = requestId ?? `req-${this.requests}`;
    const deadline = this.now + this.config.timeoutMs;
    const turns: Turn[] = [];
    let turn = this.runtime.invoke(JSON.stringify(event), {
      awsRequestId: id,
      functionName: this.config.functionName,
      functionVersion: this.config.functionVersion,
      invokedFunctionArn: `arn:aws:lambda:us-east-1:123456789012:function:${this.config.functionName}`,
      memoryLimitInMB: String(this.config.memoryLimitMb),
      logGroupName: `/aws/lambda/${this.config.functionName}`,
      logStreamName: "2025/01/01/[$LATEST]0123456789abcdef",
      deadline,
    });
    turns.push(turn);
    for (let guard = 0; guard < 100_000 && turn.kind === "waiting"; guard++) {
      if (this.pending.length > 0) {
        const ticket = this.pending.shift()!;
        const result = this.options.settleWith ? this.options.settleWith(ticket) : ({ kind: "ok", output: {} } as const);
        turn = this.runtime.settle(ticket, result);
      } else if (turn.nextTimerAt !== null && turn.nextTimerAt < deadline) {
        this.now = Math.max(this.now, turn.nextTimerAt);
        turn = this.runtime.advance();
      } else {
        break;
      }
      turns.push(turn);
    }
    return { turn, turns, endedAt: this.now };
  }

  /** Lines the guest printed, text only. */
  lines(level?: LogLevel): string[] {
    return this.logs.filter((entry) => level === undefined || entry.level === level).map((entry) => entry.line);
  }

  /** A new runtime on the same /tmp, as the engine does after a reset. */
  reset(): void {
    this.runtime.dispose();
    this.runtime = this.factory.create(this.config);
  }
}

/** Creates a driver, runs Init, and fails loudly if Init did not succeed. */
export function started(factory: RuntimeFactory, code: string, options?: DriverOptions): SandboxDriver {
  const driver = new SandboxDriver(factory, code, options);
  const turn = driver.init();
  if (turn.kind !== "returned") throw new Error(`Init failed: ${JSON.stringify(turn)}`);
  return driver;
}

/** The payload of a returned turn, parsed; fails if the turn is anything else. */
export function payloadOf(turn: Turn): unknown {
  if (turn.kind !== "returned") throw new Error(`expected returned, got ${JSON.stringify(turn)}`);
  return turn.payload === undefined ? undefined : JSON.parse(turn.payload);
}
