/**
 * The discrete-event core: a binary min-heap of callbacks ordered by virtual time, ties broken
 * by insertion order (a monotonically increasing sequence number), so two events at the same
 * millisecond always run in the order they were scheduled — the determinism the trace needs.
 *
 * Events are either foreground (work that keeps the scenario running: a step, a retry, a
 * handler finishing) or background (bookkeeping that should not keep the clock going on its
 * own: idle-environment reclaim). The run ends when no foreground event is left.
 */
export interface ScheduledEvent {
  readonly at: number;
  readonly seq: number;
  readonly background: boolean;
  cancelled: boolean;
  /** Called with `arg`: hot paths pass a long-lived function and a value instead of a new closure. */
  readonly fn: (arg: never) => void;
  readonly arg: unknown;
}

export class EventQueue {
  private heap: ScheduledEvent[] = [];
  private seq = 0;
  private foreground = 0;

  get size(): number {
    return this.heap.length;
  }

  /** Foreground events still pending (cancelled ones excluded). */
  get pendingForeground(): number {
    return this.foreground;
  }

  schedule<A>(at: number, fn: (arg: A) => void, arg?: A, background = false): ScheduledEvent {
    return this.push({ at, seq: this.seq++, background, cancelled: false, fn: fn as (arg: never) => void, arg });
  }

  /**
   * Schedules with an explicit tie-break rank instead of the next sequence number. Scenario steps
   * use ranks below every ordinary event, so steps at one instant run in list order and before
   * anything at that instant that they (or anything else) set in motion.
   */
  scheduleRanked<A>(at: number, rank: number, fn: (arg: A) => void, arg: A): ScheduledEvent {
    return this.push({ at, seq: rank, background: false, cancelled: false, fn: fn as (arg: never) => void, arg });
  }

  private push(ev: ScheduledEvent): ScheduledEvent {
    if (!ev.background) this.foreground++;
    const h = this.heap;
    h.push(ev);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(ev, h[p])) break;
      h[i] = h[p];
      i = p;
    }
    h[i] = ev;
    return ev;
  }

  cancel(ev: ScheduledEvent): void {
    if (ev.cancelled) return;
    ev.cancelled = true;
    if (!ev.background) this.foreground--;
  }

  /** The earliest live event without removing it. */
  peek(): ScheduledEvent | undefined {
    while (this.heap.length > 0 && this.heap[0].cancelled) this.pop();
    return this.heap[0];
  }

  /** Runs a popped event. */
  static run(ev: ScheduledEvent): void {
    (ev.fn as (arg: unknown) => void)(ev.arg);
  }

  /** Removes and returns the earliest live event. */
  next(): ScheduledEvent | undefined {
    while (this.heap.length > 0) {
      const ev = this.pop();
      if (ev.cancelled) continue;
      if (!ev.background) this.foreground--;
      // mark consumed so a late cancel() does not decrement the count twice
      ev.cancelled = true;
      return ev;
    }
    return undefined;
  }

  private pop(): ScheduledEvent {
    const h = this.heap;
    const top = h[0];
    const last = h.pop()!;
    if (h.length > 0) {
      let i = 0;
      const n = h.length;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && before(h[r], h[l]) ? r : l;
        if (!before(h[c], last)) break;
        h[i] = h[c];
        i = c;
      }
      h[i] = last;
    }
    return top;
  }
}

function before(a: ScheduledEvent, b: ScheduledEvent): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
