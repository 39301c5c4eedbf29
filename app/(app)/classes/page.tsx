import type { Metadata } from "next";
import Link from "next/link";
import { Card, EmptyState, PageHeader } from "@/components/ui";
import { CreateClassForm } from "@/components/classroom/CreateClassForm";
import { JoinClassForm } from "@/components/classroom/JoinClassForm";
import { LocalDate } from "@/components/classroom/LocalDate";
import { StatusBadge } from "@/components/classroom/StatusBadge";
import { percentText } from "@/components/classroom/format";
import styles from "@/components/classroom/Classroom.module.css";
import { hasRole, STAFF_ROLES } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { listClasses } from "@/lib/classroom/service/classes";
import { dueForLearner } from "@/lib/classroom/service/gradebook";
import { createClassAction, joinClassAction } from "./actions";

export const metadata: Metadata = { title: "Classes" };

export default async function ClassesPage({ searchParams }: { searchParams: Promise<{ all?: string }> }) {
  const user = await requireUser("/classes");
  const staff = hasRole(user, STAFF_ROLES);
  const all = user.role === "admin" && (await searchParams).all === "1";
  const [classes, due] = await Promise.all([listClasses(user, { all }), dueForLearner(user)]);
  // Graded work and work that can no longer be handed in (missed) leave the list of what is due.
  const open = due.filter((d) => d.cell.status !== "graded" && d.cell.status !== "missed");
  return (
    <>
      <PageHeader title="Classes" description={staff ? "Run classes: join codes, assignments with due dates, the gradebook." : "Your classes and what is due."} />
      <div className={styles.stack}>
        {due.length ? (
          <Card title="Due" headingLevel={2}>
            {open.length ? (
              <ul className={styles.list} aria-label="What is due">
                {open.map((d) => (
                  <li key={d.assignment.id} className={styles.item}>
                    <div className={styles.itemHead}>
                      <Link href={`/classes/${d.classId}`} className={styles.itemTitle}>
                        {d.assignment.title}
                      </Link>
                      <StatusBadge status={d.cell.status} />
                    </div>
                    <p className={styles.meta}>
                      <span>{d.className}</span>
                      <span>
                        Due <LocalDate iso={d.assignment.dueAt.toISOString()} withWeekday />
                      </span>
                      <span>Grade {percentText(d.cell.ratio)}</span>
                    </p>
                  </li>
                ))}
              </ul>
            ) : (
              <p className={styles.muted}>Nothing left to do: every assignment is handed in or closed.</p>
            )}
          </Card>
        ) : null}

        <Card title="Your classes" headingLevel={2}>
          {classes.length ? (
            <ul className={styles.list} aria-label="Your classes">
              {classes.map((c) => (
                <li key={c.id} className={styles.item}>
                  <div className={styles.itemHead}>
                    <Link href={`/classes/${c.id}`} className={styles.itemTitle}>
                      {c.name}
                    </Link>
                    <span className={styles.muted}>{c.as === "learner" ? "Learner" : c.as === "instructor" ? "Instructor" : "Admin view"}</span>
                  </div>
                  <p className={styles.meta}>
                    {c.term ? <span>{c.term}</span> : null}
                    <span>Taught by {c.instructors.join(", ")}</span>
                    {c.as !== "learner" ? <span>{c.learners} learner{c.learners === 1 ? "" : "s"}</span> : null}
                    <span>{c.upcoming} open assignment{c.upcoming === 1 ? "" : "s"}</span>
                  </p>
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState title={staff ? "No classes yet" : "You are not in a class yet"}>
              <p>{staff ? "Create a class below; learners join it with its code or invite link." : "Ask your instructor for the class code or invite link, and enter the code below."}</p>
            </EmptyState>
          )}
          {user.role === "admin" ? <p className={styles.small}>{all ? <Link href="/classes">Show only my classes</Link> : <Link href="/classes?all=1">Show every class on this site</Link>}</p> : null}
        </Card>

        <Card title="Join a class" headingLevel={2}>
          <JoinClassForm action={joinClassAction} />
        </Card>

        {staff ? (
          <Card title="Create a class" headingLevel={2}>
            <CreateClassForm action={createClassAction} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
