import { describe, expect, it } from "vitest";
import { Lru } from "./lru";

describe("Lru", () => {
  it("forgets the least recently used entry first", () => {
    const lru = new Lru<number>(2);
    lru.set("a", 1);
    lru.set("b", 2);
    expect(lru.get("a")).toBe(1); // a is now the most recent
    lru.set("c", 3);
    expect(lru.get("b")).toBeUndefined();
    expect(lru.get("a")).toBe(1);
    expect(lru.get("c")).toBe(3);
  });

  it("bounds the total size, and skips an entry bigger than the whole cache", () => {
    const lru = new Lru<string>(10, (s) => s.length);
    lru.set("a", "xxxx");
    lru.set("b", "yyyy");
    lru.set("c", "zzzz"); // 12 > 10: a goes
    expect([lru.get("a"), lru.get("b"), lru.get("c")]).toEqual([undefined, "yyyy", "zzzz"]);
    lru.set("huge", "x".repeat(11));
    expect(lru.get("huge")).toBeUndefined();
    expect(lru.size).toBe(2);
  });

  it("replacing a key updates its size", () => {
    const lru = new Lru<string>(10, (s) => s.length);
    lru.set("a", "xxxxxxxx");
    lru.set("a", "x");
    lru.set("b", "yyyyyyyyy");
    expect(lru.get("a")).toBe("x");
  });
});
