/**
 * A seeded pseudo-random generator (sfc32, seeded through splitmix32). The engine never reads
 * Math.random or the clock: every "random" choice — request ids, alias weights, log stream
 * names — comes from a stream derived from the scenario seed, so the same scenario and seed
 * give a byte-identical trace.
 *
 * Streams are split by purpose (`new Prng(seed, "routing")`), so adding one more id somewhere
 * does not change which version a weighted alias picks.
 */
export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream = "") {
    let s = (Math.trunc(seed) ^ fnv1a(stream)) >>> 0;
    const next = () => {
      // splitmix32: spreads a small integer seed over the whole state
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** A uniformly distributed unsigned 32-bit integer. */
  uint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** A float in [0, 1). */
  float(): number {
    return this.uint32() / 4294967296;
  }

  /** `n` lowercase hex digits. */
  hex(n: number): string {
    let out = "";
    while (out.length < n) out += hex32(this.uint32());
    return out.length === n ? out : out.slice(0, n);
  }

  /** An RFC 4122 version-4 UUID, as AWS request ids and message ids look. */
  uuid(): string {
    const a = this.uint32();
    const b = this.uint32();
    const c = this.uint32();
    const d = this.uint32();
    // version 4 in the 13th hex digit, variant 10xx in the 17th
    const b2 = ((b & 0xffff0fff) | 0x00004000) >>> 0;
    const c2 = ((c & 0x3fffffff) | 0x80000000) >>> 0;
    // Written digit by digit into one char-code buffer: one flat string per id instead of a
    // tree of ~10 concatenated pieces (every request id is kept in the trace; bench:engine).
    const out = UUID_CODES;
    hexDigits(out, a, 0, 8);
    hexDigits(out, b2 >>> 16, 9, 4);
    hexDigits(out, b2, 14, 4);
    hexDigits(out, c2 >>> 16, 19, 4);
    hexDigits(out, c2, 24, 4);
    hexDigits(out, d, 28, 8);
    return String.fromCharCode.apply(null, out);
  }
}

const HEX_CODES: number[] = Array.from("0123456789abcdef", (c) => c.charCodeAt(0));
/** xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx: the dashes stay, the digits are overwritten. */
const UUID_CODES: number[] = Array.from("00000000-0000-0000-0000-000000000000", (c) => c.charCodeAt(0));

/** Writes the low `count` hex digits of `x` into `out` from `at`, most significant first. */
function hexDigits(out: number[], x: number, at: number, count: number): void {
  for (let i = at + count - 1; i >= at; i--) {
    out[i] = HEX_CODES[x & 15]!;
    x >>>= 4;
  }
}

const BYTE_HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

function hex32(x: number): string {
  return BYTE_HEX[(x >>> 24) & 255] + BYTE_HEX[(x >>> 16) & 255] + BYTE_HEX[(x >>> 8) & 255] + BYTE_HEX[x & 255];
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
