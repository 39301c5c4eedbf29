import { headers } from "next/headers";
import { getCurrentUser } from "@/lib/auth/session";
import { clientIp } from "@/lib/http/client-ip";
import type { RequestContext } from "./procedure";

/** The caller of the current server action or route handler, from its cookies and headers. */
export async function nextRequestContext(): Promise<RequestContext> {
  return { getUser: getCurrentUser, ip: clientIp(await headers()) };
}
