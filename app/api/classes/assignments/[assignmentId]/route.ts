import { jsonRoute } from "@/lib/http/route";
import { deleteAssignmentProcedure, updateAssignmentProcedure } from "@/lib/classroom/procedures";

const params = (p: Record<string, string | string[]>) => ({ assignmentId: p.assignmentId });

/** PUT /api/classes/assignments/{id} — change an assignment; DELETE — remove it. */
export const PUT = jsonRoute(updateAssignmentProcedure, { params });
export const DELETE = jsonRoute(deleteAssignmentProcedure, { params });
