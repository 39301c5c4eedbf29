import type { ScheduledEvent } from "../../core/event-queue";
import type { Clock } from "../../world";

/**
 * A poller's single pending wake-up: asking for an earlier time replaces it, a later one is
 * ignored, so a source that notifies often never piles up events. Stopped = asks are ignored.
 */
export class WakeUp {
  private event: ScheduledEvent | undefined;
  private at = Infinity;
  stopped = false;

  constructor(
    private readonly clock: Clock,
    private readonly poll: () => void,
  ) {}

  /** Poll at `at` (or now). */
  request(at = this.clock.now): void {
    if (this.stopped) return;
    if (this.event && this.at <= at) return;
    this.clock.cancel(this.event);
    this.at = at;
    this.event = this.clock.at(at, () => {
      this.event = undefined;
      this.at = Infinity;
      this.poll();
    });
  }

  stop(): void {
    this.stopped = true;
    this.clock.cancel(this.event);
    this.event = undefined;
    this.at = Infinity;
  }
}
