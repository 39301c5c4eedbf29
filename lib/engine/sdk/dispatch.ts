import { AwsError } from "../aws/errors";
import { Deferred } from "../core/deferred";
import type { CallContext } from "../api/context";
import { operations } from "../api/registry";
import type { ExecutionEnvironment } from "../lambda/invocation/execution-environment";
import { operationSchemas, operationService, isOperationName, type ServiceName } from "../scenario/ops";
import type { SdkCall, SdkReply, SdkSettled } from "../sandbox/contract";
import type { Simulation } from "../simulation";

const CLIENT_SERVICE: Record<SdkCall["client"], ServiceName> = {
  sqs: "sqs",
  sns: "sns",
  dynamodb: "dynamodb",
  lambda: "lambda",
  kinesis: "kinesis",
  eventbridge: "eventbridge",
};

/**
 * `host.sdk({ client, command, input })` from the AWS SDK stand-ins inside the sandbox: the same
 * operations as scenario steps, called with the handler's invocation as the caller. An AWS
 * error becomes a rejected promise in the guest (its `name` is the exception name). A
 * synchronous Lambda Invoke answers later (`pending` + `settle`), when the callee finishes.
 */
export class SdkDispatcher {
  private nextTicket = 0;

  constructor(private readonly sim: Simulation) {}

  call(call: SdkCall, env: ExecutionEnvironment): SdkReply {
    const caller = env.current ?? undefined;
    const service = CLIENT_SERVICE[call.client];
    if (!service || !isOperationName(call.command) || operationService[call.command] !== service) {
      return { kind: "error", name: "UnknownOperationException", message: `The ${call.client} client in Lambda Lab has no operation ${call.command}.`, httpStatusCode: 400 };
    }
    const parsed = operationSchemas[call.command].safeParse(call.input ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = issue.path.join(".");
      return { kind: "error", name: "ValidationException", message: `1 validation error detected: ${path ? `Value at '${path}' ` : ""}${issue.message}`, httpStatusCode: 400 };
    }
    const handler = operations[call.command] as ((ctx: CallContext, input: unknown) => unknown) | undefined;
    if (!handler) return { kind: "error", name: "UnknownOperationException", message: `${call.command} is not implemented in Lambda Lab.`, httpStatusCode: 400 };
    const ctx: CallContext = { sim: this.sim, step: caller?.req.step ?? null, ...(caller ? { caller } : {}) };
    const input = parsed.data as Record<string, unknown>;

    const synchronousInvoke = call.command === "Invoke" && (input.InvocationType === undefined || input.InvocationType === "RequestResponse");
    if (synchronousInvoke) {
      if (!caller) {
        return { kind: "error", name: "ServiceException", message: "Lambda Lab does not run a synchronous Invoke during Init; call it from the handler.", httpStatusCode: 500 };
      }
      // The callee starts in its own event, not inside the caller's sandbox turn.
      const ticket = ++this.nextTicket;
      (caller.pendingTickets ??= new Set()).add(ticket);
      this.sim.clock.after(0, () => {
        const reply = this.run(handler, ctx, input);
        if (reply instanceof Deferred) reply.then((r) => this.sim.lambda.invoker.settle(caller, ticket, settled(r)));
        else this.sim.lambda.invoker.settle(caller, ticket, reply);
      });
      return { kind: "pending", ticket };
    }
    const reply = this.run(handler, ctx, input);
    if (reply instanceof Deferred) {
      if (!caller) return { kind: "error", name: "ServiceException", message: "This call cannot complete during Init.", httpStatusCode: 500 };
      const ticket = ++this.nextTicket;
      (caller.pendingTickets ??= new Set()).add(ticket);
      reply.then((r) => this.sim.lambda.invoker.settle(caller, ticket, settled(r)));
      return { kind: "pending", ticket };
    }
    return reply;
  }

  private run(handler: (ctx: CallContext, input: unknown) => unknown, ctx: CallContext, input: unknown): SdkSettled | Deferred {
    try {
      const out = handler(ctx, input);
      if (out instanceof Deferred) return out;
      return { kind: "ok", output: out };
    } catch (e) {
      if (e instanceof AwsError) return { kind: "error", name: e.type, message: e.message, httpStatusCode: e.httpStatus };
      throw e;
    }
  }
}

function settled(r: { ok: true; value: unknown } | { ok: false; error: AwsError }): SdkSettled {
  return r.ok ? { kind: "ok", output: r.value } : { kind: "error", name: r.error.type, message: r.error.message, httpStatusCode: r.error.httpStatus };
}
