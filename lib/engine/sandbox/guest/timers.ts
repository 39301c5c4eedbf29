/** Guest modules `timers` and `timers/promises` (the promise forms of setTimeout/setImmediate/setInterval). */
export const TIMERS_SOURCE = String.raw`(function timersModule(internals) {
"use strict";
var t = internals.timersModule();
return { setTimeout: t.setTimeout, clearTimeout: t.clearTimeout, setInterval: t.setInterval, clearInterval: t.clearInterval,
  setImmediate: t.setImmediate, clearImmediate: t.clearImmediate, promises: internals.builtin("timers/promises") };
})`;

export const TIMERS_PROMISES_SOURCE = String.raw`(function timersPromisesModule(internals) {
"use strict";
var t = internals.timersModule();
function abortError(signal) {
  var e = new Error("The operation was aborted");
  e.name = "AbortError";
  e.code = "ABORT_ERR";
  if (signal && signal.reason !== undefined) e.cause = signal.reason;
  return e;
}
function setTimeoutPromise(delay, value, options) {
  var signal = options && options.signal;
  if (signal && signal.aborted) return Promise.reject(abortError(signal));
  return new Promise(function (resolve, reject) {
    var timer = t.setTimeout(resolve, delay, value);
    if (options && options.ref === false) timer.unref();
    if (signal && typeof signal.addEventListener === "function") {
      signal.addEventListener("abort", function () { t.clearTimeout(timer); reject(abortError(signal)); });
    }
  });
}
function setImmediatePromise(value, options) {
  var signal = options && options.signal;
  if (signal && signal.aborted) return Promise.reject(abortError(signal));
  return new Promise(function (resolve) {
    var im = t.setImmediate(resolve, value);
    if (options && options.ref === false) im.unref();
  });
}
function setIntervalPromise(delay, value) {
  // An async iterator that yields value every delay ms.
  var pending = [], ticks = 0;
  var timer = t.setInterval(function () {
    if (pending.length > 0) pending.shift()({ value: value, done: false });
    else ticks++;
  }, delay);
  var iterator = {
    next: function () {
      if (ticks > 0) { ticks--; return Promise.resolve({ value: value, done: false }); }
      return new Promise(function (resolve) { pending.push(resolve); });
    },
    return: function () { t.clearInterval(timer); return Promise.resolve({ value: undefined, done: true }); }
  };
  iterator[Symbol.asyncIterator] = function () { return iterator; };
  return iterator;
}
return { setTimeout: setTimeoutPromise, setImmediate: setImmediatePromise, setInterval: setIntervalPromise,
  scheduler: { wait: function (delay, options) { return setTimeoutPromise(delay, undefined, options); }, yield: function () { return setImmediatePromise(); } } };
})`;
