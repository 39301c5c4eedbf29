/**
 * Loads one QuickJS wasm instance (release, sync build) with three host imports replaced:
 *
 * - the wall clock (`emscripten_date_now`) reads the *virtual* clock of the runtime currently
 *   executing, so `Date.now()` / `new Date()` inside QuickJS are deterministic;
 * - `localtime` and `tzset` answer in UTC whatever the host's TZ is. Lambda runs with TZ=:UTC
 *   (a reserved environment variable, docs: "Defined runtime environment variables"), and a
 *   learner's trace must not depend on the server's time zone.
 *
 * It also wraps the heap-growth import (`emscripten_resize_heap`): QuickJS's own memory limit
 * cannot see cumulative use in this build (its malloc_size counts 8 bytes per block because
 * malloc_usable_size is unavailable under emscripten; `dumpMemoryUsage()` shows "8.0 per block"),
 * so the sandbox charges every growth of the wasm heap to the runtime executing at that moment and
 * refuses growth past that runtime's allowance — malloc then fails and QuickJS throws "out of memory".
 *
 * It also finds the emscripten stack-pointer exports, so a host-level trap inside wasm (the
 * native stack overflowing during deep recursion in QuickJS's C code) can be recovered from
 * without leaving the shadow stack pointer deep inside dead frames.
 *
 * quickjs-emscripten minifies import/export names; they are pinned by the exact package version
 * (package.json). Each replaced import is recognised by what its glue code does and the stack
 * exports by how they behave, and loading fails loudly if the build changed.
 */
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { newQuickJSWASMModuleFromVariant, newVariant, RELEASE_SYNC, type QuickJSWASMModule } from "quickjs-emscripten";
import { FACTORY_WASM_MAX_BYTES } from "./limits";

/** What the loader hands back besides the QuickJS module. */
export interface LoadedQuickJs {
  module: QuickJSWASMModule;
  memory: WebAssembly.Memory;
  /** Current emscripten shadow stack pointer. */
  stackSave(): number;
  /** Resets the emscripten shadow stack pointer (after a trap unwound wasm frames). */
  stackRestore(pointer: number): void;
  /** Sets the clock that `Date.now()` inside QuickJS reads (epoch ms). */
  setClock(clock: () => number): void;
  /**
   * Sets who decides on the next growths of the wasm heap (see GrowthGuard).
   */
  setGrowthGuard(guard: GrowthGuard | undefined): void;
  /**
   * Where the wasm module's own output goes instead of the process's stdout/stderr: emscripten's
   * abort() prints "Aborted(Assertion failed: …)" there before it throws. The factory turns it
   * into a taint reason; the CLI's stdout carries only the trace.
   */
  setOutputSink(sink: (text: string) => void): void;
}

/**
 * Decides a growth of the wasm heap from `currentBytes` to at least `neededBytes` (64 KB pages):
 * returns the size to grow to (≥ neededBytes, more to save later grows), or 0 to refuse — then
 * the allocation fails.
 */
export type GrowthGuard = (currentBytes: number, neededBytes: number) => number;

/** How far the heap grows at a time when no runtime is charged (and at most, when one is). */
export const HEAP_GROWTH_CHUNK = 2 * 1024 * 1024;

const WASM_PAGE = 65536;

let compiled: Promise<WebAssembly.Module> | undefined;

/** Resolves a file of the release-sync variant from quickjs-emscripten's own dependencies. */
function variantFile(subpath: "wasm" | "emscripten-module"): string {
  const fromHere = createRequire(import.meta.url);
  const fromQuickJs = createRequire(fromHere.resolve("quickjs-emscripten"));
  return fromQuickJs.resolve(`@jitl/quickjs-wasmfile-release-sync/${subpath}`);
}

/** The wasm is compiled once per process (per worker thread) and instantiated per factory. */
function compileOnce(): Promise<WebAssembly.Module> {
  compiled ??= WebAssembly.compile(readFileSync(variantFile("wasm")));
  return compiled;
}

type ImportFn = (...args: number[]) => number | void;

function findImport(env: Record<string, unknown>, what: string, mustContain: string[]): string {
  const hits = Object.keys(env).filter((key) => {
    const value = env[key];
    if (typeof value !== "function") return false;
    const text = Function.prototype.toString.call(value);
    return mustContain.every((needle) => text.includes(needle));
  });
  if (hits.length !== 1) {
    throw new Error(
      `quickjs-emscripten's wasm imports changed: cannot find the ${what} import (${hits.length} candidates). ` +
        "Update lib/engine/sandbox/quickjs-module.ts for the installed quickjs-emscripten version.",
    );
  }
  return hits[0]!;
}

/** Writes `text` as NUL-terminated UTF-8 into wasm memory (short ASCII names only). */
function writeCString(memory: WebAssembly.Memory, pointer: number, text: string): void {
  const bytes = new Uint8Array(memory.buffer);
  for (let i = 0; i < text.length; i++) bytes[pointer + i] = text.charCodeAt(i);
  bytes[pointer + text.length] = 0;
}

export async function loadQuickJs(): Promise<LoadedQuickJs> {
  const wasmModule = await compileOnce();
  const maximumBytes = Math.floor(FACTORY_WASM_MAX_BYTES / WASM_PAGE) * WASM_PAGE;
  const memory = new WebAssembly.Memory({
    initial: 256, // 16 MB, the build's INITIAL_MEMORY
    maximum: maximumBytes / WASM_PAGE,
  });
  let clock: () => number = () => 0;
  let growthGuard: GrowthGuard | undefined;
  let outputSink: (text: string) => void = (text) => void process.stderr.write(`${text}\n`);
  let exportsRef: WebAssembly.Exports | undefined;

  const variant = newVariant(RELEASE_SYNC, {
    wasmMemory: memory,
    emscriptenModule: {
      // emscripten's standard Module.print/printErr (the glue reads them; the options type omits them)
      ...({ print: (text: string) => outputSink(text), printErr: (text: string) => outputSink(text) } as object),
      instantiateWasm(imports: WebAssembly.Imports, onSuccess: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void) {
        const env = imports.a as Record<string, unknown>;
        const dateNow = findImport(env, "wall clock (emscripten_date_now)", ["Date.now()"]);
        const localtime = findImport(env, "localtime", ["getTimezoneOffset", "getSeconds"]);
        const tzset = findImport(env, "tzset", ["getTimezoneOffset", "getFullYear", "UTC"]);
        const resizeHeap = findImport(env, "heap growth (emscripten_resize_heap)", ["grow(", "2147483648"]);
        const originalResize = env[resizeHeap] as (requested: number) => number | boolean;
        // emscripten grows the heap by ~20% at a time, uncharged. Here the growth guard of the
        // runtime executing decides how far to grow (it is charged for all of it, and a runtime
        // near its allowance gets no more than it asked); outside a turn (runtime creation)
        // growth goes in HEAP_GROWTH_CHUNK steps. Every grow replaces the memory's ArrayBuffer,
        // and V8 pays for that with a garbage collection: growing page by page made 2,000 cold
        // starts take 15 s instead of 1.5 s. Then the glue's own resize runs: it finds the memory
        // large enough, grows by 0 pages and refreshes its views of the (now detached) buffer.
        env[resizeHeap] = (requested: number) => {
          const wanted = requested >>> 0;
          const current = memory.buffer.byteLength;
          const needed = Math.ceil(wanted / WASM_PAGE) * WASM_PAGE;
          if (needed <= current) return 1; // already large enough (the glue would add 20% more)
          const allowed = growthGuard ? growthGuard(current, needed) : Math.max(needed, current + HEAP_GROWTH_CHUNK);
          if (allowed < needed) return 0;
          const target = Math.min(Math.ceil(allowed / WASM_PAGE) * WASM_PAGE, maximumBytes);
          if (target < needed) return 0; // past FACTORY_WASM_MAX_BYTES: malloc fails, QuickJS throws "out of memory"
          try {
            memory.grow((target - current) / WASM_PAGE);
          } catch {
            return 0;
          }
          // The glue's views now see a detached buffer (length 0): asked for exactly the new size,
          // its resize computes a growth of 0 pages, grows by nothing and refreshes them.
          return originalResize(memory.buffer.byteLength) ? 1 : 0;
        };
        env[dateNow] = () => clock();
        // struct tm: sec, min, hour, mday, mon, year-1900, wday, yday, isdst, gmtoff (int32 each).
        env[localtime] = ((time: number, tmPointer: number) => {
          const ms = Number(time) * 1000;
          const d = new Date(Number.isFinite(ms) ? ms : NaN);
          const heap = new Int32Array(memory.buffer);
          const i = tmPointer >> 2;
          const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
          heap[i] = d.getUTCSeconds();
          heap[i + 1] = d.getUTCMinutes();
          heap[i + 2] = d.getUTCHours();
          heap[i + 3] = d.getUTCDate();
          heap[i + 4] = d.getUTCMonth();
          heap[i + 5] = d.getUTCFullYear() - 1900;
          heap[i + 6] = d.getUTCDay();
          heap[i + 7] = Math.floor((d.getTime() - yearStart) / 86_400_000);
          heap[i + 8] = 0;
          heap[i + 9] = 0;
        }) as ImportFn;
        env[tzset] = ((timezonePointer: number, daylightPointer: number, stdName: number, dstName: number) => {
          const heap = new Int32Array(memory.buffer);
          heap[timezonePointer >> 2] = 0;
          heap[daylightPointer >> 2] = 0;
          writeCString(memory, stdName, "UTC");
          writeCString(memory, dstName, "UTC");
        }) as ImportFn;
        WebAssembly.instantiate(wasmModule, imports).then(
          (instance) => {
            exportsRef = instance.exports;
            onSuccess(instance, wasmModule);
          },
          (error: unknown) => {
            throw error;
          },
        );
        return {};
      },
    },
  });

  const module = await newQuickJSWASMModuleFromVariant(variant);
  if (!exportsRef) throw new Error("QuickJS wasm instance did not report its exports");
  const { stackSave, stackRestore } = findStackExports(exportsRef);
  return {
    module,
    memory,
    stackSave,
    stackRestore,
    setClock(next) {
      clock = next;
    },
    setGrowthGuard(next) {
      growthGuard = next;
    },
    setOutputSink(next) {
      outputSink = next;
    },
  };
}

/**
 * emscripten's ccall glue saves and restores the shadow stack around calls:
 * `0===h&&(h=<save>())` … `0!==h&&<restore>(h)`, with `<save>=b.<export>` assignments where the
 * instance exports are bound. Read those names from the glue that ships with the pinned build,
 * then check the pair behaves as a stack pointer getter/setter.
 */
function findStackExports(exports: WebAssembly.Exports): Pick<LoadedQuickJs, "stackSave" | "stackRestore"> {
  const fail = (why: string): never => {
    throw new Error(
      `quickjs-emscripten's wasm glue changed (${why}): cannot find the emscripten stack functions. ` +
        "Update lib/engine/sandbox/quickjs-module.ts for the installed quickjs-emscripten version.",
    );
  };
  const glue = readFileSync(variantFile("emscripten-module"), "utf8");
  const saveVar = /0===h&&\(h=([A-Za-z_$][\w$]*)\(\)\)/.exec(glue)?.[1] ?? fail("no stack save call");
  const restoreVar = /0!==h&&([A-Za-z_$][\w$]*)\(h\)/.exec(glue)?.[1] ?? fail("no stack restore call");
  const exportOf = (variable: string): string =>
    new RegExp(`[;,{]${variable.replace(/\$/g, "\\$")}=[A-Za-z_$][\\w$]*\\.([A-Za-z_$][\\w$]*)[;,}]`).exec(glue)?.[1] ??
    fail(`no export bound to ${variable}`);
  const get = exports[exportOf(saveVar)];
  const set = exports[exportOf(restoreVar)];
  if (typeof get !== "function" || typeof set !== "function") return fail("stack exports are not functions");
  const getter = get as () => number;
  const setter = set as (pointer: number) => void;
  const before = getter();
  if (typeof before !== "number" || before <= 0 || before % 16 !== 0) fail("stack pointer looks wrong");
  setter(before - 16);
  const moved = getter() === before - 16;
  setter(before);
  if (!moved || getter() !== before) fail("stack exports do not move the stack pointer");
  return { stackSave: () => getter(), stackRestore: (pointer) => void setter(pointer) };
}
