"use client";

import { useRef } from "react";
import type { Variant } from "@/lib/labs/types";
import { describeParams } from "./describe-params";
import styles from "./Staff.module.css";

/**
 * Instructors and admins preview any variant of a lab (its setup, answer key and run); the page
 * checks the role again (lib/labs previewVariant). A GET form, so a preview can be linked.
 */
export function VariantPicker({ slug, variants, selected, own }: { slug: string; variants: Variant[]; selected: number | null; own: number }) {
  const form = useRef<HTMLFormElement>(null);
  return (
    <form ref={form} method="get" action={`/labs/${slug}`} className={styles.picker} aria-label="Preview a variant">
      <label className={styles.pickerLabel}>
        <span>Instructor preview</span>
        <select name="variant" defaultValue={selected === null ? "" : String(selected)} onChange={() => form.current?.requestSubmit()}>
          <option value="">Play as a learner (your variant: {own + 1})</option>
          {variants.map((v) => (
            <option key={v.index} value={v.index}>
              Variant {v.index + 1} of {v.count} — {describeParams(v.params)}
            </option>
          ))}
        </select>
      </label>
      <noscript>
        <button type="submit">Preview</button>
      </noscript>
    </form>
  );
}
