// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { fn, runYaml } from "@/lib/engine/testing/run-yaml";
import type { Trace } from "@/lib/labs/types";
import { Timeline } from "./Timeline";

beforeAll(() => {
  // jsdom has no layout: a fixed-size ResizeObserver and SVG boxes are enough here.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  (SVGElement.prototype as unknown as { getBBox: () => DOMRect }).getBBox ??= () => ({ x: 0, y: 0, width: 10, height: 10 }) as DOMRect;
  // A desktop-sized picture (jsdom measures every element as 0 px wide).
  Object.defineProperty(HTMLElement.prototype, "clientWidth", { configurable: true, get: () => 1000 });
});
afterEach(cleanup);

const trace = runYaml(`
steps:
  - CreateQueue: { QueueName: failed }
${fn("charge", `exports.handler = async () => { throw new Error("provider down"); };`)}  - PutFunctionEventInvokeConfig:
      FunctionName: charge
      MaximumRetryAttempts: 2
      DestinationConfig: { OnFailure: { Destination: "arn:aws:sqs:us-east-1:123456789012:failed" } }
  - at: 1s
    Invoke: { FunctionName: charge, InvocationType: Event, Payload: {} }
`) as Trace;

describe("Timeline", () => {
  it("lists in its legend only what this picture uses", () => {
    render(<Timeline trace={trace} title="Timeline of your run" />);
    const legend = screen.getByRole("list", { name: "Legend" });
    const items = within(legend).getAllByRole("listitem").map((li) => li.textContent?.trim());
    expect(items).toEqual(["function error", "Init (cold start)", "retry (same request id; +wait before it)", "◆ delivery (DLQ / destination)", "environment alive", "idle time cut out"]);
  });

  it("draws a focusable bar per attempt with a spoken description, and says what happened in words", () => {
    render(<Timeline trace={trace} title="Timeline of your run" />);
    const bars = screen.getAllByTestId("timeline-bar");
    expect(bars).toHaveLength(3);
    expect(bars.map((b) => b.getAttribute("tabindex"))).toEqual(["0", "0", "0"]);
    expect(bars[0]!.getAttribute("aria-label")).toBe("charge attempt 1, function error, at 1 s, 105 ms, Init 100 ms, env-1");
    expect(bars.map((b) => b.getAttribute("data-status"))).toEqual(["error", "error", "error"]);
    expect(screen.getByText(/3 invocations of charge in 1 execution environment: 3 errors\. 1 cold start\./)).toBeTruthy();
    expect(screen.getAllByTestId("timeline-delivery")).toHaveLength(1);
    // The idle minutes between retries are cut out and labelled.
    expect(screen.getByText("1 min")).toBeTruthy();
    expect(screen.getByText("2 min")).toBeTruthy();
  });

  it("shows a bar's details on focus and hides them on blur", () => {
    render(<Timeline trace={trace} title="Run" />);
    const second = screen.getAllByTestId("timeline-bar")[1]!;
    fireEvent.focus(second);
    const tip = screen.getByRole("tooltip");
    expect(within(tip).getByText("charge · attempt 2 · function error")).toBeTruthy();
    expect(within(tip).getByText(trace.invocations[1]!.requestId)).toBeTruthy();
    expect(within(tip).getByText("none (warm)")).toBeTruthy();
    expect(within(tip).getByText("Error: provider down")).toBeTruthy();
    fireEvent.blur(second);
    expect(screen.queryByRole("tooltip")).toBeNull();
  });

  it("zooms with + and − (keys and buttons) and resets with 0", () => {
    render(<Timeline trace={trace} title="Run" />);
    const plot = screen.getByRole("group", { name: /press \+ or − to zoom/ });
    const width = () => Number(screen.getAllByTestId("timeline-bar")[0]!.querySelector("rect")!.getAttribute("width"));
    const at1 = width();
    fireEvent.keyDown(plot, { key: "+" });
    expect(screen.getByText("×1.6")).toBeTruthy();
    expect(width()).toBeGreaterThan(at1 * 1.4);
    fireEvent.click(screen.getByRole("button", { name: "Zoom in" }));
    expect(screen.getByText("×2.6")).toBeTruthy();
    fireEvent.keyDown(plot, { key: "-" });
    expect(screen.getByText("×1.6")).toBeTruthy();
    fireEvent.keyDown(plot, { key: "0" });
    expect(screen.getByText("×1")).toBeTruthy();
    expect(width()).toBeCloseTo(at1, 6);
    expect((screen.getByRole("button", { name: "Zoom out" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("lists every invocation as text for screen readers", () => {
    render(<Timeline trace={trace} title="Run" />);
    const items = screen.getByText("Every invocation as text (3)").closest("details")!.querySelectorAll("li");
    expect(items).toHaveLength(3);
    expect(items[2]!.textContent).toMatch(/^3 min 1\.\d+ s: charge \(\$LATEST\) attempt 3 in env-1, async, error/);
  });
});
