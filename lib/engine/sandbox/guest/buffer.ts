/**
 * Guest module `buffer`: Node's Buffer as a Uint8Array subclass with the encodings handlers meet
 * on Lambda (utf8, base64 — Kinesis and DynamoDB stream records carry base64 data —, base64url,
 * hex, latin1/binary, ascii, utf16le), plus atob/btoa and the UTF-8 codec TextEncoder/TextDecoder
 * share. Decoding base64 is lenient like Node's (skips characters outside the alphabet, accepts
 * both alphabets); atob is strict like the WHATWG one.
 */
export const BUFFER_SOURCE = String.raw`(function bufferModule(internals) {
"use strict";
var fromCharCode = String.fromCharCode;

// ---- UTF-8 (invalid sequences decode to U+FFFD, lone surrogates encode as U+FFFD) ------------
function utf8Encode(str) {
  var out = new Uint8Array(str.length * 3), n = 0;
  for (var i = 0; i < str.length; i++) {
    var c = str.charCodeAt(i);
    if (c < 0x80) { out[n++] = c; continue; }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < str.length) {
      var d = str.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        var cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        out[n++] = 0xf0 | (cp >> 18); out[n++] = 0x80 | ((cp >> 12) & 63); out[n++] = 0x80 | ((cp >> 6) & 63); out[n++] = 0x80 | (cp & 63);
        i++;
        continue;
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x800) { out[n++] = 0xc0 | (c >> 6); out[n++] = 0x80 | (c & 63); }
    else { out[n++] = 0xe0 | (c >> 12); out[n++] = 0x80 | ((c >> 6) & 63); out[n++] = 0x80 | (c & 63); }
  }
  return n === out.length ? out : out.slice(0, n);
}
function flush(parts, chunk) { parts.push(fromCharCode.apply(null, chunk)); }
function utf8Decode(bytes, start, end) {
  var parts = [], chunk = [];
  for (var i = start; i < end;) {
    var b = bytes[i], cp = 0xfffd;
    if (b < 0x80) { cp = b; i++; }
    else {
      var need = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
      if (need === 0) { i++; }
      else {
        var lower = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
        var upper = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
        var value = b & (need === 2 ? 0x1f : need === 3 ? 0x0f : 0x07), k = 1;
        for (; k < need; k++) {
          var next = bytes[i + k];
          if (i + k >= end || next < (k === 1 ? lower : 0x80) || next > (k === 1 ? upper : 0xbf)) break;
          value = (value << 6) | (next & 0x3f);
        }
        if (k === need) { cp = value; i += need; } else { i += k; }
      }
    }
    if (cp > 0xffff) { cp -= 0x10000; chunk.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff)); }
    else chunk.push(cp);
    if (chunk.length >= 8192) { flush(parts, chunk); chunk = []; }
  }
  flush(parts, chunk);
  return parts.join("");
}
internals.utf8Encode = utf8Encode;
internals.utf8Decode = utf8Decode;

// ---- base64 / hex / latin1 / utf16le -----------------------------------------------------------
var B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
var B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
var B64_VALUES = new Int16Array(128).fill(-1);
for (var bi = 0; bi < 64; bi++) { B64_VALUES[B64.charCodeAt(bi)] = bi; B64_VALUES[B64URL.charCodeAt(bi)] = bi; }

function base64Encode(bytes, start, end, alphabet, pad) {
  var parts = [], chunk = [];
  var i = start;
  for (; i + 2 < end; i += 3) {
    var v = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    chunk.push(alphabet.charCodeAt(v >> 18), alphabet.charCodeAt((v >> 12) & 63), alphabet.charCodeAt((v >> 6) & 63), alphabet.charCodeAt(v & 63));
    if (chunk.length >= 8192) { flush(parts, chunk); chunk = []; }
  }
  var rest = end - i;
  if (rest === 1) {
    var one = bytes[i] << 16;
    chunk.push(alphabet.charCodeAt(one >> 18), alphabet.charCodeAt((one >> 12) & 63));
    if (pad) chunk.push(61, 61);
  } else if (rest === 2) {
    var two = (bytes[i] << 16) | (bytes[i + 1] << 8);
    chunk.push(alphabet.charCodeAt(two >> 18), alphabet.charCodeAt((two >> 12) & 63), alphabet.charCodeAt((two >> 6) & 63));
    if (pad) chunk.push(61);
  }
  flush(parts, chunk);
  return parts.join("");
}
// Node's decoder: characters outside both alphabets are skipped; "=" ends the data.
function base64Decode(str) {
  var out = new Uint8Array(Math.ceil(str.length * 3 / 4)), n = 0, acc = 0, bits = 0;
  for (var i = 0; i < str.length; i++) {
    var c = str.charCodeAt(i);
    if (c === 61) break;
    var v = c < 128 ? B64_VALUES[c] : -1;
    if (v < 0) continue;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) { bits -= 8; out[n++] = (acc >> bits) & 255; }
  }
  return out.slice(0, n);
}
function hexEncode(bytes, start, end) {
  var parts = [], s = "";
  for (var i = start; i < end; i++) {
    s += (bytes[i] < 16 ? "0" : "") + bytes[i].toString(16);
    if (s.length >= 16384) { parts.push(s); s = ""; }
  }
  parts.push(s);
  return parts.join("");
}
// Node stops at the first pair that is not hex.
function hexDecode(str) {
  var out = new Uint8Array(str.length >> 1), n = 0;
  for (var i = 0; i + 1 < str.length; i += 2) {
    var v = parseInt(str.substr(i, 2), 16);
    if (!/^[0-9a-fA-F]{2}$/.test(str.substr(i, 2))) break;
    out[n++] = v;
  }
  return out.slice(0, n);
}
function latin1Encode(str) {
  var out = new Uint8Array(str.length);
  for (var i = 0; i < str.length; i++) out[i] = str.charCodeAt(i) & 255;
  return out;
}
function latin1Decode(bytes, start, end, mask) {
  var parts = [], chunk = [];
  for (var i = start; i < end; i++) {
    chunk.push(bytes[i] & mask);
    if (chunk.length >= 8192) { flush(parts, chunk); chunk = []; }
  }
  flush(parts, chunk);
  return parts.join("");
}
function utf16Encode(str) {
  var out = new Uint8Array(str.length * 2);
  for (var i = 0; i < str.length; i++) { var c = str.charCodeAt(i); out[2 * i] = c & 255; out[2 * i + 1] = c >> 8; }
  return out;
}
function utf16Decode(bytes, start, end) {
  var parts = [], chunk = [];
  for (var i = start; i + 1 < end; i += 2) {
    chunk.push(bytes[i] | (bytes[i + 1] << 8));
    if (chunk.length >= 8192) { flush(parts, chunk); chunk = []; }
  }
  flush(parts, chunk);
  return parts.join("");
}

function normalizeEncoding(enc) {
  if (enc === undefined || enc === null) return "utf8";
  switch (String(enc).toLowerCase()) {
    case "utf8": case "utf-8": return "utf8";
    case "hex": return "hex";
    case "base64": return "base64";
    case "base64url": return "base64url";
    case "latin1": case "binary": return "latin1";
    case "ascii": return "ascii";
    case "ucs2": case "ucs-2": case "utf16le": case "utf-16le": return "utf16le";
  }
  return undefined;
}
function unknownEncoding(enc) {
  var e = new TypeError("Unknown encoding: " + enc);
  e.code = "ERR_UNKNOWN_ENCODING";
  return e;
}
function encodeString(str, enc) {
  var normal = normalizeEncoding(enc);
  switch (normal) {
    case "utf8": return utf8Encode(str);
    case "hex": return hexDecode(str);
    case "base64": case "base64url": return base64Decode(str);
    case "latin1": case "ascii": return latin1Encode(str);
    case "utf16le": return utf16Encode(str);
  }
  throw unknownEncoding(enc);
}
function decodeBytes(bytes, enc, start, end) {
  var normal = normalizeEncoding(enc);
  switch (normal) {
    case "utf8": return utf8Decode(bytes, start, end);
    case "hex": return hexEncode(bytes, start, end);
    case "base64": return base64Encode(bytes, start, end, B64, true);
    case "base64url": return base64Encode(bytes, start, end, B64URL, false);
    case "latin1": return latin1Decode(bytes, start, end, 255);
    case "ascii": return latin1Decode(bytes, start, end, 127);
    case "utf16le": return utf16Decode(bytes, start, end);
  }
  throw unknownEncoding(enc);
}
internals.encodeString = encodeString;
internals.decodeBytes = decodeBytes;

// ---- Buffer -------------------------------------------------------------------------------------
function invalidArg(name, expected, value) {
  var got = value === null ? "null" : typeof value === "object" ? "an instance of " + ((value.constructor && value.constructor.name) || "Object") : "type " + typeof value + " (" + String(value) + ")";
  var e = new TypeError("The \"" + name + "\" argument must be " + expected + ". Received " + got);
  e.code = "ERR_INVALID_ARG_TYPE";
  return e;
}
function outOfRange(name, range, value) {
  var e = new RangeError("The value of \"" + name + "\" is out of range. It must be " + range + ". Received " + value);
  e.code = "ERR_OUT_OF_RANGE";
  return e;
}
function checkSize(size) {
  if (typeof size !== "number") throw invalidArg("size", "of type number", size);
  if (!(size >= 0 && size <= 4294967296)) throw outOfRange("size", ">= 0 && <= 4294967296", size);
}

class Buffer extends Uint8Array {
  static from(value, encodingOrOffset, length) {
    if (typeof value === "string") return adopt(encodeString(value, encodingOrOffset));
    if (value instanceof ArrayBuffer) {
      var offset = encodingOrOffset === undefined ? 0 : +encodingOrOffset;
      var len = length === undefined ? value.byteLength - offset : +length;
      return new Buffer(value, offset, len);
    }
    if (ArrayBuffer.isView(value)) {
      var copy = new Buffer(value.byteLength);
      copy.set(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
      return copy;
    }
    if (value !== null && typeof value === "object") {
      if (value.type === "Buffer" && Array.isArray(value.data)) return fromArrayLike(value.data);
      if (typeof value.length === "number" || Array.isArray(value)) return fromArrayLike(value);
      if (typeof value.valueOf === "function") {
        var primitive = value.valueOf();
        if (primitive !== value && primitive !== null && primitive !== undefined) return Buffer.from(primitive, encodingOrOffset, length);
      }
    }
    throw invalidArg("first argument", "of type string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object", value);
  }
  static alloc(size, fill, encoding) {
    checkSize(size);
    var buf = new Buffer(size);
    if (fill !== undefined && fill !== 0) buf.fill(fill, 0, size, encoding);
    return buf;
  }
  static allocUnsafe(size) { checkSize(size); return new Buffer(size); }
  static allocUnsafeSlow(size) { checkSize(size); return new Buffer(size); }
  static isBuffer(value) { return value instanceof Buffer; }
  static isEncoding(enc) { return typeof enc === "string" && normalizeEncoding(enc) !== undefined; }
  static byteLength(value, encoding) {
    if (typeof value !== "string") {
      if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return value.byteLength;
      throw invalidArg("string", "of type string or an instance of Buffer or ArrayBuffer", value);
    }
    var normal = normalizeEncoding(encoding) || "utf8";
    if (normal === "utf8") {
      var n = 0;
      for (var i = 0; i < value.length; i++) {
        var c = value.charCodeAt(i);
        if (c < 0x80) n += 1;
        else if (c < 0x800) n += 2;
        else if (c >= 0xd800 && c <= 0xdbff && i + 1 < value.length && (value.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { n += 4; i++; }
        else n += 3;
      }
      return n;
    }
    return encodeString(value, normal).length;
  }
  static concat(list, totalLength) {
    if (!Array.isArray(list)) throw invalidArg("list", "an instance of Array", list);
    if (totalLength === undefined) {
      totalLength = 0;
      for (var i = 0; i < list.length; i++) totalLength += list[i].length;
    }
    var out = Buffer.alloc(totalLength), pos = 0;
    for (var j = 0; j < list.length && pos < totalLength; j++) {
      var item = list[j];
      if (!(item instanceof Uint8Array)) throw invalidArg("list[" + j + "]", "an instance of Buffer or Uint8Array", item);
      var take = Math.min(item.length, totalLength - pos);
      out.set(take === item.length ? item : item.subarray(0, take), pos);
      pos += take;
    }
    return out;
  }
  static compare(a, b) { return compareBytes(a, b); }

  toString(encoding, start, end) {
    start = start === undefined ? 0 : Math.max(0, start | 0);
    end = end === undefined ? this.length : Math.min(this.length, end | 0);
    if (end <= start) return "";
    return decodeBytes(this, encoding, start, end);
  }
  toLocaleString(encoding, start, end) { return this.toString(encoding, start, end); }
  toJSON() {
    var data = new Array(this.length);
    for (var i = 0; i < this.length; i++) data[i] = this[i];
    return { type: "Buffer", data: data };
  }
  equals(other) {
    if (!(other instanceof Uint8Array)) throw invalidArg("otherBuffer", "an instance of Buffer or Uint8Array", other);
    return compareBytes(this, other) === 0;
  }
  compare(other) { return compareBytes(this, other); }
  slice(start, end) { return this.subarray(start, end); }
  write(string, offset, length, encoding) {
    if (typeof offset === "string") { encoding = offset; offset = 0; length = undefined; }
    else if (typeof length === "string") { encoding = length; length = undefined; }
    offset = offset === undefined ? 0 : offset >>> 0;
    var bytes = encodeString(String(string), encoding);
    var n = Math.min(bytes.length, this.length - offset, length === undefined ? Infinity : length >>> 0);
    this.set(bytes.subarray(0, n), offset);
    return n;
  }
  fill(value, offset, end, encoding) {
    if (typeof offset === "string") { encoding = offset; offset = 0; end = this.length; }
    offset = offset === undefined ? 0 : offset;
    end = end === undefined ? this.length : end;
    if (typeof value === "string") {
      var bytes = encodeString(value, encoding);
      if (bytes.length === 0) return Uint8Array.prototype.fill.call(this, 0, offset, end), this;
      for (var i = offset, j = 0; i < end; i++, j = (j + 1) % bytes.length) this[i] = bytes[j];
      return this;
    }
    if (value instanceof Uint8Array) {
      for (var k = offset, m = 0; k < end; k++, m = (m + 1) % value.length) this[k] = value[m];
      return this;
    }
    Uint8Array.prototype.fill.call(this, value & 255, offset, end);
    return this;
  }
  copy(target, targetStart, sourceStart, sourceEnd) {
    targetStart = targetStart === undefined ? 0 : targetStart;
    sourceStart = sourceStart === undefined ? 0 : sourceStart;
    sourceEnd = sourceEnd === undefined ? this.length : Math.min(sourceEnd, this.length);
    var n = Math.max(0, Math.min(sourceEnd - sourceStart, target.length - targetStart));
    target.set(Uint8Array.prototype.subarray.call(this, sourceStart, sourceStart + n), targetStart);
    return n;
  }
  indexOf(value, byteOffset, encoding) { return search(this, value, byteOffset, encoding); }
  includes(value, byteOffset, encoding) { return search(this, value, byteOffset, encoding) !== -1; }
  readUInt8(offset) { return checked(this, offset, 1).getUint8(offset | 0); }
  readInt8(offset) { return checked(this, offset, 1).getInt8(offset | 0); }
  readUInt16LE(offset) { return checked(this, offset, 2).getUint16(offset | 0, true); }
  readUInt16BE(offset) { return checked(this, offset, 2).getUint16(offset | 0, false); }
  readInt16LE(offset) { return checked(this, offset, 2).getInt16(offset | 0, true); }
  readInt16BE(offset) { return checked(this, offset, 2).getInt16(offset | 0, false); }
  readUInt32LE(offset) { return checked(this, offset, 4).getUint32(offset | 0, true); }
  readUInt32BE(offset) { return checked(this, offset, 4).getUint32(offset | 0, false); }
  readInt32LE(offset) { return checked(this, offset, 4).getInt32(offset | 0, true); }
  readInt32BE(offset) { return checked(this, offset, 4).getInt32(offset | 0, false); }
  readFloatLE(offset) { return checked(this, offset, 4).getFloat32(offset | 0, true); }
  readFloatBE(offset) { return checked(this, offset, 4).getFloat32(offset | 0, false); }
  readDoubleLE(offset) { return checked(this, offset, 8).getFloat64(offset | 0, true); }
  readDoubleBE(offset) { return checked(this, offset, 8).getFloat64(offset | 0, false); }
  readBigUInt64LE(offset) { return checked(this, offset, 8).getBigUint64(offset | 0, true); }
  readBigUInt64BE(offset) { return checked(this, offset, 8).getBigUint64(offset | 0, false); }
  writeUInt8(value, offset) { checked(this, offset, 1).setUint8(offset | 0, value); return (offset | 0) + 1; }
  writeInt8(value, offset) { checked(this, offset, 1).setInt8(offset | 0, value); return (offset | 0) + 1; }
  writeUInt16LE(value, offset) { checked(this, offset, 2).setUint16(offset | 0, value, true); return (offset | 0) + 2; }
  writeUInt16BE(value, offset) { checked(this, offset, 2).setUint16(offset | 0, value, false); return (offset | 0) + 2; }
  writeUInt32LE(value, offset) { checked(this, offset, 4).setUint32(offset | 0, value, true); return (offset | 0) + 4; }
  writeUInt32BE(value, offset) { checked(this, offset, 4).setUint32(offset | 0, value, false); return (offset | 0) + 4; }
  writeInt32LE(value, offset) { checked(this, offset, 4).setInt32(offset | 0, value, true); return (offset | 0) + 4; }
  writeInt32BE(value, offset) { checked(this, offset, 4).setInt32(offset | 0, value, false); return (offset | 0) + 4; }
  writeDoubleLE(value, offset) { checked(this, offset, 8).setFloat64(offset | 0, value, true); return (offset | 0) + 8; }
  writeDoubleBE(value, offset) { checked(this, offset, 8).setFloat64(offset | 0, value, false); return (offset | 0) + 8; }
}
Buffer.poolSize = 8192;
var aliases = [["readUint8", "readUInt8"], ["readUint16LE", "readUInt16LE"], ["readUint16BE", "readUInt16BE"], ["readUint32LE", "readUInt32LE"], ["readUint32BE", "readUInt32BE"], ["writeUint8", "writeUInt8"], ["writeUint16LE", "writeUInt16LE"], ["writeUint16BE", "writeUInt16BE"], ["writeUint32LE", "writeUInt32LE"], ["writeUint32BE", "writeUInt32BE"]];
for (var ai = 0; ai < aliases.length; ai++) Buffer.prototype[aliases[ai][0]] = Buffer.prototype[aliases[ai][1]];

function adopt(bytes) { return new Buffer(bytes.buffer, bytes.byteOffset, bytes.length); }
function fromArrayLike(list) {
  var buf = new Buffer(list.length >>> 0);
  for (var i = 0; i < buf.length; i++) buf[i] = list[i] & 255;
  return buf;
}
function compareBytes(a, b) {
  var n = Math.min(a.length, b.length);
  for (var i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}
function checked(buf, offset, size) {
  offset = offset === undefined ? 0 : offset;
  if (typeof offset !== "number") throw invalidArg("offset", "of type number", offset);
  if (offset < 0 || offset + size > buf.length || offset !== Math.floor(offset)) {
    var e = new RangeError("The value of \"offset\" is out of range. It must be >= 0 and <= " + (buf.length - size) + ". Received " + offset);
    e.code = "ERR_OUT_OF_RANGE";
    throw e;
  }
  return new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
}
function search(buf, value, byteOffset, encoding) {
  if (typeof byteOffset === "string") { encoding = byteOffset; byteOffset = 0; }
  var from = byteOffset === undefined ? 0 : byteOffset < 0 ? Math.max(0, buf.length + byteOffset) : byteOffset;
  if (typeof value === "number") return Uint8Array.prototype.indexOf.call(buf, value & 255, from);
  var needle = typeof value === "string" ? encodeString(value, encoding) : value;
  if (needle.length === 0) return from <= buf.length ? from : buf.length;
  outer: for (var i = from; i + needle.length <= buf.length; i++) {
    for (var j = 0; j < needle.length; j++) if (buf[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
internals.isBuffer = function (v) { return v instanceof Buffer; };
internals.Buffer = Buffer;

// ---- atob / btoa (WHATWG forgiving-base64) -------------------------------------------------------
function invalidCharacter(message) {
  var e = new Error(message);
  e.name = "InvalidCharacterError";
  e.code = 5;
  return e;
}
function btoa(input) {
  if (arguments.length === 0) throw invalidArg("data", "specified", undefined);
  input = String(input);
  var bytes = new Uint8Array(input.length);
  for (var i = 0; i < input.length; i++) {
    var c = input.charCodeAt(i);
    if (c > 255) throw invalidCharacter("Invalid character");
    bytes[i] = c;
  }
  return base64Encode(bytes, 0, bytes.length, B64, true);
}
function atob(input) {
  if (arguments.length === 0) throw invalidArg("data", "specified", undefined);
  var s = String(input).replace(/[\t\n\f\r ]/g, "");
  if (s.length % 4 === 0) s = s.replace(/==?$/, "");
  if (s.length % 4 === 1 || /[^A-Za-z0-9+\/]/.test(s)) throw invalidCharacter("The string to be decoded is not correctly encoded.");
  var bytes = base64Decode(s);
  return latin1Decode(bytes, 0, bytes.length, 255);
}

return {
  Buffer: Buffer,
  atob: atob,
  btoa: btoa,
  constants: { MAX_LENGTH: 4294967296, MAX_STRING_LENGTH: 536870888 },
  kMaxLength: 4294967296,
  SlowBuffer: Buffer
};
})`;
