"use client";

import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/actions/result";
import type { NoteContent } from "@/lib/srs/db/note-content";
import { NoteEditor } from "./review/NoteEditor";

type CreateNote = (input: { deckId: string } & NoteContent) => Promise<ActionResult<{ noteId: string; cards: number }>>;

/** "Add a note" on a deck's page: the note editor with a type choice, cleared after each save. */
export function AddNote({ deckId, action }: { deckId: string; action: CreateNote }) {
  const router = useRouter();
  return (
    <NoteEditor
      initial={{ type: "basic", front: "", back: "", tags: [] }}
      typeEditable
      resetOnSave
      submitLabel="Add note"
      onSave={async (content: NoteContent) => {
        const r = await action({ deckId, ...content });
        if (r.ok) router.refresh();
        return r;
      }}
    />
  );
}
