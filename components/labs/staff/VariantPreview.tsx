import { Alert } from "@/components/ui";
import type { VariantPreview as Preview } from "@/lib/labs/service/instructor";
import { TraceExplorer } from "../explorer/TraceExplorer";
import { Markdown } from "@/components/ui/Markdown";
import { formatValue } from "../predictions/answer-state";
import { describeSetup } from "../setup/describe-setup";
import { SetupView } from "../setup/SetupView";
import { Timeline } from "../timeline/Timeline";
import { describeParams } from "./describe-params";
import styles from "./Staff.module.css";

/** One variant in full for staff: setup, answer key with explanations, and the run. */
export function VariantPreview({ preview }: { preview: Preview }) {
  const { instance, truths, trace } = preview;
  return (
    <div className={styles.preview}>
      <Alert tone="info">
        Previewing variant {instance.variant.index + 1} of {instance.variant.count} ({describeParams(instance.variant.params)}), lab version {preview.version}. Learners of this variant are graded against
        the answer key below.
      </Alert>
      <section aria-labelledby="preview-setup">
        <h2 id="preview-setup" className={styles.heading}>
          Setup
        </h2>
        <SetupView setup={describeSetup(instance.scenario)} />
      </section>
      <section aria-labelledby="preview-key">
        <h2 id="preview-key" className={styles.heading}>
          Answer key
        </h2>
        <ol className={styles.key}>
          {instance.questions.map((q) => {
            const t = truths.find((x) => x.id === q.id);
            return (
              <li key={q.id} className={styles.keyItem}>
                <div className={styles.keyPrompt}>
                  <Markdown>{q.prompt}</Markdown>
                </div>
                <p className={styles.keyTruth}>
                  <span className={styles.keyLabel}>{q.type}</span>{" "}
                  {t?.error ? <span className={styles.error}>truth failed: {t.error}</span> : <strong>{formatValue(q, t?.value)}</strong>}
                  {t?.accepted && t.accepted.length > 1 ? <span className={styles.muted}> (accepted: {t.accepted.join(", ")})</span> : null}
                  {q.type === "number" && q.tolerance > 0 ? <span className={styles.muted}> ±{q.tolerance}</span> : null}
                </p>
                <details>
                  <summary className={styles.muted}>Explanation and truth expression</summary>
                  <Markdown>{q.explanation}</Markdown>
                  <pre className={styles.expr}>{q.truth}</pre>
                </details>
              </li>
            );
          })}
        </ol>
      </section>
      <section aria-labelledby="preview-run" className={styles.run}>
        <h2 id="preview-run" className={styles.heading}>
          The run
        </h2>
        <Timeline trace={trace} title={`Timeline of variant ${instance.variant.index + 1}`} />
        <TraceExplorer trace={trace} />
      </section>
    </div>
  );
}
