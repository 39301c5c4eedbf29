"use server";

import { serverAction } from "@/lib/actions";
import {
  deleteLabDraftProcedure,
  draftFromLabProcedure,
  importLabProcedure,
  newLabDraftProcedure,
  previewLabProcedure,
  publishLabDraftProcedure,
  saveLabDraftProcedure,
  validateLabProcedure,
} from "@/lib/classroom/authoring/procedures";

export const validateLabAction = serverAction(validateLabProcedure);
export const saveLabDraftAction = serverAction(saveLabDraftProcedure);
export const deleteLabDraftAction = serverAction(deleteLabDraftProcedure);
export const previewLabAction = serverAction(previewLabProcedure);
export const publishLabDraftAction = serverAction(publishLabDraftProcedure);
export const draftFromLabAction = serverAction(draftFromLabProcedure);
export const importLabAction = serverAction(importLabProcedure);
export const newLabDraftAction = serverAction(newLabDraftProcedure);
