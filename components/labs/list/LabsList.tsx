import Link from "next/link";
import { Badge, ButtonLink, EmptyState, Meter, TagLink, type BadgeTone } from "@/components/ui";
import type { LabListItem } from "@/lib/labs/types";
import { DOMAINS } from "@/lib/quiz/domains";
import { DIFFICULTY_LABELS, filterHref, labStatus, listProgress, sortLabs, STATUS_LABELS, STATUSES, type LabFilters, type LabStatus } from "./filters";
import { LabFilterForm } from "./LabFilterForm";
import styles from "./LabsList.module.css";

const STATUS_TONES: Record<LabStatus, BadgeTone> = { "not-started": "neutral", "in-progress": "warning", completed: "success" };

const DOMAIN_NAMES = Object.fromEntries(DOMAINS.map((d) => [d.id, d.name]));

/** The start of a Markdown summary as plain text, for a card (list markers and emphasis dropped). */
export function plainSummary(markdown: string, max = 220): string {
  const text = markdown
    .trim()
    .replace(/^[ \t]*(?:[-*+]|\d+[.)])[ \t]+/gm, "")
    .replace(/`([^`]*)`/g, "$1")
    .replace(/\*\*([^*]*)\*\*/g, "$1")
    .replace(/\*([^*]*)\*/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > max ? `${text.slice(0, max - 1).replace(/\s+\S*$/, "")}…` : text;
}

function LabCard({ lab, filters }: { lab: LabListItem; filters: LabFilters }) {
  const status = labStatus(lab);
  const best = lab.progress.best;
  const pct = best && best.maxScore > 0 ? Math.round((best.score / best.maxScore) * 100) : 0;
  return (
    <li className={styles.card} data-status={status}>
      <div className={styles.cardTop}>
        <Badge tone={STATUS_TONES[status]}>{STATUS_LABELS[status]}</Badge>
        <span className={styles.meta}>
          {DIFFICULTY_LABELS[lab.difficulty]} · {lab.estimatedMinutes} min · {lab.questionCount} questions
        </span>
      </div>
      <h2 className={styles.cardTitle}>
        <Link href={`/labs/${lab.id}`} className={styles.cardLink}>
          {lab.title}
        </Link>
      </h2>
      <p className={styles.summary}>{plainSummary(lab.summary)}</p>
      <ul className={styles.tags} aria-label="Tags">
        {lab.domains.map((d) => (
          <li key={d}>
            <TagLink href={filterHref(filters, { domain: d })} tone="accent" className={styles.tag} title={`Exam domain: ${DOMAIN_NAMES[d] ?? d}`}>
              {DOMAIN_NAMES[d] ?? d}
            </TagLink>
          </li>
        ))}
        {lab.topics.map((t) => (
          <li key={t}>
            <TagLink href={filterHref(filters, { topic: t })} className={styles.tag} title={`Topic: ${t}`}>
              #{t}
            </TagLink>
          </li>
        ))}
      </ul>
      <div className={styles.progress}>
        {best ? (
          <>
            <Meter size="thin" tone="success" percent={pct} className={styles.bar} />
            <span className={styles.meta}>
              best {best.score} / {best.maxScore} · {lab.progress.attempts} {lab.progress.attempts === 1 ? "attempt" : "attempts"}
            </span>
          </>
        ) : (
          <span className={styles.meta}>{lab.variantCount > 1 ? `${lab.variantCount} variants — you get your own` : "Not attempted yet"}</span>
        )}
      </div>
    </li>
  );
}

export function LabsList({ all, shown, filters, topics }: { all: LabListItem[]; shown: LabListItem[]; filters: LabFilters; topics: string[] }) {
  const progress = listProgress(all);
  const active = Object.values(filters).some(Boolean);
  if (all.length === 0) {
    return (
      <EmptyState title="No labs yet">
        <p>
          Built-in labs are loaded when the server starts (<code>labs/*.yaml</code>). If you run your own instance and see this, check the start-up log for a lab loading error.
        </p>
      </EmptyState>
    );
  }
  return (
    <div className={styles.list}>
      <section className={styles.overview} aria-label="Your progress">
        <div className={styles.overviewNumbers}>
          <p>
            <strong>{progress.completed}</strong> of {progress.total} labs with full marks
          </p>
          <p>
            <strong>{progress.inProgress}</strong> in progress
          </p>
          <p>
            <strong>{progress.total - progress.completed - progress.inProgress}</strong> not started
          </p>
        </div>
        <div className={styles.overviewBar} role="img" aria-label={`${progress.completed} completed, ${progress.inProgress} in progress, of ${progress.total}`}>
          <span className={styles.barDone} style={{ width: `${(progress.completed / progress.total) * 100}%` }} />
          <span className={styles.barPartial} style={{ width: `${(progress.inProgress / progress.total) * 100}%` }} />
        </div>
      </section>
      <LabFilterForm
        // Remount when the URL's filters change (e.g. "Clear filters"), so the selects show them.
        key={JSON.stringify(filters)}
        values={{ topic: filters.topic ?? "", domain: filters.domain ?? "", difficulty: filters.difficulty ?? "", status: filters.status ?? "" }}
        options={{
          topic: topics.map((t) => ({ value: t, label: t })),
          domain: DOMAINS.map((d) => ({ value: d.id, label: d.name })),
          difficulty: (["beginner", "intermediate", "advanced"] as const).map((d) => ({ value: d, label: DIFFICULTY_LABELS[d] })),
          status: STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
        }}
      />
      <p className={styles.count} aria-live="polite">
        {shown.length === all.length ? `${all.length} labs` : `${shown.length} of ${all.length} labs match`}
        {active ? (
          <>
            {" · "}
            <Link href="/labs">Clear filters</Link>
          </>
        ) : null}
      </p>
      {shown.length ? (
        <ul className={styles.grid}>
          {sortLabs(shown).map((lab) => (
            <LabCard key={lab.id} lab={lab} filters={filters} />
          ))}
        </ul>
      ) : (
        <EmptyState title="No lab matches these filters" action={<ButtonLink href="/labs" variant="secondary">Show every lab</ButtonLink>}>
          <p>Try another topic or status, or clear the filters.</p>
        </EmptyState>
      )}
    </div>
  );
}
