/**
 * Guest modules `fs` and `fs/promises`: the file operations handlers use on Lambda's `/tmp`, in
 * their sync, callback and promise forms, backed by the environment's TmpFs on the host
 * (tmp-fs.ts). Errors carry Node's shape: "ENOENT: no such file or directory, open '/tmp/x'"
 * with code, errno, syscall and path. Callbacks run as immediates (after the current callback,
 * like an I/O completion); promise forms settle in a microtask.
 */
import { HostOp } from "../host-ops";

export const FS_SOURCE = String.raw`(function fsModule(internals) {
"use strict";
internals.builtin("buffer");
var Buffer = internals.Buffer, host = internals.host, encodeString = internals.encodeString, decodeBytes = internals.decodeBytes;
var ERRNO = {
  ENOENT: [-2, "no such file or directory"], EEXIST: [-17, "file already exists"], EISDIR: [-21, "illegal operation on a directory"],
  ENOTDIR: [-20, "not a directory"], EACCES: [-13, "permission denied"], EROFS: [-30, "read-only file system"],
  ENOSPC: [-28, "no space left on device"], ENOTEMPTY: [-39, "directory not empty"], EINVAL: [-22, "invalid argument"]
};
function fsError(result) {
  var info = ERRNO[result.err] || [-22, "invalid argument"];
  var where = "'" + result.path + "'" + (result.dest !== undefined ? " -> '" + result.dest + "'" : "");
  var e = new Error(result.err + ": " + info[1] + ", " + result.syscall + " " + where);
  e.errno = info[0];
  e.code = result.err;
  e.syscall = result.syscall;
  e.path = result.path;
  if (result.dest !== undefined) e.dest = result.dest;
  return e;
}
function pathArg(path, name) {
  if (typeof path === "string") return path;
  if (path instanceof Uint8Array) return decodeBytes(path, "utf8", 0, path.length);
  if (path !== null && typeof path === "object" && typeof path.href === "string" && path.protocol === "file:") return decodeURIComponent(path.pathname);
  var e = new TypeError("The \"" + (name || "path") + "\" argument must be of type string or an instance of Buffer or URL. Received " + (path === null ? "null" : typeof path));
  e.code = "ERR_INVALID_ARG_TYPE";
  throw e;
}
// Data crosses to the host as JSON text (a raw string would be cut at its first NUL byte);
// "utf8" asks the host to encode or decode the text natively, "latin1" means bytes, one per char.
function call(operation, path, data, encoding) {
  var result = JSON.parse(host(${HostOp.Fs}, operation, path, data === undefined ? undefined : JSON.stringify(data), encoding));
  if (result.err !== undefined) throw fsError(result);
  return result.ok;
}
function isUtf8(encoding) { return encoding === undefined || encoding === null || /^utf-?8$/i.test(encoding); }
function encodingOf(options) {
  if (typeof options === "string") return options;
  if (options !== null && typeof options === "object" && options.encoding) return options.encoding;
  return null;
}
function flagOf(options) {
  return options !== null && typeof options === "object" && typeof options.flag === "string" ? options.flag : "w";
}
// Returns [data, encoding] for the host: text stays text when it is UTF-8.
function toHostData(data, encoding) {
  if (typeof data === "string") {
    if (isUtf8(encoding)) return [data, "utf8"];
    var encoded = encodeString(data, encoding);
    return [decodeBytes(encoded, "latin1", 0, encoded.length), "latin1"];
  }
  if (ArrayBuffer.isView(data)) {
    var bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    return [decodeBytes(bytes, "latin1", 0, bytes.length), "latin1"];
  }
  var e = new TypeError("The \"data\" argument must be of type string or an instance of Buffer, TypedArray, or DataView. Received " + (data === null ? "null" : typeof data));
  e.code = "ERR_INVALID_ARG_TYPE";
  throw e;
}

function readFileSync(path, options) {
  var encoding = encodingOf(options);
  if (encoding && isUtf8(encoding)) return call("read", pathArg(path), undefined, "utf8");
  var bytes = Buffer.from(call("read", pathArg(path), undefined, "latin1"), "latin1");
  return encoding ? bytes.toString(encoding) : bytes;
}
function writeFileSync(path, data, options) {
  var flag = flagOf(options);
  var sent = toHostData(data, encodingOf(options));
  call(flag.charAt(0) === "a" ? "append" : "write", pathArg(path), sent[0], sent[1]);
}
function appendFileSync(path, data, options) {
  var sent = toHostData(data, encodingOf(options));
  call("append", pathArg(path), sent[0], sent[1]);
}
function existsSync(path) {
  try { return call("exists", pathArg(path), undefined) === true; } catch (e) { return false; }
}
function accessSync(path) {
  if (!existsSync(path)) throw fsError({ err: "ENOENT", syscall: "access", path: pathArg(path) });
}
function unlinkSync(path) { call("unlink", pathArg(path), undefined); }
function mkdirSync(path, options) {
  var recursive = options !== null && typeof options === "object" && options.recursive === true;
  call("mkdir", pathArg(path), recursive ? "1" : "0", undefined);
  return recursive ? pathArg(path) : undefined;
}
function Dirent(name, type) { this.name = name; this._type = type; }
Dirent.prototype.isFile = function () { return this._type === "file"; };
Dirent.prototype.isDirectory = function () { return this._type === "directory"; };
Dirent.prototype.isSymbolicLink = function () { return false; };
function readdirSync(path, options) {
  var dir = pathArg(path);
  var names = call("readdir", dir, undefined);
  if (options !== null && typeof options === "object" && options.withFileTypes) {
    return names.map(function (name) { return new Dirent(name, call("stat", dir.replace(/\/$/, "") + "/" + name, undefined).type); });
  }
  return names;
}
function Stats(info) { this.size = info.size; this._type = info.type; this.mode = info.type === "directory" ? 16877 : 33188; }
Stats.prototype.isFile = function () { return this._type === "file"; };
Stats.prototype.isDirectory = function () { return this._type === "directory"; };
Stats.prototype.isSymbolicLink = function () { return false; };
function statSync(path, options) {
  try {
    return new Stats(call("stat", pathArg(path), undefined));
  } catch (e) {
    if (options && options.throwIfNoEntry === false && e.code === "ENOENT") return undefined;
    throw e;
  }
}
function rmSync(path, options) {
  var force = options !== null && typeof options === "object" && options.force === true;
  var recursive = options !== null && typeof options === "object" && options.recursive === true;
  try { call("rm", pathArg(path), recursive ? "1" : "0"); } catch (e) { if (!(force && e.code === "ENOENT")) throw e; }
}
function rmdirSync(path, options) { rmSync(path, { recursive: !!(options && options.recursive) }); }
function renameSync(from, to) { call("rename", pathArg(from, "oldPath"), pathArg(to, "newPath")); }
function copyFileSync(from, to) { writeFileSync(to, readFileSync(from)); }

var sync = {
  readFile: readFileSync, writeFile: writeFileSync, appendFile: appendFileSync, access: accessSync, unlink: unlinkSync,
  mkdir: mkdirSync, readdir: readdirSync, stat: statSync, lstat: statSync, rm: rmSync, rmdir: rmdirSync, rename: renameSync,
  copyFile: copyFileSync
};
var names = Object.keys(sync);

function promiseForm(fn) {
  return function () {
    var args = arguments;
    return new Promise(function (resolve) { resolve(fn.apply(null, args)); });
  };
}
var promises = {};
for (var i = 0; i < names.length; i++) promises[names[i]] = promiseForm(sync[names[i]]);

function callbackForm(fn) {
  return function () {
    var args = [];
    for (var i = 0; i < arguments.length; i++) args[i] = arguments[i];
    var callback = args.pop();
    if (typeof callback !== "function") {
      var e = new TypeError("The \"cb\" argument must be of type function. Received " + (callback === null ? "null" : typeof callback));
      e.code = "ERR_INVALID_ARG_TYPE";
      throw e;
    }
    var error = null, value;
    try { value = fn.apply(null, args); } catch (err) { error = err; }
    internals.timersModule().setImmediate(function () { if (error) callback(error); else callback(null, value); });
  };
}

var fs = {
  constants: { F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1, O_RDONLY: 0, O_WRONLY: 1, O_RDWR: 2 },
  existsSync: existsSync,
  exists: function exists(path, callback) {
    var found = existsSync(path);
    internals.timersModule().setImmediate(function () { callback(found); });
  },
  promises: promises,
  Dirent: Dirent,
  Stats: Stats
};
for (var j = 0; j < names.length; j++) {
  fs[names[j] + "Sync"] = sync[names[j]];
  fs[names[j]] = callbackForm(sync[names[j]]);
}
internals.fsPromises = promises;
return fs;
})`;
