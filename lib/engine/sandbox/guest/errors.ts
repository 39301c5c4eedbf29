/**
 * Internal guest module "lambda-lab:errors": how the runtime reports errors, following the RIC
 * (aws/aws-lambda-nodejs-runtime-interface-client src/Errors.js and UserFunction.js):
 * `toRapid` is the response body of a failed invocation, `toFormatted` what the "Invoke Error" /
 * "Uncaught Exception" log lines carry, and `initError` wraps module-load failures as
 * Runtime.UserCodeSyntaxError / Runtime.ImportModuleError. Not requirable by handlers.
 */
export const ERRORS_SOURCE = String.raw`(function errorsModule(internals) {
"use strict";
var errorName = internals.errorName, errorMessage = internals.errorMessage;
var jsonStringify = JSON.stringify;

function looksLikeError(e) {
  return e !== null && typeof e === "object" && (e instanceof Error ||
    (typeof e.name === "string" && typeof e.message === "string" && typeof e.stack === "string" && e.name && e.message && e.stack));
}
// V8's error.stack starts with "Name: message"; QuickJS's holds only the frames.
function stackLines(e) {
  var name = errorName(e), message = errorMessage(e);
  var header = message === "" || message === undefined ? String(name) : name + ": " + message;
  var stack = typeof e.stack === "string" ? e.stack : "";
  var parts = stack.split("\n");
  var lines = parts[0] !== undefined && parts[0].indexOf("    at ") !== 0 && parts[0] !== "" ? parts : [header].concat(parts);
  var out = [];
  for (var i = 0; i < lines.length; i++) if (lines[i] !== "") out[out.length] = lines[i];
  return out;
}
// RIC Errors.toRapidResponse.
function toRapid(e) {
  try {
    if (looksLikeError(e)) return { errorType: errorName(e), errorMessage: errorMessage(e), trace: stackLines(e) };
    return { errorType: typeof e, errorMessage: String(e), trace: [] };
  } catch (_) {
    return { errorType: "handled", errorMessage: "callback called with Error argument, but there was a problem while retrieving one or more of its message, name, and stack" };
  }
}
// RIC Errors.toFormatted.
function toFormatted(e) {
  try {
    return "\t" + jsonStringify(e, function (_k, v) {
      if (v instanceof Error) {
        var out = { errorType: errorName(v), errorMessage: errorMessage(v), code: v.code };
        var names = Object.keys(v);
        for (var i = 0; i < names.length; i++) if (names[i] !== "stack") out[names[i]] = v[names[i]];
        out.stack = stackLines(v);
        return out;
      }
      return v;
    });
  } catch (_) {
    return "\t" + jsonStringify(toRapid(e));
  }
}
var classes = Object.create(null);
// RIC Errors.js: class X extends Error {} with prototype.name = "Runtime.X".
function runtimeErrorClass(shortName) {
  if (classes[shortName]) return classes[shortName];
  function RuntimeError(message) {
    var e = new Error(message);
    Object.setPrototypeOf(e, RuntimeError.prototype);
    return e;
  }
  RuntimeError.prototype = Object.create(Error.prototype);
  Object.defineProperty(RuntimeError.prototype, "name", { value: "Runtime." + shortName, writable: true, configurable: true });
  Object.defineProperty(RuntimeError.prototype, "constructor", { value: RuntimeError, writable: true, configurable: true });
  classes[shortName] = RuntimeError;
  return RuntimeError;
}
function runtimeError(shortName, message) {
  var Class = runtimeErrorClass(shortName);
  return new Class(message);
}
// RIC UserFunction._loadUserApp: a SyntaxError becomes UserCodeSyntaxError(e) and a missing module
// ImportModuleError(e), both with the original error's text as message; anything else as is.
function initError(e) {
  if (e instanceof SyntaxError) {
    var wrapped = runtimeError("UserCodeSyntaxError", String(e));
    // Keep where the syntax error is (QuickJS: "    at /var/task/index.js:3:14").
    if (typeof e.stack === "string" && e.stack.indexOf("/var/task/") >= 0) wrapped.stack = e.stack;
    return wrapped;
  }
  if (e !== null && typeof e === "object" && e.code === "MODULE_NOT_FOUND") return runtimeError("ImportModuleError", String(e));
  return e;
}
return { stackLines: stackLines, toRapid: toRapid, toFormatted: toFormatted, runtimeError: runtimeError, initError: initError };
})`;
