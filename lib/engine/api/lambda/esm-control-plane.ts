import type { OperationTable } from "../context";

/** CreateEventSourceMapping / Update / Delete / Get / List (§3); the rules live in lambda/esm/esm-service. */
export const esmOperations: OperationTable = {
  CreateEventSourceMapping(ctx, input) {
    const esm = ctx.sim.esm.create(input);
    return ctx.sim.esm.describe(esm, "Creating");
  },
  UpdateEventSourceMapping(ctx, input) {
    const { UUID, ...rest } = input;
    const esm = ctx.sim.esm.update(UUID, rest);
    return ctx.sim.esm.describe(esm, input.Enabled === undefined ? "Updating" : input.Enabled ? "Enabling" : "Disabling");
  },
  DeleteEventSourceMapping(ctx, input) {
    const esm = ctx.sim.esm.delete(input.UUID);
    return ctx.sim.esm.describe(esm, "Deleting");
  },
  GetEventSourceMapping(ctx, input) {
    return ctx.sim.esm.describe(ctx.sim.esm.get(input.UUID));
  },
  ListEventSourceMappings(ctx, input) {
    const sim = ctx.sim;
    let list = [...sim.esm.mappings.values()];
    if (input.EventSourceArn !== undefined) list = list.filter((m) => m.eventSourceArn === input.EventSourceArn);
    if (input.FunctionName !== undefined) {
      const name = sim.lambda.store.parse(input.FunctionName).name;
      list = list.filter((m) => m.functionName === name);
    }
    return { EventSourceMappings: list.map((m) => sim.esm.describe(m)) };
  },
};
