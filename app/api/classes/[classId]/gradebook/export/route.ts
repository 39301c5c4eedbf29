import { runProcedure } from "@/lib/actions";
import { nextRequestContext } from "@/lib/actions/request-context";
import { STATUS_BY_CODE } from "@/lib/actions/result";
import { contentDisposition } from "@/lib/classroom/csv";
import { exportGradebookProcedure } from "@/lib/classroom/procedures";

/** GET /api/classes/{id}/gradebook/export — the gradebook as CSV (UTF-8 with BOM, one row per learner). */
export async function GET(_request: Request, context: { params: Promise<{ classId: string }> }): Promise<Response> {
  const { classId } = await context.params;
  const result = await runProcedure(exportGradebookProcedure, { classId }, await nextRequestContext());
  if (!result.ok) {
    const { values: _v, ...failure } = result;
    return Response.json(failure, { status: STATUS_BY_CODE[result.code], headers: result.retryAfterSec ? { "Retry-After": String(result.retryAfterSec) } : undefined });
  }
  return new Response(result.data.csv, {
    status: 200,
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": contentDisposition(result.data.filename),
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
