import { jsonRoute } from "@/lib/http/route";
import { previewVariantProcedure } from "@/lib/labs/procedures";

// GET /api/labs/{id}/variants/{n} — variant n in full: substituted scenario, truths, trace (staff).
export const dynamic = "force-dynamic";
export const GET = jsonRoute(previewVariantProcedure, { params: (p) => ({ slug: p.id, variant: p.variant }) });
