/**
 * TEST DOUBLE — not a sandbox. A `RuntimeFactory` that runs handler code in a Node `vm`
 * context, with the same cooperative contract as the QuickJS sandbox (virtual timers, /tmp,
 * process.env/exit, SDK stand-ins through host.sdk). The engine's own unit tests use it so they
 * do not depend on the sandbox's build; `vm` gives no isolation, so nothing outside tests may
 * import this file (production code uses `createQuickJsRuntimeFactory`).
 */
import vm from "node:vm";
import type { FunctionRuntime, InvokeContext, RuntimeConfig, RuntimeFactory, SdkSettled, Turn } from "../sandbox/contract";

export function createNodeVmRuntimeFactory(): RuntimeFactory & { created: number; disposed: number } {
  const factory = {
    tainted: false,
    created: 0,
    disposed: 0,
    create(config: RuntimeConfig): FunctionRuntime {
      factory.created++;
      return new VmRuntime(config, () => factory.disposed++);
    },
  };
  return factory;
}

class ExitSignal {
  constructor(readonly code: number) {}
}

interface Timer {
  id: number;
  at: number;
  seq: number;
  interval: number | null;
}

const PRELUDE = `
(() => {
  const hostSdk = __host.sdk;
  const tickets = new Map();
  globalThis.__settle = (ticket, ok, value) => {
    const t = tickets.get(ticket);
    tickets.delete(ticket);
    if (!t) return;
    if (ok) t.resolve(value); else { const e = new Error(value.message); e.name = value.name; t.reject(e); }
  };
  const clientModule = (client) => new Proxy({}, { get(_, name) {
    if (typeof name !== "string") return undefined;
    if (name.endsWith("Client")) return class { constructor() {} send(cmd) { return new Promise((resolve, reject) => {
      const r = hostSdk(client, cmd.__op, JSON.stringify(cmd.input ?? {}));
      if (r.kind === "ok") resolve(r.output === undefined ? {} : JSON.parse(r.output));
      else if (r.kind === "error") { const e = new Error(r.message); e.name = r.name; reject(e); }
      else tickets.set(r.ticket, { resolve: (v) => resolve(JSON.parse(v)), reject });
    }); } };
    if (name.endsWith("Command")) { const op = name.slice(0, -7); return class { constructor(input) { this.input = input; this.__op = op; } }; }
    return undefined;
  } });
  const modules = {
    fs: __host.fs,
    "@aws-sdk/client-sqs": clientModule("sqs"),
    "@aws-sdk/client-sns": clientModule("sns"),
    "@aws-sdk/client-dynamodb": clientModule("dynamodb"),
    "@aws-sdk/client-lambda": clientModule("lambda"),
    "@aws-sdk/client-kinesis": clientModule("kinesis"),
  };
  globalThis.require = (name) => {
    if (name in modules) return modules[name];
    const e = new Error("Cannot find module '" + name + "'"); e.code = "MODULE_NOT_FOUND"; throw e;
  };
  globalThis.__load = (code) => {
    const module = { exports: {} };
    new Function("exports", "require", "module", code)(module.exports, globalThis.require, module);
    return module.exports;
  };
  globalThis.__start = (handler, event, context) => {
    globalThis.__state = { done: false };
    const finish = (s) => { if (!globalThis.__state.done) globalThis.__state = s; };
    try {
      const r = handler(event, context, (err, value) => finish(err ? { done: true, ok: false, error: err } : { done: true, ok: true, value }));
      if (r && typeof r.then === "function") r.then((value) => finish({ done: true, ok: true, value }), (error) => finish({ done: true, ok: false, error }));
      else if (handler.length < 3) finish({ done: true, ok: true, value: r });
    } catch (error) { finish({ done: true, ok: false, error }); }
  };
})();
`;

class VmRuntime implements FunctionRuntime {
  private readonly context: vm.Context;
  private readonly timers = new Map<number, Timer>();
  private readonly callbacks = new Map<number, { fn: (...a: unknown[]) => void; args: unknown[] }>();
  private nextId = 1;
  private seq = 0;
  private handler: unknown;
  private disposed = false;

  constructor(
    private readonly config: RuntimeConfig,
    private readonly onDispose: () => void,
  ) {
    const host = config.host;
    const tmp = config.tmp;
    const format = (args: unknown[]) => args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" ");
    const addTimer = (fn: (...a: unknown[]) => void, ms: unknown, args: unknown[], repeat: boolean) => {
      const id = this.nextId++;
      const delay = Math.max(1, Number(ms) || 0);
      this.timers.set(id, { id, at: host.now() + delay, seq: this.seq++, interval: repeat ? delay : null });
      this.callbacks.set(id, { fn, args });
      return id;
    };
    const clear = (id: number) => {
      this.timers.delete(id);
      this.callbacks.delete(id);
    };
    let state = config.seed >>> 0 || 1;
    const random = () => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return (state >>> 0) / 4294967296;
    };
    const BaseDate = Date;
    class VirtualDate extends BaseDate {
      constructor(...args: unknown[]) {
        if (args.length === 0) super(host.epochMs + host.now());
        else super(...(args as [string]));
      }
      static override now() {
        return host.epochMs + host.now();
      }
    }
    const fs = {
      readFileSync: (path: string) => {
        const v = tmp.files.get(path);
        if (v === undefined) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: "ENOENT" });
        return v;
      },
      writeFileSync: (path: string, data: unknown) => {
        if (!path.startsWith("/tmp/")) throw Object.assign(new Error(`EROFS: read-only file system, open '${path}'`), { code: "EROFS" });
        tmp.files.set(path, String(data));
      },
      existsSync: (path: string) => tmp.files.has(path),
    };
    const sandbox: Record<string, unknown> = {
      console: {
        log: (...a: unknown[]) => host.log("INFO", format(a)),
        info: (...a: unknown[]) => host.log("INFO", format(a)),
        warn: (...a: unknown[]) => host.log("WARN", format(a)),
        error: (...a: unknown[]) => host.log("ERROR", format(a)),
        debug: (...a: unknown[]) => host.log("DEBUG", format(a)),
      },
      setTimeout: (fn: (...a: unknown[]) => void, ms: unknown, ...args: unknown[]) => addTimer(fn, ms, args, false),
      setInterval: (fn: (...a: unknown[]) => void, ms: unknown, ...args: unknown[]) => addTimer(fn, ms, args, true),
      setImmediate: (fn: (...a: unknown[]) => void, ...args: unknown[]) => addTimer(fn, 0, args, false),
      clearTimeout: clear,
      clearInterval: clear,
      process: {
        env: { ...config.environment },
        exit: (code?: number) => {
          throw new ExitSignal(code ?? 0);
        },
      },
      Buffer,
      atob,
      btoa,
      Date: VirtualDate,
      __host: {
        fs,
        sdk: (client: string, command: string, inputJson: string) => {
          const reply = host.sdk({ client: client as never, command, input: JSON.parse(inputJson) });
          if (reply.kind === "ok") return { kind: "ok", output: reply.output === undefined ? undefined : JSON.stringify(reply.output) };
          return reply;
        },
      },
    };
    this.context = vm.createContext(sandbox, { microtaskMode: "afterEvaluate" });
    vm.runInContext(PRELUDE, this.context);
    vm.runInContext("Math.random = __rand;", Object.assign(this.context, { __rand: random }));
  }

  init(): Turn {
    try {
      this.context.__code = this.config.code;
      const exports = vm.runInContext("__load(__code)", this.context) as Record<string, unknown>;
      const name = this.config.handler.split(".").pop() ?? "handler";
      this.handler = exports[name];
      if (typeof this.handler !== "function") {
        return { kind: "threw", errorType: "Runtime.HandlerNotFound", errorMessage: `${this.config.handler} is undefined or not exported`, trace: [] };
      }
      return { kind: "returned", payload: undefined };
    } catch (e) {
      return this.errorTurn(e);
    }
  }

  invoke(eventJson: string, context: InvokeContext): Turn {
    const host = this.config.host;
    const ctx = {
      ...context,
      getRemainingTimeInMillis: () => Math.max(0, context.deadline - host.now()),
      callbackWaitsForEmptyEventLoop: true,
    };
    this.context.__args = [this.handler, JSON.parse(eventJson), ctx];
    return this.step(() => vm.runInContext("__start(...__args)", this.context));
  }

  advance(): Turn {
    const now = this.config.host.now();
    return this.step(() => {
      for (;;) {
        const due = [...this.timers.values()].filter((t) => t.at <= now).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
        if (!due) break;
        const cb = this.callbacks.get(due.id)!;
        if (due.interval !== null) {
          due.at += due.interval;
          due.seq = this.seq++;
        } else {
          this.timers.delete(due.id);
          this.callbacks.delete(due.id);
        }
        this.context.__cb = cb;
        vm.runInContext("__cb.fn(...__cb.args)", this.context);
      }
    });
  }

  settle(ticket: number, result: SdkSettled): Turn {
    return this.step(() => {
      this.context.__settleArgs = result.kind === "ok" ? [ticket, true, JSON.stringify(result.output ?? {})] : [ticket, false, { name: result.name, message: result.message }];
      vm.runInContext("__settle(...__settleArgs)", this.context);
    });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.timers.clear();
    this.onDispose();
  }

  private step(run: () => void): Turn {
    try {
      run();
    } catch (e) {
      return this.errorTurn(e);
    }
    const state = this.context.__state as { done: boolean; ok?: boolean; value?: unknown; error?: unknown } | undefined;
    if (state?.done) {
      if (state.ok) return { kind: "returned", payload: state.value === undefined ? undefined : JSON.stringify(state.value) };
      return this.errorTurn(state.error);
    }
    let next: number | null = null;
    for (const t of this.timers.values()) if (next === null || t.at < next) next = t.at;
    return { kind: "waiting", nextTimerAt: next };
  }

  private errorTurn(e: unknown): Turn {
    if (e instanceof ExitSignal) {
      return { kind: "crashed", reason: "exit", errorType: "Runtime.ExitError", errorMessage: "exit", exitCode: e.code };
    }
    const err = e as { name?: unknown; message?: unknown; stack?: unknown } | null;
    const errorType = typeof err?.name === "string" ? err.name : "Error";
    const errorMessage = typeof err?.message === "string" ? err.message : String(e);
    const trace = typeof err?.stack === "string" ? err.stack.split("\n") : [];
    return { kind: "threw", errorType, errorMessage, trace };
  }
}
