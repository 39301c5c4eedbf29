// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, expect, it } from "vitest";
import { parseScenario } from "@/lib/engine";
import { describeSetup } from "./describe-setup";
import { SetupView } from "./SetupView";

afterEach(cleanup);

it("shows the function card, the flow arrows, the resources and the calls a learner needs", () => {
  const parsed = parseScenario(`
steps:
  - CreateQueue: { QueueName: jobs-dlq }
  - CreateQueue: { QueueName: jobs, Attributes: { VisibilityTimeout: 10, RedrivePolicy: '{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:123456789012:jobs-dlq","maxReceiveCount":"2"}' } }
  - CreateFunction: { FunctionName: worker, Timeout: 30, Environment: { Variables: { MODE: strict } }, Code: { ZipFile: "exports.handler = async () => { throw new Error('poison'); };" } }
  - PublishVersion: { FunctionName: worker }
  - CreateAlias: { FunctionName: worker, Name: live, FunctionVersion: "1" }
  - PutFunctionConcurrency: { FunctionName: worker, ReservedConcurrentExecutions: 5 }
  - CreateEventSourceMapping: { FunctionName: worker, EventSourceArn: "arn:aws:sqs:us-east-1:123456789012:jobs", BatchSize: 1 }
  - id: send
    at: 1s
    repeat: { times: 3, every: 100ms }
    SendMessage: { QueueName: jobs, MessageBody: '{"id": 13}' }
`);
  if (!parsed.ok) throw new Error("bad scenario");
  render(<SetupView setup={describeSetup(parsed.scenario)} />);

  const card = screen.getByRole("article", { name: "worker" });
  expect(within(card).getByText("30 s")).toBeTruthy();
  // In the environment list, and in version 1, which froze it.
  expect(within(card).getAllByText("MODE=strict")).toHaveLength(2);
  expect(within(card).getByText("5")).toBeTruthy();
  expect(within(card).getByText("live")).toBeTruthy();
  expect(within(card).getByRole("region", { name: "Handler code of worker" }).textContent).toContain("throw new Error('poison')");

  const flows = screen.getByRole("heading", { name: "How events flow" }).parentElement!;
  expect(flows.textContent).toContain("redrive");
  expect(flows.textContent).toContain("after 2 receives");
  expect(flows.textContent).toContain("event source mapping");
  expect(flows.textContent).toContain("batch size 1");

  const calls = screen.getByRole("table", { name: "The calls the scenario makes, in time order" });
  const rows = within(calls).getAllByRole("row");
  expect(rows).toHaveLength(2);
  expect(rows[1]!.textContent).toContain("×3 every 100 ms");
  expect(rows[1]!.textContent).toContain('{"id": 13}');
});
