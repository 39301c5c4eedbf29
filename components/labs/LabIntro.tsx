import type { LearnerLab } from "@/lib/labs/types";
import { DOMAINS } from "@/lib/quiz/domains";
import { DIFFICULTY_LABELS } from "./list/filters";
import { TagLink } from "@/components/ui";
import { Markdown } from "@/components/ui/Markdown";
import styles from "./LabIntro.module.css";

const DOMAIN_NAMES = Object.fromEntries(DOMAINS.map((d) => [d.id, d.name]));

/** The line under a lab's title: difficulty, time, exam domains, topics and the learner's variant. */
export function LabMeta({ lab, showVariant }: { lab: Pick<LearnerLab, "difficulty" | "estimatedMinutes" | "domains" | "topics" | "variant" | "questions">; showVariant: boolean }) {
  return (
    <span className={styles.meta}>
      <span className={styles.pill}>{DIFFICULTY_LABELS[lab.difficulty]}</span>
      <span>~{lab.estimatedMinutes} min</span>
      <span>{lab.questions.length} questions</span>
      {lab.domains.map((d) => (
        <TagLink key={d} href={`/labs?domain=${d}`} tone="accent">
          {DOMAIN_NAMES[d] ?? d}
        </TagLink>
      ))}
      {lab.topics.map((t) => (
        <TagLink key={t} href={`/labs?topic=${encodeURIComponent(t)}`}>
          #{t}
        </TagLink>
      ))}
      {showVariant && lab.variant.count > 1 ? (
        <span className={styles.variant} title="Each learner gets a stable variant: numbers and names may differ from a classmate's.">
          your variant {lab.variant.index + 1} of {lab.variant.count}
        </span>
      ) : null}
    </span>
  );
}

/** The lab's summary: what the learner reads first. */
export function LabIntro({ summary }: { summary: string }) {
  return (
    <section className={styles.intro} aria-label="About this lab">
      <Markdown>{summary}</Markdown>
    </section>
  );
}
