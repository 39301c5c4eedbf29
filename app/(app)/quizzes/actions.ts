"use server";

import { serverAction } from "@/lib/actions";
import { startAttemptProcedure } from "@/lib/quiz/procedures";

export const startAttemptAction = serverAction(startAttemptProcedure);
