import type { Simulation } from "../../simulation";
import type { EventSourceMapping, EventSourceType } from "./model";

/**
 * The seam where pollers plug in (LocalStack's `event_source_mapping/pollers/{sqs,kinesis,dynamodb}`).
 *
 * A poller belongs to one mapping. It never busy-waits: it schedules its own wake-ups on the
 * simulation clock (`sim.clock.at(t, …)`, foreground while it has work), and the source calls
 * `wake()` when something new arrives (`sim.esm.notifySource(arn)` — SQS send, Kinesis put,
 * DynamoDB stream record). It invokes the function synchronously through
 * `sim.lambda.invoker.start({ trigger: "sqs" | "kinesis" | "dynamodb", … })`.
 */
export interface Poller {
  /** The mapping became Enabled (created or re-enabled). */
  start(): void;
  /** Something may be ready to read. Cheap to call often. */
  wake(): void;
  /** Disabled or deleted: stop scheduling; in-flight batches still finish. */
  stop(): void;
}

export type PollerFactory = (sim: Simulation, esm: EventSourceMapping) => Poller;

/** Pollers by source type; the Kinesis and DynamoDB Streams pollers register here when they exist. */
export const pollerFactories: Partial<Record<EventSourceType, PollerFactory>> = {};

export function registerPoller(type: EventSourceType, factory: PollerFactory): void {
  pollerFactories[type] = factory;
}
