/**
 * Guest module `crypto` (and the global `crypto`): randomness from the environment's seeded
 * generator — randomUUID, randomBytes, randomInt, getRandomValues — so a scenario's ids repeat
 * run after run, and createHash / createHmac for md5, sha1 and sha256 (idempotency keys, content
 * hashes) computed in JS. Anything else (sha512, ciphers, keys, subtle) is deliberately absent.
 */
export const CRYPTO_SOURCE = String.raw`(function cryptoModule(internals) {
"use strict";
internals.builtin("buffer");
var Buffer = internals.Buffer, next32 = internals.random, encodeString = internals.encodeString;

function randomFill(bytes) {
  for (var i = 0; i < bytes.length; i += 4) {
    var r = next32();
    for (var k = 0; k < 4 && i + k < bytes.length; k++) bytes[i + k] = (r >>> (8 * k)) & 255;
  }
  return bytes;
}
function randomBytes(size, callback) {
  if (typeof size !== "number" || !(size >= 0 && size <= 2147483647)) {
    var e = new RangeError("The value of \"size\" is out of range. It must be >= 0 && <= 2147483647. Received " + size);
    e.code = "ERR_OUT_OF_RANGE";
    throw e;
  }
  var buf = randomFill(Buffer.alloc(size));
  if (typeof callback === "function") { internals.timersModule().setImmediate(function () { callback(null, buf); }); return undefined; }
  return buf;
}
function hex(b) { return (b < 16 ? "0" : "") + b.toString(16); }
// RFC 4122 version 4: random bits with the version and variant fields set.
function randomUUID() {
  var b = randomFill(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  var s = "";
  for (var i = 0; i < 16; i++) { s += hex(b[i]); if (i === 3 || i === 5 || i === 7 || i === 9) s += "-"; }
  return s;
}
function randomInt(min, max, callback) {
  if (max === undefined || typeof max === "function") { callback = max; max = min; min = 0; }
  var range = max - min;
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || range <= 0 || range > 281474976710655) {
    var e = new RangeError("The value of \"max\" is out of range. It must be greater than the value of \"min\" (" + min + "). Received " + max);
    e.code = "ERR_OUT_OF_RANGE";
    throw e;
  }
  // Rejection sampling over 48 random bits, as Node does.
  var limit = 281474976710656 - (281474976710656 % range), x;
  do { x = (next32() >>> 16) * 4294967296 + next32(); } while (x >= limit);
  var value = min + (x % range);
  if (typeof callback === "function") { internals.timersModule().setImmediate(function () { callback(null, value); }); return undefined; }
  return value;
}
function getRandomValues(array) {
  if (!ArrayBuffer.isView(array) || array instanceof Float32Array || array instanceof Float64Array || array instanceof DataView) {
    var e = new TypeError("The data argument must be an integer-type TypedArray");
    e.name = "TypeMismatchError";
    throw e;
  }
  if (array.byteLength > 65536) {
    var q = new Error("The ArrayBufferView's byte length (" + array.byteLength + ") exceeds the number of bytes of entropy available via this API (65536)");
    q.name = "QuotaExceededError";
    throw q;
  }
  randomFill(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  return array;
}

// ---- digests ----------------------------------------------------------------------------------
function toBytes(data, encoding) {
  if (typeof data === "string") return encodeString(data, encoding || "utf8");
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  var e = new TypeError("The \"data\" argument must be of type string or an instance of Buffer, TypedArray, or DataView. Received " + (data === null ? "null" : typeof data));
  e.code = "ERR_INVALID_ARG_TYPE";
  throw e;
}
function concatBytes(chunks, total) {
  var out = new Uint8Array(total), pos = 0;
  for (var i = 0; i < chunks.length; i++) { out.set(chunks[i], pos); pos += chunks[i].length; }
  return out;
}
function pad(message, littleEndian) {
  var bitLength = message.length * 8;
  var padded = new Uint8Array(((message.length + 9 + 63) >> 6) << 6);
  padded.set(message);
  padded[message.length] = 0x80;
  var view = new DataView(padded.buffer);
  var high = Math.floor(bitLength / 4294967296), low = bitLength >>> 0;
  if (littleEndian) { view.setUint32(padded.length - 8, low, true); view.setUint32(padded.length - 4, high, true); }
  else { view.setUint32(padded.length - 8, high, false); view.setUint32(padded.length - 4, low, false); }
  return { bytes: padded, view: view };
}
function rotl(x, n) { return (x << n) | (x >>> (32 - n)); }
var MD5_S = [7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
  4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21];
var MD5_K = [];
for (var mi = 0; mi < 64; mi++) MD5_K[mi] = Math.floor(Math.abs(Math.sin(mi + 1)) * 4294967296) | 0;
function md5(message) {
  var p = pad(message, true), v = p.view;
  var a0 = 0x67452301, b0 = 0xefcdab89 | 0, c0 = 0x98badcfe | 0, d0 = 0x10325476;
  for (var off = 0; off < p.bytes.length; off += 64) {
    var a = a0, b = b0, c = c0, d = d0;
    for (var i = 0; i < 64; i++) {
      var f, g;
      if (i < 16) { f = (b & c) | (~b & d); g = i; }
      else if (i < 32) { f = (d & b) | (~d & c); g = (5 * i + 1) & 15; }
      else if (i < 48) { f = b ^ c ^ d; g = (3 * i + 5) & 15; }
      else { f = c ^ (b | ~d); g = (7 * i) & 15; }
      var tmp = d;
      d = c;
      c = b;
      b = (b + rotl((a + f + MD5_K[i] + v.getUint32(off + 4 * g, true)) | 0, MD5_S[i])) | 0;
      a = tmp;
    }
    a0 = (a0 + a) | 0; b0 = (b0 + b) | 0; c0 = (c0 + c) | 0; d0 = (d0 + d) | 0;
  }
  var out = new Uint8Array(16), ov = new DataView(out.buffer);
  ov.setUint32(0, a0, true); ov.setUint32(4, b0, true); ov.setUint32(8, c0, true); ov.setUint32(12, d0, true);
  return out;
}
function sha1(message) {
  var p = pad(message, false), v = p.view, w = new Int32Array(80);
  var h0 = 0x67452301, h1 = 0xefcdab89 | 0, h2 = 0x98badcfe | 0, h3 = 0x10325476, h4 = 0xc3d2e1f0 | 0;
  for (var off = 0; off < p.bytes.length; off += 64) {
    for (var i = 0; i < 16; i++) w[i] = v.getInt32(off + 4 * i, false);
    for (i = 16; i < 80; i++) w[i] = rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    var a = h0, b = h1, c = h2, d = h3, e = h4;
    for (i = 0; i < 80; i++) {
      var f, k;
      if (i < 20) { f = (b & c) | (~b & d); k = 0x5a827999; }
      else if (i < 40) { f = b ^ c ^ d; k = 0x6ed9eba1; }
      else if (i < 60) { f = (b & c) | (b & d) | (c & d); k = 0x8f1bbcdc | 0; }
      else { f = b ^ c ^ d; k = 0xca62c1d6 | 0; }
      var t = (rotl(a, 5) + f + e + k + w[i]) | 0;
      e = d; d = c; c = rotl(b, 30); b = a; a = t;
    }
    h0 = (h0 + a) | 0; h1 = (h1 + b) | 0; h2 = (h2 + c) | 0; h3 = (h3 + d) | 0; h4 = (h4 + e) | 0;
  }
  var out = new Uint8Array(20), ov = new DataView(out.buffer);
  ov.setInt32(0, h0, false); ov.setInt32(4, h1, false); ov.setInt32(8, h2, false); ov.setInt32(12, h3, false); ov.setInt32(16, h4, false);
  return out;
}
var SHA256_K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2]);
function rotr(x, n) { return (x >>> n) | (x << (32 - n)); }
function sha256(message) {
  var p = pad(message, false), v = p.view, w = new Int32Array(64);
  var h = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  for (var off = 0; off < p.bytes.length; off += 64) {
    for (var i = 0; i < 16; i++) w[i] = v.getInt32(off + 4 * i, false);
    for (i = 16; i < 64; i++) {
      var s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
      var s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
    }
    var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (i = 0; i < 64; i++) {
      var S1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
      var ch = (e & f) ^ (~e & g);
      var t1 = (hh + S1 + ch + SHA256_K[i] + w[i]) | 0;
      var S0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
      var maj = (a & b) ^ (a & c) ^ (b & c);
      var t2 = (S0 + maj) | 0;
      hh = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
    }
    h[0] = (h[0] + a) | 0; h[1] = (h[1] + b) | 0; h[2] = (h[2] + c) | 0; h[3] = (h[3] + d) | 0;
    h[4] = (h[4] + e) | 0; h[5] = (h[5] + f) | 0; h[6] = (h[6] + g) | 0; h[7] = (h[7] + hh) | 0;
  }
  var out = new Uint8Array(32), ov = new DataView(out.buffer);
  for (var j = 0; j < 8; j++) ov.setInt32(4 * j, h[j], false);
  return out;
}
var DIGESTS = { md5: [md5, 64], sha1: [sha1, 64], sha256: [sha256, 64], "sha-256": [sha256, 64], "sha-1": [sha1, 64] };
function digestFor(algorithm) {
  var found = DIGESTS[String(algorithm).toLowerCase()];
  if (!found) throw new Error("Digest method not supported");
  return found;
}
function output(bytes, encoding) {
  var buf = Buffer.from(bytes);
  return encoding === undefined || encoding === "buffer" ? buf : buf.toString(encoding);
}
function Hash(algorithm) {
  this._digest = digestFor(algorithm)[0];
  this._chunks = [];
  this._length = 0;
  this._done = false;
}
Hash.prototype.update = function update(data, encoding) {
  if (this._done) { var e = new Error("Digest already called"); e.code = "ERR_CRYPTO_HASH_FINALIZED"; throw e; }
  var bytes = toBytes(data, encoding);
  this._chunks.push(new Uint8Array(bytes));
  this._length += bytes.length;
  return this;
};
Hash.prototype.digest = function digest(encoding) {
  if (this._done) { var e = new Error("Digest already called"); e.code = "ERR_CRYPTO_HASH_FINALIZED"; throw e; }
  this._done = true;
  return output(this._digest(concatBytes(this._chunks, this._length)), encoding);
};
Hash.prototype.copy = function copy() {
  var h = Object.create(Hash.prototype);
  h._digest = this._digest; h._chunks = this._chunks.slice(); h._length = this._length; h._done = false;
  return h;
};
// RFC 2104.
function Hmac(algorithm, key) {
  var found = digestFor(algorithm);
  this._digest = found[0];
  var keyBytes = toBytes(key);
  if (keyBytes.length > found[1]) keyBytes = this._digest(keyBytes);
  var block = new Uint8Array(found[1]);
  block.set(keyBytes);
  this._outer = block.map(function (b) { return b ^ 0x5c; });
  this._inner = new Hash(algorithm);
  this._inner.update(block.map(function (b) { return b ^ 0x36; }));
}
Hmac.prototype.update = function update(data, encoding) { this._inner.update(data, encoding); return this; };
Hmac.prototype.digest = function digest(encoding) {
  var inner = this._inner.digest();
  var both = new Uint8Array(this._outer.length + inner.length);
  both.set(this._outer);
  both.set(inner, this._outer.length);
  return output(this._digest(both), encoding);
};
function timingSafeEqual(a, b) {
  if (a.byteLength !== b.byteLength) {
    var e = new RangeError("Input buffers must have the same byte length");
    e.code = "ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH";
    throw e;
  }
  var x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength), y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength), diff = 0;
  for (var i = 0; i < x.length; i++) diff |= x[i] ^ y[i];
  return diff === 0;
}

var webcrypto = { getRandomValues: getRandomValues, randomUUID: randomUUID };
return {
  randomUUID: randomUUID,
  randomBytes: randomBytes,
  randomInt: randomInt,
  randomFillSync: function (buf) { randomFill(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength)); return buf; },
  getRandomValues: getRandomValues,
  createHash: function (algorithm) { return new Hash(algorithm); },
  createHmac: function (algorithm, key) { return new Hmac(algorithm, key); },
  getHashes: function () { return ["md5", "sha1", "sha256"]; },
  timingSafeEqual: timingSafeEqual,
  webcrypto: webcrypto
};
})`;
