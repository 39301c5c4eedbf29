/**
 * The handler sandbox: learners' Node.js handlers run in QuickJS (quickjs-emscripten, release
 * sync build), one context per execution environment. See README.md for what the guest can use,
 * the limits, and the threat model; contract.ts for the seam with the engine.
 */
export type {
  FunctionRuntime,
  InvokeContext,
  LogLevel,
  RuntimeConfig,
  RuntimeFactory,
  RuntimeHost,
  SdkCall,
  SdkReply,
  SdkSettled,
  TmpFs,
  Turn,
} from "./contract";
export { createQuickJsRuntimeFactory, QuickJsRuntimeFactory, type QuickJsFactoryOptions } from "./factory";
export { measureRawQuickjsCalls, measureSandboxedCalls } from "./raw-benchmark";
