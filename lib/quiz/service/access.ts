/**
 * Who may do what with quizzes and bank questions.
 * - Quizzes: public ones are open to every signed-in user; private ones to their owner and admins.
 *   A quiz the user may not see is reported exactly like one that does not exist (404).
 * - The bank: instructors and admins author. An instructor sees the built-in questions and their
 *   own; an admin sees every question. Built-in questions are content (content/questions/*.yaml,
 *   reviewed like code) and are changed there, not in the app.
 * - Attempts belong to the learner who started them; anyone else gets a 404.
 */
import { ActionError } from "@/lib/actions/errors";
import type { AccountUser } from "@/lib/auth/accounts";
import { hasRole, STAFF_ROLES } from "@/lib/auth/roles";
import { Role } from "@/lib/db";

export type QuizUser = Pick<AccountUser, "id" | "role">;

export function isStaff(user: QuizUser): boolean {
  return hasRole(user, STAFF_ROLES);
}

export function requireStaff(user: QuizUser, doing = "author questions"): void {
  if (!isStaff(user)) throw new ActionError("forbidden", `Only instructors and admins can ${doing}.`);
}

export function canViewQuiz(user: QuizUser, quiz: { visibility: string; ownerId: string | null }): boolean {
  return quiz.visibility === "public" || quiz.ownerId === user.id || user.role === Role.admin;
}

/** Questions an author may see in the bank (and put into a quiz). */
export function canSeeQuestion(user: QuizUser, q: { builtinKey: string | null; ownerId: string | null }): boolean {
  return q.builtinKey !== null || q.ownerId === user.id || user.role === Role.admin;
}

/** Questions an author may edit or retire: their own (admins: any authored one), never built-in ones. */
export function canEditQuestion(user: QuizUser, q: { builtinKey: string | null; ownerId: string | null }): boolean {
  return q.builtinKey === null && (q.ownerId === user.id || user.role === Role.admin);
}

/** Prisma filter for the bank an author sees. */
export function visibleQuestionsWhere(user: QuizUser) {
  return user.role === Role.admin ? {} : { OR: [{ builtinKey: { not: null } }, { ownerId: user.id }] };
}
