// The authorisation matrix: EVERY route handler (app/**/route.ts, each exported method), EVERY
// server action (exports of app/**/ "use server" files) and EVERY page (app/**/page.tsx) is called — through its real handler, the
// procedure pipeline and a real database — as six people: anonymous, a learner of class A, a
// learner of another class, the instructor who owns class A, a co-instructor of class A, and an
// admin. The list of routes and actions is read from the file tree, so a new route or action
// without an entry here fails the test.
//
// Outcomes are the ActionResult codes (routes: their HTTP status mapped back): "ok",
// "unauthenticated", "forbidden", "not_found", "invalid", … — or "allowed": anything but
// unauthenticated, forbidden and internal (for other areas' operations called with placeholder
// input, where the point is the gate, not the business rule).
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { AccountUser } from "@/lib/auth/accounts";
import { STATUS_BY_CODE, type FailureCode } from "@/lib/actions/result";
import { saveDraft } from "@/lib/classroom/authoring/drafts";
import { createAssignment } from "@/lib/classroom/service/assignments";
import { createClass } from "@/lib/classroom/service/classes";
import { joinClass } from "@/lib/classroom/service/join";
import { addCoInstructor } from "@/lib/classroom/service/roster";
import { assignmentInput } from "@/lib/classroom/inputs";
import { createQuickJsRuntimeFactory, runScenario } from "@/lib/engine";
import { gradeAttempt } from "@/lib/labs/service/attempts";
import { setScenarioRunner } from "@/lib/labs/service/runner";
import { clearVariantRuns } from "@/lib/labs/service/variant-runs";
import { forgetPublished, saveLabVersion } from "@/lib/labs/service/versions";
import { RETRY_LAB } from "@/lib/labs/testing/fixtures";
import { startAttempt } from "@/lib/quiz/service/attempts";
import { setupTestDatabase } from "./helpers/database";

// next.config.ts enables experimental.authInterrupts (forbidden()); `next build` passes it to the
// app as this variable, so the pages behave here as they do in the server.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";

let caller: AccountUser | null = null;
vi.mock("@/lib/actions/request-context", () => ({
  nextRequestContext: async () => ({ getUser: async () => caller, ip: "198.51.100.21" }),
}));
// Pages find the signed-in user through Auth.js's session (lib/auth/session.ts → auth()).
vi.mock("@/lib/auth/auth", () => ({
  auth: async () => (caller ? { user: { id: caller.id } } : null),
  signIn: async () => undefined,
  signOut: async () => undefined,
  handlers: {},
}));

const ROOT = path.resolve(__dirname, "../..");
const testDb = setupTestDatabase({ area: "authz" });

const PERSONAS = ["anonymous", "learner", "otherLearner", "instructor", "coInstructor", "admin"] as const;
type Persona = (typeof PERSONAS)[number];
type Outcome = "ok" | FailureCode | "allowed";
type Expect = Record<Persona, Outcome>;

/** The world every call runs in. */
interface World {
  users: Record<Persona | "instructorB", AccountUser | null>;
  classA: string;
  classB: string;
  assignmentA: string;
  labSlug: string;
  labAttempt: string;
  quizId: string;
  questionId: string;
  examAttempt: string;
  draftId: string;
  joinCodeA: string;
}

// ── expectation shorthands ──────────────────────────────────────────────────────────────────
const all = (o: Outcome, anonymous: Outcome = "unauthenticated"): Expect => ({ anonymous, learner: o, otherLearner: o, instructor: o, coInstructor: o, admin: o });
const SIGNED_IN = all("ok");
const GATE = all("allowed");
const STAFF: Expect = { anonymous: "unauthenticated", learner: "forbidden", otherLearner: "forbidden", instructor: "ok", coInstructor: "ok", admin: "ok" };
const STAFF_GATE: Expect = { ...STAFF, instructor: "allowed", coInstructor: "allowed", admin: "allowed" };
const ADMIN: Expect = { anonymous: "unauthenticated", learner: "forbidden", otherLearner: "forbidden", instructor: "forbidden", coInstructor: "forbidden", admin: "ok" };
/** Managing class A: its teachers and admins; its learners 403 (staff-only), everyone else's 403 by role. */
const TEACH_A: Expect = { anonymous: "unauthenticated", learner: "forbidden", otherLearner: "forbidden", instructor: "ok", coInstructor: "ok", admin: "ok" };
/** Reading class A: its members and admins; other people: 404 (class ids do not leak). */
const MEMBER_A: Expect = { anonymous: "unauthenticated", learner: "ok", otherLearner: "not_found", instructor: "ok", coInstructor: "ok", admin: "ok" };
/** The instructor's own lab draft: its owner and admins; a colleague: 404. */
const DRAFT_OWNER: Expect = { anonymous: "unauthenticated", learner: "forbidden", otherLearner: "forbidden", instructor: "ok", coInstructor: "not_found", admin: "ok" };
/** The learner's own quiz attempt: nobody else, not even staff (quiz service rule). */
const ATTEMPT_OWNER: Expect = { anonymous: "unauthenticated", learner: "ok", otherLearner: "not_found", instructor: "not_found", coInstructor: "not_found", admin: "not_found" };
/** The instructor's private lab: the owner, admins and class A's members; others 404. */
const LAB_A: Expect = { anonymous: "unauthenticated", learner: "ok", otherLearner: "not_found", instructor: "ok", coInstructor: "ok", admin: "ok" };

interface Entry {
  /** Route params or action input. */
  input: (w: World) => Record<string, unknown>;
  /** Route params only (the rest goes in the query or body). */
  params?: (w: World) => Record<string, string>;
  expect: Expect;
  /** Changes the world for good (delete, remove…): a fresh world per persona. */
  destructive?: boolean;
}

interface Exempt {
  exempt: string;
}

const QUESTION = {
  type: "single",
  domain: "development",
  difficulty: "easy",
  topics: ["async"],
  stem: "Which invocation type is asynchronous?",
  options: [
    { id: "a", text: "Event", correct: true, explanation: "Event invokes are queued." },
    { id: "b", text: "RequestResponse", correct: false, explanation: "It waits for the result." },
  ],
};
const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const assignmentBody = (w: World) => ({ classId: w.classA, kind: "lab", labSlug: w.labSlug, opensAt: new Date(Date.now() - 60_000).toISOString(), dueAt: future(7) });

// ── routes: "<file>#<METHOD>" ───────────────────────────────────────────────────────────────
const ROUTES: Record<string, Entry | Exempt> = {
  "app/api/auth/[...nextauth]/route.ts#GET": { exempt: "Auth.js's own endpoints, public by design (proxy.ts); covered by the @auth end-to-end specs" },
  "app/api/auth/[...nextauth]/route.ts#POST": { exempt: "Auth.js's own endpoints, public by design (proxy.ts); covered by the @auth end-to-end specs" },
  "app/api/health/route.ts#GET": { input: () => ({}), expect: all("ok", "ok") },
  "app/api/admin/users/[id]/route.ts#PATCH": { params: (w) => ({ id: w.users.otherLearner!.id }), input: () => ({ role: "learner" }), expect: ADMIN },

  // Classroom
  "app/api/classes/route.ts#GET": { input: () => ({}), expect: SIGNED_IN },
  "app/api/classes/route.ts#POST": { input: () => ({ name: "New class" }), expect: STAFF },
  "app/api/classes/join/route.ts#POST": {
    input: (w) => ({ code: w.joinCodeA }),
    // Everyone signed in may join with a valid code (members get "already in").
    expect: SIGNED_IN,
    destructive: true,
  },
  "app/api/classes/[classId]/route.ts#GET": { params: (w) => ({ classId: w.classA }), input: () => ({}), expect: MEMBER_A },
  "app/api/classes/[classId]/route.ts#PATCH": { params: (w) => ({ classId: w.classA }), input: () => ({ name: "Renamed" }), expect: TEACH_A },
  "app/api/classes/[classId]/route.ts#DELETE": {
    params: (w) => ({ classId: w.classA }),
    input: () => ({}),
    // Only the creator (or an admin) deletes a class.
    expect: { ...TEACH_A, coInstructor: "forbidden" },
    destructive: true,
  },
  "app/api/classes/[classId]/code/route.ts#POST": { params: (w) => ({ classId: w.classA }), input: () => ({}), expect: TEACH_A },
  "app/api/classes/[classId]/joining/route.ts#PUT": { params: (w) => ({ classId: w.classA }), input: () => ({ enabled: false }), expect: TEACH_A },
  "app/api/classes/[classId]/roster/route.ts#GET": { params: (w) => ({ classId: w.classA }), input: () => ({}), expect: TEACH_A },
  "app/api/classes/[classId]/members/[userId]/route.ts#DELETE": { params: (w) => ({ classId: w.classA, userId: w.users.learner!.id }), input: () => ({}), expect: TEACH_A, destructive: true },
  "app/api/classes/[classId]/instructors/route.ts#POST": { params: (w) => ({ classId: w.classA }), input: (w) => ({ email: w.users.instructorB!.email }), expect: TEACH_A, destructive: true },
  "app/api/classes/[classId]/assignments/route.ts#POST": { params: (w) => ({ classId: w.classA }), input: (w) => assignmentBody(w), expect: TEACH_A },
  "app/api/classes/[classId]/gradebook/route.ts#GET": { params: (w) => ({ classId: w.classA }), input: () => ({}), expect: TEACH_A },
  "app/api/classes/[classId]/gradebook/export/route.ts#GET": { params: (w) => ({ classId: w.classA }), input: () => ({}), expect: TEACH_A },
  "app/api/classes/[classId]/learners/[userId]/route.ts#GET": { params: (w) => ({ classId: w.classA, userId: w.users.learner!.id }), input: () => ({}), expect: TEACH_A },
  "app/api/classes/assignments/[assignmentId]/route.ts#PUT": { params: (w) => ({ assignmentId: w.assignmentA }), input: (w) => assignmentBody(w), expect: TEACH_A },
  "app/api/classes/assignments/[assignmentId]/route.ts#DELETE": { params: (w) => ({ assignmentId: w.assignmentA }), input: () => ({}), expect: TEACH_A, destructive: true },
  "app/api/classes/assignments/[assignmentId]/analysis/route.ts#GET": { params: (w) => ({ assignmentId: w.assignmentA }), input: () => ({}), expect: TEACH_A },
  "app/api/classes/authoring/validate/route.ts#POST": { input: () => ({ source: RETRY_LAB }), expect: STAFF },
  "app/api/classes/authoring/drafts/route.ts#GET": { input: () => ({}), expect: STAFF },
  "app/api/classes/authoring/drafts/route.ts#POST": { input: () => ({ source: RETRY_LAB }), expect: STAFF },
  "app/api/classes/authoring/drafts/[draftId]/route.ts#GET": { params: (w) => ({ draftId: w.draftId }), input: () => ({}), expect: DRAFT_OWNER },
  "app/api/classes/authoring/drafts/[draftId]/route.ts#PUT": { params: (w) => ({ draftId: w.draftId }), input: () => ({ source: RETRY_LAB }), expect: DRAFT_OWNER },
  "app/api/classes/authoring/drafts/[draftId]/route.ts#DELETE": { params: (w) => ({ draftId: w.draftId }), input: () => ({}), expect: DRAFT_OWNER, destructive: true },
  "app/api/classes/authoring/drafts/[draftId]/publish/route.ts#POST": { params: (w) => ({ draftId: w.draftId }), input: () => ({}), expect: DRAFT_OWNER, destructive: true },
  "app/api/classes/authoring/preview/route.ts#POST": { input: () => ({ source: RETRY_LAB, variant: 1 }), expect: STAFF },
  "app/api/classes/authoring/import/route.ts#POST": { input: () => ({ fileName: "x.yaml", text: RETRY_LAB.replace("retry-demo", "imported-demo"), publish: false }), expect: STAFF },
  "app/api/classes/authoring/labs/[slug]/draft/route.ts#POST": {
    params: (w) => ({ slug: w.labSlug }),
    input: () => ({}),
    // Staff who can see the lab: its owner, admins, and the co-instructor through class A.
    expect: { ...STAFF },
  },
  "app/api/classes/authoring/labs/[slug]/export/route.ts#GET": { params: (w) => ({ slug: w.labSlug }), input: () => ({}), expect: STAFF },

  // Labs (the instructor's private lab, shared with class A)
  "app/api/labs/route.ts#GET": { input: () => ({}), expect: SIGNED_IN },
  "app/api/labs/[id]/route.ts#GET": { params: (w) => ({ id: w.labSlug }), input: () => ({}), expect: LAB_A },
  "app/api/labs/[id]/attempts/route.ts#GET": { params: (w) => ({ id: w.labSlug }), input: () => ({}), expect: LAB_A },
  "app/api/labs/[id]/attempts/route.ts#POST": { params: (w) => ({ id: w.labSlug }), input: () => ({ answers: { status: 202 } }), expect: LAB_A },
  "app/api/labs/[id]/trace/route.ts#GET": { params: (w) => ({ id: w.labSlug }), input: () => ({}), expect: { ...LAB_A, learner: "ok", instructor: "ok" } },
  "app/api/labs/[id]/variants/route.ts#GET": { params: (w) => ({ id: w.labSlug }), input: () => ({}), expect: STAFF },
  "app/api/labs/[id]/variants/[variant]/route.ts#GET": { params: (w) => ({ id: w.labSlug, variant: "1" }), input: () => ({}), expect: STAFF },
  "app/api/labs/[id]/what-if/route.ts#GET": { params: (w) => ({ id: w.labSlug }), input: () => ({}), expect: { ...LAB_A, otherLearner: "not_found" } },
  "app/api/labs/[id]/what-if/route.ts#POST": { params: (w) => ({ id: w.labSlug }), input: () => ({ changes: [{ param: "retries", value: 1 }] }), expect: { ...LAB_A, otherLearner: "not_found" } },

  // Quizzes (the instructor's private quiz, shared with class A)
  "app/api/quizzes/route.ts#GET": { input: () => ({}), expect: SIGNED_IN },
  "app/api/quizzes/route.ts#POST": { input: (w) => ({ title: "Q", selection: "fixed", questionIds: [w.questionId], durationMinutes: 10 }), expect: { ...STAFF, coInstructor: "invalid" } },
  "app/api/quizzes/[id]/route.ts#DELETE": { params: (w) => ({ id: w.quizId }), input: () => ({}), expect: { anonymous: "unauthenticated", learner: "forbidden", otherLearner: "forbidden", instructor: "ok", coInstructor: "forbidden", admin: "ok" }, destructive: true },
  "app/api/quizzes/[id]/attempts/route.ts#POST": { params: (w) => ({ id: w.quizId }), input: () => ({ mode: "practice" }), expect: LAB_A },
  "app/api/quizzes/attempts/[attemptId]/route.ts#GET": { params: (w) => ({ attemptId: w.examAttempt }), input: () => ({}), expect: ATTEMPT_OWNER },
  "app/api/quizzes/attempts/[attemptId]/answers/[questionId]/route.ts#PUT": { params: (w) => ({ attemptId: w.examAttempt, questionId: w.questionId }), input: () => ({ flagged: true }), expect: ATTEMPT_OWNER },
  "app/api/quizzes/attempts/[attemptId]/submit/route.ts#POST": { params: (w) => ({ attemptId: w.examAttempt }), input: () => ({}), expect: ATTEMPT_OWNER, destructive: true },
  "app/api/quizzes/attempts/[attemptId]/mistakes/route.ts#POST": { params: (w) => ({ attemptId: w.examAttempt }), input: (w) => ({ questionId: w.questionId }), expect: { ...ATTEMPT_OWNER, learner: "allowed" } },
  "app/api/quizzes/questions/route.ts#GET": { input: () => ({}), expect: STAFF },
  "app/api/quizzes/questions/route.ts#POST": { input: () => QUESTION, expect: STAFF },
  "app/api/quizzes/questions/[questionId]/route.ts#GET": { params: (w) => ({ questionId: w.questionId }), input: () => ({}), expect: { ...STAFF, coInstructor: "not_found" } },
  "app/api/quizzes/questions/[questionId]/route.ts#PUT": { params: (w) => ({ questionId: w.questionId }), input: () => QUESTION, expect: { ...STAFF, coInstructor: "not_found" } },
  "app/api/quizzes/questions/[questionId]/route.ts#DELETE": { params: (w) => ({ questionId: w.questionId }), input: () => ({}), expect: { ...STAFF_GATE, coInstructor: "not_found" }, destructive: true },
  "app/api/quizzes/questions/import/route.ts#POST": { input: () => ({ text: "::Q1:: 1+1? {=2 ~3}", defaultDomain: "development", dryRun: true }), expect: STAFF_GATE },

  // Study (each learner's own data; placeholder ids where a resource is needed)
  "app/api/study/answers/route.ts#POST": { input: () => ({}), expect: GATE },
  "app/api/study/answers/undo/route.ts#POST": { input: () => ({}), expect: GATE },
  "app/api/study/cards/route.ts#GET": { input: () => ({}), expect: GATE },
  "app/api/study/cards/bulk/route.ts#POST": { input: () => ({}), expect: GATE },
  "app/api/study/cards/suspend/route.ts#POST": { input: () => ({}), expect: GATE },
  "app/api/study/decks/route.ts#GET": { input: () => ({}), expect: SIGNED_IN },
  "app/api/study/decks/route.ts#POST": { input: () => ({ name: "Deck" }), expect: GATE },
  "app/api/study/decks/[id]/route.ts#PATCH": { params: () => ({ id: "no-such-deck" }), input: () => ({ name: "x" }), expect: GATE },
  "app/api/study/decks/[id]/route.ts#DELETE": { params: () => ({ id: "no-such-deck" }), input: () => ({}), expect: GATE },
  "app/api/study/decks/[id]/export/route.ts#GET": { params: () => ({ id: "no-such-deck" }), input: () => ({}), expect: GATE },
  "app/api/study/import/route.ts#POST": { input: () => ({}), expect: GATE },
  "app/api/study/import/preview/route.ts#POST": { input: () => ({}), expect: GATE },
  "app/api/study/notes/route.ts#POST": { input: () => ({}), expect: GATE },
  "app/api/study/notes/[id]/route.ts#PATCH": { params: () => ({ id: "no-such-note" }), input: () => ({}), expect: GATE },
  "app/api/study/optimizer/route.ts#POST": { exempt: "a streamed optimiser job (minutes of CPU in a worker); its gate is the study procedure's, checked by tests/integration/study-*.test.ts" },
  "app/api/study/queue/route.ts#GET": { input: () => ({}), expect: GATE },
  "app/api/study/settings/route.ts#GET": { input: () => ({}), expect: SIGNED_IN },
  "app/api/study/settings/route.ts#PUT": { input: () => ({}), expect: GATE },
  "app/api/study/settings/weights/route.ts#PUT": { input: () => ({}), expect: GATE },
  "app/api/study/stats/route.ts#GET": { input: () => ({}), expect: GATE },
};

// ── server actions: "<file>#<export>" ───────────────────────────────────────────────────────
const AUTH_EXEMPT = { exempt: "sign-in, sign-up and sign-out are public by design and need Auth.js's request context; covered by the @auth end-to-end specs" };
const ACTIONS: Record<string, Entry | Exempt> = {
  "app/(auth)/actions.ts#signInAction": AUTH_EXEMPT,
  "app/(auth)/actions.ts#signOutAction": AUTH_EXEMPT,
  "app/(auth)/actions.ts#signUpAction": AUTH_EXEMPT,
  "app/(auth)/actions.ts#signInWithOidcAction": AUTH_EXEMPT,
  "app/(app)/admin/users/actions.ts#changeRoleAction": { input: (w) => ({ userId: w.users.otherLearner!.id, role: "learner" }), expect: ADMIN },

  "app/(app)/classes/actions.ts#createClassAction": { input: () => ({ name: "New class" }), expect: STAFF },
  "app/(app)/classes/actions.ts#updateClassAction": { input: (w) => ({ classId: w.classA, name: "Renamed" }), expect: TEACH_A },
  "app/(app)/classes/actions.ts#deleteClassAction": { input: (w) => ({ classId: w.classA }), expect: { ...TEACH_A, coInstructor: "forbidden" }, destructive: true },
  "app/(app)/classes/actions.ts#joinClassAction": { input: (w) => ({ code: w.joinCodeA }), expect: SIGNED_IN, destructive: true },
  "app/(app)/classes/actions.ts#leaveClassAction": {
    input: (w) => ({ classId: w.classA }),
    // Learners leave; instructors are removed by another; others are not in it.
    expect: { anonymous: "unauthenticated", learner: "ok", otherLearner: "not_found", instructor: "forbidden", coInstructor: "forbidden", admin: "not_found" },
    destructive: true,
  },
  "app/(app)/classes/actions.ts#rotateJoinCodeAction": { input: (w) => ({ classId: w.classA }), expect: TEACH_A },
  "app/(app)/classes/actions.ts#setJoinEnabledAction": { input: (w) => ({ classId: w.classA, enabled: "false" }), expect: TEACH_A },
  "app/(app)/classes/actions.ts#removeMemberAction": { input: (w) => ({ classId: w.classA, userId: w.users.learner!.id }), expect: TEACH_A, destructive: true },
  "app/(app)/classes/actions.ts#addCoInstructorAction": { input: (w) => ({ classId: w.classA, email: w.users.instructorB!.email }), expect: TEACH_A, destructive: true },
  "app/(app)/classes/actions.ts#createAssignmentAction": { input: (w) => assignmentBody(w), expect: TEACH_A },
  "app/(app)/classes/actions.ts#updateAssignmentAction": { input: (w) => ({ ...assignmentBody(w), assignmentId: w.assignmentA }), expect: TEACH_A },
  "app/(app)/classes/actions.ts#deleteAssignmentAction": { input: (w) => ({ assignmentId: w.assignmentA }), expect: TEACH_A, destructive: true },

  "app/(app)/author/labs/actions.ts#validateLabAction": { input: () => ({ source: RETRY_LAB }), expect: STAFF },
  "app/(app)/author/labs/actions.ts#saveLabDraftAction": { input: (w) => ({ draftId: w.draftId, source: RETRY_LAB }), expect: DRAFT_OWNER },
  "app/(app)/author/labs/actions.ts#deleteLabDraftAction": { input: (w) => ({ draftId: w.draftId }), expect: DRAFT_OWNER, destructive: true },
  "app/(app)/author/labs/actions.ts#previewLabAction": { input: () => ({ source: RETRY_LAB, variant: 0 }), expect: STAFF },
  "app/(app)/author/labs/actions.ts#publishLabDraftAction": { input: (w) => ({ draftId: w.draftId }), expect: DRAFT_OWNER, destructive: true },
  "app/(app)/author/labs/actions.ts#draftFromLabAction": { input: (w) => ({ slug: w.labSlug }), expect: STAFF },
  "app/(app)/author/labs/actions.ts#importLabAction": { input: () => ({ fileName: "x.yaml", text: "id: [", publish: true }), expect: STAFF },
  "app/(app)/author/labs/actions.ts#newLabDraftAction": { input: () => ({}), expect: STAFF },

  "app/(app)/author/questions/actions.ts#createQuestionAction": { input: () => QUESTION, expect: STAFF },
  "app/(app)/author/questions/actions.ts#updateQuestionAction": { input: (w) => ({ ...QUESTION, questionId: w.questionId }), expect: { ...STAFF, coInstructor: "not_found" } },
  "app/(app)/author/questions/actions.ts#retireQuestionAction": { input: (w) => ({ questionId: w.questionId }), expect: { ...STAFF_GATE, coInstructor: "not_found" }, destructive: true },
  "app/(app)/author/questions/actions.ts#importGiftAction": { input: () => ({ text: "::Q1:: 1+1? {=2 ~3}", defaultDomain: "development", dryRun: "true" }), expect: STAFF_GATE },
  "app/(app)/author/questions/actions.ts#createQuizAction": { input: (w) => ({ title: "Q", selection: "fixed", questionIds: [w.questionId], durationMinutes: 10 }), expect: { ...STAFF, coInstructor: "invalid" } },
  "app/(app)/author/questions/actions.ts#deleteQuizAction": { input: (w) => ({ quizId: w.quizId }), expect: { anonymous: "unauthenticated", learner: "forbidden", otherLearner: "forbidden", instructor: "ok", coInstructor: "forbidden", admin: "ok" }, destructive: true },

  "app/(app)/labs/actions.ts#gradeAttemptAction": { input: (w) => ({ slug: w.labSlug, answers: { status: 202 } }), expect: LAB_A },
  "app/(app)/labs/actions.ts#saveDraftAction": { input: (w) => ({ slug: w.labSlug, answers: { status: 202 } }), expect: LAB_A },
  "app/(app)/labs/actions.ts#labTraceAction": { input: (w) => ({ slug: w.labSlug }), expect: { ...LAB_A } },
  "app/(app)/labs/actions.ts#whatIfKnobsAction": { input: (w) => ({ slug: w.labSlug }), expect: LAB_A },
  "app/(app)/labs/actions.ts#whatIfAction": { input: (w) => ({ slug: w.labSlug, changes: [{ param: "retries", value: 1 }] }), expect: LAB_A },
  "app/(app)/labs/actions.ts#makeMistakeCardAction": {
    input: (w) => ({ attemptId: w.labAttempt, questionId: "attempts" }),
    // The learner's own attempt only; the mistake may not be one (then "invalid"/"conflict").
    expect: { anonymous: "unauthenticated", learner: "allowed", otherLearner: "not_found", instructor: "not_found", coInstructor: "not_found", admin: "not_found" },
  },
  "app/(app)/quizzes/actions.ts#startAttemptAction": { input: (w) => ({ quizId: w.quizId, mode: "practice" }), expect: LAB_A },

  "app/(app)/study/actions.ts#answerAction": { input: () => ({}), expect: GATE },
  "app/(app)/study/actions.ts#undoAction": { input: () => ({}), expect: GATE },
  "app/(app)/study/actions.ts#suspendAction": { input: () => ({}), expect: GATE },
  "app/(app)/study/actions.ts#updateNoteAction": { input: () => ({}), expect: GATE },
  "app/(app)/study/actions.ts#createNoteAction": { input: () => ({}), expect: GATE },
  "app/(app)/study/actions.ts#queueAction": { input: () => ({}), expect: GATE },
  "app/(app)/study/actions.ts#createDeckAction": { input: () => ({ name: "Deck" }), expect: GATE },
  "app/(app)/study/actions.ts#updateDeckAction": { input: () => ({ deckId: "no-such-deck", name: "x" }), expect: GATE },
  "app/(app)/study/actions.ts#deleteDeckAction": { input: () => ({ deckId: "no-such-deck" }), expect: GATE },
  "app/(app)/study/actions.ts#bulkAction": { input: () => ({}), expect: GATE },
  "app/(app)/study/actions.ts#updateSettingsAction": { input: () => ({}), expect: GATE },
  "app/(app)/study/actions.ts#saveWeightsAction": { input: () => ({}), expect: GATE },
};

// ── pages: "<file>" ─────────────────────────────────────────────────────────────────────────
// "unauthenticated" for a page = a redirect to the sign-in page.
const PUBLIC_PAGE = all("allowed", "allowed");
const PAGES: Record<string, Entry | Exempt> = {
  "app/page.tsx": { input: () => ({}), expect: PUBLIC_PAGE },
  "app/(auth)/sign-in/page.tsx": { input: () => ({}), expect: PUBLIC_PAGE },
  "app/(auth)/sign-up/page.tsx": { input: () => ({}), expect: PUBLIC_PAGE },
  "app/(app)/admin/users/page.tsx": { input: () => ({}), expect: ADMIN },
  "app/(app)/dashboard/page.tsx": { input: () => ({}), expect: GATE },
  "app/(app)/author/page.tsx": { input: () => ({}), expect: STAFF },
  "app/(app)/author/labs/page.tsx": { input: () => ({}), expect: STAFF },
  "app/(app)/author/labs/[draftId]/page.tsx": { input: (w) => ({ draftId: w.draftId }), expect: DRAFT_OWNER },
  "app/(app)/author/questions/page.tsx": { input: () => ({}), expect: STAFF },
  "app/(app)/author/questions/new/page.tsx": { input: () => ({}), expect: STAFF },
  "app/(app)/author/questions/import/page.tsx": { input: () => ({}), expect: STAFF },
  "app/(app)/author/questions/quizzes/new/page.tsx": { input: () => ({}), expect: STAFF },
  "app/(app)/author/questions/[questionId]/page.tsx": { input: (w) => ({ questionId: w.questionId }), expect: { ...STAFF, coInstructor: "not_found" } },
  "app/(app)/classes/page.tsx": { input: () => ({}), expect: SIGNED_IN },
  "app/(app)/classes/join/[code]/page.tsx": { input: (w) => ({ code: w.joinCodeA }), expect: SIGNED_IN },
  "app/(app)/classes/[classId]/page.tsx": { input: (w) => ({ classId: w.classA }), expect: MEMBER_A },
  "app/(app)/classes/[classId]/roster/page.tsx": { input: (w) => ({ classId: w.classA }), expect: TEACH_A },
  "app/(app)/classes/[classId]/gradebook/page.tsx": { input: (w) => ({ classId: w.classA }), expect: TEACH_A },
  "app/(app)/classes/[classId]/assignments/new/page.tsx": { input: (w) => ({ classId: w.classA }), expect: TEACH_A },
  "app/(app)/classes/[classId]/assignments/[assignmentId]/edit/page.tsx": { input: (w) => ({ classId: w.classA, assignmentId: w.assignmentA }), expect: TEACH_A },
  "app/(app)/classes/[classId]/assignments/[assignmentId]/analysis/page.tsx": { input: (w) => ({ classId: w.classA, assignmentId: w.assignmentA }), expect: TEACH_A },
  "app/(app)/classes/[classId]/learners/[userId]/page.tsx": { input: (w) => ({ classId: w.classA, userId: w.users.learner!.id }), expect: TEACH_A },
  "app/(app)/labs/page.tsx": { input: () => ({}), expect: SIGNED_IN },
  "app/(app)/labs/[id]/page.tsx": { input: (w) => ({ id: w.labSlug }), expect: LAB_A },
  "app/(app)/quizzes/page.tsx": { input: () => ({}), expect: SIGNED_IN },
  "app/(app)/quizzes/attempts/[attemptId]/page.tsx": { input: (w) => ({ attemptId: w.examAttempt }), expect: ATTEMPT_OWNER },
  "app/(app)/study/page.tsx": { input: () => ({}), expect: GATE },
  "app/(app)/study/browse/page.tsx": { input: () => ({}), expect: GATE },
  "app/(app)/study/decks/[id]/page.tsx": { input: () => ({ id: "no-such-deck" }), expect: { ...GATE } },
  "app/(app)/study/import/page.tsx": { input: () => ({}), expect: GATE },
  "app/(app)/study/review/page.tsx": { input: () => ({}), expect: GATE },
  "app/(app)/study/settings/page.tsx": { input: () => ({}), expect: GATE },
  "app/(app)/study/stats/page.tsx": { input: () => ({}), expect: GATE },
};

// ── the file tree ───────────────────────────────────────────────────────────────────────────
function walk(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(path.relative(ROOT, p).split(path.sep).join("/"));
  }
  return out;
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

export function routesInTree(): string[] {
  return walk(path.join(ROOT, "app"))
    .filter((f) => /\/route\.(ts|tsx|js)$/.test(f))
    .flatMap((file) => {
      const text = fs.readFileSync(path.join(ROOT, file), "utf8");
      const named = [...text.matchAll(/export\s+(?:const|async\s+function|function)\s+([A-Z]+)\b/g)].map((m) => m[1]!);
      const destructured = [...text.matchAll(/export\s+const\s*\{([^}]*)\}/g)].flatMap((m) => m[1]!.split(",").map((s) => s.trim().split(/\s*:\s*/).pop()!));
      return [...new Set([...named, ...destructured])].filter((m) => METHODS.includes(m)).map((m) => `${file}#${m}`);
    })
    .sort();
}

export function pagesInTree(): string[] {
  return walk(path.join(ROOT, "app"))
    .filter((f) => /\/page\.(tsx|ts|jsx|js)$/.test(f))
    .sort();
}

export function actionsInTree(): string[] {
  return walk(path.join(ROOT, "app"))
    .filter((f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f))
    .filter((f) => /^\s*(["'])use server\1/.test(fs.readFileSync(path.join(ROOT, f), "utf8")))
    .flatMap((file) => {
      const text = fs.readFileSync(path.join(ROOT, file), "utf8");
      return [...text.matchAll(/export\s+(?:const|async\s+function|function)\s+(\w+)/g)].map((m) => `${file}#${m[1]}`);
    })
    .sort();
}

// ── the world ───────────────────────────────────────────────────────────────────────────────
const select = { id: true, email: true, name: true, role: true } as const;

async function buildWorld(): Promise<World> {
  await testDb.reset();
  clearVariantRuns();
  forgetPublished();
  const db = testDb.db;
  const mk = (email: string, role: "learner" | "instructor" | "admin") => db.user.create({ data: { email, role, name: email.split("@")[0] }, select });
  const users = {
    anonymous: null,
    learner: await mk("learner@a.test", "learner"),
    otherLearner: await mk("learner@b.test", "learner"),
    instructor: await mk("teacher@a.test", "instructor"),
    coInstructor: await mk("co@a.test", "instructor"),
    admin: await mk("admin@site.test", "admin"),
    instructorB: await mk("teacher@b.test", "instructor"),
  };
  await saveLabVersion({ text: RETRY_LAB, ownerId: users.instructor.id, visibility: "private" });
  const { id: classA } = await createClass(users.instructor, { name: "Class A" });
  const { id: classB } = await createClass(users.instructorB, { name: "Class B" });
  const codeA = (await db.classroom.findUniqueOrThrow({ where: { id: classA } })).joinCode;
  const codeB = (await db.classroom.findUniqueOrThrow({ where: { id: classB } })).joinCode;
  await joinClass(users.learner, codeA);
  await joinClass(users.otherLearner, codeB);
  await addCoInstructor(users.instructor, { classId: classA, email: users.coInstructor.email });
  const { id: assignmentA } = await createAssignment(users.instructor, assignmentInput.parse({ classId: classA, kind: "lab", labSlug: "retry-demo", opensAt: new Date(Date.now() - 3_600_000).toISOString(), dueAt: future(7) }));
  const graded = await gradeAttempt(users.learner, "retry-demo", { status: 202, attempts: 99 });
  const question = await db.question.create({
    data: {
      ownerId: users.instructor.id,
      type: "single",
      stem: "Which invocation type is asynchronous?",
      options: JSON.stringify([
        { id: "a", text: "Event", correct: true, explanation: "" },
        { id: "b", text: "RequestResponse", correct: false, explanation: "" },
      ]),
      domain: "development",
      topics: JSON.stringify(["async"]),
      difficulty: "easy",
    },
  });
  const quiz = await db.quiz.create({ data: { ownerId: users.instructor.id, title: "Private quiz", visibility: "private", selection: "fixed", questionIds: JSON.stringify([question.id]), questionCount: 1, durationMinutes: 10 } });
  const attempt = await startAttempt(users.learner, { quizId: quiz.id, mode: "practice" } as Parameters<typeof startAttempt>[1]);
  const draft = await saveDraft(users.instructor, { source: RETRY_LAB });
  return {
    users,
    classA,
    classB,
    assignmentA,
    labSlug: "retry-demo",
    labAttempt: graded.attempt.id,
    quizId: quiz.id,
    questionId: question.id,
    examAttempt: attempt.attemptId,
    draftId: draft.id,
    joinCodeA: codeA,
  };
}

// ── calling ─────────────────────────────────────────────────────────────────────────────────
const CODE_BY_STATUS = new Map<number, FailureCode>(Object.entries(STATUS_BY_CODE).map(([code, status]) => [status, code as FailureCode]));

async function callRoute(key: string, entry: Entry, w: World): Promise<string> {
  const [file, method] = key.split("#") as [string, string];
  const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, (r: Request, c: unknown) => Promise<Response>>;
  const params = entry.params?.(w) ?? {};
  const input = entry.input(w);
  const url = new URL(`http://authz.test/${file}`);
  let init: RequestInit = { method };
  if (method === "GET" || method === "DELETE") for (const [k, v] of Object.entries(input)) url.searchParams.set(k, String(v));
  else init = { method, headers: { "content-type": "application/json" }, body: JSON.stringify(input) };
  const res = await mod[method]!(new Request(url, init), { params: Promise.resolve(params) });
  if (res.status >= 200 && res.status < 300) return "ok";
  if (res.status === 400 || res.status === 415) return "invalid";
  return CODE_BY_STATUS.get(res.status) ?? `http_${res.status}`;
}

async function callAction(key: string, entry: Entry, w: World): Promise<string> {
  const [file, name] = key.split("#") as [string, string];
  const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, (input: unknown) => Promise<{ ok: boolean; code?: string }>>;
  try {
    const result = await mod[name]!(entry.input(w));
    return result.ok ? "ok" : result.code!;
  } catch (error) {
    const digest = String((error as { digest?: string })?.digest ?? "");
    if (digest.startsWith("NEXT_REDIRECT")) return "redirect";
    if (digest.endsWith(";403")) return "forbidden";
    if (digest.endsWith(";404")) return "not_found";
    throw error;
  }
}

/** A page as Next renders it: the default export with its params; redirects and 403/404 are thrown. */
async function callPage(file: string, entry: Entry, w: World): Promise<string> {
  const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as { default: (props: unknown) => unknown };
  try {
    await mod.default({ params: Promise.resolve(entry.input(w)), searchParams: Promise.resolve({}) });
    return "ok";
  } catch (error) {
    const digest = String((error as { digest?: string })?.digest ?? "");
    if (digest.startsWith("NEXT_REDIRECT")) return digest.includes("/sign-in") ? "unauthenticated" : "redirect";
    if (digest.endsWith(";403")) return "forbidden";
    if (digest.endsWith(";404")) return "not_found";
    throw error;
  }
}

function matches(got: string, want: Outcome): boolean {
  if (want === "allowed") return !["unauthenticated", "forbidden", "internal"].includes(got) && !got.startsWith("http_5");
  return got === want;
}

async function runMatrix(table: Record<string, Entry | Exempt>, call: (key: string, entry: Entry, w: World) => Promise<string>) {
  const failures: string[] = [];
  let world = await buildWorld();
  for (const [key, entry] of Object.entries(table)) {
    if ("exempt" in entry) continue;
    if (entry.destructive) world = await buildWorld();
    for (const persona of PERSONAS) {
      if (entry.destructive && persona !== PERSONAS[0]) world = await buildWorld();
      caller = world.users[persona];
      let got: string;
      try {
        got = await call(key, entry, world);
      } catch (error) {
        got = `threw ${(error as Error).message.split("\n")[0]}`;
      }
      if (!matches(got, entry.expect[persona])) failures.push(`${key} as ${persona}: expected ${entry.expect[persona]}, got ${got}`);
    }
    if (entry.destructive) world = await buildWorld();
  }
  caller = null;
  return failures;
}

beforeAll(async () => {
  const runtime = await createQuickJsRuntimeFactory();
  setScenarioRunner(async (scenario) => runScenario(scenario, { runtime }));
});
afterAll(() => setScenarioRunner(undefined));

describe("the authorisation matrix", () => {
  it("has an entry (or a stated exemption) for every route and server action in the tree, and none for one that is gone", () => {
    const routes = routesInTree();
    const actions = actionsInTree();
    expect(routes.length).toBeGreaterThan(50);
    expect(actions.length).toBeGreaterThan(40);
    expect(routes.filter((r) => !(r in ROUTES))).toEqual([]);
    expect(Object.keys(ROUTES).filter((r) => !routes.includes(r))).toEqual([]);
    expect(actions.filter((a) => !(a in ACTIONS))).toEqual([]);
    expect(Object.keys(ACTIONS).filter((a) => !actions.includes(a))).toEqual([]);
    const pages = pagesInTree();
    expect(pages.length).toBeGreaterThan(30);
    expect(pages.filter((p) => !(p in PAGES))).toEqual([]);
    expect(Object.keys(PAGES).filter((p) => !pages.includes(p))).toEqual([]);
  });

  it("every page answers each person as the matrix says (sign-in redirect, 403, 404 or the page)", async () => {
    expect(await runMatrix(PAGES, (key, entry, w) => callPage(key, entry, w))).toEqual([]);
  }, 600_000);

  it("every route answers each person as the matrix says", async () => {
    expect(await runMatrix(ROUTES, callRoute)).toEqual([]);
  }, 600_000);

  it("every server action answers each person as the matrix says", async () => {
    expect(await runMatrix(ACTIONS, callAction)).toEqual([]);
  }, 600_000);
});
