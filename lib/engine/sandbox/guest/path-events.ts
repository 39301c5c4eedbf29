/**
 * Guest modules `path` (POSIX, resolving against Lambda's working directory /var/task) and
 * `events` (EventEmitter): pure JavaScript that many handlers and helper libraries expect.
 */
export const PATH_SOURCE = String.raw`(function pathModule() {
"use strict";
function check(value, name) {
  if (typeof value !== "string") {
    var e = new TypeError("The \"" + name + "\" argument must be of type string. Received " + (value === null ? "null" : typeof value));
    e.code = "ERR_INVALID_ARG_TYPE";
    throw e;
  }
}
function normalizeParts(path, absolute) {
  var out = [];
  var parts = path.split("/");
  for (var i = 0; i < parts.length; i++) {
    var p = parts[i];
    if (p === "" || p === ".") continue;
    if (p === "..") { if (out.length > 0 && out[out.length - 1] !== "..") out.pop(); else if (!absolute) out.push(".."); }
    else out.push(p);
  }
  return out;
}
function normalize(path) {
  check(path, "path");
  if (path === "") return ".";
  var absolute = path.charAt(0) === "/";
  var trailing = path.charAt(path.length - 1) === "/";
  var body = normalizeParts(path, absolute).join("/");
  if (body === "" && !absolute) body = ".";
  if (body !== "" && trailing) body += "/";
  return (absolute ? "/" : "") + body;
}
function join() {
  var parts = [];
  for (var i = 0; i < arguments.length; i++) { check(arguments[i], "path"); if (arguments[i] !== "") parts.push(arguments[i]); }
  return parts.length === 0 ? "." : normalize(parts.join("/"));
}
function resolve() {
  var resolved = "";
  for (var i = arguments.length - 1; i >= -1 && resolved.charAt(0) !== "/"; i--) {
    var p = i >= 0 ? arguments[i] : "/var/task";
    check(p, "paths[" + i + "]");
    if (p === "") continue;
    resolved = p + (resolved === "" ? "" : "/" + resolved);
  }
  var out = "/" + normalizeParts(resolved, true).join("/");
  return out;
}
function isAbsolute(path) { check(path, "path"); return path.charAt(0) === "/"; }
function dirname(path) {
  check(path, "path");
  if (path === "") return ".";
  var end = path.length;
  while (end > 1 && path.charAt(end - 1) === "/") end--;
  var idx = path.lastIndexOf("/", end - 1);
  if (idx === -1) return ".";
  if (idx === 0) return "/";
  var dir = path.slice(0, idx);
  while (dir.length > 1 && dir.charAt(dir.length - 1) === "/") dir = dir.slice(0, -1);
  return dir;
}
function basename(path, ext) {
  check(path, "path");
  var end = path.length;
  while (end > 0 && path.charAt(end - 1) === "/") end--;
  var base = path.slice(path.lastIndexOf("/", end - 1) + 1, end);
  if (ext !== undefined && base !== ext && base.slice(-ext.length) === ext) base = base.slice(0, base.length - ext.length);
  return base;
}
function extname(path) {
  var base = basename(path);
  var dot = base.lastIndexOf(".");
  return dot <= 0 ? "" : base.slice(dot);
}
function relative(from, to) {
  var a = resolve(from).split("/").filter(Boolean), b = resolve(to).split("/").filter(Boolean);
  var i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  var up = [];
  for (var j = i; j < a.length; j++) up.push("..");
  return up.concat(b.slice(i)).join("/");
}
function parse(path) {
  var base = basename(path), ext = extname(path);
  var root = path.charAt(0) === "/" ? "/" : "";
  var dir = dirname(path);
  if (dir === "." && path.indexOf("/") === -1) dir = "";
  return { root: root, dir: dir, base: base, ext: ext, name: ext ? base.slice(0, base.length - ext.length) : base };
}
function format(obj) {
  var dir = obj.dir || obj.root || "";
  var base = obj.base || (obj.name || "") + (obj.ext || "");
  if (!dir) return base;
  return dir === obj.root ? dir + base : dir + "/" + base;
}
var path = { sep: "/", delimiter: ":", normalize: normalize, join: join, resolve: resolve, isAbsolute: isAbsolute, dirname: dirname,
  basename: basename, extname: extname, relative: relative, parse: parse, format: format, toNamespacedPath: function (p) { return p; } };
path.posix = path;
return path;
})`;

export const EVENTS_SOURCE = String.raw`(function eventsModule(internals) {
"use strict";
function EventEmitter() { EventEmitter.init.call(this); }
EventEmitter.defaultMaxListeners = 10;
EventEmitter.init = function () {
  if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) { this._events = Object.create(null); }
  this._maxListeners = this._maxListeners || undefined;
};
function listenersOf(emitter, name) {
  if (emitter._events === undefined) emitter._events = Object.create(null);
  return emitter._events[name] || (emitter._events[name] = []);
}
function checkListener(listener) {
  if (typeof listener !== "function") {
    var e = new TypeError("The \"listener\" argument must be of type function. Received " + (listener === null ? "null" : typeof listener));
    e.code = "ERR_INVALID_ARG_TYPE";
    throw e;
  }
}
EventEmitter.prototype.on = EventEmitter.prototype.addListener = function (name, listener) {
  checkListener(listener);
  if (this._events && this._events.newListener) this.emit("newListener", name, listener.listener || listener);
  listenersOf(this, name).push(listener);
  return this;
};
EventEmitter.prototype.prependListener = function (name, listener) { checkListener(listener); listenersOf(this, name).unshift(listener); return this; };
function onceWrapper(emitter, name, listener) {
  function wrapped() { emitter.removeListener(name, wrapped); return listener.apply(emitter, arguments); }
  wrapped.listener = listener;
  return wrapped;
}
EventEmitter.prototype.once = function (name, listener) { checkListener(listener); return this.on(name, onceWrapper(this, name, listener)); };
EventEmitter.prototype.prependOnceListener = function (name, listener) { checkListener(listener); return this.prependListener(name, onceWrapper(this, name, listener)); };
EventEmitter.prototype.off = EventEmitter.prototype.removeListener = function (name, listener) {
  var list = this._events && this._events[name];
  if (!list) return this;
  for (var i = list.length - 1; i >= 0; i--) {
    if (list[i] === listener || list[i].listener === listener) {
      list.splice(i, 1);
      if (list.length === 0) delete this._events[name];
      if (this._events.removeListener) this.emit("removeListener", name, listener);
      break;
    }
  }
  return this;
};
EventEmitter.prototype.removeAllListeners = function (name) {
  if (!this._events) return this;
  if (name === undefined) this._events = Object.create(null); else delete this._events[name];
  return this;
};
EventEmitter.prototype.emit = function (name) {
  var list = this._events && this._events[name];
  var args = [];
  for (var i = 1; i < arguments.length; i++) args.push(arguments[i]);
  if (!list || list.length === 0) {
    if (name === "error") {
      var err = args[0];
      if (err instanceof Error) throw err;
      var e = new Error("Unhandled error." + (err === undefined ? "" : " (" + internals.builtin("util").inspect(err) + ")"));
      e.code = "ERR_UNHANDLED_ERROR";
      e.context = err;
      throw e;
    }
    return false;
  }
  list = list.slice();
  for (var j = 0; j < list.length; j++) list[j].apply(this, args);
  return true;
};
EventEmitter.prototype.listeners = function (name) { var list = this._events && this._events[name]; return list ? list.map(function (l) { return l.listener || l; }) : []; };
EventEmitter.prototype.rawListeners = function (name) { var list = this._events && this._events[name]; return list ? list.slice() : []; };
EventEmitter.prototype.listenerCount = function (name) { var list = this._events && this._events[name]; return list ? list.length : 0; };
EventEmitter.prototype.eventNames = function () { return this._events ? Reflect.ownKeys(this._events) : []; };
EventEmitter.prototype.setMaxListeners = function (n) { this._maxListeners = n; return this; };
EventEmitter.prototype.getMaxListeners = function () { return this._maxListeners === undefined ? EventEmitter.defaultMaxListeners : this._maxListeners; };
EventEmitter.once = function (emitter, name) {
  return new Promise(function (resolve, reject) {
    function onError(err) { emitter.removeListener(name, onEvent); reject(err); }
    function onEvent() {
      if (name !== "error") emitter.removeListener("error", onError);
      var args = [];
      for (var i = 0; i < arguments.length; i++) args.push(arguments[i]);
      resolve(args);
    }
    emitter.once(name, onEvent);
    if (name !== "error") emitter.once("error", onError);
  });
};
EventEmitter.EventEmitter = EventEmitter;
EventEmitter.default = EventEmitter;
return EventEmitter;
})`;
