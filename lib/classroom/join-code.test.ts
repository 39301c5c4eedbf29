import { describe, expect, it } from "vitest";
import { formatJoinCode, generateJoinCode, JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, joinCodeBits, normaliseJoinCode } from "./join-code";

describe("join codes", () => {
  it("uses 30 symbols with no look-alikes", () => {
    expect(JOIN_CODE_ALPHABET).toHaveLength(30);
    expect(new Set(JOIN_CODE_ALPHABET).size).toBe(30);
    for (const ch of "01OILU") expect(JOIN_CODE_ALPHABET).not.toContain(ch);
    expect(joinCodeBits()).toBeGreaterThan(39);
  });

  it("draws every position from the alphabet with the given random source", () => {
    let i = 0;
    const code = generateJoinCode(() => i++ % 30);
    expect(code).toBe("23456789");
    expect(generateJoinCode(() => 29)).toBe("ZZZZZZZZ");
    const real = generateJoinCode();
    expect(real).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`));
  });

  it("real codes differ (crypto randomness, not a fixed seed)", () => {
    const codes = new Set(Array.from({ length: 200 }, () => generateJoinCode()));
    expect(codes.size).toBe(200);
  });

  it("accepts what people type: lower case, dashes, spaces, full-width letters", () => {
    expect(normaliseJoinCode("k7xw-3mfd")).toBe("K7XW3MFD");
    expect(normaliseJoinCode("  K7XW 3MFD ")).toBe("K7XW3MFD");
    expect(normaliseJoinCode("Ｋ７ＸＷ３ＭＦＤ")).toBe("K7XW3MFD");
  });

  it("refuses what cannot be a code", () => {
    expect(normaliseJoinCode("K7XW3MF")).toBeNull();
    expect(normaliseJoinCode("K7XW3MFDD")).toBeNull();
    expect(normaliseJoinCode("K7XW3MF0")).toBeNull(); // 0 is not in the alphabet
    expect(normaliseJoinCode("")).toBeNull();
  });

  it("formats as two groups of four", () => {
    expect(formatJoinCode("K7XW3MFD")).toBe("K7XW-3MFD");
  });
});
