import { jsonRoute } from "@/lib/http/route";
import { answerProcedure } from "@/lib/srs/procedures";

export const dynamic = "force-dynamic";

const answer = jsonRoute(answerProcedure);

/**
 * POST /api/study/answers with `{ cardId, rating: 1–4, idempotencyKey, durationMs?, expectedReps? }`.
 * 201 with the stored answer; 200 with the ORIGINAL result when this key was already answered (a
 * retry or a double submit never reviews twice — the key is UNIQUE in the review log). 404 not
 * your card, 409 the card changed meanwhile or the key was used for another card, 422 bad input.
 */
export async function POST(request: Request, context: { params: Promise<Record<string, string | string[]>> }): Promise<Response> {
  const response = await answer(request, context);
  if (response.status !== 200) return response;
  const body = (await response.json()) as { ok: true; data: { replayed: boolean } };
  return Response.json(body, { status: body.data.replayed ? 200 : 201 });
}
