import { describe, expect, it } from "vitest";
import { commandForKey, optionLetter } from "./keyboard";

const el = (tagName: string, type?: string) => ({ tagName, type }) as unknown as EventTarget;

describe("commandForKey", () => {
  it("maps 1–8 and A–E to options that exist, F to flag, N/P and arrows to navigation", () => {
    expect(commandForKey({ key: "1" }, 4)).toEqual({ kind: "choose", index: 0 });
    expect(commandForKey({ key: "4" }, 4)).toEqual({ kind: "choose", index: 3 });
    expect(commandForKey({ key: "5" }, 4)).toBeNull();
    expect(commandForKey({ key: "C" }, 4)).toEqual({ kind: "choose", index: 2 });
    expect(commandForKey({ key: "e" }, 5)).toEqual({ kind: "choose", index: 4 });
    expect(commandForKey({ key: "e" }, 4)).toBeNull();
    expect(commandForKey({ key: "f" }, 6)).toEqual({ kind: "flag" });
    expect(commandForKey({ key: "F" }, 6)).toEqual({ kind: "flag" });
    expect(commandForKey({ key: "n" }, 4)).toEqual({ kind: "next" });
    expect(commandForKey({ key: "ArrowRight" }, 4)).toEqual({ kind: "next" });
    expect(commandForKey({ key: "P" }, 4)).toEqual({ kind: "prev" });
    expect(commandForKey({ key: "ArrowLeft" }, 4)).toEqual({ kind: "prev" });
    expect(commandForKey({ key: "Enter" }, 4)).toEqual({ kind: "confirm" });
    expect(commandForKey({ key: "x" }, 4)).toBeNull();
  });

  it("leaves typing, browser shortcuts and focused buttons alone", () => {
    expect(commandForKey({ key: "a", target: el("INPUT", "text") }, 4)).toBeNull();
    expect(commandForKey({ key: "a", target: el("TEXTAREA") }, 4)).toBeNull();
    expect(commandForKey({ key: "a", target: el("INPUT", "checkbox") }, 4)).toEqual({ kind: "choose", index: 0 });
    expect(commandForKey({ key: "p", ctrlKey: true }, 4)).toBeNull();
    expect(commandForKey({ key: "n", metaKey: true }, 4)).toBeNull();
    expect(commandForKey({ key: "Enter", target: el("BUTTON") }, 4)).toBeNull();
    expect(commandForKey({ key: "2", target: el("BUTTON") }, 4)).toEqual({ kind: "choose", index: 1 });
  });

  it("letters options A, B, C…", () => {
    expect([0, 1, 4].map(optionLetter)).toEqual(["A", "B", "E"]);
  });
});
