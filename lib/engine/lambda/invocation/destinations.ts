import { parseArn } from "../../aws/arn";
import type { Simulation } from "../../simulation";
import type { DeliveryKind, DeliveryRecord } from "../../trace/types";
import type { LambdaFunction } from "../model";

/** `RecursiveInvocationException` is the engine's name for an event stopped by recursive loop detection [unverified: AWS's record for it is not published]. */
export type AsyncCondition = "Success" | "RetriesExhausted" | "EventAgeExceeded" | "ZeroReservedConcurrency" | "RecursiveInvocationException";

/** The last attempt's result, when there was one (none for ZeroReservedConcurrency). */
export interface LastResponse {
  executedVersion: string;
  functionError: boolean;
  payload: unknown;
}

/**
 * The asynchronous invocation record (§2.3, recorded by LocalStack snapshots against AWS):
 * `version`, `timestamp`, `requestContext` {requestId, functionArn (qualified with the executed
 * version), condition, approximateInvokeCount}, `requestPayload`, and — unless the event never
 * ran (ZeroReservedConcurrency) — `responseContext` {statusCode 200, executedVersion,
 * functionError on failure} and `responsePayload`.
 */
export function invocationRecord(
  sim: Simulation,
  fn: LambdaFunction,
  requestId: string,
  executedVersion: string,
  condition: AsyncCondition,
  approximateInvokeCount: number,
  requestPayload: unknown,
  last: LastResponse | undefined,
): Record<string, unknown> {
  const record: Record<string, unknown> = {
    version: "1.0",
    timestamp: sim.iso(),
    requestContext: {
      requestId,
      functionArn: sim.lambda.store.arn(fn.name, executedVersion),
      condition,
      approximateInvokeCount,
    },
    requestPayload,
  };
  if (last) {
    const responseContext: Record<string, unknown> = { statusCode: 200, executedVersion: last.executedVersion };
    if (last.functionError) responseContext.functionError = "Unhandled";
    record.responseContext = responseContext;
    record.responsePayload = last.payload;
  }
  return record;
}

/** Which permission the function's role needs to deliver to a target (§2.2, §3.2). */
function requiredAction(service: string): string | undefined {
  switch (service) {
    case "sqs": return "sqs:SendMessage";
    case "sns": return "sns:Publish";
    case "lambda": return "lambda:InvokeFunction";
    case "events": return "events:PutEvents";
    case "s3": return "s3:PutObject";
    default: return undefined;
  }
}

export interface DeliverInput {
  fn: LambdaFunction;
  roleArn: string;
  kind: DeliveryKind;
  target: string;
  condition: string;
  requestId: string;
  step: string | null;
  /** What the target receives: the invocation record (destinations) or the original event (DLQ). */
  record: unknown;
  /** The exact text to send when it is not JSON.stringify(record) (the DLQ keeps the original payload text). */
  text?: string;
  /** DLQ only: the message attributes SQS/SNS carry (RequestID, ErrorCode, ErrorMessage). */
  dlqAttributes?: Record<string, { DataType: string; StringValue: string }>;
}

/**
 * Sends a record to a destination or DLQ, as the target expects it (§2.3): SQS/SNS get the
 * JSON as message body, Lambda gets it as an async event, EventBridge as `detail`. A delivery
 * that cannot happen (missing target, FIFO, no permission) is recorded with `failed` — AWS
 * only counts it in DestinationDeliveryFailures / DeadLetterErrors.
 */
export function deliver(sim: Simulation, d: DeliverInput): DeliveryRecord {
  const now = sim.clock.now;
  const delivery: DeliveryRecord = { at: now, function: d.fn.name, kind: d.kind, target: d.target, condition: d.condition, requestId: d.requestId, record: d.record };
  const arn = parseArn(d.target);
  const action = arn ? requiredAction(arn.service) : undefined;
  const fail = (why: string) => {
    delivery.failed = why;
  };
  if (!arn || !action) fail(`not a supported target: ${d.target}`);
  else if (!sim.iam.allows(d.roleArn, action)) fail(`AccessDenied: the execution role ${d.roleArn} is not allowed ${action}`);
  else {
    const text = d.text ?? JSON.stringify(d.record);
    switch (arn.service) {
      case "sqs": {
        const q = sim.sqs.byArn(d.target);
        if (!q) fail("the queue does not exist");
        else if (q.fifo) fail("FIFO queues are not supported as destinations");
        else {
          try {
            sim.sqs.send(q, { body: text, attributes: d.dlqAttributes, senderId: `AROA:${d.fn.name}`, originStep: d.step });
          } catch (e) {
            fail(e instanceof Error ? e.message : String(e));
          }
        }
        break;
      }
      case "sns": {
        const topic = sim.sns.byArn(d.target);
        if (!topic) fail("the topic does not exist");
        else sim.sns.publish(topic, { message: text, attributes: d.dlqAttributes, originStep: d.step });
        break;
      }
      case "lambda": {
        if (!sim.lambda.eventManager.enqueueByArn(d.target, d.record, "destination", d.step)) fail("the function does not exist");
        break;
      }
      case "events": {
        const bus = sim.events.byArn(d.target);
        if (!bus) fail("the event bus does not exist");
        else {
          const detailType = d.condition === "Success" ? "Lambda Function Invocation Result - Success" : "Lambda Function Invocation Result - Failure";
          const event = sim.events.put(bus, "lambda", detailType, d.record, [bus.arn, d.fn.arn]);
          delivery.record = event;
        }
        break;
      }
      case "s3":
        // S3 (on-failure only) is accepted as a target; buckets are not simulated, the record above is what would be written
        break;
    }
  }
  sim.recorder.trace.deliveries.push(delivery);
  sim.recorder.timeline(now, delivery.failed ? "delivery-failed" : "delivery", `${d.kind}/${d.requestId}`);
  return delivery;
}
