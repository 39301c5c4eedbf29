/**
 * The built-in deck files (content/decks/*.yaml): zod schema and loader with located errors.
 *
 *   deck: { id, name, description }
 *   notes: - { id, type: basic|reversed, front, back, tags, source }
 *          - { id, type: cloze, text, extra?, tags, source }
 *
 * Tags: at least one `domain:<DVA-C02 domain>` and one `topic:<topic>` tag, from lib/quiz/domains.
 * Unknown keys are refused; cloze text must parse (lib/srs/notes parseCloze).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { DOMAIN_IDS, TOPICS } from "../quiz/domains";
import { parseCloze, type Note } from "./notes";
import { duplicateIds, kebabId, locateIssues, markdown, readYaml, sourceRef, strictObject, type ContentError } from "./yaml-source";

const tagList = z
  .array(z.string().regex(/^[a-z0-9]+(?:[:-][a-z0-9]+)*$/, 'expected a lower-case tag like "topic:async"'))
  .superRefine((tags, ctx) => {
    const domains = tags.filter((t) => t.startsWith("domain:"));
    const topics = tags.filter((t) => t.startsWith("topic:"));
    tags.forEach((t, i) => {
      if (t.startsWith("domain:") && !(DOMAIN_IDS as string[]).includes(t.slice(7)))
        ctx.addIssue({ code: "custom", path: [i], message: `unknown domain "${t}": expected one of ${DOMAIN_IDS.map((d) => `domain:${d}`).join(", ")}` });
      if (t.startsWith("topic:") && !(TOPICS as readonly string[]).includes(t.slice(6)))
        ctx.addIssue({ code: "custom", path: [i], message: `unknown topic "${t}": expected one of ${TOPICS.join(", ")} (add new topics to lib/quiz/domains.ts)` });
    });
    if (domains.length === 0) ctx.addIssue({ code: "custom", message: "expected at least one domain tag (domain:development, domain:security, …)" });
    if (topics.length === 0) ctx.addIssue({ code: "custom", message: "expected at least one topic tag (topic:async, …)" });
    if (new Set(tags).size !== tags.length) ctx.addIssue({ code: "custom", message: "a tag is listed twice" });
  });

const basicNote = strictObject({
  id: kebabId,
  type: z.enum(["basic", "reversed"]),
  front: markdown("front"),
  back: markdown("back"),
  tags: tagList,
  source: sourceRef,
});

const clozeNote = strictObject({
  id: kebabId,
  type: z.literal("cloze"),
  text: markdown("text").superRefine((text, ctx) => {
    const parsed = parseCloze(text);
    if (!parsed.ok) for (const p of parsed.problems) ctx.addIssue({ code: "custom", message: `${p.message} (text line ${p.line}, column ${p.column})` });
  }),
  extra: markdown("extra").optional(),
  tags: tagList,
  source: sourceRef,
});

const noteSchema = z.discriminatedUnion("type", [basicNote, clozeNote], {
  error: (iss) => (iss.code === "invalid_union" ? 'expected type: basic, reversed or cloze' : undefined),
});

export const deckFileSchema = strictObject({
  deck: strictObject({ id: kebabId, name: markdown("name"), description: markdown("description") }),
  notes: z.array(noteSchema).min(1, "a deck needs at least one note"),
}).superRefine((file, ctx) => duplicateIds(file.notes, ["notes"], ctx));

export type DeckFile = z.output<typeof deckFileSchema>;
export type DeckNote = DeckFile["notes"][number];

/** A deck note as the notes module models it (tags and all). */
export function toNote(n: DeckNote): Note & { source: string } {
  return n.type === "cloze"
    ? { id: n.id, type: "cloze", text: n.text, extra: n.extra, tags: n.tags, source: n.source }
    : { id: n.id, type: n.type, front: n.front, back: n.back, tags: n.tags, source: n.source };
}

export type LoadResult<T> = { ok: true; value: T } | { ok: false; errors: ContentError[] };

export function parseDeckFile(text: string, file?: string): LoadResult<DeckFile> {
  const src = readYaml(text, file);
  if (src.syntaxErrors.length) return { ok: false, errors: src.syntaxErrors };
  const r = deckFileSchema.safeParse(src.value);
  return r.success ? { ok: true, value: r.data } : { ok: false, errors: locateIssues(r.error.issues, src, file) };
}

/** Every content/decks/*.yaml under `root` (the project root), parsed; errors name the file. */
export function loadDeckFiles(root: string): LoadResult<DeckFile[]> {
  const dir = path.join(root, "content", "decks");
  const files = readdirSync(dir).filter((f) => f.endsWith(".yaml") || f.endsWith(".yml")).sort();
  const decks: DeckFile[] = [];
  const errors: ContentError[] = [];
  for (const f of files) {
    const rel = path.join("content", "decks", f);
    const r = parseDeckFile(readFileSync(path.join(dir, f), "utf8"), rel);
    if (r.ok) decks.push(r.value);
    else errors.push(...r.errors);
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: decks };
}
