/**
 * A note's content as stored (type + JSON fields + padded tags) and as the pure notes module
 * models it (lib/srs/notes.ts Note), with the zod schema every form, import and API call uses.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { parseCloze, searchTextOf, type Note } from "../notes";
import { tagsField } from "../search";

export type NoteFields = { front: string; back: string } | { text: string; extra?: string };

/** A note without identity: what a learner writes or imports. */
export type NoteContent =
  | { type: "basic" | "reversed"; front: string; back: string; tags: string[] }
  | { type: "cloze"; text: string; extra?: string; tags: string[] };

const MAX_FIELD = 20_000;
const markdown = (what: string) =>
  z
    .string({ error: `expected ${what} (Markdown text)` })
    .max(MAX_FIELD, `${what} is longer than ${MAX_FIELD.toLocaleString("en")} characters`)
    .refine((s) => s.trim() !== "", `${what} is empty`);

/** Tags as a list or as one space-separated string (a form field); lower-cased, deduplicated. */
export const tagsInput = z
  .union([z.array(z.string()), z.string()], { error: "expected tags separated by spaces" })
  .default([])
  .transform((v) => [...new Set((Array.isArray(v) ? v : v.split(/\s+/)).map((t) => t.trim().toLowerCase()).filter(Boolean))])
  .refine((tags) => tags.length <= 40, "at most 40 tags")
  .superRefine((tags, ctx) => {
    for (const t of tags) {
      if (t.length > 80 || /["\\]/.test(t)) ctx.addIssue({ code: "custom", message: `"${t.slice(0, 20)}…" is not a tag: up to 80 characters, no quotes or backslashes` });
    }
  });

export const noteContentInput = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.enum(["basic", "reversed"]), front: markdown("front"), back: markdown("back"), tags: tagsInput }),
    z.object({
      type: z.literal("cloze"),
      text: markdown("text").superRefine((text, ctx) => {
        const parsed = parseCloze(text);
        if (!parsed.ok) for (const p of parsed.problems) ctx.addIssue({ code: "custom", message: `line ${p.line}, column ${p.column}: ${p.message}` });
      }),
      extra: z.string().max(MAX_FIELD).optional().transform((s) => (s?.trim() ? s : undefined)),
      tags: tagsInput,
    }),
  ],
  { error: "expected type: basic, reversed or cloze" },
);

export function fieldsOf(content: NoteContent): NoteFields {
  return content.type === "cloze" ? { text: content.text, ...(content.extra ? { extra: content.extra } : {}) } : { front: content.front, back: content.back };
}

export function tagsOf(stored: string): string[] {
  return stored.split(" ").filter(Boolean);
}

/** A stored note row → the pure module's Note. */
export function noteOf(row: { id: string; type: string; fields: string; tags: string }): Note {
  const fields = JSON.parse(row.fields) as Record<string, string | undefined>;
  const tags = tagsOf(row.tags);
  return row.type === "cloze"
    ? { id: row.id, type: "cloze", text: fields.text ?? "", extra: fields.extra, tags }
    : { id: row.id, type: row.type === "reversed" ? "reversed" : "basic", front: fields.front ?? "", back: fields.back ?? "", tags };
}

export function contentOf(note: Note): NoteContent {
  return note.type === "cloze"
    ? { type: "cloze", text: note.text, extra: note.extra, tags: note.tags ?? [] }
    : { type: note.type, front: note.front, back: note.back, tags: note.tags ?? [] };
}

/** The columns a note's content is stored in. */
export function storedContent(content: NoteContent) {
  const note = { id: "", ...content } as Note;
  return { type: content.type, fields: JSON.stringify(fieldsOf(content)), tags: tagsField(content.tags), searchText: searchTextOf(note) };
}

/** sha256 of what a learner sees and may edit: type, fields and tags. */
export function contentHashOf(stored: { type: string; fields: string; tags: string }): string {
  return createHash("sha256").update(`${stored.type}\n${stored.fields}\n${stored.tags}`).digest("hex");
}
