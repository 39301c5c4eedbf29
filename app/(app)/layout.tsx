import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/AppShell";
import { requireUser } from "@/lib/auth/session";

// Every page under (app) needs a signed-in user: proxy.ts redirects visitors without a session,
// and this catches the rest (an account deleted since its cookie was issued).
export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return <AppShell user={user}>{children}</AppShell>;
}
