import { describe, expect, it } from "vitest";
import { Prng } from "./prng";
import { EventQueue } from "./event-queue";

function drain(q: EventQueue): number[] {
  const out: number[] = [];
  for (let ev = q.next(); ev; ev = q.next()) EventQueue.run(ev);
  void out;
  return out;
}

describe("EventQueue", () => {
  it("runs events by time, and in scheduling order at the same time", () => {
    const q = new EventQueue();
    const ran: string[] = [];
    q.schedule(20, () => ran.push("c"));
    q.schedule(10, () => ran.push("a"));
    q.schedule(10, () => ran.push("b"));
    q.schedule(5, () => ran.push("first"));
    drain(q);
    expect(ran).toEqual(["first", "a", "b", "c"]);
  });

  it("orders thousands of random events like a stable sort", () => {
    const q = new EventQueue();
    const rng = new Prng(11);
    const items = Array.from({ length: 5000 }, (_, i) => ({ at: rng.uint32() % 100, i }));
    const ran: number[] = [];
    for (const it of items) q.schedule(it.at, (i: number) => ran.push(i), it.i);
    drain(q);
    const expected = [...items].sort((a, b) => a.at - b.at || a.i - b.i).map((x) => x.i);
    expect(ran).toEqual(expected);
  });

  it("skips cancelled events and counts only live foreground ones", () => {
    const q = new EventQueue();
    const ran: string[] = [];
    const a = q.schedule(1, () => ran.push("a"));
    q.schedule(2, () => ran.push("b"));
    q.schedule(3, () => ran.push("bg"), undefined, true);
    expect(q.pendingForeground).toBe(2);
    q.cancel(a);
    q.cancel(a);
    expect(q.pendingForeground).toBe(1);
    drain(q);
    expect(ran).toEqual(["b", "bg"]);
    expect(q.pendingForeground).toBe(0);
  });

  it("runs ranked events (scenario steps) before ordinary ones at the same instant, in rank order", () => {
    const q = new EventQueue();
    const ran: string[] = [];
    q.schedule(10, () => ran.push("ordinary"));
    q.scheduleRanked(10, Number.MIN_SAFE_INTEGER + 1, (x: string) => ran.push(x), "step 2");
    q.scheduleRanked(10, Number.MIN_SAFE_INTEGER, (x: string) => ran.push(x), "step 1");
    q.scheduleRanked(5, Number.MIN_SAFE_INTEGER + 2, (x: string) => ran.push(x), "earlier step");
    drain(q);
    expect(ran).toEqual(["earlier step", "step 1", "step 2", "ordinary"]);
  });
});
