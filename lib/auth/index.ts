// Accounts and sessions. Pages: requireUser() / requireRole(); actions and routes get the user
// from lib/actions / lib/http instead (they check roles for you).
export { getCurrentUser, requireUser, requireRole } from "./session";
export { ROLES, ROLE_LABELS, STAFF_ROLES, hasRole, Role } from "./roles";
export type { AccountUser } from "./accounts";
