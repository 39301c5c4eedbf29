import type { AwsError } from "../aws/errors";

export type Settled<T> = { ok: true; value: T } | { ok: false; error: AwsError };

/**
 * A call whose answer comes later in virtual time — a synchronous Invoke answers when the
 * handler finishes. Steps record it then; the SDK stand-in gets it through `settle(ticket)`.
 */
export class Deferred<T = unknown> {
  private result: Settled<T> | undefined;
  private readonly listeners: ((r: Settled<T>) => void)[] = [];

  get settled(): boolean {
    return this.result !== undefined;
  }

  resolve(value: T): void {
    this.settle({ ok: true, value });
  }

  reject(error: AwsError): void {
    this.settle({ ok: false, error });
  }

  then(listener: (r: Settled<T>) => void): void {
    if (this.result) listener(this.result);
    else this.listeners.push(listener);
  }

  private settle(r: Settled<T>): void {
    if (this.result) return;
    this.result = r;
    for (const l of this.listeners.splice(0)) l(r);
  }
}
