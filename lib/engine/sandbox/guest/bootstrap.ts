/**
 * The guest half of the runtime: the code the sandbox evaluates once in every fresh QuickJS
 * context, before the learner's module. It plays the part of Lambda's Node.js runtime interface
 * client (aws/aws-lambda-nodejs-runtime-interface-client, "RIC" below) and of the bits of Node
 * that handlers use: console, timers on virtual time, process, require, the invoke loop.
 *
 * It is an expression evaluating to `function (host, configJson, mailboxBuffer)`, which returns
 * the entry points the host keeps handles to: { init, invoke, step, settle, setStatic }. `host`
 * is the single host function (host-ops.ts); it stays in this closure, as does the mailbox.
 *
 * Written as plain ES2020 inside a string (it runs in QuickJS, not in Node): no template literals
 * inside, so that this file's own template only interpolates the host constants.
 */
import { HostOp, LogLevelCode, Mailbox, Outcome } from "../host-ops";

export const BOOTSTRAP_FILENAME = "file:///var/runtime/index.mjs";

export const BOOTSTRAP_SOURCE = String.raw`(function lambdaLabRuntime(host, configJson, mailboxBuffer) {
"use strict";
var G = globalThis;
var config = JSON.parse(configJson);

// ---- primordials: captured before user code can replace them -----------------------------
var $Error = Error, $TypeError = TypeError, $RangeError = RangeError, $SyntaxError = SyntaxError;
var $Promise = Promise, $Symbol = Symbol, $Map = Map, $Object = Object, $String = String;
var apply = Reflect.apply, defineProperty = Object.defineProperty, create = Object.create;
var setPrototypeOf = Object.setPrototypeOf, getOwnPropertyNames = Object.getOwnPropertyNames;
var hasOwn = Function.prototype.call.bind(Object.prototype.hasOwnProperty);
var jsonParse = JSON.parse, jsonStringify = JSON.stringify;
var promiseThen = Promise.prototype.then, promiseResolve = Promise.resolve.bind(Promise);
var resolvedPromise = promiseResolve(undefined);
var mathFloor = Math.floor, mathCeil = Math.ceil;
var InternalErrorCtor = G.InternalError;

function then(promise, onOk, onFail) { return apply(promiseThen, promise, [onOk, onFail]); }

// QuickJS reports stack exhaustion as InternalError("stack overflow"); Node as
// RangeError("Maximum call stack size exceeded"). Make it an instance of RangeError inside the
// guest and translate name/message wherever the runtime reports it. Node has no InternalError.
if (typeof InternalErrorCtor === "function") {
  setPrototypeOf(InternalErrorCtor.prototype, $RangeError.prototype);
  defineProperty(InternalErrorCtor.prototype, "name", {
    configurable: true,
    get: function () { return this.message === "stack overflow" ? "RangeError" : "InternalError"; },
    set: function (value) { defineProperty(this, "name", { value: value, writable: true, configurable: true }); }
  });
  delete G.InternalError;
}
function isStackOverflow(e) {
  return InternalErrorCtor !== undefined && e instanceof InternalErrorCtor && e.message === "stack overflow";
}
// e.message stays "stack overflow" (an own property QuickJS sets); reports use Node's wording.
function isOutOfMemory(e) {
  return InternalErrorCtor !== undefined && e instanceof InternalErrorCtor && e.message === "out of memory";
}

// ---- logging ----------------------------------------------------------------------------
var LOG_INFO = ${LogLevelCode.INFO}, LOG_WARN = ${LogLevelCode.WARN}, LOG_ERROR = ${LogLevelCode.ERROR}, LOG_DEBUG = ${LogLevelCode.DEBUG};
var logsCapped = false;
function emit(level, text) {
  if (logsCapped) return;
  // A raw string crossing to the host would end at its first NUL: send such lines as JSON.
  var capped = text.indexOf("\u0000") === -1 ? host(${HostOp.Log}, level, text) : host(${HostOp.Log}, level, jsonStringify(text), 1);
  if (capped === true) logsCapped = true;
}
// Virtual time cannot move during a turn, so every entry point (init, invoke, step, settle)
// receives it from the host and the guest reads it without crossing back.
var turnNow = 0;
function virtualNow() { return turnNow; }

// ---- lazily compiled built-in modules ---------------------------------------------------
var builtinCache = create(null);
// The toolbox built-in modules receive. No prototype: a setter the guest defines on
// Object.prototype must never see this object (it holds the host function).
var internals = create(null);
internals.host = host;
internals.emit = emit;
internals.virtualNow = virtualNow;
internals.config = config;
internals.isStackOverflow = isStackOverflow;
internals.isOutOfMemory = isOutOfMemory;
function builtin(name) {
  var cached = builtinCache[name];
  if (cached !== undefined) return cached.exports;
  var factory = host(${HostOp.Module}, name);
  if (typeof factory !== "function") return undefined;
  var record = create(null);
  record.exports = {};
  builtinCache[name] = record;
  var result = factory(internals, record);
  if (result !== undefined) record.exports = result;
  return record.exports;
}
internals.builtin = builtin;

// Globals Node has but most handlers never touch are created on first use, keeping a fresh
// context cheap (one context per execution environment).
function lazyGlobal(name, load) {
  defineProperty(G, name, {
    configurable: true,
    enumerable: false,
    get: function () {
      var value = load();
      defineProperty(G, name, { configurable: true, enumerable: false, writable: true, value: value });
      return value;
    },
    set: function (value) {
      defineProperty(G, name, { configurable: true, enumerable: false, writable: true, value: value });
    }
  });
}
lazyGlobal("Buffer", function () { return builtin("buffer").Buffer; });
lazyGlobal("atob", function () { return builtin("buffer").atob; });
lazyGlobal("btoa", function () { return builtin("buffer").btoa; });
lazyGlobal("TextEncoder", function () { return builtin("util").TextEncoder; });
lazyGlobal("TextDecoder", function () { return builtin("util").TextDecoder; });
lazyGlobal("crypto", function () { return builtin("crypto").webcrypto; });
lazyGlobal("structuredClone", function () { return builtin("util").structuredClone; });
G.global = G;

// ---- deterministic randomness (sfc32 seeded from the scenario seed) -----------------------
function makeRandom(seed) {
  var s = (seed >>> 0) ^ 0x9e3779b9;
  function splitmix() {
    s = (s + 0x9e3779b9) | 0;
    var z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  }
  var a = splitmix(), b = splitmix(), c = splitmix(), d = splitmix();
  return function next32() {
    var t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
}
var next32 = makeRandom(config.seed);
internals.random = next32;
internals.makeRandom = makeRandom;
defineProperty(Math, "random", {
  configurable: true, writable: true, enumerable: false,
  value: function random() { return (next32() * 2097152 + (next32() >>> 11)) / 9007199254740992; }
});

// ---- errors, in the shapes the RIC reports ------------------------------------------------
function errorName(e) { return isStackOverflow(e) ? "RangeError" : e.name; }
function errorMessage(e) { return isStackOverflow(e) ? "Maximum call stack size exceeded" : e.message; }
// Error reporting (toRapid, toFormatted, the Runtime.* classes) is compiled on first use.
function errors() { return builtin("lambda-lab:errors"); }
function stackLines(e) { return errors().stackLines(e); }
internals.errorName = errorName;
internals.errorMessage = errorMessage;
internals.stackLines = stackLines;

// Many libraries call this V8-only API; QuickJS lacks it.
if (typeof $Error.captureStackTrace !== "function") {
  defineProperty($Error, "captureStackTrace", {
    configurable: true, writable: true, enumerable: false,
    value: function captureStackTrace(target) {
      if (target === null || (typeof target !== "object" && typeof target !== "function")) {
        throw new $TypeError("The \"targetObject\" argument must be of type object");
      }
      var frames = new $Error().stack;
      defineProperty(target, "stack", { configurable: true, writable: true, enumerable: false, value: frames });
    }
  });
}
if ($Error.stackTraceLimit === undefined) $Error.stackTraceLimit = 10;

// ---- the invocation in progress -----------------------------------------------------------
// currentContext: the context of the invocation in progress, for the shared callback. Kept here,
// not on the invocation record: the context holds its invocation (#inv), and a link back would
// make every invocation a reference cycle that QuickJS's refcounting cannot free — garbage only
// its cycle collector reclaims, which cost ~2 µs per warm invocation (bench:engine).
var current = null, currentContext = null;
var exiting = false;
// The mailbox (host-ops.ts): completion state the host reads straight from wasm memory — the
// ArrayBuffer's bytes are a block the host allocated, so reading it needs no call into QuickJS.
// What the host writes before a call instead of passing it: clockSlots (host-ops.ts Mailbox.ArgWord, ClockOffset).
// Code lines here and below keep their count: line numbers of this file show in guest stack traces.
var mailbox = new Int32Array(mailboxBuffer, 0, ${Mailbox.Words}), clockSlots = new Float64Array(mailboxBuffer, ${Mailbox.ClockOffset}, 2);
var outcome;
function report(kind, text, flag) {
  outcome = text;
  mailbox[0] = kind | (dueNow() ? ${Mailbox.DueBit} : 0) | ((flag & 255) << ${Mailbox.FlagShift});
}
// Always a string, so the host reads it without asking its type: "" stands for undefined (a
// payload or error is JSON text, never empty).
function take() {
  var text = outcome;
  outcome = undefined;
  mailbox[0] = mailbox[0] & ${Mailbox.DueBit};
  return text === undefined ? "" : text;
}
// V8 heap exhaustion kills a Node process; QuickJS throws a catchable InternalError instead.
// Wherever the runtime itself meets one, it ends the environment the way Node would.
function outOfMemory() { exitNow(137, true); }
function exitNow(code, oom) {
  exiting = true;
  // An outcome reported just before (an uncaught exception's error) travels with the exit: the
  // guest cannot be called again once it is stopping.
  host(${HostOp.Exit}, code, oom ? 1 : 0, mailbox[0] & ${Mailbox.OutcomeMask}, outcome);
  // The host's interrupt handler stops the guest at its next poll with an uncatchable error,
  // as process.exit ends a Node process without running catch or finally blocks.
  for (;;) {}
}
function complete(inv, payload, waitForEmptyLoop) {
  if (inv === null || inv.done) return;
  inv.done = true;
  if (inv === current) report(waitForEmptyLoop ? ${Outcome.ReturnedWhenIdle} : ${Outcome.Returned}, payload, 0);
}
function succeed(inv, value, waitForEmptyLoop) {
  if (inv === null || inv.done) return;
  var payload;
  try {
    // RIC RAPIDClient._trySerializeResponse: JSON.stringify(body === undefined ? null : body).
    payload = value === undefined ? undefined : jsonStringify(value);
  } catch (e) {
    if (isOutOfMemory(e)) outOfMemory();
    fail(inv, new $Error("Unable to stringify response body"), 0);
    return;
  }
  complete(inv, payload, waitForEmptyLoop);
}
function fail(inv, e, exitCode) {
  if (inv === null || inv.done) return;
  inv.done = true;
  if (isOutOfMemory(e)) outOfMemory();
  var reporting = errors();
  emit(LOG_ERROR, (exitCode ? "Uncaught Exception " : "Invoke Error ") + reporting.toFormatted(e));
  if (inv === current) report(${Outcome.Threw}, jsonStringify(reporting.toRapid(e)), exitCode || 0);
}
// An exception thrown by a timer, immediate or microtask callback. Node's RIC reports it as the
// current invocation's error and exits with 129 (Runtime.#setErrorCallbacks).
function uncaught(e) {
  if (isOutOfMemory(e)) outOfMemory();
  if (current !== null && !current.done) {
    fail(current, e, 129);
  } else {
    emit(LOG_ERROR, "Uncaught Exception " + errors().toFormatted(e));
  }
  exitNow(129);
}
function runCallback(fn, self, args) {
  try {
    apply(fn, self, args);
  } catch (e) {
    uncaught(e);
  }
}
internals.runCallback = runCallback;

// ---- timers on virtual time: compiled on first use (guest/timer-loop.ts) ----------------------
function checkCallback(callback) {
  if (typeof callback !== "function") {
    var e = new $TypeError("The \"callback\" argument must be of type function. Received " + (callback === null ? "null" : typeof callback));
    e.code = "ERR_INVALID_ARG_TYPE";
    throw e;
  }
}
function restArgs(list, from) {
  var out = [];
  for (var i = from; i < list.length; i++) out[out.length] = list[i];
  return out;
}
function queueMicrotask(callback) {
  checkCallback(callback);
  then(resolvedPromise, function () { runCallback(callback, undefined, []); });
}
var timerLoop = null;
function timers() {
  if (timerLoop === null) timerLoop = builtin("lambda-lab:timers");
  return timerLoop;
}
internals.timersModule = timers;
internals.mailbox = mailbox;
internals.Map = $Map;
internals.TypeError = $TypeError;
["setTimeout", "setInterval", "clearTimeout", "clearInterval", "setImmediate", "clearImmediate"].forEach(function (name) {
  lazyGlobal(name, function () { return timers()[name]; });
});
G.queueMicrotask = queueMicrotask;
function dueNow() { return timerLoop !== null && timerLoop.dueNow(); }
function step() {
  var now = turnNow = clockSlots[0];
  if (timerLoop === null) {
    mailbox[0] = mailbox[0] & ~${Mailbox.DueBit};
    return -2;
  }
  return timerLoop.step(now);
}

// ---- process ------------------------------------------------------------------------------
var env = create(null);
var envNames = $Object.keys(config.env);
for (var ei = 0; ei < envNames.length; ei++) env[envNames[ei]] = $String(config.env[envNames[ei]]);
var envProxy = new Proxy(env, {
  // Node coerces every value assigned to process.env to a string.
  set: function (target, key, value) { target[key] = $String(value); return true; },
  defineProperty: function (target, key, desc) { target[key] = $String(desc.value); return true; }
});
var processObject = {
  env: envProxy,
  argv: ["/var/lang/bin/node", "/var/runtime/index.mjs"],
  argv0: "/var/lang/bin/node",
  execArgv: [],
  execPath: "/var/lang/bin/node",
  platform: "linux",
  arch: "x64",
  pid: 8,
  ppid: 1,
  title: "node",
  version: "v20.19.0",
  versions: { node: "20.19.0" },
  release: { name: "node", lts: "Iron" },
  exitCode: undefined,
  cwd: function cwd() { return "/var/task"; },
  uptime: function uptime() { return virtualNow() / 1000; },
  hrtime: (function () {
    function hrtime(previous) {
      var ms = virtualNow();
      var sec = mathFloor(ms / 1000), nsec = (ms % 1000) * 1e6;
      if (previous) {
        sec -= previous[0]; nsec -= previous[1];
        if (nsec < 0) { sec -= 1; nsec += 1e9; }
      }
      return [sec, nsec];
    }
    hrtime.bigint = function bigint() { return BigInt(virtualNow()) * 1000000n; };
    return hrtime;
  })(),
  nextTick: function nextTick(callback) {
    checkCallback(callback);
    var args = restArgs(arguments, 1);
    then(resolvedPromise, function () { runCallback(callback, undefined, args); });
  },
  exit: function exit(code) {
    if (code === undefined) code = processObject.exitCode;
    code = code === undefined || code === null ? 0 : (+code | 0) & 255;
    exitNow(code);
  },
  emitWarning: function emitWarning(warning) {
    emit(LOG_WARN, "(node:8) " + (warning && warning.name ? warning.name : "Warning") + ": " + (warning && warning.message !== undefined ? warning.message : $String(warning)));
  }
};
G.process = processObject;

// ---- console -------------------------------------------------------------------------------
// Lines reach the host already formatted as util.format would; the engine adds Lambda's
// "<timestamp>\t<requestId>\t<LEVEL>\t" prefix.
function formatArgs(args) {
  var plain = true;
  for (var i = 0; i < args.length; i++) {
    if (typeof args[i] !== "string" || (i === 0 && args[i].indexOf("%") >= 0)) { plain = false; break; }
  }
  if (plain) return args.join(" ");
  return apply(builtin("util").format, undefined, args);
}
internals.groupIndent = "";
function logger(level) {
  return function () {
    var text = formatArgs(restArgs(arguments, 0));
    var indent = internals.groupIndent;
    if (indent !== "") text = indent + text.split("\n").join("\n" + indent);
    emit(level, text);
  };
}
var consoleObject = {
  log: logger(LOG_INFO),
  info: logger(LOG_INFO),
  warn: logger(LOG_WARN),
  error: logger(LOG_ERROR),
  debug: logger(LOG_DEBUG)
};
internals.formatArgs = formatArgs;
internals.console = consoleObject;
// The rarer console methods are compiled on first call.
["trace", "dir", "assert", "count", "countReset", "time", "timeLog", "timeEnd", "group", "groupCollapsed", "groupEnd", "table"].forEach(function (name) {
  consoleObject[name] = function () { return apply(builtin("lambda-lab:console")[name], consoleObject, arguments); };
});
G.console = consoleObject;

// ---- fetch: Lambda Lab handlers have no network ---------------------------------------------
G.fetch = function fetch(resource) {
  var cause = new $Error("Lambda Lab sandbox: handlers have no network access (use the AWS SDK stand-ins)");
  cause.code = "ENETUNREACH";
  var e = new $TypeError("fetch failed");
  e.cause = cause;
  return $Promise.reject(e);
};

// ---- require -------------------------------------------------------------------------------
var TASK_FILE = "/var/task/index.js";
var userModule = null;
var CORE = {
  assert: 0, async_hooks: 0, buffer: 1, child_process: 0, cluster: 0, console: 1, constants: 0, crypto: 1,
  dgram: 0, diagnostics_channel: 0, dns: 0, domain: 0, events: 1, fs: 1, "fs/promises": 1, http: 0, http2: 0,
  https: 0, inspector: 0, module: 0, net: 0, os: 0, path: 1, perf_hooks: 0, process: 1, punycode: 0,
  querystring: 0, readline: 0, repl: 0, stream: 0, string_decoder: 0, timers: 1, "timers/promises": 1,
  tls: 0, trace_events: 0, tty: 0, url: 0, util: 1, "util/types": 1, v8: 0, vm: 0, wasi: 0,
  worker_threads: 0, zlib: 0
};
function notFound(request) {
  var e = new $Error("Cannot find module '" + request + "'\nRequire stack:\n- " + TASK_FILE + "\n- /var/runtime/index.mjs");
  e.code = "MODULE_NOT_FOUND";
  e.requireStack = [TASK_FILE, "/var/runtime/index.mjs"];
  return e;
}
function requireModule(request) {
  if (typeof request !== "string") {
    var te = new $TypeError("The \"id\" argument must be of type string. Received " + (request === null ? "null" : typeof request));
    te.code = "ERR_INVALID_ARG_TYPE";
    throw te;
  }
  var name = request.indexOf("node:") === 0 ? request.slice(5) : request;
  if (name === "process") return processObject;
  if (name === "console") return consoleObject;
  if (name === "./index" || name === "./index.js" || name === TASK_FILE || name === "/var/task/index") {
    return userModule.exports;
  }
  var allowed = CORE[name] === 1 || (request.indexOf("node:") !== 0 && name.indexOf("@aws-sdk/") === 0);
  var exports = allowed ? builtin(name) : undefined;
  if (exports === undefined) throw notFound(request);
  return exports;
}
requireModule.resolve = function resolve(request) {
  requireModule(request);
  return request.indexOf("./") === 0 || request.indexOf("/") === 0 ? TASK_FILE : request;
};
requireModule.cache = create(null);
requireModule.main = undefined;

// ---- Init: load the module, find the handler (RIC UserFunction.load) ------------------------
var handler = null;
var handlerMeta = { callbackStyle: false };
function initFailed(e) {
  if (isOutOfMemory(e)) outOfMemory();
  var reporting = errors();
  var reported = reporting.initError(e);
  emit(LOG_ERROR, "Uncaught Exception " + reporting.toFormatted(reported));
  report(${Outcome.Threw}, jsonStringify(reporting.toRapid(reported)), 0);
}
function init(now, moduleFunction, handlerString, syntaxError) {
  turnNow = now;
  if (syntaxError !== undefined) { initFailed(syntaxError); return; }
  if (handlerString.indexOf("..") >= 0) {
    initFailed(errors().runtimeError("MalformedHandlerName", "'" + handlerString + "' is not a valid handler name. Use absolute paths when specifying root directories in handler names."));
    return;
  }
  var slash = handlerString.lastIndexOf("/");
  var moduleRoot = slash >= 0 ? handlerString.slice(0, slash + 1) : "";
  var base = handlerString.slice(slash + 1);
  var match = /^([^.]*)\.(.*)$/.exec(base);
  if (!match) { initFailed(errors().runtimeError("MalformedHandlerName", "Bad handler")); return; }
  if (moduleRoot !== "" || match[1] !== "index") {
    var missing = new $Error("Cannot find module '" + match[1] + "'\nRequire stack:\n- /var/runtime/index.mjs");
    missing.code = "MODULE_NOT_FOUND";
    initFailed(missing);
    return;
  }
  userModule = { id: ".", path: "/var/task", filename: TASK_FILE, loaded: false, children: [], paths: ["/var/task/node_modules", "/var/node_modules", "/node_modules"], exports: {} };
  requireModule.main = userModule;
  try {
    apply(moduleFunction, userModule.exports, [userModule.exports, requireModule, userModule, TASK_FILE, "/var/task"]);
  } catch (e) {
    initFailed(e);
    return;
  }
  userModule.loaded = true;
  var found = userModule.exports;
  var path = match[2].split(".");
  for (var i = 0; i < path.length; i++) found = found && found[path[i]];
  if (!found) { initFailed(errors().runtimeError("HandlerNotFound", handlerString + " is undefined or not exported")); return; }
  if (typeof found !== "function") { initFailed(errors().runtimeError("HandlerNotFound", handlerString + " is not a function")); return; }
  handler = found;
  handlerMeta.callbackStyle = found.length >= 3;
  report(${Outcome.Returned}, undefined, 0);
}

// ---- invoke -------------------------------------------------------------------------------
var staticContext = { functionName: "", functionVersion: "", memoryLimitInMB: "", logGroupName: "", logStreamName: "", invokedFunctionArn: "" };
function setStatic(json) { staticContext = jsonParse(json); }

// The context object has the RIC's own data properties; its functions are getters on the
// prototype returning functions bound to the invocation (kept in a private field), so an
// invocation allocates no closures for them — QuickJS spends microseconds on an object literal
// full of closures. Destructured or called as methods, they behave as the RIC's closures do.
class LambdaContext {
  #inv;
  constructor(inv, requestId) {
    this.#inv = inv;
    this.callbackWaitsForEmptyEventLoop = true;
    this.functionVersion = staticContext.functionVersion;
    this.functionName = staticContext.functionName;
    this.memoryLimitInMB = staticContext.memoryLimitInMB;
    this.logGroupName = staticContext.logGroupName;
    this.logStreamName = staticContext.logStreamName;
    this.clientContext = undefined;
    this.identity = undefined;
    this.invokedFunctionArn = staticContext.invokedFunctionArn;
    this.awsRequestId = requestId;
  }
  get succeed() { var inv = this.#inv; return function succeedInvocation(result) { succeed(inv, result, false); }; }
  get fail() { var inv = this.#inv; return function failInvocation(err) { fail(inv, err === undefined || err === null ? "handled" : err, 0); }; }
  get done() {
    var inv = this.#inv;
    return function doneInvocation(err, result) { if (err !== undefined && err !== null) fail(inv, err, 0); else succeed(inv, result, false); };
  }
  get getRemainingTimeInMillis() { var inv = this.#inv; return function getRemainingTimeInMillis() { return inv.deadline - virtualNow(); }; }
}
defineProperty(LambdaContext.prototype, "constructor", { value: Object, writable: true, configurable: true, enumerable: false });
// Handlers that take no callback parameter still receive one (the RIC always passes it); it
// answers the invocation in progress.
function sharedCallback(err, result) {
  var inv = current;
  if (err !== undefined && err !== null) fail(inv, err, 0);
  else succeed(inv, result, inv !== null && currentContext.callbackWaitsForEmptyEventLoop);
}

// text is the request id (its length in the mailbox's argument word) followed by the event's JSON.
function invoke(text) {
  turnNow = clockSlots[0];
  logsCapped = false; var idLength = mailbox[${Mailbox.ArgWord}], requestId = text.substring(0, idLength);
  var inv = { done: false, deadline: clockSlots[1] };
  current = inv; currentContext = null;
  var event = jsonParse(text.substring(idLength));
  var context = new LambdaContext(inv, requestId);
  currentContext = context;
  var callback = !handlerMeta.callbackStyle ? sharedCallback : function callback(err, result) {
    if (err !== undefined && err !== null) fail(inv, err, 0);
    else succeed(inv, result, context.callbackWaitsForEmptyEventLoop);
  };
  var result;
  try {
    result = handler(event, context, callback);
  } catch (e) {
    fail(inv, e, 0);
    return;
  }
  if (result instanceof $Promise) {
    // RIC Runtime.handleOnce: result.then(succeed, fail). The host watches a native promise
    // itself (its state is readable without a reaction job) and calls promiseSettled.
    return result;
  } else if (result !== null && (typeof result === "object" || typeof result === "function") && typeof result.then === "function") {
    then(promiseResolve(result), function (value) { succeed(inv, value, false); }, function (e) { fail(inv, e, 0); });
  } else if (!handlerMeta.callbackStyle) {
    // A handler without a callback parameter that returns a plain value: its value is the
    // response, as the nodejs24.x runtime awaits any handler result (RIC buffered-invoke-processor).
    // The nodejs20.x RIC would ignore it and answer null once the event loop is empty.
    succeed(inv, result, false);
  }
}

// The handler's promise settled (the host saw it): answer as its then(succeed, fail) would, and
// hand back the outcome — its kind digit, then take()'s text — or "" if it came too late.
// The mailbox's argument word says how it settled: 1 fulfilled, 0 rejected.
function promiseSettled(value) {
  var inv = current, fulfilled = mailbox[${Mailbox.ArgWord}] === 1;
  if (inv === null || inv.done) return "";
  if (fulfilled) succeed(inv, value, false);
  else fail(inv, value, 0);
  var kind = mailbox[0] & ${Mailbox.OutcomeMask};
  return kind === ${Outcome.None} ? "" : kind + take();
}

// ---- SDK calls parked until the host settles them ------------------------------------------
var parked = new $Map();
internals.park = function park(ticket, resolve, reject) { parked.set(ticket, { resolve: resolve, reject: reject }); };
function settle(now, ticket, replyJson) {
  turnNow = now;
  var waiter = parked.get(ticket);
  if (waiter === undefined) return;
  parked["delete"](ticket);
  waiter.resolve(replyJson);
}

return { init: init, invoke: invoke, step: step, settle: settle, setStatic: setStatic, take: take, promiseSettled: promiseSettled };
})`;
