// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, expect, it } from "vitest";
import { fn, runYaml } from "@/lib/engine/testing/run-yaml";
import type { Trace } from "@/lib/labs/types";
import { TraceExplorer } from "./TraceExplorer";

afterEach(cleanup);

const trace = runYaml(`
steps:
  - CreateQueue: { QueueName: failed }
${fn("charge", `exports.handler = async (e) => { console.log("charging", e.orderId); throw new Error("provider down"); };`)}  - PutFunctionEventInvokeConfig:
      FunctionName: charge
      MaximumRetryAttempts: 0
      DestinationConfig: { OnFailure: { Destination: "arn:aws:sqs:us-east-1:123456789012:failed" } }
  - id: send
    at: 1s
    Invoke: { FunctionName: charge, InvocationType: Event, Payload: { orderId: 7 } }
`) as Trace;

it("walks the run tab by tab: steps, invocations with their own logs, the queue's final contents, deliveries, logs", () => {
  render(<TraceExplorer trace={trace} />);
  const tabs = screen.getAllByRole("tab");
  expect(tabs.map((t) => t.textContent)).toEqual(["Steps4", "Invocations1", "Queues1", "Deliveries1", "Tables0", "More", "Logs6"]);
  expect(screen.getByRole("tabpanel").textContent).toContain("202");

  // Arrow keys move between tabs (the WAI-ARIA tabs pattern).
  fireEvent.keyDown(tabs[0]!, { key: "ArrowRight" });
  expect(screen.getByRole("tab", { name: /Invocations/ }).getAttribute("aria-selected")).toBe("true");
  const panel = screen.getByRole("tabpanel");
  expect(panel.textContent).toContain("attempt 1");
  expect(panel.textContent).toContain("Logs for this invocation");
  expect(panel.textContent).toMatch(/INFO\tcharging 7/);

  fireEvent.click(screen.getByRole("tab", { name: /Queues/ }));
  const queue = screen.getByRole("region", { name: "Queue failed" });
  expect(queue.textContent).toContain("1 sent");
  expect(queue.textContent).toContain("1 left at the end");
  expect(queue.textContent).toContain("RetriesExhausted");

  fireEvent.click(screen.getByRole("tab", { name: /Deliveries/ }));
  expect(screen.getByRole("tabpanel").textContent).toMatch(/on-failure.*failed.*RetriesExhausted/);

  fireEvent.click(screen.getByRole("tab", { name: /Logs/ }));
  const logs = screen.getByRole("region", { name: "CloudWatch log lines" });
  expect(within(logs).getAllByRole("row")).toHaveLength(6);
  fireEvent.change(screen.getByRole("searchbox"), { target: { value: "report" } });
  expect(within(logs).getAllByRole("row")).toHaveLength(1);
  expect(screen.getByText("1 of 6 lines")).toBeTruthy();
});
