import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { clientIp } from "@/lib/http/client-ip";
import { authenticateWithPassword } from "./accounts";
import { lambdaLabAdapter } from "./adapter";
import { authBaseConfig, authSecret } from "./config";
import { oidcProviderFromEnv } from "./oidc";
import { signInSchema } from "./schemas";

/** Wrong email or password (deliberately the same for both: no account enumeration). */
export class InvalidCredentials extends CredentialsSignin {
  override code = "invalid_credentials";
}

/** Over a sign-in limit; the code carries the wait in seconds ("rate_limited:900"). */
export class SignInRateLimited extends CredentialsSignin {
  constructor(readonly retryAfterSec: number) {
    super();
    this.code = `rate_limited:${retryAfterSec}`;
  }
}

// Every password sign-in — through our server action or a direct POST to
// /api/auth/callback/credentials — goes through authorize(), so the limits cannot be skipped.
const credentials = Credentials({
  id: "credentials",
  name: "Email and password",
  credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
  async authorize(input, request) {
    const parsed = signInSchema.safeParse(input);
    if (!parsed.success) throw new InvalidCredentials();
    const result = await authenticateWithPassword(parsed.data.email, parsed.data.password, clientIp(request.headers));
    if (result.ok) return { id: result.user.id, email: result.user.email, name: result.user.name };
    throw result.reason === "rate_limited" ? new SignInRateLimited(result.retryAfterSec) : new InvalidCredentials();
  },
});

export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const oidc = oidcProviderFromEnv();
  return {
    ...authBaseConfig,
    secret: authSecret(),
    adapter: lambdaLabAdapter(),
    providers: [credentials, ...(oidc ? [oidc] : [])],
  };
});
