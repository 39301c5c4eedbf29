/**
 * Saves exam answers to the server as they are given, without losing or reordering any:
 * - one request in flight per question; a change made meanwhile is sent when it returns, and
 *   only the latest state is sent (ten quick clicks → at most two requests);
 * - every request carries the whole answer (selection + flag), so a retry is harmless — the
 *   server upserts it;
 * - a failed request (network down, server restarting, 5xx, 429) is retried with backoff until it
 *   goes through; a refusal (409: time is up or already submitted; 4xx) stops and is reported.
 * `flush()` resolves once everything given so far is stored (used before submitting).
 */
import type { ActionResult } from "@/lib/actions/result";
import type { SavedAnswer } from "@/lib/quiz/views";

export interface DesiredAnswer {
  selected: string[];
  flagged: boolean;
}

export type SyncStatus = "saved" | "saving" | "retrying" | "refused";

export interface AnswerSyncOptions {
  attemptId: string;
  fetch?: typeof fetch;
  onSaved?: (saved: SavedAnswer) => void;
  onStatus?: (status: SyncStatus, pending: number) => void;
  /** The server refused an answer (e.g. 409 after the deadline): the page should reload the attempt. */
  onRefused?: (message: string, status: number) => void;
  /** Backoff before retry n (0-based), in ms. */
  retryDelay?: (n: number) => number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultDelay = (n: number) => Math.min(10_000, 500 * 2 ** n);

export class AnswerSync {
  private desired = new Map<string, DesiredAnswer>();
  private sent = new Map<string, string>();
  private inFlight = new Set<string>();
  private waiters: Array<() => void> = [];
  private failures = 0;
  private refused = false;
  private readonly opts: Required<Pick<AnswerSyncOptions, "retryDelay" | "sleep">> & AnswerSyncOptions;

  constructor(options: AnswerSyncOptions) {
    this.opts = { retryDelay: defaultDelay, sleep: (ms) => new Promise((r) => setTimeout(r, ms)), ...options };
  }

  /** Questions whose latest state is not yet stored. */
  get pending(): number {
    let n = 0;
    for (const [qid, d] of this.desired) if (this.sent.get(qid) !== JSON.stringify(d)) n++;
    return n;
  }

  set(questionId: string, answer: DesiredAnswer): void {
    if (this.refused) return;
    this.desired.set(questionId, { selected: [...answer.selected], flagged: answer.flagged });
    this.status();
    void this.pump(questionId);
  }

  flush(): Promise<void> {
    if (this.pending === 0 || this.refused) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private status() {
    const pending = this.pending;
    const s: SyncStatus = this.refused ? "refused" : pending === 0 ? "saved" : this.failures > 0 ? "retrying" : "saving";
    this.opts.onStatus?.(s, pending);
    if (pending === 0 || this.refused) {
      const w = this.waiters;
      this.waiters = [];
      for (const resolve of w) resolve();
    }
  }

  private async pump(questionId: string): Promise<void> {
    if (this.inFlight.has(questionId)) return;
    this.inFlight.add(questionId);
    try {
      for (;;) {
        if (this.refused) return;
        const want = this.desired.get(questionId)!;
        const body = JSON.stringify(want);
        if (this.sent.get(questionId) === body) return;
        const outcome = await this.send(questionId, body);
        if (outcome === "stored") {
          this.sent.set(questionId, body);
          this.failures = 0;
        } else if (outcome === "refused") {
          this.refused = true;
          return;
        } else {
          await this.opts.sleep(this.opts.retryDelay(this.failures++));
        }
        this.status();
      }
    } finally {
      this.inFlight.delete(questionId);
      this.status();
    }
  }

  private async send(questionId: string, body: string): Promise<"stored" | "retry" | "refused"> {
    const f = this.opts.fetch ?? fetch;
    let response: Response;
    try {
      response = await f(`/api/quizzes/attempts/${encodeURIComponent(this.opts.attemptId)}/answers/${encodeURIComponent(questionId)}`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body,
        keepalive: true,
      });
    } catch {
      this.status();
      return "retry";
    }
    if (response.ok) {
      const result = (await response.json().catch(() => null)) as ActionResult<SavedAnswer> | null;
      if (result?.ok) this.opts.onSaved?.(result.data);
      return "stored";
    }
    // The server restarting, overloaded or rate limiting: try again. Anything else is an answer.
    if (response.status >= 500 || response.status === 429 || response.status === 408) return "retry";
    const failure = (await response.json().catch(() => null)) as { error?: string } | null;
    this.opts.onRefused?.(failure?.error ?? `The answer was refused (HTTP ${response.status}).`, response.status);
    return "refused";
  }
}
