import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui";
import { ImportForm } from "@/components/study/ImportForm";
import { StudyNav } from "@/components/study/StudyNav";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import styles from "../study.module.css";

export const metadata: Metadata = { title: "Import cards" };
export const dynamic = "force-dynamic";

export default async function ImportPage() {
  const user = await requireUser("/study/import");
  const decks = await getDb().deck.findMany({ where: { ownerId: user.id }, select: { id: true, name: true }, orderBy: { name: "asc" } });
  return (
    <>
      <PageHeader title="Import cards" description="Bring flashcards from a spreadsheet or Anki's “Notes in Plain Text” export." />
      <StudyNav current="/study/import" />
      <div className={styles.columns} style={{ marginTop: 0 }}>
        <ImportForm decks={decks} />
        <Card title="File format" headingLevel={2}>
          <ul className={styles.help}>
            <li>
              One card per row: <strong>front</strong>, <strong>back</strong>, and optionally <strong>tags</strong> separated by spaces. Commas, tabs or semicolons between columns are recognised by themselves; a first row
              “front,back,tags” is skipped.
            </li>
            <li>Quote a field that contains the separator or a line break: <code>&quot;a, b&quot;</code>; a quote inside is doubled: <code>&quot;&quot;</code>.</li>
            <li>
              A front with <code>{"{{c1::…}}"}</code> becomes a cloze card (the back is shown after the answer). The tag <code>note-type:reversed</code> also makes the back → front card.
            </li>
            <li>Markdown works in both sides. Rows with errors are listed with their row and column, and skipped; the rest are imported.</li>
            <li>Every deck can be exported back to this format from its page.</li>
          </ul>
        </Card>
      </div>
    </>
  );
}
