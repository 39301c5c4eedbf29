"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Badge, Button, Table, controlClass } from "@/components/ui";
import type { ActionResult } from "@/lib/actions/result";
import type { BrowserRow } from "@/lib/srs/db/browser";
import styles from "./BrowserTable.module.css";

type BulkActionName = "suspend" | "unsuspend" | "move" | "addTag" | "removeTag";
type Bulk = (input: { cardIds?: string[]; q?: string; action: BulkActionName; deckId?: string; tag?: string }) => Promise<ActionResult<{ cards: number; notes: number }>>;

const STATE_LABEL = ["New", "Learning", "Review", "Relearning"];

function dueLabel(row: BrowserRow): string {
  if (row.state === 0) return "—";
  return new Date(row.due).toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" });
}

/** One page of search results, with row selection and the bulk actions bar. */
export function BrowserTable({ rows, total, q, decks, action }: { rows: BrowserRow[]; total: number; q: string; decks: Array<{ id: string; name: string }>; action: Bulk }) {
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  const [deckId, setDeckId] = useState(decks[0]?.id ?? "");
  const [tag, setTag] = useState("");
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const count = allMatching ? total : selected.size;
  const allOnPage = rows.length > 0 && rows.every((r) => selected.has(r.cardId));

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      setAllMatching(false);
      return next;
    });

  async function apply(name: BulkActionName) {
    setPending(true);
    setMessage(null);
    const r = await action({ ...(allMatching ? { q } : { cardIds: [...selected] }), action: name, deckId: name === "move" ? deckId : undefined, tag: name === "addTag" || name === "removeTag" ? tag : undefined });
    setPending(false);
    if (!r.ok) {
      setMessage({ tone: "error", text: Object.values(r.fieldErrors)[0]?.[0] ?? r.error });
      return;
    }
    const what = { suspend: "Suspended", unsuspend: "Unsuspended", move: "Moved", addTag: "Tagged", removeTag: "Untagged" }[name];
    const n = name === "addTag" || name === "removeTag" ? `${r.data.notes} note${r.data.notes === 1 ? "" : "s"}` : `${r.data.cards} card${r.data.cards === 1 ? "" : "s"}`;
    setMessage({ tone: "ok", text: `${what} ${n}.` });
    setSelected(new Set());
    setAllMatching(false);
    router.refresh();
  }

  return (
    <div className={styles.wrap}>
      <div className={styles.bar} role="toolbar" aria-label="Bulk actions">
        <span className={styles.selection} aria-live="polite">
          {count ? `${count.toLocaleString("en")} selected` : "Select cards to change them"}
          {selected.size > 0 && allOnPage && total > rows.length && !allMatching ? (
            <>
              {" · "}
              <button type="button" className={styles.link} onClick={() => setAllMatching(true)}>
                Select all {total.toLocaleString("en")} matching
              </button>
            </>
          ) : null}
        </span>
        <Button variant="secondary" disabled={!count || pending} onClick={() => apply("suspend")}>
          Suspend
        </Button>
        <Button variant="secondary" disabled={!count || pending} onClick={() => apply("unsuspend")}>
          Unsuspend
        </Button>
        <span className={styles.group}>
          <label htmlFor="bulk-deck" className="visually-hidden">
            Deck to move to
          </label>
          <select id="bulk-deck" value={deckId} onChange={(e) => setDeckId(e.target.value)} className={`${controlClass} ${styles.select}`}>
            {decks.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
          <Button variant="secondary" disabled={!count || pending || !deckId} onClick={() => apply("move")}>
            Move
          </Button>
        </span>
        <span className={styles.group}>
          <label htmlFor="bulk-tag" className="visually-hidden">
            Tag
          </label>
          <input id="bulk-tag" value={tag} onChange={(e) => setTag(e.target.value)} placeholder="tag" className={`${controlClass} ${styles.input}`} />
          <Button variant="secondary" disabled={!count || pending || !tag.trim()} onClick={() => apply("addTag")}>
            Add tag
          </Button>
          <Button variant="ghost" disabled={!count || pending || !tag.trim()} onClick={() => apply("removeTag")}>
            Remove
          </Button>
        </span>
      </div>
      {message ? (
        <p role={message.tone === "error" ? "alert" : "status"} className={message.tone === "error" ? styles.error : styles.ok}>
          {message.text}
        </p>
      ) : null}
      <Table className={styles.cards}>
        <caption className="visually-hidden">Cards matching the search</caption>
        <thead>
          <tr>
            <th scope="col" className={styles.check}>
              <input
                type="checkbox"
                aria-label="Select every card on this page"
                checked={allOnPage}
                onChange={() => {
                  setAllMatching(false);
                  setSelected(allOnPage ? new Set() : new Set(rows.map((r) => r.cardId)));
                }}
              />
            </th>
            <th scope="col">Question</th>
            <th scope="col">Deck</th>
            <th scope="col">State</th>
            <th scope="col">Due</th>
            <th scope="col" className={styles.num}>
              Interval
            </th>
            <th scope="col" className={styles.num}>
              Lapses
            </th>
            <th scope="col">Tags</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.cardId} className={r.suspended ? styles.suspended : undefined} aria-selected={selected.has(r.cardId) || allMatching}>
              <td className={styles.check}>
                <input type="checkbox" aria-label={`Select: ${r.question}`} checked={allMatching || selected.has(r.cardId)} onChange={() => toggle(r.cardId)} />
              </td>
              <td className={styles.question}>
                {r.question}
                {r.noteType !== "basic" ? <span className={styles.muted}> · {r.noteType === "cloze" ? `cloze ${r.ordinal}` : r.ordinal ? "reverse" : "forward"}</span> : null}
              </td>
              <td className={styles.deck} title={r.deckName}>
                {r.deckName}
              </td>
              <td>{r.suspended ? <Badge tone="warning">Suspended</Badge> : STATE_LABEL[r.state]}</td>
              <td className={styles.nowrap}>{dueLabel(r)}</td>
              <td className={styles.num}>{r.state === 2 ? `${r.interval}d` : "—"}</td>
              <td className={styles.num}>{r.lapses}</td>
              <td className={styles.tags}>{r.tags.filter((t) => !t.startsWith("source:")).join(" ")}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
