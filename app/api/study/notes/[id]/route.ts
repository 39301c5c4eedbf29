import { jsonRoute } from "@/lib/http/route";
import { updateNoteProcedure } from "@/lib/srs/procedures";

// PATCH /api/study/notes/{id} with the note's new content (same type); cards follow cloze numbers.
export const dynamic = "force-dynamic";
export const PATCH = jsonRoute(updateNoteProcedure, { params: (p) => ({ noteId: p.id }) });
