/**
 * The hot path of an invocation, on quickjs-emscripten's raw FFI instead of its handle API.
 *
 * `context.callFunction` allocates an argument array in wasm memory (malloc + free), a Lifetime
 * per argument and per result, and a Scope; for a trivial handler that bookkeeping costs more than
 * QuickJS running the handler (measured with --cpu-prof: toPointerArray alone was 9% of a warm
 * invocation). Here the argument vector is allocated once per runtime, strings are encoded into a
 * reusable buffer, and results are read and freed directly.
 *
 * quickjs-emscripten documents getFFI() and these internals as @private/@unstable; the package
 * version is pinned, and the sandbox's tests exercise every function used here.
 */
import type { QuickJSContext, QuickJSHandle } from "quickjs-emscripten";
import type { LoadedQuickJs } from "./quickjs-module";

/** The raw functions used (signatures from @jitl/quickjs-ffi-types). Pointers are numbers. */
interface Ffi {
  QTS_PromiseState(context: number, promise: number): number;
  QTS_PromiseResult(context: number, promise: number): number;
  QTS_ExecutePendingJob(runtime: number, maxJobs: number, lastJobContext: number): number;
  QTS_Call(context: number, fn: number, thisValue: number, argc: number, argv: number): number;
  QTS_ResolveException(context: number, value: number): number;
  QTS_FreeValuePointer(context: number, value: number): void;
  QTS_NewFloat64(context: number, value: number): number;
  QTS_GetFloat64(context: number, value: number): number;
  QTS_NewString(context: number, utf8: number): number;
  QTS_GetString(context: number, value: number): number;
  QTS_FreeCString(context: number, text: number): void;
  QTS_Typeof(context: number, value: number): number;
  QTS_NewArrayBuffer(context: number, buffer: number, length: number): number;
}

interface EmscriptenModule {
  _malloc(bytes: number): number;
  _free(pointer: number): void;
  UTF8ToString(pointer: number): string;
}

const MAX_ARGS = 8;
const SCRATCH_LIMIT = 64 * 1024;
const encoder = new TextEncoder();

/** A number or string argument (converted for the call), or `{ value }`: a guest value pointer passed as is. */
export type RawArg = number | string | { value: number };

export class RawCalls {
  private readonly ffi: Ffi;
  private readonly emscripten: EmscriptenModule;
  private readonly memory: WebAssembly.Memory;
  private readonly context: number;
  private readonly runtime: number;
  private readonly undefinedValue: number;
  private readonly wrapError: (pointer: number) => QuickJSHandle;
  private readonly argv: number;
  private scratch = 0;
  private scratchBytes = 0;
  /** Views of the argument vector and the scratch buffer; a grown wasm memory detaches them (length 0). */
  private argvView: Int32Array;
  private scratchView: Uint8Array | undefined;
  private readonly values: number[] = [];
  /** The error of the last call that threw, as a handle the caller must dispose. */
  error: QuickJSHandle | undefined;

  constructor(quickjs: LoadedQuickJs, ctx: QuickJSContext) {
    const internals = ctx as unknown as {
      ctx: { value: number };
      rt: { value: number };
      memory: { heapValueHandle(pointer: number): QuickJSHandle };
    };
    this.ffi = quickjs.module.getFFI() as unknown as Ffi;
    this.emscripten = (quickjs.module as unknown as { module: EmscriptenModule }).module;
    this.memory = quickjs.memory;
    this.context = internals.ctx.value;
    this.runtime = internals.rt.value;
    this.undefinedValue = ctx.undefined.value as unknown as number;
    this.wrapError = (pointer) => internals.memory.heapValueHandle(pointer);
    this.argv = this.emscripten._malloc(MAX_ARGS * 4);
    this.argvView = new Int32Array(this.memory.buffer, this.argv, MAX_ARGS);
  }

  /** The argument vector's view, made again after the wasm memory grew. */
  private args(): Int32Array {
    if (this.argvView.length === 0) this.argvView = new Int32Array(this.memory.buffer, this.argv, MAX_ARGS);
    return this.argvView;
  }

  /**
   * Calls `fn(...args)` with `this` undefined. Returns the result's pointer (free it with `free`,
   * or read it with `number`/`string`, which free it), or 0 when the call threw: then `error`
   * holds the exception.
   */
  call(fn: QuickJSHandle, args: readonly RawArg[]): number {
    const { ffi, context } = this;
    const values = this.values;
    values.length = 0;
    const owned: boolean[] = [];
    for (const arg of args) {
      if (typeof arg === "object") {
        values.push(arg.value);
        owned.push(false);
      } else {
        values.push(typeof arg === "number" ? ffi.QTS_NewFloat64(context, arg) : this.newString(arg));
        owned.push(true);
      }
    }
    // The view is taken after the values: making a string may grow (and detach) the wasm memory.
    const heap = this.args();
    for (let i = 0; i < values.length; i++) heap[i] = values[i]!;
    const result = ffi.QTS_Call(context, fn.value as unknown as number, this.undefinedValue, values.length, this.argv);
    for (let i = 0; i < values.length; i++) if (owned[i]) ffi.QTS_FreeValuePointer(context, values[i]!);
    return this.checked(result);
  }

  /**
   * The hot path's shapes of `call`, without its argument array and ownership list: `fn()`,
   * `fn(text)` (the string made and freed here) and `fn(value)` (a guest value passed as is).
   */
  call0(fn: QuickJSHandle): number {
    return this.checked(this.ffi.QTS_Call(this.context, fn.value as unknown as number, this.undefinedValue, 0, this.argv));
  }

  callString(fn: QuickJSHandle, text: string): number {
    const { ffi, context } = this;
    const value = this.newString(text);
    this.args()[0] = value;
    const result = ffi.QTS_Call(context, fn.value as unknown as number, this.undefinedValue, 1, this.argv);
    ffi.QTS_FreeValuePointer(context, value);
    return this.checked(result);
  }

  callValue(fn: QuickJSHandle, value: number): number {
    this.args()[0] = value;
    return this.checked(this.ffi.QTS_Call(this.context, fn.value as unknown as number, this.undefinedValue, 1, this.argv));
  }

  private checked(result: number): number {
    const { ffi, context } = this;
    const exception = ffi.QTS_ResolveException(context, result);
    if (exception) {
      ffi.QTS_FreeValuePointer(context, result);
      this.error = this.wrapError(exception);
      return 0;
    }
    this.error = undefined;
    return result;
  }

  free(pointer: number): void {
    this.ffi.QTS_FreeValuePointer(this.context, pointer);
  }

  /** Reads a result as a number and frees it. */
  number(pointer: number): number {
    const value = this.ffi.QTS_GetFloat64(this.context, pointer);
    this.free(pointer);
    return value;
  }

  /** Reads a result as a string (undefined unless it is one) and frees it. */
  string(pointer: number): string | undefined {
    const { ffi, context, emscripten } = this;
    // QTS_Typeof returns a malloc'd copy (freed with free); QTS_GetString a QuickJS C string
    // (freed with QTS_FreeCString) — as quickjs-emscripten's typeof/getString do.
    const typeText = ffi.QTS_Typeof(context, pointer);
    const type = emscripten.UTF8ToString(typeText);
    emscripten._free(typeText);
    let text: string | undefined;
    if (type === "string") {
      const chars = ffi.QTS_GetString(context, pointer);
      text = emscripten.UTF8ToString(chars);
      ffi.QTS_FreeCString(context, chars);
    }
    this.free(pointer);
    return text;
  }

  /** Reads a result that is a string (any other value is converted) and frees it. */
  text(pointer: number): string {
    const { ffi, context, emscripten } = this;
    const chars = ffi.QTS_GetString(context, pointer);
    const text = emscripten.UTF8ToString(chars);
    ffi.QTS_FreeCString(context, chars);
    this.free(pointer);
    return text;
  }

  /**
   * Runs every pending promise job. Returns true, or false when a job's exception escaped: only
   * uncatchable errors (the interrupt handler's stop) and failures inside QuickJS's own job
   * machinery do — a job's ordinary exceptions become promise rejections. On false, `error`
   * holds the exception.
   */
  runJobs(): boolean {
    const { ffi, context } = this;
    this.args()[0] = 0;
    const result = ffi.QTS_ExecutePendingJob(this.runtime, -1, this.argv);
    // Success is the count of jobs run (a number); an escaped exception is an Error object.
    const count = ffi.QTS_GetFloat64(context, result);
    if (count >= 0) {
      ffi.QTS_FreeValuePointer(context, result);
      return true;
    }
    this.error = this.wrapError(result);
    return false;
  }

  /** 0 pending, 1 fulfilled, 2 rejected; negative when the value is not a promise. */
  promiseState(pointer: number): number {
    return this.ffi.QTS_PromiseState(this.context, pointer);
  }

  /** The value or reason of a settled promise, as a new pointer the caller frees. */
  promiseResult(pointer: number): number {
    return this.ffi.QTS_PromiseResult(this.context, pointer);
  }

  /**
   * A guest ArrayBuffer over `bytes` zeroed bytes of wasm memory the host allocates: QuickJS takes
   * them over (JS_NewArrayBuffer with `free` as the free function; quickjs-emscripten's
   * QTS_NewArrayBuffer does not copy), and frees them when the buffer is collected. While the
   * guest keeps the buffer, the host reads and writes the bytes at `pointer` without a call.
   */
  newSharedBuffer(bytes: number): { handle: QuickJSHandle; pointer: number } {
    const pointer = this.emscripten._malloc(bytes);
    new Uint8Array(this.memory.buffer, pointer, bytes).fill(0);
    const value = this.ffi.QTS_NewArrayBuffer(this.context, pointer, bytes);
    return { handle: this.wrapError(value), pointer };
  }

  /** Frees the argument vector and scratch buffer (the runtime is being freed). */
  dispose(): void {
    this.emscripten._free(this.argv);
    if (this.scratch) this.emscripten._free(this.scratch);
    this.scratch = 0;
  }

  /**
   * QTS_NewString copies a NUL-terminated UTF-8 string: encode it into a reused buffer (a
   * temporary one past 64 KB). Callers pass JSON text and ids, which never hold a raw NUL.
   */
  private newString(text: string): number {
    const needed = text.length * 3 + 1;
    let buffer = this.scratch;
    let bytes = this.scratchBytes;
    if (needed > bytes) {
      if (needed <= SCRATCH_LIMIT) {
        if (this.scratch) this.emscripten._free(this.scratch);
        this.scratch = buffer = this.emscripten._malloc(SCRATCH_LIMIT);
        this.scratchView = undefined;
        this.scratchBytes = bytes = SCRATCH_LIMIT;
      } else {
        buffer = this.emscripten._malloc(needed);
        bytes = needed;
      }
    }
    let target: Uint8Array;
    if (buffer === this.scratch) {
      // (a detached view has length 0)
      target = this.scratchView?.length === bytes ? this.scratchView : (this.scratchView = new Uint8Array(this.memory.buffer, buffer, bytes));
    } else {
      target = new Uint8Array(this.memory.buffer, buffer, bytes);
    }
    const { written } = encoder.encodeInto(text, target);
    target[written] = 0;
    const value = this.ffi.QTS_NewString(this.context, buffer);
    if (buffer !== this.scratch) this.emscripten._free(buffer);
    return value;
  }
}
