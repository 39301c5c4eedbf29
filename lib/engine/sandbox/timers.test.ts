import { beforeAll, describe, expect, it } from "vitest";
import type { RuntimeFactory } from "./contract";
import { createQuickJsRuntimeFactory } from "./factory";
import { payloadOf, started } from "./test-driver";

let factory: RuntimeFactory;
beforeAll(async () => {
  factory = await createQuickJsRuntimeFactory();
});

const logLine = `const log = (m) => console.log(Date.now() - ${Date.UTC(2025, 0, 1)} + " " + m);`;

describe("timers on virtual time", () => {
  it("fires timers in (due time, creation) order and advances virtual time only", () => {
    const d = started(
      factory,
      `${logLine}
       exports.handler = async () => {
         setTimeout(() => log("b 200"), 200);
         setTimeout(() => log("a 100"), 100);
         setTimeout(() => log("c 200"), 200);
         setTimeout(() => log("d 0 -> 1"), 0);
         await new Promise((r) => setTimeout(r, 300));
         return "done";
       };`,
    );
    const { turn, endedAt } = d.invoke();
    expect(payloadOf(turn)).toBe("done");
    expect(endedAt).toBe(300);
    expect(d.lines()).toEqual(["1 d 0 -> 1", "100 a 100", "200 b 200", "200 c 200"]);
  });

  it("tells the engine when the next timer is due", () => {
    const d = started(factory, `exports.handler = async () => { await new Promise((r) => setTimeout(r, 1234)); return 1; };`);
    const { turns } = d.invoke();
    expect(turns[0]).toEqual({ kind: "waiting", nextTimerAt: 1234 });
    expect(turns[1]).toEqual({ kind: "returned", payload: "1" });
  });

  it("drains microtasks between timer callbacks, as Node does", () => {
    const d = started(
      factory,
      `exports.handler = async () => {
         setTimeout(() => { console.log("t1"); Promise.resolve().then(() => console.log("micro after t1")); }, 5);
         setTimeout(() => console.log("t2"), 5);
         await new Promise((r) => setTimeout(r, 10));
       };`,
    );
    d.invoke();
    expect(d.lines()).toEqual(["t1", "micro after t1", "t2"]);
  });

  it("runs setImmediate before timers and after microtasks", () => {
    const d = started(
      factory,
      `exports.handler = async () => {
         setTimeout(() => console.log("timeout 0"), 0);
         setImmediate(() => { console.log("immediate 1"); setImmediate(() => console.log("immediate 3 (next loop)")); });
         setImmediate(() => console.log("immediate 2"));
         process.nextTick(() => console.log("nextTick"));
         Promise.resolve().then(() => console.log("microtask"));
         await new Promise((r) => setTimeout(r, 5));
       };`,
    );
    d.invoke();
    expect(d.lines()).toEqual(["nextTick", "microtask", "immediate 1", "immediate 2", "immediate 3 (next loop)", "timeout 0"]);
  });

  it("repeats intervals until cleared and honours clearTimeout by object or id", () => {
    const d = started(
      factory,
      `${logLine}
       exports.handler = async () => {
         let n = 0;
         const every = setInterval(() => { log("tick " + ++n); if (n === 3) clearInterval(every); }, 100);
         const cancelled = setTimeout(() => log("cancelled"), 150);
         clearTimeout(cancelled);
         const byId = setTimeout(() => log("cancelled by id"), 160);
         clearTimeout(+byId);
         await new Promise((r) => setTimeout(r, 1000));
       };`,
    );
    d.invoke();
    expect(d.lines()).toEqual(["100 tick 1", "200 tick 2", "300 tick 3"]);
  });

  it("refresh() re-arms a timeout from the current time", () => {
    const d = started(
      factory,
      `${logLine}
       exports.handler = async () => {
         const t = setTimeout(() => log("fired"), 100);
         setTimeout(() => t.refresh(), 60);
         await new Promise((r) => setTimeout(r, 500));
       };`,
    );
    d.invoke();
    expect(d.lines()).toEqual(["160 fired"]);
  });

  it("does not keep a callback-style invocation waiting for unref'd timers", () => {
    const d = started(
      factory,
      `exports.handler = (e, context, cb) => { setTimeout(() => console.log("unref fired"), 1000).unref(); cb(null, "answered"); };`,
    );
    const { turn, endedAt } = d.invoke();
    expect(payloadOf(turn)).toBe("answered");
    expect(endedAt).toBe(0);
  });

  it("offers timers/promises", () => {
    const d = started(
      factory,
      `const { setTimeout: sleep, setImmediate: yieldNow } = require("timers/promises");
       exports.handler = async () => { const v = await sleep(250, "value"); await yieldNow(); return v; };`,
    );
    const { turn, endedAt } = d.invoke();
    expect(payloadOf(turn)).toBe("value");
    expect(endedAt).toBe(250);
  });

  it("rejects a callback that is not a function like Node", () => {
    const d = started(factory, `exports.handler = async () => { try { setTimeout("code", 1); } catch (e) { return e.code + " " + e.name; } };`);
    expect(payloadOf(d.invoke().turn)).toBe("ERR_INVALID_ARG_TYPE TypeError");
  });
});
