import { signInWithOidcAction } from "@/app/(auth)/actions";
import { Button } from "@/components/ui";
import styles from "./AuthForm.module.css";

/** "Sign in with …" for the OpenID Connect provider configured by AUTH_OIDC_* (lib/auth/oidc.ts). */
export function OidcSignIn({ name, callbackUrl }: { name: string; callbackUrl?: string }) {
  return (
    <form
      action={async (formData: FormData) => {
        "use server";
        await signInWithOidcAction(null, formData);
      }}
      className={styles.oidc}
    >
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <Button type="submit" variant="secondary" className={styles.submit}>
        Sign in with {name}
      </Button>
    </form>
  );
}
