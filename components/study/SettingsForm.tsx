"use client";

import { useActionState, useEffect, useState } from "react";
import { Button, Field, FormError, fieldErrorsOf, valuesOf } from "@/components/ui";
import type { ServerAction } from "@/lib/actions/action";
import type { LearnerSettings } from "@/lib/srs/db/learner-settings";
import styles from "./SettingsForm.module.css";

export interface SettingsValues {
  desiredRetention: number;
  learningSteps: string;
  relearningSteps: string;
  maximumInterval: number;
  enableFuzz: boolean;
  timeZone: string;
  rolloverHour: number;
}

/** Scheduling and learner-day settings, validated on the server (field errors under each field). */
export function SettingsForm({ action, initial, timeZones }: { action: ServerAction<never, LearnerSettings>; initial: SettingsValues; timeZones: string[] }) {
  const [result, formAction, pending] = useActionState(action, null);
  const errors = fieldErrorsOf(result);
  const values = valuesOf(result);
  const [browserZone, setBrowserZone] = useState<string | null>(null);
  const [zone, setZone] = useState(values.timeZone ?? initial.timeZone);
  useEffect(() => setBrowserZone(Intl.DateTimeFormat().resolvedOptions().timeZone), []);
  return (
    <form action={formAction} className={styles.form}>
      <FormError result={result} />
      {result?.ok ? (
        <p role="status" className={styles.saved}>
          Saved. New answers are scheduled with these settings.
        </p>
      ) : null}
      <Field
        name="desiredRetention"
        label="Desired retention"
        type="number"
        step="0.01"
        min="0.7"
        max="0.99"
        defaultValue={values.desiredRetention ?? String(initial.desiredRetention)}
        errors={errors.desiredRetention}
        hint="The chance of remembering a card when it comes back, 0.70–0.99. Higher means more reviews: 0.90 is a good start."
      />
      <div className={styles.pair}>
        <Field name="learningSteps" label="Learning steps" defaultValue={values.learningSteps ?? initial.learningSteps} errors={errors.learningSteps} hint='For new cards, e.g. "1m 10m" (m, h or d).' />
        <Field name="relearningSteps" label="Relearning steps" defaultValue={values.relearningSteps ?? initial.relearningSteps} errors={errors.relearningSteps} hint='After a forgotten review, e.g. "10m".' />
      </div>
      <Field
        name="maximumInterval"
        label="Maximum interval (days)"
        type="number"
        min="1"
        max="36500"
        defaultValue={values.maximumInterval ?? String(initial.maximumInterval)}
        errors={errors.maximumInterval}
        hint="No card waits longer than this."
      />
      <label className={styles.check}>
        <input type="checkbox" name="enableFuzz" defaultChecked={values.enableFuzz ? values.enableFuzz === "on" : initial.enableFuzz} /> Spread intervals a little (fuzz), so cards learnt together do not all come back on the same day
      </label>
      <div className={styles.pair}>
        <div className={styles.field}>
          <label htmlFor="settings-zone">Time zone</label>
          <input id="settings-zone" name="timeZone" list="settings-zones" value={zone} onChange={(e) => setZone(e.target.value)} aria-invalid={errors.timeZone?.length ? true : undefined} aria-describedby="settings-zone-hint" />
          <datalist id="settings-zones">
            {timeZones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          <p id="settings-zone-hint" className={styles.hint}>
            Your days, limits and streak follow this zone.{" "}
            {browserZone && browserZone !== zone ? (
              <button type="button" className={styles.link} onClick={() => setZone(browserZone)}>
                Use {browserZone}
              </button>
            ) : null}
          </p>
          {errors.timeZone?.length ? (
            <p className={styles.error} role="alert">
              {errors.timeZone.join(" ")}
            </p>
          ) : null}
        </div>
        <div className={styles.field}>
          <label htmlFor="settings-rollover">Next day starts at</label>
          <select id="settings-rollover" name="rolloverHour" defaultValue={values.rolloverHour ?? String(initial.rolloverHour)}>
            {Array.from({ length: 24 }, (_, h) => (
              <option key={h} value={h}>
                {String(h).padStart(2, "0")}:00
              </option>
            ))}
          </select>
          <p className={styles.hint}>A late session still counts for the day it belongs to (Anki: 04:00).</p>
        </div>
      </div>
      <div>
        <Button type="submit" pending={pending}>
          Save settings
        </Button>
      </div>
    </form>
  );
}
