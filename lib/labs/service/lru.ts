/** A small LRU map for the lab service's caches; entries have a size (1 by default) and the total is bounded. */
export class Lru<V> {
  private readonly map = new Map<string, { value: V; size: number }>();
  private total = 0;
  constructor(private readonly maxSize: number, private readonly sizeOf: (v: V) => number = () => 1) {}
  get(key: string): V | undefined {
    const e = this.map.get(key);
    if (!e) return undefined;
    this.map.delete(key);
    this.map.set(key, e);
    return e.value;
  }
  set(key: string, value: V): void {
    const old = this.map.get(key);
    if (old) {
      this.total -= old.size;
      this.map.delete(key);
    }
    const size = this.sizeOf(value);
    if (size > this.maxSize) return; // never worth evicting everything for one entry
    this.map.set(key, { value, size });
    this.total += size;
    for (const [k, e] of this.map) {
      if (this.total <= this.maxSize) break;
      this.map.delete(k);
      this.total -= e.size;
    }
  }
  get size(): number {
    return this.map.size;
  }
  clear(): void {
    this.map.clear();
    this.total = 0;
  }
}

