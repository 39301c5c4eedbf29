"use client";

import Link from "next/link";
import { useState } from "react";
import { Alert, Button, Table } from "@/components/ui";
import type { ActionResult } from "@/lib/actions/result";
import type { ImportPreview, ImportResult } from "@/lib/srs/db/import-export";
import styles from "./ImportForm.module.css";

/**
 * POST to a JSON route of /api/study/import. Not a server action: those refuse bodies over 1 MB by
 * default (Next's serverActions.bodySizeLimit), and a deck's CSV may be up to 5 MB.
 */
async function postJson<T>(url: string, body: object): Promise<ActionResult<T>> {
  try {
    const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const parsed = (await res.json().catch(() => null)) as ActionResult<T> | null;
    return parsed ?? { ok: false, code: "internal", error: `The server answered ${res.status}.`, fieldErrors: {} };
  } catch {
    return { ok: false, code: "internal", error: "Could not reach the server. Check your connection and try again.", fieldErrors: {} };
  }
}

const NEW_DECK = "__new__";

/**
 * CSV/TSV import in two steps: preview (every bad row listed with its row and column, what the
 * good rows become), then import the good rows into a deck. The file is read in the browser and
 * sent as text; nothing is stored until "Import".
 */
export function ImportForm({ decks }: { decks: Array<{ id: string; name: string }> }) {
  const [text, setText] = useState("");
  const [fileName, setFileName] = useState<string | null>(null);
  const [result, setResult] = useState<ImportPreview | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [deckId, setDeckId] = useState(NEW_DECK);
  const [newDeckName, setNewDeckName] = useState("Imported cards");
  const [done, setDone] = useState<ImportResult | null>(null);
  const [pending, setPending] = useState(false);

  async function readFile(file: File | undefined) {
    if (!file) return;
    setFileName(file.name);
    setText(await file.text());
    setResult(null);
    setDone(null);
    setNewDeckName(file.name.replace(/\.(csv|tsv|txt)$/i, "") || "Imported cards");
  }

  async function runPreview() {
    setPending(true);
    setFailure(null);
    setDone(null);
    const r = await postJson<ImportPreview>("/api/study/import/preview", { text });
    setPending(false);
    if (r.ok) setResult(r.data);
    else {
      setResult(null);
      setFailure(r.error);
    }
  }

  async function runImport() {
    setPending(true);
    setFailure(null);
    const r = await postJson<ImportResult>("/api/study/import", { text, ...(deckId === NEW_DECK ? { newDeckName } : { deckId }) });
    setPending(false);
    if (r.ok) {
      setDone(r.data);
      setResult(null);
    } else setFailure(Object.values(r.fieldErrors)[0]?.[0] ? `${r.error} ${Object.values(r.fieldErrors)[0]![0]}` : r.error);
  }

  return (
    <div className={styles.wrap}>
      <div className={styles.source}>
        <label className={styles.file}>
          <span>Choose a file</span>
          <input type="file" accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain" onChange={(e) => void readFile(e.target.files?.[0])} />
        </label>
        <span className={styles.muted}>{fileName ? `${fileName} (${text.length.toLocaleString("en")} characters)` : "or paste the rows below"}</span>
      </div>
      <label htmlFor="import-text" className={styles.label}>
        Rows: front, back, tags — separated by commas, tabs or semicolons
      </label>
      <textarea
        id="import-text"
        className={styles.text}
        rows={8}
        value={text}
        spellCheck={false}
        onChange={(e) => {
          setText(e.target.value);
          setResult(null);
          setDone(null);
        }}
        placeholder={'front,back,tags\n"What does an Event invoke return?","HTTP 202 and an empty body",topic:async\n"Retries: {{c1::2}}","asynchronous invocation",'}
      />
      <div>
        <Button onClick={() => void runPreview()} disabled={!text.trim()} pending={pending && !result}>
          Preview
        </Button>
      </div>

      {failure ? <Alert tone="error">{failure}</Alert> : null}

      {done ? (
        <Alert tone="success">
          Imported {done.imported} note{done.imported === 1 ? "" : "s"} ({done.cards} card{done.cards === 1 ? "" : "s"})
          {done.skipped ? `; skipped ${done.skipped} row${done.skipped === 1 ? "" : "s"} with errors` : ""}. <Link href={`/study/decks/${done.deckId}`}>Open the deck</Link>.
        </Alert>
      ) : null}

      {result ? (
        <section aria-labelledby="preview-title" className={styles.preview}>
          <h2 id="preview-title">Preview</h2>
          <p className={styles.muted}>
            {result.goodRows} row{result.goodRows === 1 ? "" : "s"} ready to import, {result.errors.length} with errors · separated by {result.delimiter}
            {result.header ? " · the header row is skipped" : ""}.
          </p>
          {result.errors.length ? (
            <div className={styles.errors} role="alert">
              <h3>Rows that will be skipped</h3>
              <ul>
                {result.errors.map((e, i) => (
                  <li key={`${e.row}-${i}`}>
                    <strong>Row {e.row}</strong>
                    {e.column ? `, column ${e.column}` : ""}: {e.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {result.rows.length ? (
            <div>
              <Table density="compact" maxHeight="420px">
                <caption className="visually-hidden">Rows to import</caption>
                <thead>
                  <tr>
                    <th scope="col">Row</th>
                    <th scope="col">Type</th>
                    <th scope="col">Front</th>
                    <th scope="col">Back</th>
                    <th scope="col">Tags</th>
                  </tr>
                </thead>
                <tbody>
                  {result.rows.map((r) => (
                    <tr key={r.row}>
                      <td>{r.row}</td>
                      <td>{r.type}</td>
                      <td>{r.front}</td>
                      <td>{r.back}</td>
                      <td className={styles.tags}>{r.tags.join(" ")}</td>
                    </tr>
                  ))}
                </tbody>
              </Table>
              {result.goodRows > result.rows.length ? <p className={styles.muted}>… and {result.goodRows - result.rows.length} more.</p> : null}
            </div>
          ) : null}
          {result.goodRows ? (
            <div className={styles.target}>
              <label>
                Into
                <select value={deckId} onChange={(e) => setDeckId(e.target.value)}>
                  <option value={NEW_DECK}>A new deck…</option>
                  {decks.map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.name}
                    </option>
                  ))}
                </select>
              </label>
              {deckId === NEW_DECK ? (
                <label>
                  Name
                  <input value={newDeckName} onChange={(e) => setNewDeckName(e.target.value)} />
                </label>
              ) : null}
              <Button onClick={() => void runImport()} pending={pending}>
                Import {result.goodRows} row{result.goodRows === 1 ? "" : "s"}
              </Button>
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
