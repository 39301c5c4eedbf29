import { describe, expect, it } from "vitest";
import { errorRanges, lineStarts } from "./diagnostics";

const doc = "id: demo\ntitle: x\nquestions:\n  - id: q1\n    type: numbr\n";

describe("errorRanges", () => {
  it("puts an error on its line and column, over the token", () => {
    const [r] = errorRanges(doc, [{ message: "expected one of number, …", path: "questions[0].type", line: 5, column: 11 }]);
    expect(doc.slice(r!.from, r!.to)).toBe("numbr");
    expect(r!.message).toBe("questions[0].type: expected one of number, …");
  });

  it("falls back to the first line when there is no position or it is out of range", () => {
    const [a, b] = errorRanges(doc, [{ message: "m", path: "" }, { message: "n", path: "x", line: 99, column: 1 }]);
    expect(doc.slice(a!.from, a!.to)).toBe("id");
    expect(b!.from).toBe(0);
  });

  it("handles empty lines and the end of the text", () => {
    expect(lineStarts("a\n\nb")).toEqual([0, 2, 3]);
    const [r] = errorRanges("a\n\nb", [{ message: "m", path: "", line: 2, column: 1 }]);
    expect(r).toMatchObject({ from: 2, to: 2 });
  });
});
