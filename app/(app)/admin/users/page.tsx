import type { Metadata } from "next";
import { RoleForm } from "@/components/admin/RoleForm";
import { Badge, PageHeader, Table, cell } from "@/components/ui";
import { requireRole } from "@/lib/auth/session";
import { listUsers } from "@/lib/auth/users";
import styles from "./users.module.css";

export const metadata: Metadata = { title: "Users" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium" });

export default async function UsersPage() {
  const me = await requireRole(["admin"], "/admin/users");
  const users = await listUsers();
  return (
    <>
      <PageHeader
        title="Users"
        description="Instructors can author content and run classes; admins also manage accounts. There is always at least one admin."
      />
      <Table>
        <caption className="visually-hidden">All accounts and their roles</caption>
        <thead>
          <tr>
            <th scope="col">Account</th>
            <th scope="col">Signs in with</th>
            <th scope="col">Joined</th>
            <th scope="col">Role</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>
                <div className={styles.name}>
                  {u.name || u.email} {u.id === me.id ? <Badge>you</Badge> : null}
                </div>
                {u.name ? <div className={styles.email}>{u.email}</div> : null}
              </td>
              <td>{u.signsInWith.map((s) => (s === "password" ? "Password" : "Single sign-on")).join(", ") || "—"}</td>
              <td className={cell.nowrap}>{dateFormat.format(u.createdAt)}</td>
              <td>
                <RoleForm userId={u.id} email={u.email} role={u.role} />
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
