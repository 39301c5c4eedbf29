import { nextRequestContext } from "@/lib/actions/request-context";
import { runProcedure } from "@/lib/actions/procedure";
import { STATUS_BY_CODE } from "@/lib/actions/result";
import { runOptimisation, type OptimisationEvent } from "@/lib/srs/db/optimise";
import { optimiseProcedure } from "@/lib/srs/procedures";

export const dynamic = "force-dynamic";

/**
 * POST /api/study/optimizer — "Optimise my parameters", streamed as NDJSON, one event a line:
 *   {"type":"progress","stage":"optimising","fraction":0.4,"message":"…"}
 *   … then {"type":"result","result":{…}} or {"type":"error","message":"…"}.
 * The work runs in worker threads; closing the request cancels it. Nothing is saved: the page
 * saves the proposed weights with PUT /api/study/settings/weights when the learner agrees.
 * Admission (signed in, rate limit) goes through the procedure pipeline like every route.
 */
export async function POST(request: Request): Promise<Response> {
  const admitted = await runProcedure(optimiseProcedure, {}, await nextRequestContext());
  if (!admitted.ok) {
    const { values: _echo, ...failure } = admitted;
    return Response.json(failure, { status: STATUS_BY_CODE[admitted.code], headers: admitted.retryAfterSec ? { "Retry-After": String(admitted.retryAfterSec) } : undefined });
  }
  const encoder = new TextEncoder();
  const abort = new AbortController();
  request.signal.addEventListener("abort", () => abort.abort());
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const emit = (e: OptimisationEvent) => {
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(e)}\n`));
        } catch {
          abort.abort(); // the client went away
        }
      };
      await runOptimisation(admitted.data.userId, emit, { signal: abort.signal });
      try {
        controller.close();
      } catch {
        // already closed by a cancel
      }
    },
    cancel() {
      abort.abort();
    },
  });
  return new Response(stream, { headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store", "x-accel-buffering": "no" } });
}
