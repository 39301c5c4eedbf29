import { jsonRoute } from "@/lib/http/route";
import { searchProcedure } from "@/lib/srs/procedures";

// GET /api/study/cards?q=&page= — the card browser: deck:, tag:, is:due|new|learn|review|suspended,
// rated:N and free text (lib/srs/search.ts); 50 rows a page. Search errors come back as
// `{ ok: false, errors: ["column 5: …"] }` inside a 200 (the search box shows them).
export const dynamic = "force-dynamic";
export const GET = jsonRoute(searchProcedure);
