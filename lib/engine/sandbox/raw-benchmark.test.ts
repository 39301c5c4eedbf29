import { describe, expect, it } from "vitest";
import { measureRawQuickjsCalls, measureSandboxedCalls, rawQuickjsHandleApiLoop, rawQuickjsLoop, sandboxedLoop } from "./raw-benchmark";

// The benchmark helpers must run the handler for real; their speed is measured by npm run bench:engine.
describe("benchmark helpers", () => {
  const handler = "exports.handler = async (event) => ({ n: event.n + 1 });";

  it("call the same handler raw (FFI and handle API) and through the sandbox, checking its answer", async () => {
    expect(await measureRawQuickjsCalls(handler, 50)).toBeGreaterThan(0);
    expect(await measureSandboxedCalls(handler, 50)).toBeGreaterThan(0);
    const api = await rawQuickjsHandleApiLoop(handler);
    api.run(50);
    api.dispose();
  });

  it("refuse a handler that does not answer as expected", async () => {
    const throwing = "exports.handler = async () => { throw new Error('no'); };";
    await expect(rawQuickjsLoop(throwing)).rejects.toThrow(/did not fulfil/);
    await expect(rawQuickjsHandleApiLoop(throwing)).rejects.toThrow(/did not fulfil/);
    await expect(sandboxedLoop(throwing)).rejects.toThrow(/did not return/);
    const wrong = "exports.handler = async (event) => ({ n: event.n });";
    await expect(rawQuickjsLoop(wrong)).rejects.toThrow(/did not answer/);
    await expect(sandboxedLoop(wrong)).rejects.toThrow(/did not answer/);
  });
});
