import { describe, expect, it } from "vitest";
import { tokenize } from "./highlight";

const HANDLER = `let calls = 0; // module scope
exports.handler = async (event, context) => {
  calls++;
  if (event.fail) throw new Error(\`boom \${calls}\`);
  return { calls, rate: 0.5, id: context.awsRequestId, s: 'it\\'s' };
};`;

describe("tokenize", () => {
  it("is lossless", () => {
    expect(tokenize(HANDLER).map((t) => t.text).join("")).toBe(HANDLER);
  });

  it("colours keywords, strings, numbers, comments, properties and calls", () => {
    const tokens = tokenize(HANDLER).filter((t) => t.kind !== "space" && t.kind !== "punct");
    const kind = (text: string) => tokens.find((t) => t.text === text)?.kind;
    expect(kind("let")).toBe("keyword");
    expect(kind("async")).toBe("keyword");
    expect(kind("// module scope")).toBe("comment");
    expect(kind("`boom ${calls}`")).toBe("string");
    expect(kind("'it\\'s'")).toBe("string");
    expect(kind("0.5")).toBe("number");
    expect(kind("handler")).toBe("property");
    expect(kind("awsRequestId")).toBe("property");
    expect(kind("Error")).toBe("call");
    expect(kind("calls")).toBe("name");
  });

  it("never throws on broken code: an unterminated string or comment runs to the end", () => {
    for (const src of ['const a = "open', "/* never closed", "`tpl ${", "a /b/ c", ""]) {
      const tokens = tokenize(src);
      expect(tokens.map((t) => t.text).join("")).toBe(src);
    }
    expect(tokenize('x = "a\nb"').find((t) => t.kind === "string")?.text).toBe('"a');
  });
});
