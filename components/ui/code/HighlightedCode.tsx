import { tokenize } from "./highlight";
import styles from "./tokens.module.css";

/**
 * JavaScript source as coloured token spans (no wrapper: put it inside a <code>). One look for
 * code everywhere — the lab's handler code and fenced code in Markdown. Server-friendly: no hooks.
 */
export function HighlightedCode({ code }: { code: string }) {
  return (
    <>
      {tokenize(code).map((t, i) =>
        t.kind === "space" || t.kind === "punct" || t.kind === "name" ? (
          t.text
        ) : (
          <span key={i} className={styles[t.kind]}>
            {t.text}
          </span>
        ),
      )}
    </>
  );
}

/** Fence languages the tokenizer understands (```js, ```ts …); others stay plain text. */
const JS_LANGUAGES = new Set(["js", "javascript", "mjs", "cjs", "jsx", "ts", "typescript", "tsx", "json"]);

export function isHighlightable(language: string | undefined): boolean {
  return language !== undefined && JS_LANGUAGES.has(language.toLowerCase());
}
