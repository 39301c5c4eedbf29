import type { LambdaFunction } from "../../lambda/model";
import type { Simulation } from "../../simulation";
import type { OperationTable } from "../context";

/** PutFunctionRecursionConfig / GetFunctionRecursionConfig (§5 recursive loop detection; default Terminate). */
export const recursionOperations: OperationTable = {
  PutFunctionRecursionConfig(ctx, input) {
    const fn = functionOf(ctx.sim, input.FunctionName);
    fn.recursiveLoop = input.RecursiveLoop;
    return { RecursiveLoop: fn.recursiveLoop };
  },
  GetFunctionRecursionConfig(ctx, input) {
    return { RecursiveLoop: functionOf(ctx.sim, input.FunctionName).recursiveLoop };
  },
};

function functionOf(sim: Simulation, functionName: string): LambdaFunction {
  const store = sim.lambda.store;
  return store.get(store.parse(functionName).name);
}
