import { signOutAction } from "@/app/(auth)/actions";
import { Badge } from "@/components/ui";
import type { AccountUser } from "@/lib/auth/accounts";
import { ROLE_LABELS } from "@/lib/auth/roles";
import styles from "./AppShell.module.css";

/** Who is signed in, their role, and the sign-out button (a form: works without JavaScript). */
export function UserMenu({ user }: { user: AccountUser }) {
  return (
    <div className={styles.user}>
      <span className={styles.userName} title={user.email}>
        {user.name || user.email}
      </span>
      <span className={styles.role}>
        <Badge tone={user.role === "learner" ? "neutral" : "accent"}>{ROLE_LABELS[user.role]}</Badge>
      </span>
      <form
        action={async (formData: FormData) => {
          "use server";
          await signOutAction(null, formData);
        }}
      >
        <button type="submit" className={styles.signOut}>
          Sign out
        </button>
      </form>
    </div>
  );
}
