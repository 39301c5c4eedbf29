"use server";

import { serverAction } from "@/lib/actions";
import {
  addCoInstructorProcedure,
  createAssignmentProcedure,
  createClassProcedure,
  deleteAssignmentProcedure,
  deleteClassProcedure,
  joinClassProcedure,
  leaveClassProcedure,
  removeMemberProcedure,
  rotateJoinCodeProcedure,
  setJoinEnabledProcedure,
  updateAssignmentProcedure,
  updateClassProcedure,
} from "@/lib/classroom/procedures";

export const createClassAction = serverAction(createClassProcedure);
export const updateClassAction = serverAction(updateClassProcedure);
export const deleteClassAction = serverAction(deleteClassProcedure);
export const joinClassAction = serverAction(joinClassProcedure);
export const leaveClassAction = serverAction(leaveClassProcedure);
export const rotateJoinCodeAction = serverAction(rotateJoinCodeProcedure);
export const setJoinEnabledAction = serverAction(setJoinEnabledProcedure);
export const removeMemberAction = serverAction(removeMemberProcedure);
export const addCoInstructorAction = serverAction(addCoInstructorProcedure);
export const createAssignmentAction = serverAction(createAssignmentProcedure);
export const updateAssignmentAction = serverAction(updateAssignmentProcedure);
export const deleteAssignmentAction = serverAction(deleteAssignmentProcedure);
