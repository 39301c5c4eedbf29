import type { Metadata } from "next";
import { ButtonLink, Card, EmptyState, PageHeader } from "@/components/ui";
import { DeckForm } from "@/components/study/DeckForm";
import { DeckList } from "@/components/study/DeckList";
import { StudyNav } from "@/components/study/StudyNav";
import { requireUser } from "@/lib/auth/session";
import { defaultDeckLimits } from "@/lib/srs/queue";
import { listDecks } from "@/lib/srs/db/decks";
import { createDeckAction } from "./actions";
import styles from "./study.module.css";

export const metadata: Metadata = { title: "Study" };
export const dynamic = "force-dynamic";

export default async function StudyPage() {
  const user = await requireUser("/study");
  const decks = await listDecks(user.id);
  const due = decks.reduce((n, d) => n + d.due.new + d.due.learning + d.due.review, 0);
  return (
    <>
      <PageHeader
        title="Study"
        description="Flashcards scheduled by FSRS: each card comes back just before you would forget it."
        actions={due ? <ButtonLink href="/study/review">Review all ({due})</ButtonLink> : null}
      />
      <StudyNav current="/study" />
      {decks.length ? (
        <DeckList decks={decks} />
      ) : (
        <EmptyState title="No decks yet">
          <p>The built-in AWS Lambda deck appears here once an administrator has started the app with its content. Meanwhile, create a deck below or import a CSV file.</p>
        </EmptyState>
      )}
      <div className={styles.columns}>
        <Card title="New deck" headingLevel={2}>
          <DeckForm action={createDeckAction} initial={{ name: "", description: "", ...defaultDeckLimits }} submitLabel="Create deck" goToDeck />
        </Card>
        <Card title="How reviews work" headingLevel={2}>
          <ul className={styles.help}>
            <li>
              <strong>Space</strong> or <strong>Enter</strong> shows the answer; <strong>1–4</strong> rate it Again, Hard, Good or Easy. Each button shows when the card would come back.
            </li>
            <li>
              <strong>Z</strong> undoes your last answer, <strong>E</strong> edits the card, <strong>S</strong> suspends it.
            </li>
            <li>New cards and reviews are limited per deck and per day; cards of the same note wait until tomorrow once you have seen one.</li>
            <li>Wrong answers in quizzes and labs can become cards in your Mistakes deck.</li>
          </ul>
        </Card>
      </div>
    </>
  );
}
