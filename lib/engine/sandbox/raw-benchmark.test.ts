import { describe, expect, it } from "vitest";
import { measureRawQuickjsCalls, measureSandboxedCalls } from "./raw-benchmark";

// The benchmark helpers must run the handler for real; their speed is measured by npm run bench:engine.
describe("benchmark helpers", () => {
  const handler = "exports.handler = async (event) => ({ n: event.n + 1 });";

  it("call the same handler raw and through the sandbox", async () => {
    expect(await measureRawQuickjsCalls(handler, 50)).toBeGreaterThan(0);
    expect(await measureSandboxedCalls(handler, 50)).toBeGreaterThan(0);
  });

  it("refuse a handler that does not answer", async () => {
    await expect(measureRawQuickjsCalls("exports.handler = async () => { throw new Error('no'); };", 5)).rejects.toThrow(/did not fulfil/);
    await expect(measureSandboxedCalls("exports.handler = async () => { throw new Error('no'); };", 5)).rejects.toThrow(/did not return/);
  });
});
