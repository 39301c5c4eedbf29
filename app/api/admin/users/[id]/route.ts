// PATCH /api/admin/users/{id}  { "role": "instructor" } — the same procedure as the users page form.
import { changeRoleProcedure } from "@/lib/auth/procedures";
import { jsonRoute } from "@/lib/http/route";

export const PATCH = jsonRoute(changeRoleProcedure, { params: (p) => ({ userId: p.id }) });
