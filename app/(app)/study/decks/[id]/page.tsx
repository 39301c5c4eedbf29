import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge, ButtonLink, Card, PageHeader } from "@/components/ui";
import { AddNote } from "@/components/study/AddNote";
import { DeckForm } from "@/components/study/DeckForm";
import { DeleteDeck } from "@/components/study/DeleteDeck";
import { StudyNav } from "@/components/study/StudyNav";
import { ActionError } from "@/lib/actions/errors";
import { requireUser } from "@/lib/auth/session";
import { listDecks } from "@/lib/srs/db/decks";
import { createNoteAction, deleteDeckAction, updateDeckAction } from "../../actions";
import styles from "../../study.module.css";

export const metadata: Metadata = { title: "Deck" };
export const dynamic = "force-dynamic";

export default async function DeckPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/study/decks/${id}`);
  let deck;
  try {
    deck = (await listDecks(user.id)).find((d) => d.id === id);
  } catch (error) {
    if (error instanceof ActionError) notFound();
    throw error;
  }
  if (!deck) notFound();
  const due = deck.due.new + deck.due.learning + deck.due.review;
  const search = `deck:"${deck.name.replace(/"/g, '\\"')}"`;
  return (
    <>
      <PageHeader
        title={deck.name}
        description={
          <>
            {deck.kind === "builtin" ? <Badge>Built-in</Badge> : deck.kind === "mistakes" ? <Badge tone="accent">Mistakes</Badge> : null} {deck.cards.toLocaleString("en")} cards · due now: {deck.due.new} new, {deck.due.learning} learning,{" "}
            {deck.due.review} to review
          </>
        }
        actions={
          <>
            <ButtonLink variant="secondary" href={`/study/browse?q=${encodeURIComponent(search)}`}>
              Browse cards
            </ButtonLink>
            <ButtonLink variant="secondary" href={`/api/study/decks/${deck.id}/export`} prefetch={false}>
              Export CSV
            </ButtonLink>
            {due ? <ButtonLink href={`/study/review?deck=${deck.id}`}>Study ({due})</ButtonLink> : null}
          </>
        }
      />
      <StudyNav current="/study" />
      {deck.description ? <p className={styles.muted}>{deck.description}</p> : null}
      <div className={styles.columns}>
        <Card title="Add a note" headingLevel={2}>
          <AddNote deckId={deck.id} action={createNoteAction} />
        </Card>
        <Card title="Deck options" headingLevel={2}>
          <DeckForm
            action={updateDeckAction}
            initial={{ deckId: deck.id, name: deck.name, description: deck.description, newPerDay: deck.newPerDay, reviewsPerDay: deck.reviewsPerDay }}
            submitLabel="Save options"
          />
          {deck.kind === "custom" ? (
            <div className={styles.section}>
              <DeleteDeck deckId={deck.id} name={deck.name} cards={deck.cards} action={deleteDeckAction} />
            </div>
          ) : (
            <p className={`${styles.section} ${styles.muted}`}>
              {deck.kind === "builtin"
                ? "This is your own copy of a built-in deck: edit its cards as you like; new cards from updates arrive here too. Suspend cards you do not want in the "
                : "Quizzes and labs add cards here when you ask them to. Suspend cards you know well in the "}
              <Link href={`/study/browse?q=${encodeURIComponent(search)}`}>browser</Link>.
            </p>
          )}
        </Card>
      </div>
    </>
  );
}
