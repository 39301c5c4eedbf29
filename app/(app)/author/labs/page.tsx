import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink, Card, EmptyState, PageHeader } from "@/components/ui";
import { ActionButton } from "@/components/classroom/ActionButton";
import { LocalDate } from "@/components/classroom/LocalDate";
import { OpenDraftButton } from "@/components/author/DraftButtons";
import { ImportLabForm } from "@/components/author/ImportLabForm";
import styles from "@/components/author/Author.module.css";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/session";
import { listAuthoredLabs, listDrafts } from "@/lib/classroom/authoring/drafts";
import { listLabs } from "@/lib/labs/service/learner";
import { deleteLabDraftAction, draftFromLabAction, importLabAction, newLabDraftAction } from "./actions";

export const metadata: Metadata = { title: "Lab authoring" };

export default async function AuthorLabsPage() {
  const user = await requireRole(STAFF_ROLES, "/author/labs");
  const [drafts, mine, visible] = await Promise.all([listDrafts(user), listAuthoredLabs(user), listLabs(user)]);
  const builtIn = visible.filter((l) => l.builtIn);
  return (
    <>
      <PageHeader title="Lab authoring" description={
          <>
            Write labs in YAML, check them like <code>npm run lab -- check</code> does, preview every variant, publish versions.
          </>
        } actions={<OpenDraftButton action={newLabDraftAction} input={{}} label="New lab" />} />
      <div className={styles.layout}>
        <Card title="Import a lab file" headingLevel={2}>
          <ImportLabForm importLab={importLabAction} />
        </Card>
        <Card title="Drafts" headingLevel={2}>
          {drafts.length ? (
            <ul className={styles.list} aria-label="Drafts">
              {drafts.map((d) => (
                <li key={d.id} className={styles.item}>
                  <span>
                    <Link href={`/author/labs/${d.id}`}>
                      <strong>{d.title ?? d.fileName ?? "Untitled lab"}</strong>
                    </Link>{" "}
                    <span className={styles.muted}>
                      {d.fileName ? `${d.fileName} · ` : ""}
                      {d.labIdInFile ? <code>{d.labIdInFile}</code> : null} · {d.valid ? <span className={styles.ok}>valid</span> : <span className={styles.bad}>{d.errors.length} problem{d.errors.length === 1 ? "" : "s"}</span>} · saved <LocalDate iso={d.updatedAt} />
                    </span>
                  </span>
                  <ActionButton action={deleteLabDraftAction} fields={{ draftId: d.id }} label="Delete" variant="danger-ghost" confirm="Delete this draft? Published versions are not affected." formLabel={`Delete draft ${d.id}`} />
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState title="No drafts">
              <p>Start a new lab, import a file, or copy one of the labs below to adapt it.</p>
            </EmptyState>
          )}
        </Card>
        <Card title="Your labs" headingLevel={2}>
          {mine.length ? (
            <ul className={styles.list} aria-label="Your labs">
              {mine.map((l) => (
                <li key={l.slug} className={styles.item}>
                  <span>
                    <Link href={`/labs/${l.slug}`}>
                      <strong>{l.title}</strong>
                    </Link>{" "}
                    <span className={styles.muted}>
                      <code>{l.slug}</code> · v{l.version} · {l.visibility === "private" ? "visible to your classes" : "public"}
                    </span>
                  </span>
                  <span className={styles.toolbar}>
                    <OpenDraftButton action={draftFromLabAction} input={{ slug: l.slug }} label="Edit" variant="secondary" />
                    <ButtonLink href={`/api/classes/authoring/labs/${l.slug}/export`} variant="ghost" prefetch={false}>
                      Export
                    </ButtonLink>
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className={styles.muted}>You have not published a lab yet. Labs you publish are visible to you, admins and the classes you teach.</p>
          )}
        </Card>
        <Card title="Built-in labs" headingLevel={2}>
          <ul className={styles.list} aria-label="Built-in labs">
            {builtIn.map((l) => (
              <li key={l.id} className={styles.item}>
                <span>
                  <strong>{l.title}</strong> <code className={styles.muted}>{l.id}</code>
                </span>
                <span className={styles.toolbar}>
                  <OpenDraftButton action={draftFromLabAction} input={{ slug: l.id }} label="Copy to a draft" variant="secondary" />
                  <ButtonLink href={`/api/classes/authoring/labs/${l.id}/export`} variant="ghost" prefetch={false}>
                    Export
                  </ButtonLink>
                </span>
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}
