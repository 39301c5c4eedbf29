import type { Metadata } from "next";
import { PageHeader } from "@/components/ui";
import { StudyNav } from "@/components/study/StudyNav";
import { ReviewSession } from "@/components/study/review/ReviewSession";
import { requireUser } from "@/lib/auth/session";
import { ensureBuiltInDecks } from "@/lib/srs/db/builtin-sync";
import { getOwnDeck } from "@/lib/srs/db/decks";
import { reviewView } from "@/lib/srs/db/queue";
import { ActionError } from "@/lib/actions/errors";
import { notFound } from "next/navigation";
import { answerAction, queueAction, suspendAction, undoAction, updateNoteAction } from "../actions";

export const metadata: Metadata = { title: "Review" };
export const dynamic = "force-dynamic";

export default async function ReviewPage({ searchParams }: { searchParams: Promise<{ deck?: string }> }) {
  const { deck: deckParam } = await searchParams;
  const deckId = typeof deckParam === "string" && deckParam ? deckParam : undefined;
  const user = await requireUser(`/study/review${deckId ? `?deck=${encodeURIComponent(deckId)}` : ""}`);
  await ensureBuiltInDecks(user.id);
  let deckName: string | null = null;
  if (deckId) {
    try {
      deckName = (await getOwnDeck(user.id, deckId)).name;
    } catch (error) {
      if (error instanceof ActionError) notFound();
      throw error;
    }
  }
  const initial = await reviewView(user.id, { deckId });
  return (
    <>
      <PageHeader title={deckName ? `Review: ${deckName}` : "Review"} description={deckName ? undefined : "Every deck's cards due today, learning cards first."} />
      <StudyNav current="/study/review" />
      <ReviewSession
        initial={initial}
        deckId={deckId}
        actions={{ answer: answerAction, undo: undoAction, suspend: suspendAction, updateNote: updateNoteAction, refresh: queueAction }}
      />
    </>
  );
}
