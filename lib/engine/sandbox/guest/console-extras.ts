/**
 * Internal guest module "lambda-lab:console": the console methods handlers use less often
 * (trace, dir, assert, count, time*, group*, table), compiled on first call. Output follows Node's
 * formats ("label: 12ms" on virtual time, "Assertion failed: …", "Trace: …").
 */
export const CONSOLE_EXTRAS_SOURCE = String.raw`(function consoleExtras(internals) {
"use strict";
var emit = internals.emit, formatArgs = internals.formatArgs;
var LOG_INFO = 0, LOG_ERROR = 2, LOG_DEBUG = 3;
var counts = Object.create(null), started = Object.create(null);
function rest(list, from) { var out = []; for (var i = from; i < list.length; i++) out[out.length] = list[i]; return out; }
function label(value) { return value === undefined ? "default" : String(value); }
function inspect(value) { return internals.builtin("util").inspect(value); }
var extras = {
  trace: function trace() {
    var text = formatArgs(rest(arguments, 0));
    var frames = internals.stackLines(new Error(text)).slice(1);
    emit(LOG_DEBUG, "Trace" + (text === "" ? "" : ": " + text) + (frames.length ? "\n" + frames.join("\n") : ""));
  },
  dir: function dir(value) { emit(LOG_INFO, inspect(value)); },
  table: function table(value) { emit(LOG_INFO, inspect(value)); },
  assert: function assert(ok) {
    if (ok) return;
    var more = rest(arguments, 1);
    emit(LOG_ERROR, "Assertion failed" + (more.length ? ": " + formatArgs(more) : ""));
  },
  count: function count(name) {
    name = label(name);
    counts[name] = (counts[name] || 0) + 1;
    emit(LOG_INFO, name + ": " + counts[name]);
  },
  countReset: function countReset(name) { counts[label(name)] = 0; },
  time: function time(name) { started[label(name)] = internals.virtualNow(); },
  timeLog: function timeLog(name) {
    name = label(name);
    if (started[name] === undefined) return;
    var more = rest(arguments, 1);
    emit(LOG_INFO, name + ": " + (internals.virtualNow() - started[name]) + "ms" + (more.length ? " " + formatArgs(more) : ""));
  },
  timeEnd: function timeEnd(name) {
    name = label(name);
    if (started[name] === undefined) return;
    emit(LOG_INFO, name + ": " + (internals.virtualNow() - started[name]) + "ms");
    delete started[name];
  },
  group: function group() {
    if (arguments.length) internals.console.log.apply(null, arguments);
    internals.groupIndent += "  ";
  },
  groupEnd: function groupEnd() { internals.groupIndent = internals.groupIndent.slice(2); }
};
extras.groupCollapsed = extras.group;
return extras;
})`;
