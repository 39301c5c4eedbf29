import { describe, expect, it } from "vitest";
import { previewImport } from "./import-export";

describe("previewImport", () => {
  it("turns rows into notes and lists every bad row with its row, column and what was expected", () => {
    const csv = [
      "front,back,tags",
      "What does an Event invoke return?,HTTP 202 and an empty body,topic:async domain:development",
      '"Retries: {{c1::2}} by default","asynchronous invocation",topic:retries',
      "Forward,Backward,note-type:reversed",
      ",no front,",
      "no back,,",
      '"Broken {{c1::}} cloze",extra,',
      '"unterminated,quote',
    ].join("\n");
    const p = previewImport(csv);
    expect(p).toMatchObject({ delimiter: "comma", header: true, goodRows: 3 });
    expect(p.rows).toEqual([
      { row: 2, type: "basic", front: "What does an Event invoke return?", back: "HTTP 202 and an empty body", tags: ["topic:async", "domain:development"] },
      { row: 3, type: "cloze", front: "Retries: {{c1::2}} by default", back: "asynchronous invocation", tags: ["topic:retries"] },
      { row: 4, type: "reversed", front: "Forward", back: "Backward", tags: [] },
    ]);
    expect(p.errors).toEqual([
      { row: 5, column: 1, message: "front is empty" },
      { row: 6, column: 2, message: "back is empty" },
      { row: 7, column: 1, message: "cloze: cloze c1 has an empty answer" },
      { row: 8, column: 1, message: expect.stringContaining("unterminated quoted field") },
    ]);
  });

  it("reads tab-separated files and refuses empty ones with a message", () => {
    expect(previewImport("a\tb\tt1 t2\nc\td\t").rows.map((r) => [r.front, r.tags])).toEqual([
      ["a", ["t1", "t2"]],
      ["c", []],
    ]);
    expect(() => previewImport("  \n")).toThrow("The file is empty.");
  });
});
