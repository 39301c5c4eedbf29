"use server";

import { serverAction } from "@/lib/actions";
import {
  createQuestionProcedure,
  createQuizProcedure,
  deleteQuizProcedure,
  importGiftProcedure,
  retireQuestionProcedure,
  updateQuestionProcedure,
} from "@/lib/quiz/procedures";

export const createQuestionAction = serverAction(createQuestionProcedure);
export const updateQuestionAction = serverAction(updateQuestionProcedure);
export const retireQuestionAction = serverAction(retireQuestionProcedure);
export const importGiftAction = serverAction(importGiftProcedure);
export const createQuizAction = serverAction(createQuizProcedure);
export const deleteQuizAction = serverAction(deleteQuizProcedure);
