import { jsonRoute } from "@/lib/http/route";
import { deleteDeckProcedure, updateDeckProcedure } from "@/lib/srs/procedures";

// PATCH /api/study/decks/{id} with `{ name, description?, newPerDay?, reviewsPerDay? }`;
// DELETE /api/study/decks/{id} (own decks only; built-in copies and Mistakes stay).
export const dynamic = "force-dynamic";
export const PATCH = jsonRoute(updateDeckProcedure, { params: (p) => ({ deckId: p.id }) });
export const DELETE = jsonRoute(deleteDeckProcedure, { params: (p) => ({ deckId: p.id }) });
