import { z } from "zod";
import { num, str } from "./common";

/** A minimal IAM: a role is a name and a list of allowed actions (`sqs:ReceiveMessage`, `sqs:*`, `*`). */
const policy = z.strictObject({ Allow: z.array(str) });

export const iamOperations = {
  CreateRole: z.strictObject({ RoleName: str, Policy: z.optional(policy), Description: z.optional(z.string()) }),
  PutRolePolicy: z.strictObject({ RoleName: str, Policy: policy }),
} as const;

/**
 * Fault injection (not an AWS API): makes rare platform behaviour happen on purpose so labs
 * can show it. Kinds are documented in lib/engine/README.md.
 */
export const faultOperations = {
  InjectFault: z.strictObject({
    Kind: z.enum(["DuplicateDelivery", "CrashEnvironment"]),
    FunctionName: z.optional(str),
    Count: z.optional(num),
  }),
} as const;
