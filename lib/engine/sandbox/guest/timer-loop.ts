/**
 * Internal guest module "lambda-lab:timers": setTimeout/setInterval/setImmediate and their
 * clear functions on virtual time, and the event loop's `step` the host drives. Compiled the
 * first time a handler touches a timer (the globals are lazy), so environments that never use
 * timers do not pay for compiling it.
 *
 * Ordering follows Node: timers by (due time, creation); microtasks drained after each callback
 * (by the host, between steps); the check phase (immediates queued before it began) after the
 * timers phase. Delays are whole virtual milliseconds, at least 1 (libuv's clock, Node's clamp).
 */
import { Mailbox } from "../host-ops";

export const TIMER_LOOP_SOURCE = String.raw`(function timerLoop(internals) {
"use strict";
var virtualNow = internals.virtualNow, runCallback = internals.runCallback, mailbox = internals.mailbox;
var $Map = internals.Map, $TypeError = internals.TypeError, hasOwn = Function.prototype.call.bind(Object.prototype.hasOwnProperty);
// A binary heap of entries ordered by (due, creation sequence): Node fires timers due at the
// same time in the order they were created. An entry is stale once its timer was cleared or
// re-armed (refresh, interval); stale entries are dropped when they reach the top.
var TIMEOUT_MAX = 2147483647;
var timerSeq = 0;
var heap = [];
var refed = 0;
var immediates = [];
// phase 1 = check (immediates), 0 = timers. Handlers run in the poll phase, so check comes first.
var snapshot = null, snapshotIndex = 0, phase = 1;

function before(a, b) { return a.due < b.due || (a.due === b.due && a.seq < b.seq); }
function heapPush(entry) {
  var i = heap.length;
  heap[i] = entry;
  while (i > 0) {
    var p = (i - 1) >> 1;
    if (!before(heap[i], heap[p])) break;
    var tmp = heap[p]; heap[p] = heap[i]; heap[i] = tmp; i = p;
  }
}
function heapPop() {
  var top = heap[0], last = heap.pop();
  if (heap.length > 0) {
    heap[0] = last;
    var i = 0, n = heap.length;
    for (;;) {
      var l = 2 * i + 1, r = l + 1, m = i;
      if (l < n && before(heap[l], heap[m])) m = l;
      if (r < n && before(heap[r], heap[m])) m = r;
      if (m === i) break;
      var tmp = heap[m]; heap[m] = heap[i]; heap[i] = tmp; i = m;
    }
  }
  return top;
}
function live(entry) { return entry.timer._active && entry.timer._entry === entry; }
function dropStale() { while (heap.length > 0 && !live(heap[0])) heapPop(); }
function arm(timer, due) {
  var entry = { timer: timer, due: due, seq: ++timerSeq };
  timer._entry = entry;
  heapPush(entry);
}

function Timeout(callback, args, after, repeat) {
  this._callback = callback;
  this._args = args;
  this._after = after;
  this._repeat = repeat;
  this._id = timerSeq + 1;
  this._entry = null;
  this._active = true;
  this._ref = true;
  refed++;
}
Timeout.prototype.ref = function ref() { if (!this._ref && this._active) refed++; this._ref = true; return this; };
Timeout.prototype.unref = function unref() { if (this._ref && this._active) refed--; this._ref = false; return this; };
Timeout.prototype.hasRef = function hasRef() { return this._ref; };
Timeout.prototype.refresh = function refresh() {
  if (this._active) arm(this, virtualNow() + this._after);
  return this;
};
Timeout.prototype.close = function close() { clearTimer(this); return this; };
Timeout.prototype[Symbol.toPrimitive] = function () { return this._id; };
var timersById = new $Map();

function normaliseDelay(ms) {
  // Node: a delay that is not a number in [1, TIMEOUT_MAX] becomes 1 ms; libuv counts whole ms.
  ms = +ms;
  if (!(ms >= 1 && ms <= TIMEOUT_MAX)) ms = 1;
  return Math.ceil(ms);
}
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
function setTimeout(callback, ms) {
  checkCallback(callback);
  var after = normaliseDelay(ms);
  var t = new Timeout(callback, restArgs(arguments, 2), after, 0);
  arm(t, virtualNow() + after);
  timersById.set(t._id, t);
  return t;
}
function setInterval(callback, ms) {
  checkCallback(callback);
  var after = normaliseDelay(ms);
  var t = new Timeout(callback, restArgs(arguments, 2), after, after);
  arm(t, virtualNow() + after);
  timersById.set(t._id, t);
  return t;
}
function clearTimer(t) {
  if (t === null || t === undefined) return;
  if (typeof t === "number" || typeof t === "string") t = timersById.get(+t);
  if (!(t instanceof Timeout) || !t._active) return;
  t._active = false;
  if (t._ref) refed--;
  timersById["delete"](t._id);
}
function Immediate(callback, args) {
  this._callback = callback;
  this._args = args;
  this._active = true;
  this._ref = true;
  refed++;
}
Immediate.prototype.ref = function ref() { if (!this._ref && this._active) refed++; this._ref = true; return this; };
Immediate.prototype.unref = function unref() { if (this._ref && this._active) refed--; this._ref = false; return this; };
Immediate.prototype.hasRef = function hasRef() { return this._ref; };
function setImmediate(callback) {
  checkCallback(callback);
  var im = new Immediate(callback, restArgs(arguments, 1));
  immediates[immediates.length] = im;
  mailbox[0] = mailbox[0] | ${Mailbox.DueBit};
  return im;
}
function clearImmediate(im) {
  if (!(im instanceof Immediate) || !im._active) return;
  im._active = false;
  if (im._ref) refed--;
}

function dueNow() {
  if (immediates.length > 0 || snapshot !== null) return true;
  dropStale();
  return heap.length > 0 && heap[0].due <= virtualNow();
}

// One callback per call, so the host can drain microtasks between callbacks as Node does.
// Node's loop: timers phase (every due timer), then the check phase (the immediates queued
// before it started); immediates queued meanwhile wait for the next turn of the loop.
// Returns -1 when a callback ran, otherwise -2 when nothing keeps the loop alive, or the due
// time of the earliest timer.
function step(now) {
  for (;;) {
    if (phase === 1) {
      if (snapshot === null) {
        if (immediates.length === 0) { phase = 0; }
        else { snapshot = immediates; immediates = []; snapshotIndex = 0; }
      }
      if (snapshot !== null) {
        while (snapshotIndex < snapshot.length) {
          var im = snapshot[snapshotIndex++];
          if (!im._active) continue;
          im._active = false;
          if (im._ref) refed--;
          runCallback(im._callback, undefined, im._args);
          return -1;
        }
        snapshot = null;
        phase = 0;
      }
    }
    dropStale();
    if (heap.length > 0 && heap[0].due <= now) {
      var t = heapPop().timer;
      if (t._repeat > 0) {
        // Node re-arms an interval from the time its callback starts.
        arm(t, now + t._repeat);
      } else {
        t._active = false;
        t._entry = null;
        if (t._ref) refed--;
        timersById["delete"](t._id);
      }
      runCallback(t._callback, t, t._args);
      return -1;
    }
    if (immediates.length === 0) break;
    phase = 1;
  }
  phase = 1;
  mailbox[0] = mailbox[0] & ~${Mailbox.DueBit};
  dropStale();
  if (refed <= 0) return -2;
  return heap.length > 0 ? heap[0].due : -2;
}

return { setTimeout: setTimeout, setInterval: setInterval, clearTimeout: clearTimer, clearInterval: clearTimer,
  setImmediate: setImmediate, clearImmediate: clearImmediate, step: step, dueNow: dueNow };
})`;
