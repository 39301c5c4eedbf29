"use client";

import { useActionState } from "react";
import { changeRoleAction } from "@/app/(app)/admin/users/actions";
import { Button, SelectField } from "@/components/ui";
import { ROLE_LABELS, ROLES } from "@/lib/auth/roles";
import type { Role } from "@/lib/db";
import styles from "./RoleForm.module.css";

const OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

/** One user's role: a select and a Save button; the outcome is announced beside it. */
export function RoleForm({ userId, email, role }: { userId: string; email: string; role: Role }) {
  const [result, formAction, pending] = useActionState(changeRoleAction, null);
  const current = result?.ok ? result.data.role : role;
  return (
    <form action={formAction} className={styles.form}>
      <input type="hidden" name="userId" value={userId} />
      <SelectField
        name="role"
        label={<span className="visually-hidden">Role of {email}</span>}
        options={OPTIONS}
        defaultValue={current}
        key={current}
        errors={result && !result.ok ? (result.fieldErrors.role ?? [result.error]) : undefined}
      />
      <Button type="submit" variant="secondary" pending={pending}>
        Save
      </Button>
      <span role="status" className={styles.status}>
        {result?.ok ? `Saved: ${ROLE_LABELS[result.data.role]}` : ""}
      </span>
    </form>
  );
}
