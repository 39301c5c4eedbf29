// Auth.js endpoints (session, CSRF, OIDC redirects and callbacks, credentials callback).
// Public by design (proxy.ts lets /api/auth/* through); password checks inside enforce the limits.
import { handlers } from "@/lib/auth/auth";

export const { GET, POST } = handlers;
