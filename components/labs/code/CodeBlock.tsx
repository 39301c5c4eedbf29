import { HighlightedCode } from "@/components/ui/code/HighlightedCode";
import styles from "./CodeBlock.module.css";

/** Handler code with line numbers and token colours (a server-friendly component: no hooks). */
export function CodeBlock({ code, label }: { code: string; label: string }) {
  const lines = code.replace(/\n$/, "").split("\n");
  return (
    <figure className={styles.figure}>
      <figcaption className="visually-hidden">{label}</figcaption>
      <div className={styles.scroller} tabIndex={0} role="region" aria-label={label}>
        <pre className={styles.pre}>
          <span className={styles.gutter} aria-hidden="true">
            {lines.map((_, i) => (
              <span key={i}>{i + 1}</span>
            ))}
          </span>
          <code className={styles.code}>
            <HighlightedCode code={lines.join("\n")} />
          </code>
        </pre>
      </div>
    </figure>
  );
}
