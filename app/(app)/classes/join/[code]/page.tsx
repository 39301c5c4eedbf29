import type { Metadata } from "next";
import Link from "next/link";
import { Alert, ButtonLink, Card, PageHeader } from "@/components/ui";
import { JoinClassForm } from "@/components/classroom/JoinClassForm";
import styles from "@/components/classroom/Classroom.module.css";
import { requireUser } from "@/lib/auth/session";
import { runProcedure } from "@/lib/actions";
import { nextRequestContext } from "@/lib/actions/request-context";
import { previewJoinProcedure } from "@/lib/classroom/procedures";
import { joinClassAction } from "../../actions";

export const metadata: Metadata = { title: "Join a class" };

/**
 * The invite link: shows which class it is before the person confirms (joining is a POST, so a
 * link opened by a mail scanner or a prefetch never joins anyone). Rate-limited like typing a code.
 */
export default async function JoinPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  await requireUser(`/classes/join/${encodeURIComponent(code)}`);
  const preview = await runProcedure(previewJoinProcedure, { code: decodeURIComponent(code) }, await nextRequestContext());
  return (
    <>
      <PageHeader title="Join a class" description="You were given an invite link." />
      {preview.ok ? (
        <Card title={preview.data.name} headingLevel={2}>
          <div className={styles.stack}>
            <p className={styles.meta}>
              {preview.data.term ? <span>{preview.data.term}</span> : null}
              <span>Taught by {preview.data.instructors.join(", ")}</span>
            </p>
            {preview.data.alreadyMember ? (
              <>
                <Alert tone="info">You are already in this class{preview.data.as === "instructor" ? " as an instructor" : ""}.</Alert>
                <ButtonLink href={`/classes/${preview.data.classId}`}>Open the class</ButtonLink>
              </>
            ) : (
              <>
                <p>Joining lets the class&apos;s instructors see your attempts and grades on its assignments.</p>
                <JoinClassForm action={joinClassAction} code={code} />
              </>
            )}
          </div>
        </Card>
      ) : (
        <div className={styles.stack}>
          <Alert tone="error">{preview.error}</Alert>
          <p>
            <Link href="/classes">Enter a code on the Classes page</Link>
          </p>
        </div>
      )}
    </>
  );
}
