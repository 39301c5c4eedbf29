/**
 * One assignment across the class, for the instructor's class page: how many learners handed
 * work in, how many are late or missed it, and the class average — read off the gradebook's own
 * cells (service/grades.ts computeGrades), never graded a second time, so the class page and the
 * gradebook's column always agree.
 */
import type { GradeCell } from "./service/grades";
import { averageRatio } from "./service/grades";
import { BY_DUE_REF } from "./study-goal";

export interface AssignmentSummary {
  assignmentId: string;
  /** Learners on the roster (the gradebook's rows). */
  roster: number;
  /** Learners with work that counts towards the grade (on time or accepted late). */
  handedIn: number;
  /** Status "late": the grade rests on late work, or it is overdue and late work is still taken. */
  late: number;
  /** Status "missed": nothing counted and nothing more can (refused late work, allowance used up). */
  missed: number;
  /** The gradebook's mean over the grades that exist (missed work is a 0), or null when none does. */
  average: number | null;
  /** How many grades the average is over. */
  graded: number;
}

/**
 * Handed in: a counted attempt. A reviews goal's share at the due date is made by the goal for
 * whoever reached less than the target — it is handed in only when something was reviewed.
 */
export function handedIn(cell: GradeCell): boolean {
  return cell.grade.counted.some((c) => c.ref !== BY_DUE_REF || c.ratio > 0);
}

/** The summary of one assignment from its gradebook column (one cell per learner). */
export function summariseColumn(assignmentId: string, cells: readonly GradeCell[]): AssignmentSummary {
  return {
    assignmentId,
    roster: cells.length,
    handedIn: cells.filter(handedIn).length,
    late: cells.filter((c) => c.status === "late").length,
    missed: cells.filter((c) => c.status === "missed").length,
    average: averageRatio(cells),
    graded: cells.filter((c) => c.ratio !== null).length,
  };
}
