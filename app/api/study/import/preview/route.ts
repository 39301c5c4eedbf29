import { jsonRoute } from "@/lib/http/route";
import { importPreviewProcedure } from "@/lib/srs/procedures";

// POST /api/study/import/preview with `{ text }` — the rows as they would be imported and one
// error per bad row (row number as a spreadsheet shows it, column, what was expected).
export const dynamic = "force-dynamic";
export const POST = jsonRoute(importPreviewProcedure);
