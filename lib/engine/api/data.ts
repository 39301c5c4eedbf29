import { AwsError } from "../aws/errors";
import type { CallContext, OperationTable } from "./context";

/**
 * DynamoDB and Kinesis operations go to the simulated stores in services/dynamodb and
 * services/kinesis (their own engineer's modules); their `{ ok, output | error }` outcomes
 * become responses or AWS errors here.
 */
function dynamo(ctx: CallContext, op: string, input: unknown): unknown {
  const r = ctx.sim.dynamodb.call(op, input, ctx.sim.clock.now);
  if (!r.ok) throw new AwsError(r.error.type, r.error.message, 400);
  return r.output;
}

function kinesis(ctx: CallContext, op: string, input: unknown): unknown {
  const r = ctx.sim.kinesis.call(op, input, ctx.sim.clock.now);
  if (!r.ok) throw new AwsError(r.error.type, r.error.message, 400);
  return r.output;
}

export const dataApi: OperationTable = {
  CreateTable: (ctx, input) => dynamo(ctx, "CreateTable", input),
  PutItem: (ctx, input) => dynamo(ctx, "PutItem", input),
  UpdateItem: (ctx, input) => dynamo(ctx, "UpdateItem", input),
  DeleteItem: (ctx, input) => dynamo(ctx, "DeleteItem", input),
  GetItem: (ctx, input) => dynamo(ctx, "GetItem", input),
  CreateStream: (ctx, input) => kinesis(ctx, "CreateStream", input),
  PutRecord: (ctx, input) => kinesis(ctx, "PutRecord", input),
  PutRecords: (ctx, input) => kinesis(ctx, "PutRecords", input),
};
