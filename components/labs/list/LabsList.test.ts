import { expect, it } from "vitest";
import { plainSummary } from "./LabsList";

it("plainSummary reads a Markdown summary as a card's plain text", () => {
  const md = "`checkout` has **two** versions:\n\n- DEV → $LATEST\n- STAGE → version 2\n1. once at t = 1 s\n\nSee [the docs](https://example.com).";
  expect(plainSummary(md)).toBe("checkout has two versions: DEV → $LATEST STAGE → version 2 once at t = 1 s See the docs.");
  // Cut at a word boundary, never mid-word.
  expect(plainSummary("word ".repeat(100), 30)).toBe("word word word word word…");
});
