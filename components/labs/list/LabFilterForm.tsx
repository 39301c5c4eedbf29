"use client";

import { useRef } from "react";
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
 * JavaScript a change applies at once.
 */
export function LabFilterForm({ values, options }: LabFilterFormProps) {
  const form = useRef<HTMLFormElement>(null);
  return (
    <form ref={form} method="get" action="/labs" className={styles.filters} aria-label="Filter labs">
      {FIELDS.map(([name, label]) => (
        <label key={name} className={styles.filter}>
          <span>{label}</span>
          <select name={name} defaultValue={values[name]} onChange={() => form.current?.requestSubmit()}>
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
