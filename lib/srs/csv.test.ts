import { describe, expect, it } from "vitest";
import { exportCsv, importCsv, sniffDelimiter } from "./csv";

describe("importCsv", () => {
  it("reads RFC 4180 quoting: embedded delimiter, newline and doubled quotes; BOM and CRLF", () => {
    const text = '\uFEFFfront,back,tags\r\n"What is a ""DLQ""?","A queue, SQS or SNS,\r\nfor failed events",topic:dlq domain:development\r\nTimeout default?,3 s,\r\n';
    const r = importCsv(text);
    expect(r.header).toBe(true);
    expect(r.delimiter).toBe(",");
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      { row: 2, front: 'What is a "DLQ"?', back: "A queue, SQS or SNS,\r\nfor failed events", tags: ["topic:dlq", "domain:development"] },
      { row: 3, front: "Timeout default?", back: "3 s", tags: [] },
    ]);
  });

  it("sniffs tabs and semicolons", () => {
    expect(sniffDelimiter("a\tb, with comma\tt1\nc\td\t\n")).toBe("\t");
    expect(importCsv("a;b;t1 t2\nc;d\n").rows.map((r) => r.tags)).toEqual([["t1", "t2"], []]);
  });

  it("reports one located error per bad row and keeps the good rows", () => {
    const text = ["front,back", "ok,fine", "only-front", ",no front", "no back,", "a,b,c,d", 'x,"bad"quote', "good,again", '"never closed,oops'].join("\n");
    const r = importCsv(text);
    expect(r.rows.map((x) => x.row)).toEqual([2, 8]);
    expect(r.errors).toEqual([
      { row: 3, message: expect.stringMatching(/at least 2 columns/) },
      { row: 4, column: 1, message: "front is empty" },
      { row: 5, column: 2, message: "back is empty" },
      { row: 6, column: 4, message: expect.stringMatching(/at most 3 columns/) },
      { row: 7, column: 2, message: expect.stringMatching(/after the closing quote/) },
      { row: 9, column: 1, message: expect.stringMatching(/unterminated quoted field/) },
    ]);
  });

  it("skips blank lines and has no header when the first row is data", () => {
    const r = importCsv("q1,a1\n\n\nq2,a2");
    expect(r.header).toBe(false);
    expect(r.rows.map((x) => [x.row, x.front])).toEqual([[1, "q1"], [4, "q2"]]);
  });
});

describe("exportCsv", () => {
  const cards = [
    { front: 'Say "hi", then', back: "line 1\nline 2", tags: ["a", "b:c"] },
    { front: "plain", back: " padded ", tags: [] },
    { front: "tab\there", back: "semi;colon", tags: ["x"] },
  ];

  it("starts with a BOM, uses CRLF and quotes only when needed", () => {
    const out = exportCsv(cards);
    expect(out.startsWith("\uFEFFfront,back,tags\r\n")).toBe(true);
    expect(out).toContain('"Say ""hi"", then","line 1\nline 2",a b:c\r\n');
    expect(out).toContain('plain," padded ",\r\n');
  });

  it.each([",", "\t", ";"] as const)("round-trips through importCsv with %j", (d) => {
    const r = importCsv(exportCsv(cards, d));
    expect(r.errors).toEqual([]);
    expect(r.rows.map(({ front, back, tags }) => ({ front, back, tags }))).toEqual(cards);
  });
});
