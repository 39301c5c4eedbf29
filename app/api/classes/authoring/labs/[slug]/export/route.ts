import { runProcedure } from "@/lib/actions";
import { nextRequestContext } from "@/lib/actions/request-context";
import { STATUS_BY_CODE } from "@/lib/actions/result";
import { exportLabProcedure } from "@/lib/classroom/authoring/procedures";

/** GET /api/classes/authoring/labs/{slug}/export — the lab file (YAML) of its newest version (staff). */
export async function GET(_request: Request, context: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await context.params;
  const result = await runProcedure(exportLabProcedure, { slug }, await nextRequestContext());
  if (!result.ok) {
    const { values: _v, ...failure } = result;
    return Response.json(failure, { status: STATUS_BY_CODE[result.code] });
  }
  return new Response(result.data.source, {
    headers: {
      "content-type": "application/yaml; charset=utf-8",
      "content-disposition": `attachment; filename="${result.data.filename.replace(/[^a-z0-9.-]/gi, "")}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
