"use server";

import { serverAction } from "@/lib/actions";
import { changeRoleProcedure } from "@/lib/auth/procedures";

export const changeRoleAction = serverAction(changeRoleProcedure);
