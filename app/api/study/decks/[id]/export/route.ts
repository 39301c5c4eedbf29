import { nextRequestContext } from "@/lib/actions/request-context";
import { runProcedure } from "@/lib/actions/procedure";
import { STATUS_BY_CODE } from "@/lib/actions/result";
import { exportProcedure } from "@/lib/srs/procedures";

export const dynamic = "force-dynamic";

/**
 * GET /api/study/decks/{id}/export — the deck as a CSV download (front, back, tags; UTF-8 with a
 * BOM so spreadsheets read it). Same pipeline as every other route; failures are JSON.
 */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  const result = await runProcedure(exportProcedure, { deckId: id }, await nextRequestContext());
  if (!result.ok) {
    const { values: _echo, ...failure } = result;
    return Response.json(failure, { status: STATUS_BY_CODE[result.code] });
  }
  return new Response(result.data.csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${result.data.filename}"`,
      "cache-control": "no-store",
    },
  });
}
