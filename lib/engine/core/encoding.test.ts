import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { base64FromText, md5Hex, sha256, utf8Encode, utf8Length } from "./encoding";

const samples = ["", "a", "hello world", "é€𝄞 mixed ünïcødé", "x".repeat(1000), JSON.stringify({ n: 1, list: [1, 2, 3] })];

describe("encoding", () => {
  it("counts UTF-8 bytes like Buffer.byteLength", () => {
    for (const s of samples) expect(utf8Length(s)).toBe(Buffer.byteLength(s, "utf8"));
  });

  it("encodes base64 like Buffer", () => {
    for (const s of samples) expect(base64FromText(s)).toBe(Buffer.from(s, "utf8").toString("base64"));
  });

  it("computes SHA-256 and MD5 like node:crypto", () => {
    for (const s of samples) {
      expect(Buffer.from(sha256(utf8Encode(s))).toString("hex")).toBe(createHash("sha256").update(s).digest("hex"));
      expect(md5Hex(utf8Encode(s))).toBe(createHash("md5").update(s).digest("hex"));
    }
  });
});
