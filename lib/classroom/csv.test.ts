import { describe, expect, it } from "vitest";
import { contentDisposition, CSV_BOM, csvCell, toCsv } from "./csv";

/** A small RFC 4180 reader, to check what a spreadsheet would read back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") row.push(field), (field = "");
    else if (ch === "\r" && text[i + 1] === "\n") row.push(field), rows.push(row), (row = []), (field = ""), i++;
    else field += ch;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

describe("csv", () => {
  it("starts with a UTF-8 BOM and ends records with CRLF", () => {
    const text = toCsv(["a", "b"], [["1", 2]]);
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(text).toBe(`${CSV_BOM}a,b\r\n1,2\r\n`);
    expect(Buffer.from(text, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it("quotes commas, quotes and line breaks (RFC 4180) and round-trips names in any script", () => {
    const names = ["王芳", "محمد بن سلمان", "Zoë \"Zed\" O'Neil", "Ngozi, Adaeze", "🎓 Kai\nSecond line", "Åsa Ünal-Ñúñez"];
    const text = toCsv(["Name", "Score"], names.map((n, i) => [n, i * 10]));
    const back = parseCsv(text.slice(1));
    expect(back[0]).toEqual(["Name", "Score"]);
    expect(back.slice(1).map((r) => r[0])).toEqual(names.map((n) => (n.startsWith("-") ? `'${n}` : n)));
    expect(back.slice(1).map((r) => r[1])).toEqual(["0", "10", "20", "30", "40", "50"]);
    // UTF-8 bytes, not UTF-16 or a legacy code page.
    expect(Buffer.from(text, "utf8").toString("utf8")).toBe(text);
  });

  it("neutralises formulas in text cells but not numbers", () => {
    expect(csvCell("=HYPERLINK(\"http://evil\",\"x\")")).toBe("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"");
    expect(csvCell("+1 555")).toBe("'+1 555");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tcmd")).toBe("'\tcmd");
    expect(csvCell("\r=1")).toBe("\"'\r=1\"");
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(87.5)).toBe("87.5");
    expect(csvCell("a=b")).toBe("a=b");
    expect(csvCell(null)).toBe("");
    expect(csvCell(Number.NaN)).toBe("");
  });

  it("names the download in ASCII and in UTF-8", () => {
    expect(contentDisposition("数据库 101 — gradebook")).toBe(`attachment; filename="101-gradebook.csv"; filename*=UTF-8''${encodeURIComponent("数据库 101 — gradebook.csv")}`);
    expect(contentDisposition("ç")).toContain('filename="c.csv"');
    expect(contentDisposition("数据")).toContain('filename="gradebook.csv"');
  });
});
