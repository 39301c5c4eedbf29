/**
 * Every classroom operation as a procedure (lib/actions): the same authentication, validation,
 * roles and rate limits behind the server actions of app/(app)/classes and the JSON routes under
 * app/api/classes. Ownership ("does this person teach this class?") is checked by the services.
 */
import { z } from "zod";
import { defineProcedure } from "@/lib/actions";
import { STAFF_ROLES } from "@/lib/auth/roles";
import {
  assignmentIdInput,
  assignmentInput,
  classIdInput,
  coInstructorInput,
  createClassInput,
  joinEnabledInput,
  joinInput,
  learnerDetailInput,
  memberInput,
  updateAssignmentInput,
  updateClassInput,
} from "./inputs";
import { analyseAssignment } from "./service/analysis";
import { createAssignment, deleteAssignment, updateAssignment } from "./service/assignments";
import { createClass, deleteClass, listClasses, updateClass } from "./service/classes";
import { exportGradebookCsv, getClassView, getGradebook, learnerDetail } from "./service/gradebook";
import { joinClass, leaveClass, previewJoin, rotateJoinCode, setJoinEnabled } from "./service/join";
import { addCoInstructor, listRoster, removeMember } from "./service/roster";

/**
 * Join attempts: 10 per account and 30 failed ones per address per 15 minutes, then blocked for
 * 15 minutes (see join-code.ts for what this means for guessing). An account's successful joins
 * spend its budget too (nobody joins ten classes in a quarter of an hour), but an address's do
 * not: a class of 35 joining from one school network, behind one NAT, must all get in.
 */
export const JOIN_LIMITS = [
  { name: "user", points: 10, durationSec: 15 * 60, blockSec: 15 * 60 },
  { name: "ip", points: 30, durationSec: 15 * 60, blockSec: 15 * 60, by: "ip" as const, failuresOnly: true },
];

export const listClassesProcedure = defineProcedure({
  name: "classes.list",
  input: z.object({}),
  handler: (_input, { user }) => listClasses(user),
});

export const createClassProcedure = defineProcedure({
  name: "classes.create",
  input: createClassInput,
  roles: STAFF_ROLES,
  rateLimit: { name: "user", points: 30, durationSec: 60 * 60 },
  handler: (input, { user }) => createClass(user, input),
});

export const getClassProcedure = defineProcedure({
  name: "classes.get",
  input: classIdInput,
  handler: async ({ classId }, { user }) => {
    const view = await getClassView(user, classId);
    const { access, ...rest } = view;
    return { class: { id: access.class.id, name: access.class.name, term: access.class.term }, as: access.as, ...rest };
  },
});

export const updateClassProcedure = defineProcedure({
  name: "classes.update",
  input: updateClassInput,
  roles: STAFF_ROLES,
  handler: (input, { user }) => updateClass(user, input),
});

export const deleteClassProcedure = defineProcedure({
  name: "classes.delete",
  input: classIdInput,
  roles: STAFF_ROLES,
  handler: ({ classId }, { user }) => deleteClass(user, classId),
});

export const previewJoinProcedure = defineProcedure({
  name: "classes.previewJoin",
  input: joinInput,
  rateLimit: JOIN_LIMITS,
  handler: ({ code }, { user }) => previewJoin(user, code),
});

export const joinClassProcedure = defineProcedure({
  name: "classes.join",
  input: joinInput,
  rateLimit: JOIN_LIMITS,
  handler: ({ code }, { user }) => joinClass(user, code),
});

export const leaveClassProcedure = defineProcedure({
  name: "classes.leave",
  input: classIdInput,
  handler: ({ classId }, { user }) => leaveClass(user, classId),
});

export const rotateJoinCodeProcedure = defineProcedure({
  name: "classes.rotateCode",
  input: classIdInput,
  roles: STAFF_ROLES,
  rateLimit: { name: "user", points: 30, durationSec: 60 * 60 },
  handler: ({ classId }, { user }) => rotateJoinCode(user, classId),
});

export const setJoinEnabledProcedure = defineProcedure({
  name: "classes.setJoinEnabled",
  input: joinEnabledInput,
  roles: STAFF_ROLES,
  handler: ({ classId, enabled }, { user }) => setJoinEnabled(user, classId, enabled),
});

export const rosterProcedure = defineProcedure({
  name: "classes.roster",
  input: classIdInput,
  roles: STAFF_ROLES,
  handler: ({ classId }, { user }) => listRoster(user, classId),
});

export const removeMemberProcedure = defineProcedure({
  name: "classes.removeMember",
  input: memberInput,
  roles: STAFF_ROLES,
  handler: (input, { user }) => removeMember(user, input),
});

export const addCoInstructorProcedure = defineProcedure({
  name: "classes.addCoInstructor",
  input: coInstructorInput,
  roles: STAFF_ROLES,
  // Each call reveals whether an email has an account: bounded like a look-up.
  rateLimit: { name: "user", points: 20, durationSec: 15 * 60 },
  handler: (input, { user }) => addCoInstructor(user, input),
});

export const createAssignmentProcedure = defineProcedure({
  name: "classes.createAssignment",
  input: assignmentInput,
  roles: STAFF_ROLES,
  rateLimit: { name: "user", points: 120, durationSec: 60 * 60 },
  handler: (input, { user }) => createAssignment(user, input),
});

export const updateAssignmentProcedure = defineProcedure({
  name: "classes.updateAssignment",
  input: updateAssignmentInput,
  roles: STAFF_ROLES,
  handler: (input, { user }) => updateAssignment(user, input),
});

export const deleteAssignmentProcedure = defineProcedure({
  name: "classes.deleteAssignment",
  input: assignmentIdInput,
  roles: STAFF_ROLES,
  handler: ({ assignmentId }, { user }) => deleteAssignment(user, assignmentId),
});

const gradebookInput = classIdInput.extend({
  kind: z.enum(["lab", "quiz", "study"]).optional(),
  status: z.enum(["not_started", "in_progress", "submitted", "late", "graded"]).optional(),
  q: z.string().max(100).optional(),
  assignmentId: z.string().max(64).optional(),
});

export const gradebookProcedure = defineProcedure({
  name: "classes.gradebook",
  input: gradebookInput,
  roles: STAFF_ROLES,
  handler: async ({ classId, ...filter }, { user }) => {
    const book = await getGradebook(user, classId, filter);
    return {
      class: { id: book.access.class.id, name: book.access.class.name, term: book.access.class.term },
      assignments: book.assignments.map((a) => ({ id: a.id, kind: a.kind, title: a.title, dueAt: a.dueAt.toISOString() })),
      rows: book.rows.map((r) => ({
        learner: r.learner,
        average: r.average,
        cells: r.cells.map((c) => ({ assignmentId: c.assignmentId, status: c.status, grade: c.ratio, attempts: c.grade.used, late: c.grade.late, detail: c.detail })),
      })),
    };
  },
});

export const learnerDetailProcedure = defineProcedure({
  name: "classes.learnerDetail",
  input: learnerDetailInput,
  roles: STAFF_ROLES,
  handler: async ({ classId, userId }, { user }) => {
    const { access: _access, ...detail } = await learnerDetail(user, classId, userId);
    return detail;
  },
});

export const itemAnalysisProcedure = defineProcedure({
  name: "classes.itemAnalysis",
  input: assignmentIdInput,
  roles: STAFF_ROLES,
  handler: ({ assignmentId }, { user }) => analyseAssignment(user, assignmentId),
});

export const exportGradebookProcedure = defineProcedure({
  name: "classes.exportGradebook",
  input: classIdInput,
  roles: STAFF_ROLES,
  rateLimit: { name: "user", points: 60, durationSec: 60 },
  handler: ({ classId }, { user }) => exportGradebookCsv(user, classId),
});
