"use client";

import { useState, type FormEvent } from "react";
import { Alert, Button, Field, TextAreaField } from "@/components/ui";
import type { ActionResult } from "@/lib/actions/result";
import type { NoteContent } from "@/lib/srs/db/note-content";
import styles from "./NoteEditor.module.css";

export interface NoteEditorProps {
  initial: NoteContent;
  /** Offer the choice of note type (new notes); an existing note keeps its type. */
  typeEditable?: boolean;
  submitLabel?: string;
  onSave(content: NoteContent): Promise<ActionResult<unknown>>;
  onCancel?(): void;
  /** After a successful save of a NEW note: clear the fields for the next one. */
  resetOnSave?: boolean;
}

const TYPE_LABELS: Record<NoteContent["type"], string> = { basic: "Basic", reversed: "Basic and reversed", cloze: "Cloze" };

/** The fields of a note (front/back, or cloze text/extra) and its tags, with errors under each field. */
export function NoteEditor({ initial, typeEditable = false, submitLabel = "Save", onSave, onCancel, resetOnSave = false }: NoteEditorProps) {
  const [type, setType] = useState<NoteContent["type"]>(initial.type);
  const [front, setFront] = useState(initial.type === "cloze" ? "" : initial.front);
  const [back, setBack] = useState(initial.type === "cloze" ? "" : initial.back);
  const [text, setText] = useState(initial.type === "cloze" ? initial.text : "");
  const [extra, setExtra] = useState(initial.type === "cloze" ? (initial.extra ?? "") : "");
  const [tags, setTags] = useState(initial.tags.join(" "));
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, setPending] = useState(false);
  const errors = result && !result.ok ? result.fieldErrors : {};

  async function submit(e: FormEvent) {
    e.preventDefault();
    setPending(true);
    const tagList = tags.split(/\s+/).filter(Boolean);
    const content: NoteContent = type === "cloze" ? { type, text, extra: extra || undefined, tags: tagList } : { type, front, back, tags: tagList };
    const r = await onSave(content);
    setPending(false);
    setResult(r);
    if (r.ok && resetOnSave) {
      setFront("");
      setBack("");
      setText("");
      setExtra("");
    }
  }

  const area = (name: string, label: string, value: string, set: (v: string) => void, hint?: string, rows = 4) => (
    <TextAreaField name={name} label={label} rows={rows} value={value} onChange={(e) => set(e.target.value)} hint={hint} errors={errors[name]} className={styles.source} />
  );

  return (
    <form onSubmit={submit} className={styles.form} noValidate>
      {result && !result.ok && !Object.keys(errors).some((k) => ["front", "back", "text", "extra", "tags", "type"].includes(k)) ? <Alert tone="error">{result.error}</Alert> : null}
      {result?.ok && resetOnSave ? (
        <p className={styles.saved} role="status">
          Added. Write the next one.
        </p>
      ) : null}
      {typeEditable ? (
        <fieldset className={styles.types}>
          <legend>Type</legend>
          {(Object.keys(TYPE_LABELS) as NoteContent["type"][]).map((t) => (
            <label key={t}>
              <input type="radio" name="type" value={t} checked={type === t} onChange={() => setType(t)} /> {TYPE_LABELS[t]}
            </label>
          ))}
        </fieldset>
      ) : null}
      {type === "cloze" ? (
        <>
          {area("text", "Text", text, setText, "Hide parts with {{c1::answer}} or {{c1::answer::hint}}; c2, c3 … make more cards. Markdown and `code` work.", 5)}
          {area("extra", "Extra (shown after the answer, optional)", extra, setExtra, undefined, 2)}
        </>
      ) : (
        <>
          {area("front", "Front", front, setFront, "Markdown: **bold**, `code`, lists, ``` code blocks ```.")}
          {area("back", "Back", back, setBack)}
        </>
      )}
      <Field
        name="tags"
        label="Tags"
        value={tags}
        onChange={(e) => setTags(e.target.value)}
        errors={errors.tags}
        hint={
          <>
            Separated by spaces, e.g. <code>domain:development topic:async</code>.
          </>
        }
      />
      <div className={styles.actions}>
        <Button type="submit" pending={pending}>
          {submitLabel}
        </Button>
        {onCancel ? (
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
