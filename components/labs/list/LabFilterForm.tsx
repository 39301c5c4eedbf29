"use client";

import { useRouter } from "next/navigation";
import { useRef, type FormEvent } from "react";
import { filterHref } from "./filters";
import styles from "./LabsList.module.css";

export interface FilterOption {
  value: string;
  label: string;
}

export interface LabFilterFormProps {
  values: Record<"topic" | "domain" | "difficulty" | "status", string>;
  options: Record<"topic" | "domain" | "difficulty" | "status", FilterOption[]>;
}

const FIELDS = [
  ["status", "Status"],
  ["topic", "Topic"],
  ["domain", "Exam domain"],
  ["difficulty", "Difficulty"],
] as const;

/**
 * A plain GET form (works without JavaScript; the URL is the filter, so it can be linked). With
 * JavaScript a change applies at once, and the URL keeps only the filters that are set
 * (`/labs?topic=retries`, not `/labs?status=&topic=retries&…`).
 */
export function LabFilterForm({ values, options }: LabFilterFormProps) {
  const form = useRef<HTMLFormElement>(null);
  const router = useRouter();
  const apply = (e?: FormEvent) => {
    e?.preventDefault();
    if (!form.current) return;
    const chosen: Partial<Record<(typeof FIELDS)[number][0], string>> = {};
    for (const [name] of FIELDS) {
      const value = (form.current.elements.namedItem(name) as HTMLSelectElement | null)?.value;
      if (value) chosen[name] = value;
    }
    router.push(filterHref({}, chosen));
  };
  return (
    <form ref={form} method="get" action="/labs" className={styles.filters} aria-label="Filter labs" onSubmit={apply}>
      {FIELDS.map(([name, label]) => (
        <label key={name} className={styles.filter}>
          <span>{label}</span>
          <select name={name} defaultValue={values[name]} onChange={() => apply()}>
            <option value="">All</option>
            {options[name].map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      ))}
      <noscript>
        <button type="submit">Apply</button>
      </noscript>
    </form>
  );
}
