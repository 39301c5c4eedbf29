"use server";
// The Study area's server actions: each one is a procedure of lib/srs/procedures.ts (sign-in,
// validation, rate limits) — the same operations the JSON routes under /api/study expose.
import { serverAction } from "@/lib/actions";
import {
  answerAndNextProcedure,
  bulkProcedure,
  createDeckProcedure,
  createNoteProcedure,
  deleteDeckProcedure,
  queueProcedure,
  saveWeightsProcedure,
  suspendProcedure,
  undoProcedure,
  updateDeckProcedure,
  updateNoteProcedure,
  updateSettingsProcedure,
} from "@/lib/srs/procedures";

export const answerAction = serverAction(answerAndNextProcedure);
export const undoAction = serverAction(undoProcedure);
export const suspendAction = serverAction(suspendProcedure);
export const updateNoteAction = serverAction(updateNoteProcedure);
export const createNoteAction = serverAction(createNoteProcedure);
export const queueAction = serverAction(queueProcedure);
export const createDeckAction = serverAction(createDeckProcedure);
export const updateDeckAction = serverAction(updateDeckProcedure);
export const deleteDeckAction = serverAction(deleteDeckProcedure);
export const bulkAction = serverAction(bulkProcedure);
export const updateSettingsAction = serverAction(updateSettingsProcedure);
export const saveWeightsAction = serverAction(saveWeightsProcedure);
