import { beforeAll, describe, expect, it } from "vitest";
import type { RuntimeFactory, TmpFs } from "./contract";
import { createQuickJsRuntimeFactory } from "./factory";
import { payloadOf, started } from "./test-driver";

let factory: RuntimeFactory;
beforeAll(async () => {
  factory = await createQuickJsRuntimeFactory();
});

/** The value an async handler made of `body` returns (body may use `event`). */
function run(body: string, event: unknown = {}, tmp?: TmpFs): unknown {
  const d = started(factory, `exports.handler = async (event) => { ${body} };`, tmp ? { tmp } : {});
  return payloadOf(d.invoke(event).turn);
}

describe("Buffer, atob/btoa, TextEncoder/TextDecoder", () => {
  it("converts between utf8, base64, base64url, hex and latin1", () => {
    expect(
      run(`const b = Buffer.from("héllo ✓", "utf8");
           return { base64: b.toString("base64"), url: Buffer.from([251, 255]).toString("base64url"), hex: b.toString("hex"),
                    back: Buffer.from(b.toString("base64"), "base64").toString(), len: b.length, byteLength: Buffer.byteLength("héllo ✓"),
                    latin1: Buffer.from("é", "latin1")[0], fromHex: Buffer.from("68656c6c6f", "hex").toString() };`),
    ).toEqual({ base64: "aMOpbGxvIOKckw==", url: "-_8", hex: "68c3a96c6c6f20e29c93", back: "héllo ✓", len: 10, byteLength: 10, latin1: 233, fromHex: "hello" });
  });

  it("decodes the base64 data of a Kinesis record", () => {
    expect(run(`return Buffer.from(event.Records[0].kinesis.data, "base64").toString("utf8");`, { Records: [{ kinesis: { data: "eyJvcmRlciI6NDJ9" } }] })).toBe('{"order":42}');
  });

  it("behaves as a Uint8Array subclass with Node's helpers", () => {
    expect(
      run(`const a = Buffer.from("abc"), b = Buffer.concat([a, Buffer.from([100])]);
           const view = b.slice(1, 3); view[0] = 66;
           return { isBuffer: Buffer.isBuffer(b), isU8: b instanceof Uint8Array, concat: b.toString(), shared: b.toString(),
                    json: Buffer.from([1, 2]).toJSON(), equals: a.equals(Buffer.from("abc")), index: b.indexOf("c"),
                    u32: Buffer.from([1, 0, 0, 0]).readUInt32LE(0), alloc: Buffer.alloc(3, "ab").toString(), compare: Buffer.compare(a, b) };`),
    ).toEqual({ isBuffer: true, isU8: true, concat: "aBcd", shared: "aBcd", json: { type: "Buffer", data: [1, 2] }, equals: true, index: 2, u32: 1, alloc: "aba", compare: 1 });
  });

  it("has WHATWG atob/btoa and TextEncoder/TextDecoder", () => {
    expect(
      run(`let bad; try { atob("***"); } catch (e) { bad = e.name; }
           return { b: btoa("hi!"), a: atob("aGkh"), bad, enc: Array.from(new TextEncoder().encode("é")), dec: new TextDecoder().decode(new Uint8Array([226, 156, 147])) };`),
    ).toEqual({ b: "aGkh", a: "hi!", bad: "InvalidCharacterError", enc: [195, 169], dec: "✓" });
  });
});

describe("fs on /tmp", () => {
  it("writes, appends, reads, lists, stats and deletes files", () => {
    expect(
      run(`const fs = require("fs");
           fs.mkdirSync("/tmp/data/nested", { recursive: true });
           fs.writeFileSync("/tmp/data/a.txt", "one");
           fs.appendFileSync("/tmp/data/a.txt", "+two");
           fs.writeFileSync("/tmp/data/bin", Buffer.from([0, 255, 128]));
           const out = { text: fs.readFileSync("/tmp/data/a.txt", "utf8"), bytes: Array.from(fs.readFileSync("/tmp/data/bin")),
                         list: fs.readdirSync("/tmp/data"), size: fs.statSync("/tmp/data/a.txt").size, dir: fs.statSync("/tmp/data").isDirectory() };
           fs.unlinkSync("/tmp/data/a.txt");
           out.existsAfter = fs.existsSync("/tmp/data/a.txt");
           return out;`),
    ).toEqual({ text: "one+two", bytes: [0, 255, 128], list: ["a.txt", "bin", "nested"], size: 7, dir: true, existsAfter: false });
  });

  it("fails like Linux outside /tmp and for missing files, with Node's error shape", () => {
    expect(
      run(`const fs = require("fs");
           const grab = (f) => { try { f(); return "no error"; } catch (e) { return { message: e.message, code: e.code, errno: e.errno, syscall: e.syscall, path: e.path }; } };
           return { missing: grab(() => fs.readFileSync("/tmp/nope.txt")), readonly: grab(() => fs.writeFileSync("/var/task/out.txt", "x")),
                    outside: grab(() => fs.readFileSync("/etc/passwd")), noParent: grab(() => fs.writeFileSync("/tmp/a/b.txt", "x")),
                    relative: grab(() => fs.writeFileSync("out.txt", "x")) };`),
    ).toEqual({
      missing: { message: "ENOENT: no such file or directory, open '/tmp/nope.txt'", code: "ENOENT", errno: -2, syscall: "open", path: "/tmp/nope.txt" },
      readonly: { message: "EROFS: read-only file system, open '/var/task/out.txt'", code: "EROFS", errno: -30, syscall: "open", path: "/var/task/out.txt" },
      outside: { message: "EACCES: permission denied, open '/etc/passwd'", code: "EACCES", errno: -13, syscall: "open", path: "/etc/passwd" },
      noParent: { message: "ENOENT: no such file or directory, open '/tmp/a/b.txt'", code: "ENOENT", errno: -2, syscall: "open", path: "/tmp/a/b.txt" },
      relative: { message: "EROFS: read-only file system, open 'out.txt'", code: "EROFS", errno: -30, syscall: "open", path: "out.txt" },
    });
  });

  it("offers the promise and callback forms", () => {
    expect(
      run(`const fsp = require("fs/promises"), fs = require("fs");
           await fsp.writeFile("/tmp/p.json", JSON.stringify({ v: 1 }));
           const viaCallback = await new Promise((resolve, reject) => fs.readFile("/tmp/p.json", "utf8", (err, text) => err ? reject(err) : resolve(text)));
           let rejected; try { await fsp.readFile("/tmp/none"); } catch (e) { rejected = e.code; }
           return { viaPromise: JSON.parse(await fsp.readFile("/tmp/p.json", "utf8")), viaCallback, rejected };`),
    ).toEqual({ viaPromise: { v: 1 }, viaCallback: '{"v":1}', rejected: "ENOENT" });
  });

  it("keeps /tmp across a runtime reset (dispose + create on the same TmpFs)", () => {
    const tmp: TmpFs = { files: new Map() };
    const d = started(factory, `let warm = 0; const fs = require("fs");
      exports.handler = async () => { warm++; const seen = fs.existsSync("/tmp/marker") ? fs.readFileSync("/tmp/marker", "utf8") : null; fs.writeFileSync("/tmp/marker", "written"); return { warm, seen }; };`, { tmp });
    expect(payloadOf(d.invoke().turn)).toEqual({ warm: 1, seen: null });
    d.reset();
    expect(d.init().kind).toBe("returned");
    // module state is back to its initial value, the file is still there (docs/lambda-semantics.md §5)
    expect(payloadOf(d.invoke().turn)).toEqual({ warm: 1, seen: "written" });
    expect(tmp.files.get("/tmp/marker")).toBe("written");
  });

  it("refuses to fill /tmp past its cap with ENOSPC", () => {
    expect(
      run(`const fs = require("fs"); const chunk = "x".repeat(1024 * 1024);
           try { for (let i = 0; i < 64; i++) fs.writeFileSync("/tmp/f" + i, chunk); } catch (e) { return e.code; } return "filled";`),
    ).toBe("ENOSPC");
  });
});

describe("crypto", () => {
  it("hashes with md5, sha1 and sha256 and signs with HMAC (known test vectors)", () => {
    expect(
      run(`const c = require("crypto");
           return { md5: c.createHash("md5").update("abc").digest("hex"), sha1: c.createHash("sha1").update("abc").digest("hex"),
                    sha256: c.createHash("sha256").update("a").update("bc").digest("hex"),
                    long: c.createHash("sha256").update("a".repeat(1000)).digest("base64"),
                    hmac: c.createHmac("sha256", "key").update("The quick brown fox jumps over the lazy dog").digest("hex") };`),
    ).toEqual({
      md5: "900150983cd24fb0d6963f7d28e17f72",
      sha1: "a9993e364706816aba3e25717850c26c9cd0d89d",
      sha256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
      long: "Qe3s5C1j6Nm/UVqbppMuHCDLyfWl0TRkWttdsblzfqM=",
      hmac: "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8",
    });
  });

  it("draws random bytes, ints and UUIDs from the seed", () => {
    const body = `const c = require("crypto"); return { bytes: c.randomBytes(4).toString("hex"), int: c.randomInt(10), uuid: c.randomUUID(), values: Array.from(crypto.getRandomValues(new Uint8Array(3))) };`;
    const first = run(body) as { int: number };
    expect(run(body)).toEqual(first);
    expect(first.int).toBeGreaterThanOrEqual(0);
    expect(first.int).toBeLessThan(10);
  });

  it("refuses digests it does not have, like OpenSSL", () => {
    expect(run(`try { require("crypto").createHash("sha512"); } catch (e) { return e.message; }`)).toBe("Digest method not supported");
  });
});

describe("path, events, util", () => {
  it("resolves POSIX paths against /var/task", () => {
    expect(
      run(`const p = require("path"); return [p.join("/tmp", "a", "../b.txt"), p.resolve("x"), p.basename("/a/b.json", ".json"), p.extname("f.tar.gz"), p.dirname("/a/b/c"), p.relative("/a/b", "/a/c/d"), p.normalize("a//b/./c/..")];`),
    ).toEqual(["/tmp/b.txt", "/var/task/x", "b", ".gz", "/a/b", "../c/d", "a/b"]);
  });

  it("emits events", () => {
    expect(
      run(`const EventEmitter = require("events"); const e = new EventEmitter(); const seen = [];
           e.on("x", (v) => seen.push("on " + v)); e.once("x", (v) => seen.push("once " + v));
           e.emit("x", 1); e.emit("x", 2);
           let unhandled; try { e.emit("error", new Error("no listener")); } catch (err) { unhandled = err.message; }
           return { seen, unhandled, count: e.listenerCount("x") };`),
    ).toEqual({ seen: ["on 1", "once 1", "on 2"], unhandled: "no listener", count: 1 });
  });

  it("promisifies callback APIs", () => {
    expect(run(`const { promisify } = require("util"); const late = (v, cb) => setTimeout(() => cb(null, v * 2), 10); return await promisify(late)(21);`)).toBe(42);
  });

  it("has structuredClone and queueMicrotask", () => {
    expect(run(`const src = { d: new Date(0), m: new Map([[1, 2]]), list: [1, { x: 1 }] }; const copy = structuredClone(src); src.list[1].x = 9;
                let order = []; queueMicrotask(() => order.push("micro")); order.push("sync"); await null;
                return { x: copy.list[1].x, date: copy.d instanceof Date, map: copy.m.get(1), order };`)).toEqual({ x: 1, date: true, map: 2, order: ["sync", "micro"] });
  });
});

describe("what is not there", () => {
  it.each(["child_process", "net", "http", "https", "vm", "worker_threads", "node:child_process", "aws-sdk", "./other", "lambda-lab:aws-sdk"])(
    "require(%j) fails with MODULE_NOT_FOUND",
    (name) => {
      expect(run(`try { require(${JSON.stringify(name)}); return "loaded"; } catch (e) { return e.code + ": " + e.message.split("\\n")[0]; }`)).toBe(
        `MODULE_NOT_FOUND: Cannot find module '${name}'`,
      );
    },
  );

  it("has a fetch that rejects: handlers have no network", () => {
    expect(run(`try { await fetch("https://example.com"); return "fetched"; } catch (e) { return e.name + ": " + e.message + " (" + e.cause.code + ")"; }`)).toBe("TypeError: fetch failed (ENETUNREACH)");
  });

  it("has no XMLHttpRequest, WebSocket or host process internals", () => {
    expect(run(`return [typeof XMLHttpRequest, typeof WebSocket, typeof process.binding, typeof process.dlopen, typeof require("process").mainModule, typeof std, typeof os];`)).toEqual([
      "undefined", "undefined", "undefined", "undefined", "undefined", "undefined", "undefined",
    ]);
  });
});
