"use server";
// The lab player's server actions: each is a labs-core procedure (lib/labs/procedures.ts), so the
// session, input validation, roles and rate limits are the same as behind /api/labs.
import { serverAction } from "@/lib/actions";
import {
  gradeAttemptProcedure,
  labTraceProcedure,
  makeMistakeCardProcedure,
  saveDraftProcedure,
  whatIfKnobsProcedure,
  whatIfProcedure,
} from "@/lib/labs/procedures";

export const gradeAttemptAction = serverAction(gradeAttemptProcedure);
export const saveDraftAction = serverAction(saveDraftProcedure);
export const labTraceAction = serverAction(labTraceProcedure);
export const whatIfKnobsAction = serverAction(whatIfKnobsProcedure);
export const whatIfAction = serverAction(whatIfProcedure);
export const makeMistakeCardAction = serverAction(makeMistakeCardProcedure);
