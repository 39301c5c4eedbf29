import { describe, expect, it } from "vitest";
import { AnswerSync, type SyncStatus } from "./answer-sync";

/** A fake server: records bodies, answers with the scripted outcomes (then 200). */
function server(script: Array<number | "network"> = []) {
  const calls: Array<{ url: string; body: { selected: string[]; flagged: boolean } }> = [];
  const gates: Array<() => void> = [];
  let hold = false;
  const fakeFetch = (async (url: string, init: RequestInit): Promise<Response> => {
    const body = JSON.parse(String(init.body));
    calls.push({ url, body });
    if (hold) await new Promise<void>((r) => gates.push(r));
    const next = script.shift() ?? 200;
    if (next === "network") throw new TypeError("fetch failed");
    const ok = next === 200;
    return new Response(JSON.stringify(ok ? { ok: true, data: { questionId: url.split("/").pop(), ...body } } : { ok: false, error: next === 409 ? "Time is up" : "nope" }), { status: next });
  }) as unknown as typeof globalThis.fetch;
  return {
    fetch: fakeFetch,
    calls,
    hold: () => (hold = true),
    release: () => {
      hold = false;
      gates.splice(0).forEach((g) => g());
    },
  };
}

const make = (s: ReturnType<typeof server>, extra: Partial<ConstructorParameters<typeof AnswerSync>[0]> = {}) => {
  const statuses: SyncStatus[] = [];
  const refused: string[] = [];
  const sync = new AnswerSync({ attemptId: "a1", fetch: s.fetch, retryDelay: () => 0, sleep: async () => {}, onStatus: (st) => statuses.push(st), onRefused: (m) => refused.push(m), ...extra });
  return { sync, statuses, refused };
};

describe("AnswerSync", () => {
  it("sends the whole answer to the question's URL and reports saved", async () => {
    const s = server();
    const { sync, statuses } = make(s);
    sync.set("q1", { selected: ["x"], flagged: false });
    await sync.flush();
    expect(s.calls).toEqual([{ url: "/api/quizzes/attempts/a1/answers/q1", body: { selected: ["x"], flagged: false } }]);
    expect(statuses.at(-1)).toBe("saved");
    expect(sync.pending).toBe(0);
  });

  it("keeps one request in flight per question and sends only the latest state after it", async () => {
    const s = server();
    const { sync } = make(s);
    s.hold();
    sync.set("q1", { selected: ["a"], flagged: false });
    sync.set("q1", { selected: ["b"], flagged: false });
    sync.set("q1", { selected: ["c"], flagged: true });
    sync.set("q2", { selected: ["z"], flagged: false });
    await Promise.resolve();
    expect(s.calls.map((c) => c.body.selected[0])).toEqual(["a", "z"]);
    s.release();
    await sync.flush();
    expect(s.calls.map((c) => [c.url.split("/").pop(), c.body])).toEqual([
      ["q1", { selected: ["a"], flagged: false }],
      ["q2", { selected: ["z"], flagged: false }],
      ["q1", { selected: ["c"], flagged: true }],
    ]);
  });

  it("retries network failures, 5xx and 429 until stored, showing 'retrying' meanwhile", async () => {
    const s = server(["network", 503, 429]);
    const { sync, statuses } = make(s);
    sync.set("q1", { selected: ["a"], flagged: false });
    await sync.flush();
    expect(s.calls).toHaveLength(4);
    expect(statuses).toContain("retrying");
    expect(statuses.at(-1)).toBe("saved");
  });

  it("stops at a refusal (409 after the deadline), reports it, and ignores later changes", async () => {
    const s = server([409]);
    const { sync, refused, statuses } = make(s);
    sync.set("q1", { selected: ["a"], flagged: false });
    await sync.flush();
    sync.set("q2", { selected: ["b"], flagged: false });
    await sync.flush();
    expect(refused).toEqual(["Time is up"]);
    expect(s.calls).toHaveLength(1);
    expect(statuses.at(-1)).toBe("refused");
  });

  it("does not resend an answer that is already stored", async () => {
    const s = server();
    const { sync } = make(s);
    sync.set("q1", { selected: ["a"], flagged: false });
    await sync.flush();
    sync.set("q1", { selected: ["a"], flagged: false });
    await sync.flush();
    expect(s.calls).toHaveLength(1);
  });
});
