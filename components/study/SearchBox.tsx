import styles from "./SearchBox.module.css";

const EXAMPLES = [
  ["deck:\"AWS Lambda*\"", "cards in a deck (and its subdecks); * matches anything"],
  ["tag:domain:security", "a tag; tag:topic:* any topic tag"],
  ["is:due", "waiting for review now (also is:new, is:learn, is:review, is:suspended)"],
  ["rated:7", "answered in the last 7 days"],
  ["\"dead-letter queue\"", "text in the card, as a phrase"],
  ["-is:suspended", "a minus excludes; terms are combined with AND"],
];

/** The browser's search box: a plain GET form (works before any script loads) and the syntax. */
export function SearchBox({ q }: { q: string }) {
  return (
    <form method="get" action="/study/browse" role="search" className={styles.form}>
      <label htmlFor="browse-q" className="visually-hidden">
        Search cards
      </label>
      <input id="browse-q" name="q" type="search" defaultValue={q} placeholder='e.g. tag:topic:async is:due "retry"' className={styles.input} aria-describedby="browse-q-help" autoComplete="off" spellCheck={false} />
      <button type="submit" className={styles.button}>
        Search
      </button>
      <details id="browse-q-help" className={styles.help}>
        <summary>Search syntax</summary>
        <dl>
          {EXAMPLES.map(([code, what]) => (
            <div key={code}>
              <dt>
                <code>{code}</code>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
      </details>
    </form>
  );
}
