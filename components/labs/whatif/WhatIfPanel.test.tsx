// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeAll, expect, it, vi } from "vitest";
import { fn, runYaml } from "@/lib/engine/testing/run-yaml";
import type { LearnerQuestion, QuestionResult, Trace, WhatIfKnob } from "@/lib/labs/types";
import type { WhatIfAction, WhatIfKnobsAction } from "../player-actions";
import { WhatIfPanel } from "./WhatIfPanel";

beforeAll(() => {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});
afterEach(cleanup);

const run = (retries: number) =>
  runYaml(`
steps:
${fn("charge", `exports.handler = async () => { throw new Error("down"); };`)}  - PutFunctionEventInvokeConfig: { FunctionName: charge, MaximumRetryAttempts: ${retries} }
  - at: 1s
    Invoke: { FunctionName: charge, InvocationType: Event, Payload: {} }
`) as Trace;

const KNOBS: WhatIfKnob[] = [
  { key: "s2:MaximumRetryAttempts", label: "Async retry attempts — PutFunctionEventInvokeConfig (s2)", step: "s2", op: "PutFunctionEventInvokeConfig", field: "MaximumRetryAttempts", current: 2, kind: "integer", min: 0, max: 2 },
  { key: "s1:Timeout", label: "Timeout (s) — CreateFunction (s1)", step: "s1", op: "CreateFunction", field: "Timeout", current: null, kind: "integer", min: 1, max: 900 },
];
const QUESTIONS: LearnerQuestion[] = [{ id: "attempts", type: "number", prompt: "How many?", hints: [], points: 1, creditRule: "" }];
const GRADED: QuestionResult[] = [{ id: "attempts", type: "number", prediction: 3, truth: 3, correct: true, credit: 1, points: 1, maxPoints: 1, explanation: "" }];

it("sends only the knobs that changed, then compares the runs and the answers", async () => {
  const knobsAction = vi.fn<WhatIfKnobsAction>(async () => ({ ok: true, data: KNOBS }));
  const runAction = vi.fn<WhatIfAction>(async ({ changes }) => ({ ok: true, data: { changes, variant: { index: 0, count: 1, params: {} }, trace: run(0), truths: [{ id: "attempts", value: 1 }] } }));
  render(<WhatIfPanel slug="lab" trace={run(2)} questions={QUESTIONS} graded={GRADED} knobsAction={knobsAction} runAction={runAction} />);
  const retries = await screen.findByLabelText(/Async retry attempts/);
  expect(screen.getByText("Nothing changed yet · ungraded, not saved")).toBeTruthy();
  fireEvent.change(retries, { target: { value: "0" } });
  expect(screen.getByText("1 changed · ungraded, not saved")).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "Rerun with these changes" }));
  await waitFor(() => expect(runAction).toHaveBeenCalledWith({ slug: "lab", changes: [{ step: "s2", field: "MaximumRetryAttempts", value: 0 }] }));
  const diff = await screen.findByTestId("what-if-diff");
  const row = Array.from(diff.querySelectorAll("tr")).find((r) => r.textContent?.startsWith("Invocations"))!;
  expect(Array.from(row.querySelectorAll("td")).map((c) => c.textContent)).toEqual(["3", "1 (-2)"]);
  expect(screen.getByRole("heading", { name: "What changed: Async retry attempts 2 → 0" })).toBeTruthy();
  expect(screen.getByText("3 →").parentElement!.textContent).toBe("Q1 3 → 1");
  expect(screen.getAllByTestId("timeline-svg")).toHaveLength(2);
});

it("refuses a value out of range beside its knob without calling the server, and shows the server's refusals there too", async () => {
  const runAction = vi.fn<WhatIfAction>(async () => ({ ok: false, code: "invalid", error: "These changes cannot be applied.", fieldErrors: { "changes[0]": ["Timeout must be between 1 and 900"] } }));
  render(<WhatIfPanel slug="lab" trace={run(2)} questions={QUESTIONS} graded={GRADED} knobsAction={async () => ({ ok: true, data: KNOBS })} runAction={runAction} />);
  const timeout = await screen.findByLabelText(/Timeout \(s\)/);
  fireEvent.change(timeout, { target: { value: "5000" } });
  fireEvent.click(screen.getByRole("button", { name: "Rerun with these changes" }));
  expect(await screen.findByText("Expected from 1 to 900.")).toBeTruthy();
  expect(runAction).not.toHaveBeenCalled();
  fireEvent.change(timeout, { target: { value: "60" } });
  fireEvent.click(screen.getByRole("button", { name: "Rerun with these changes" }));
  expect(await screen.findByText("Timeout must be between 1 and 900")).toBeTruthy();
  expect(screen.getByText("These changes cannot be applied.")).toBeTruthy();
});
