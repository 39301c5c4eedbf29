import { resourceNotFound } from "../aws/errors";
import type { OperationTable } from "./context";

export const iamApi: OperationTable = {
  CreateRole(ctx, input) {
    const sim = ctx.sim;
    const role = sim.iam.create(input.RoleName, input.Policy?.Allow ?? []);
    return { Role: { Path: "/", RoleName: role.name, RoleId: role.roleId, Arn: role.arn, CreateDate: sim.iso(role.createdAt) } };
  },
  PutRolePolicy(ctx, input) {
    ctx.sim.iam.putPolicyAndNotify(input.RoleName, input.Policy.Allow);
    return {};
  },
};

/**
 * Fault injection (README "Faults"): DuplicateDelivery delivers the next Count async events of a
 * function twice (at-least-once delivery, §2.1); CrashEnvironment makes the next Count
 * invocations' environments die after the handler ran but before it answered
 * (Runtime.ExitError, environment reset) — the classic "did the side effect happen?" case.
 */
export const faultApi: OperationTable = {
  InjectFault(ctx, input) {
    const sim = ctx.sim;
    const count = input.Count ?? 1;
    if (!input.FunctionName) throw resourceNotFound(`InjectFault ${input.Kind} needs FunctionName`);
    const fn = sim.lambda.store.get(sim.lambda.store.parse(input.FunctionName).name);
    if (input.Kind === "DuplicateDelivery") fn.faults.duplicateDeliveries += count;
    else fn.faults.crashes += count;
    sim.recorder.timeline(sim.clock.now, "fault-injected", `${input.Kind}/${fn.name}`);
    return { Kind: input.Kind, FunctionName: fn.name, Count: count };
  },
};
