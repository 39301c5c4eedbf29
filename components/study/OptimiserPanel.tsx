"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Alert, Button, Meter, Table } from "@/components/ui";
import type { ActionResult } from "@/lib/actions/result";
import type { OptimisationEvent, OptimisationResult } from "@/lib/srs/db/optimise";
import styles from "./OptimiserPanel.module.css";

type SaveWeights = (input: { weights: number[] | null }) => Promise<ActionResult<unknown>>;

const f1 = (n: number) => n.toFixed(1);
const pct = (n: number) => `${(n * 100).toFixed(0)}%`;

function change(before: number, after: number): string {
  if (!before) return "";
  const d = (after - before) / before;
  if (Math.abs(d) < 0.005) return "no change";
  return `${d > 0 ? "+" : "−"}${Math.abs(d * 100).toFixed(0)}%`;
}

/**
 * "Optimise my parameters": starts the job (POST /api/study/optimizer), shows its progress as it
 * streams, then what would change — predicted reviews per day and memory after a first answer,
 * before and after — and saves the new weights only when the learner says so.
 */
export function OptimiserPanel({ optimizedAt, saveWeights }: { optimizedAt: string | null; saveWeights: SaveWeights }) {
  const router = useRouter();
  const [progress, setProgress] = useState<{ fraction: number; message: string } | null>(null);
  const [result, setResult] = useState<OptimisationResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const abort = useRef<AbortController | null>(null);

  async function start() {
    setError(null);
    setResult(null);
    setSaved(null);
    setProgress({ fraction: 0, message: "Starting…" });
    abort.current = new AbortController();
    try {
      const res = await fetch("/api/study/optimizer", { method: "POST", signal: abort.current.signal });
      if (!res.ok || !res.body) {
        const body = (await res.json().catch(() => null)) as { error?: string } | null;
        throw new Error(body?.error ?? `The server answered ${res.status}.`);
      }
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let nl: number;
        while ((nl = buffer.indexOf("\n")) >= 0) {
          const line = buffer.slice(0, nl);
          buffer = buffer.slice(nl + 1);
          if (!line.trim()) continue;
          const e = JSON.parse(line) as OptimisationEvent;
          if (e.type === "progress") setProgress({ fraction: e.fraction, message: e.message });
          else if (e.type === "result") setResult(e.result);
          else setError(e.message);
        }
      }
    } catch (e) {
      if ((e as Error).name !== "AbortError") setError((e as Error).message || "The optimisation was interrupted.");
    } finally {
      setProgress(null);
      abort.current = null;
    }
  }

  async function save(weights: number[] | null) {
    setPending(true);
    const r = await saveWeights({ weights });
    setPending(false);
    if (!r.ok) return setError(r.error);
    setSaved(weights ? "Saved: your cards are now scheduled with your own parameters." : "Back to the default parameters.");
    setResult(null);
    router.refresh();
  }

  return (
    <div className={styles.panel}>
      <p className={styles.muted}>
        FSRS predicts when you will forget a card from 21 parameters. The defaults were fitted to millions of Anki reviews; after a few hundred reviews of your own, fitting them to your history
        usually schedules better. {optimizedAt ? `Yours were last optimised on ${new Date(optimizedAt).toLocaleDateString()}.` : "You are using the defaults."}
      </p>
      <div className={styles.row}>
        {progress ? (
          <Button variant="secondary" onClick={() => abort.current?.abort()}>
            Cancel
          </Button>
        ) : (
          <Button onClick={() => void start()}>Optimise my parameters</Button>
        )}
        {optimizedAt && !progress ? (
          <Button variant="ghost" pending={pending} onClick={() => void save(null)}>
            Use the defaults
          </Button>
        ) : null}
      </div>
      {progress ? (
        <div className={styles.progress}>
          <Meter role="progressbar" label="Optimisation progress" valueText={progress.message} percent={Math.max(3, progress.fraction * 100)} />
          <p className={styles.muted} aria-live="polite">
            {progress.message} {Math.round(progress.fraction * 100)}%
          </p>
        </div>
      ) : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      {saved ? <Alert tone="success">{saved}</Alert> : null}
      {result ? (
        <section aria-labelledby="opt-result" className={styles.result}>
          <h3 id="opt-result">{result.unchanged ? "Not enough history to learn from yet" : "What would change"}</h3>
          <p className={styles.muted}>
            Fitted to {result.items.toLocaleString("en")} reviews (from {result.answers.toLocaleString("en")} answers). Workload is simulated at your desired retention ({pct(result.desiredRetention)}) with{" "}
            {result.newPerDay} new cards a day.
          </p>
          <Table variant="plain" density="compact" className={styles.numbers}>
            <caption className="visually-hidden">Current and proposed parameters compared</caption>
            <thead>
              <tr>
                <th scope="col" />
                <th scope="col">Now</th>
                <th scope="col">Optimised</th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">Reviews per day, first month</th>
                <td>{f1(result.workload.before.month)}</td>
                <td>{f1(result.workload.after.month)}</td>
                <td>{change(result.workload.before.month, result.workload.after.month)}</td>
              </tr>
              <tr>
                <th scope="row">Reviews per day, first year</th>
                <td>{f1(result.workload.before.year)}</td>
                <td>{f1(result.workload.after.year)}</td>
                <td>{change(result.workload.before.year, result.workload.after.year)}</td>
              </tr>
              <tr>
                <th scope="row">Memory after a first “Good” (days to 90%)</th>
                <td>{f1(result.memory.before.initialStability.good)}</td>
                <td>{f1(result.memory.after.initialStability.good)}</td>
                <td>{change(result.memory.before.initialStability.good, result.memory.after.initialStability.good)}</td>
              </tr>
              {result.memory.before.curve
                .filter((p) => [7, 30, 90].includes(p.days))
                .map((p) => {
                  const after = result.memory.after.curve.find((q) => q.days === p.days)!;
                  return (
                    <tr key={p.days}>
                      <th scope="row">Chance to recall {p.days} days after a first “Good”</th>
                      <td>{pct(p.recall)}</td>
                      <td>{pct(after.recall)}</td>
                      <td>{`${after.recall >= p.recall ? "+" : "−"}${Math.abs((after.recall - p.recall) * 100).toFixed(0)} pts`}</td>
                    </tr>
                  );
                })}
            </tbody>
          </Table>
          <details>
            <summary>The 21 parameters</summary>
            <p className={styles.weights}>Now: {result.current.map((w) => w.toFixed(4)).join(", ")}</p>
            <p className={styles.weights}>Optimised: {result.proposed.map((w) => w.toFixed(4)).join(", ")}</p>
          </details>
          {!result.unchanged ? (
            <div className={styles.row}>
              <Button pending={pending} onClick={() => void save(result.proposed)}>
                Save these parameters
              </Button>
              <Button variant="ghost" onClick={() => setResult(null)}>
                Keep the current ones
              </Button>
            </div>
          ) : (
            <p className={styles.muted}>The optimiser kept the defaults: keep reviewing and try again after a few hundred more answers.</p>
          )}
        </section>
      ) : null}
    </div>
  );
}
