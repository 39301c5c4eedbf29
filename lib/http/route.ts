import type { z } from "zod";
import { nextRequestContext } from "@/lib/actions/request-context";
import { runProcedure, type Procedure } from "@/lib/actions/procedure";
import { STATUS_BY_CODE, type ActionResult } from "@/lib/actions/result";

type RouteContext = { params: Promise<Record<string, string | string[]>> };

/** Where a route reads its input: the JSON body (POST/PUT/PATCH default) or the query string (GET/DELETE). */
export type InputSource = "json" | "query";

/**
 * A JSON route handler from a procedure — the same pipeline as the server action, so
 * `POST /api/…` and the form share authentication, validation, roles and limits:
 *
 *   // app/api/admin/users/[id]/route.ts
 *   export const PATCH = jsonRoute(changeRoleProcedure, { params: (p) => ({ userId: p.id }) });
 *
 * Input = route params (mapped) + body or query. The response is the ActionResult as JSON with a
 * matching status: 200, 401, 403, 404, 409, 422, 429 (+ Retry-After), 500; 400 for a body that is
 * not a JSON object, 415 for a body that is not sent as application/json.
 */
export function jsonRoute<S extends z.ZodType, R, Public extends boolean>(
  procedure: Procedure<S, R, Public>,
  options: { source?: InputSource; params?: (params: Record<string, string | string[]>) => Record<string, unknown> } = {},
): (request: Request, context: RouteContext) => Promise<Response> {
  return async (request, context) => {
    const source = options.source ?? (request.method === "GET" || request.method === "DELETE" ? "query" : "json");
    let body: unknown = {};
    if (source === "json") {
      // Only JSON bodies: a cross-site form or `text/plain` fetch (a "simple" request that skips
      // the browser's CORS preflight) cannot reach the procedure.
      const type = request.headers.get("content-type") ?? "";
      const hasBody = request.headers.get("content-length") !== "0" && request.body !== null;
      if (hasBody && !/^application\/(.+\+)?json\b/i.test(type)) {
        return Response.json(
          { ok: false, code: "invalid", error: "Send the request body as JSON (Content-Type: application/json).", fieldErrors: {} } satisfies ActionResult<never>,
          { status: 415 },
        );
      }
      const text = await request.text();
      if (text.trim()) {
        try {
          body = JSON.parse(text);
        } catch {
          return Response.json(
            { ok: false, code: "invalid", error: "The request body is not valid JSON.", fieldErrors: {} } satisfies ActionResult<never>,
            { status: 400 },
          );
        }
      }
      if (typeof body !== "object" || body === null || Array.isArray(body)) {
        return Response.json(
          { ok: false, code: "invalid", error: "The request body must be a JSON object.", fieldErrors: {} } satisfies ActionResult<never>,
          { status: 400 },
        );
      }
    } else {
      body = Object.fromEntries(new URL(request.url).searchParams);
    }
    const params = (await context?.params) ?? {};
    const raw = { ...(body as object), ...(options.params ? options.params(params) : {}) };
    const result = await runProcedure(procedure, raw, await nextRequestContext());
    if (result.ok) return Response.json(result, { status: 200 });
    const { values: _echo, ...failure } = result; // API clients have their own input
    return Response.json(failure, {
      status: STATUS_BY_CODE[result.code],
      headers: result.retryAfterSec ? { "Retry-After": String(result.retryAfterSec) } : undefined,
    });
  };
}
