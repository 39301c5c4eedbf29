import { jsonRoute } from "@/lib/http/route";
import { listVariantsProcedure } from "@/lib/labs/procedures";

// GET /api/labs/{id}/variants — every variant of the lab (instructors and admins).
export const dynamic = "force-dynamic";
export const GET = jsonRoute(listVariantsProcedure, { params: (p) => ({ slug: p.id }) });
