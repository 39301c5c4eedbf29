import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import type { AccountUser } from "@/lib/auth/accounts";
import type { Role } from "@/lib/db";
import { consume, describeWait, reward, type RateLimitRule } from "@/lib/rate-limit";
import { ActionError } from "./errors";
import type { ActionFailure, ActionResult, FieldErrors } from "./result";

/**
 * One server-side operation, run the same way behind a server action (lib/actions/action.ts) and a
 * JSON route (lib/http/route.ts): authenticate → validate → authorise → rate-limit → handler.
 * No step can be forgotten because no operation skips this pipeline.
 */
export interface ProcedureContext<Authenticated extends boolean = true> {
  user: Authenticated extends true ? AccountUser : AccountUser | null;
  ip: string;
}

export interface RateLimitSpec<I> extends RateLimitRule {
  /** Whose budget: the signed-in user (default; the IP for public procedures), the IP, or a key from the input. */
  by?: "user" | "ip" | ((input: I, ctx: ProcedureContext<boolean>) => string);
  /**
   * Only failed calls spend this budget: a call whose handler succeeds gives its point back. For
   * limits against guessing (join codes) keyed by a shared address, where a whole class joining
   * from one school network must not lock itself out.
   */
  failuresOnly?: boolean;
}

export interface ProcedureDefinition<S extends z.ZodType, R, Public extends boolean> {
  /** For logs and rate-limit keys, e.g. "admin.changeUserRole". */
  name: string;
  input: S;
  /** true: anyone may call it (sign-up, sign-in). Default: a signed-in user is required. */
  public?: Public;
  /** Roles allowed; default: any signed-in user. */
  roles?: readonly Role[];
  rateLimit?: RateLimitSpec<z.infer<S>> | RateLimitSpec<z.infer<S>>[];
  handler: (input: z.infer<S>, ctx: ProcedureContext<Public extends true ? false : true>) => Promise<R>;
}

export type Procedure<S extends z.ZodType, R, Public extends boolean = false> = ProcedureDefinition<S, R, Public>;

/** Who is asking, supplied by the transport (cookies + headers in Next; fakes in unit tests). */
export interface RequestContext {
  getUser(): Promise<AccountUser | null>;
  ip: string;
}

export function defineProcedure<S extends z.ZodType, R, Public extends boolean = false>(
  definition: ProcedureDefinition<S, R, Public>,
): Procedure<S, R, Public> {
  return definition;
}

const SECRET_FIELD = /pass|secret|token/i;

/** The text the user typed, minus secrets: failures echo it so forms keep their values. */
export function echoValues(raw: unknown): Record<string, string> | undefined {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (typeof v === "string" && !SECRET_FIELD.test(k)) out[k] = v;
  return out;
}

function failure(code: ActionFailure["code"], error: string, raw: unknown, fieldErrors: FieldErrors = {}, retryAfterSec?: number): ActionFailure {
  return { ok: false, code, error, fieldErrors, values: echoValues(raw), ...(retryAfterSec ? { retryAfterSec } : {}) };
}

/** Zod issues → messages keyed by the first path segment ("" for the whole input → "_form"). */
export function toFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

export async function runProcedure<S extends z.ZodType, R, Public extends boolean>(
  procedure: Procedure<S, R, Public>,
  raw: unknown,
  request: RequestContext,
): Promise<ActionResult<R>> {
  try {
    // 1. authenticate
    const user = await request.getUser();
    if (!user && !procedure.public) return failure("unauthenticated", "Please sign in to continue.", raw);

    // 2. validate
    const parsed = procedure.input.safeParse(raw);
    if (!parsed.success) {
      const fieldErrors = toFieldErrors(parsed.error);
      const first = Object.values(fieldErrors)[0]?.[0];
      const count = Object.keys(fieldErrors).length;
      return failure("invalid", count > 1 ? "Please correct the highlighted fields." : (first ?? "Invalid input."), raw, fieldErrors);
    }
    const input = parsed.data as z.infer<S>;

    // 3. authorise
    if (procedure.roles && (!user || !procedure.roles.includes(user.role))) {
      return failure("forbidden", "You do not have permission to do that.", raw);
    }

    // 4. rate-limit
    const ctx = { user, ip: request.ip } as ProcedureContext<boolean>;
    const refundOnSuccess: { rule: RateLimitRule; key: string }[] = [];
    for (const spec of [procedure.rateLimit ?? []].flat()) {
      const by = spec.by ?? (user ? "user" : "ip");
      const key = typeof by === "function" ? by(input, ctx) : by === "user" && user ? `user:${user.id}` : `ip:${request.ip}`;
      const rule = { ...spec, name: `${procedure.name}:${spec.name}` };
      const outcome = await consume(rule, key);
      if (!outcome.allowed) {
        return failure("rate_limited", `Too many attempts. Try again in ${describeWait(outcome.retryAfterSec)}.`, raw, {}, outcome.retryAfterSec);
      }
      if (spec.failuresOnly) refundOnSuccess.push({ rule, key });
    }

    // 5. the service
    const data = await procedure.handler(input, ctx as never);
    for (const { rule, key } of refundOnSuccess) await reward(rule, key);
    return { ok: true, data };
  } catch (error) {
    // redirect(), notFound(), forbidden() are Next.js control flow, not failures.
    unstable_rethrow(error);
    if (error instanceof ActionError) return failure(error.code, error.message, raw, error.fieldErrors, error.retryAfterSec);
    console.error(`[${procedure.name}] failed:`, error);
    return failure("internal", "Something went wrong on our side. Please try again.", raw);
  }
}
