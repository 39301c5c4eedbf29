/**
 * Guest module `util`: format and inspect following Node's util.inspect output rules
 * (lib/internal/util/inspect.js: depth 2, breakLength 80, compact 3, maxArrayLength 100,
 * maxStringLength 10000, arrays of more than six entries grouped in columns), so console.log
 * lines read as they would in CloudWatch; plus promisify, inherits, deprecate, types,
 * TextEncoder/TextDecoder (UTF-8) and structuredClone.
 *
 * Plain ES2020 inside a string (runs in QuickJS); no template literals inside.
 */
export const UTIL_SOURCE = String.raw`(function utilModule(internals) {
"use strict";
var hasOwn = Function.prototype.call.bind(Object.prototype.hasOwnProperty);
var objectToString = Function.prototype.call.bind(Object.prototype.toString);
var getPrototypeOf = Object.getPrototypeOf;
var customInspect = Symbol.for("nodejs.util.inspect.custom");
var errorName = internals.errorName, errorMessage = internals.errorMessage, stackLines = internals.stackLines;
var TypedArrayProto = getPrototypeOf(Uint8Array.prototype);
var typedArrayTag = Object.getOwnPropertyDescriptor(TypedArrayProto, Symbol.toStringTag).get;

var defaults = { depth: 2, breakLength: 80, compact: 3, maxArrayLength: 100, maxStringLength: 10000, showHidden: false, sorted: false };
var kObject = 0, kArray = 1, kArrayExtras = 2;
var identifier = /^[a-zA-Z_][a-zA-Z_0-9]*$/;

var BACKTICK = String.fromCharCode(96);
// Node picks single quotes, else double quotes if the text has single ones, else backticks.
function quote(s) {
  var q = "'";
  if (s.indexOf("'") >= 0) {
    if (s.indexOf('"') < 0) q = '"';
    else if (s.indexOf(BACKTICK) < 0 && s.indexOf("$" + "{") < 0) q = BACKTICK;
  }
  var out = "";
  for (var i = 0; i < s.length; i++) {
    var c = s.charCodeAt(i), ch = s[i];
    if (ch === q || ch === "\\") out += "\\" + ch;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\b") out += "\\b";
    else if (ch === "\f") out += "\\f";
    else if (ch === "\v") out += "\\v";
    else if (c < 0x20 || c === 0x7f) out += "\\x" + (c < 16 ? "0" : "") + c.toString(16).toUpperCase();
    else out += ch;
  }
  return q + out + q;
}

function formatNumber(n) {
  if (Object.is(n, -0)) return "-0";
  return String(n);
}

function formatPrimitive(value, ctx) {
  switch (typeof value) {
    case "string": {
      var trailer = "";
      if (value.length > ctx.maxStringLength) {
        var remaining = value.length - ctx.maxStringLength;
        value = value.slice(0, ctx.maxStringLength);
        trailer = "... " + remaining + " more character" + (remaining > 1 ? "s" : "");
      }
      // Long strings are split on newlines when they do not fit on the line (Node, compact 3).
      if (ctx.compact !== true && value.length > 16 && value.length > ctx.breakLength - ctx.indentationLvl - 4) {
        var lines = value.split(/(?<=\n)/);
        if (lines.length > 1) {
          var parts = [];
          for (var i = 0; i < lines.length; i++) parts[parts.length] = quote(lines[i]);
          return parts.join(" +\n" + " ".repeat(ctx.indentationLvl + 2)) + trailer;
        }
      }
      return quote(value) + trailer;
    }
    case "number": return formatNumber(value);
    case "bigint": return String(value) + "n";
    case "boolean": return String(value);
    case "undefined": return "undefined";
    case "symbol": return value.toString();
  }
  return String(value);
}

function constructorName(obj) {
  var seen = 0;
  for (var proto = obj; proto !== null && seen < 1000; proto = getPrototypeOf(proto), seen++) {
    var desc = Object.getOwnPropertyDescriptor(proto, "constructor");
    if (desc !== undefined && typeof desc.value === "function" && desc.value.name !== "") return desc.value.name;
  }
  return null;
}

function prefixFor(name, tag, fallback, size) {
  size = size === undefined ? "" : size;
  if (name === null) {
    if (tag !== "" && fallback !== tag) return "[" + fallback + size + ": null prototype] [" + tag + "] ";
    return "[" + fallback + size + ": null prototype] ";
  }
  if (tag !== "" && name !== tag) return name + size + " [" + tag + "] ";
  return name + size + " ";
}

function functionBase(value, name) {
  var source = "";
  try { source = Function.prototype.toString.call(value); } catch (e) { source = ""; }
  if (source.slice(0, 5) === "class" && /^class(\s|\{)/.test(source)) {
    var base = "[class " + (value.name || "(anonymous)");
    var superClass = getPrototypeOf(value);
    if (superClass && superClass.name) base += " extends " + superClass.name;
    return base + "]";
  }
  var type = "Function";
  if (source.indexOf("async") === 0) type = "AsyncFunction";
  if (/^(async\s+)?function\s*\*/.test(source)) type = source.indexOf("async") === 0 ? "AsyncGeneratorFunction" : "GeneratorFunction";
  var text = "[" + type;
  text += value.name === "" ? " (anonymous)" : ": " + value.name;
  text += "]";
  if (name !== type && name !== null && name !== "Function") text += " " + name;
  if (name === null) text += " [null prototype]";
  return text;
}

function formatError(err, ctx) {
  var stack = stackLines(err).join("\n");
  if (ctx.indentationLvl !== 0) stack = stack.split("\n").join("\n" + " ".repeat(ctx.indentationLvl));
  return stack;
}

function getKeys(value, showHidden) {
  var keys = showHidden ? Object.getOwnPropertyNames(value) : Object.keys(value);
  var symbols = Object.getOwnPropertySymbols(value);
  for (var i = 0; i < symbols.length; i++) {
    if (showHidden || Object.prototype.propertyIsEnumerable.call(value, symbols[i])) keys[keys.length] = symbols[i];
  }
  return keys;
}

function formatValue(ctx, value, recurseTimes, typedArray) {
  if (typeof value !== "object" && typeof value !== "function") return formatPrimitive(value, ctx);
  if (value === null) return "null";
  if (ctx.customInspect !== false) {
    var maybeCustom;
    try { maybeCustom = value[customInspect]; } catch (e) { maybeCustom = undefined; }
    if (typeof maybeCustom === "function" && maybeCustom !== inspect) {
      var depth = ctx.depth === null ? null : ctx.depth - recurseTimes;
      var ret = maybeCustom.call(value, depth, Object.assign({}, ctx), inspect);
      if (ret !== value) {
        if (typeof ret !== "string") return formatValue(ctx, ret, recurseTimes);
        return ret.split("\n").join("\n" + " ".repeat(ctx.indentationLvl));
      }
    }
  }
  if (ctx.seen.indexOf(value) !== -1) {
    var index = 1;
    if (ctx.circular === undefined) {
      ctx.circular = new Map();
      ctx.circular.set(value, index);
    } else {
      index = ctx.circular.get(value);
      if (index === undefined) {
        index = ctx.circular.size + 1;
        ctx.circular.set(value, index);
      }
    }
    return "[Circular *" + index + "]";
  }
  return formatRaw(ctx, value, recurseTimes, typedArray);
}

function formatRaw(ctx, value, recurseTimes, typedArray) {
  var keys;
  var name = constructorName(value);
  var tag;
  try { tag = value[Symbol.toStringTag]; } catch (e) { tag = ""; }
  // Only show the tag when it is not an own enumerable property (it would print twice).
  if (typeof tag !== "string" || (tag !== "" && (ctx.showHidden ? hasOwn(value, Symbol.toStringTag) : Object.prototype.propertyIsEnumerable.call(value, Symbol.toStringTag)))) tag = "";
  var base = "", formatter = formatObjectEntries, braces, noIterator = true, extrasType = kObject;
  var filter = ctx.showHidden;

  if (Array.isArray(value)) {
    var prefix = (name !== "Array" || tag !== "") ? prefixFor(name, tag, "Array", "(" + value.length + ")") : "";
    keys = Object.keys(value).filter(function (k) { return !/^(0|[1-9][0-9]*)$/.test(k); });
    braces = [prefix + "[", "]"];
    if (value.length === 0 && keys.length === 0) return braces[0] + "]";
    extrasType = kArrayExtras;
    formatter = formatArray;
  } else if (value instanceof Map) {
    keys = getKeys(value, filter);
    var mapPrefix = prefixFor(name, tag, "Map", "(" + value.size + ")");
    if (value.size === 0 && keys.length === 0) return mapPrefix + "{}";
    braces = [mapPrefix + "{", "}"];
    formatter = formatMap;
  } else if (value instanceof Set) {
    keys = getKeys(value, filter);
    var setPrefix = prefixFor(name, tag, "Set", "(" + value.size + ")");
    if (value.size === 0 && keys.length === 0) return setPrefix + "{}";
    braces = [setPrefix + "{", "}"];
    formatter = formatSet;
  } else if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    keys = Object.keys(value).filter(function (k) { return !/^(0|[1-9][0-9]*)$/.test(k); });
    var fallback = typedArrayTag.call(value);
    if (name === "Buffer" && typeof internals.isBuffer === "function" && internals.isBuffer(value)) {
      var hex = [];
      var max = Math.min(50, value.length);
      for (var bi = 0; bi < max; bi++) hex[hex.length] = (value[bi] < 16 ? "0" : "") + value[bi].toString(16);
      var more = value.length > 50 ? " ... " + (value.length - 50) + " more byte" + (value.length - 50 > 1 ? "s" : "") : "";
      return "<Buffer" + (hex.length ? " " + hex.join(" ") : "") + more + ">";
    }
    var typedPrefix = prefixFor(name, tag === fallback ? "" : tag, fallback, "(" + value.length + ")");
    braces = [typedPrefix + "[", "]"];
    if (value.length === 0 && keys.length === 0) return braces[0] + "]";
    formatter = formatTypedArray;
    extrasType = kArrayExtras;
  } else if (typeof value === "function") {
    base = functionBase(value, name);
    keys = getKeys(value, filter).filter(function (k) { return k !== "prototype"; });
    if (keys.length === 0) return base;
    braces = ["{", "}"];
  } else if (value instanceof RegExp) {
    base = RegExp.prototype.toString.call(value);
    keys = getKeys(value, filter).filter(function (k) { return k !== "lastIndex"; });
    var rprefix = prefixFor(name, tag, "RegExp");
    if (rprefix !== "RegExp ") base = rprefix + base;
    if (keys.length === 0) return base;
    braces = ["{", "}"];
  } else if (value instanceof Date) {
    keys = getKeys(value, filter);
    base = isNaN(value.getTime()) ? "Invalid Date" : Date.prototype.toISOString.call(value);
    var dprefix = prefixFor(name, tag, "Date");
    if (dprefix !== "Date ") base = dprefix + base;
    if (keys.length === 0) return base;
    braces = ["{", "}"];
  } else if (value instanceof Error) {
    base = formatError(value, ctx);
    keys = getKeys(value, filter).filter(function (k) { return k !== "stack" && k !== "message"; });
    if (keys.length === 0) return base;
    braces = ["{", "}"];
  } else if (value instanceof Promise) {
    keys = getKeys(value, filter);
    braces = [prefixFor(name, tag, "Promise") + "{", "}"];
    formatter = function () { return ["<unknown>"]; };
  } else if (value instanceof WeakMap || value instanceof WeakSet) {
    keys = getKeys(value, filter);
    braces = [prefixFor(name, tag, value instanceof WeakMap ? "WeakMap" : "WeakSet") + "{", "}"];
    formatter = function () { return ["<items unknown>"]; };
  } else if (value instanceof ArrayBuffer) {
    keys = getKeys(value, filter);
    braces = [prefixFor(name, tag, "ArrayBuffer") + "{", "}"];
    formatter = function (ctx2, v) {
      var bytes = new Uint8Array(v), parts = [];
      var max = Math.min(ctx2.maxArrayLength, bytes.length);
      for (var i = 0; i < max; i++) parts[parts.length] = (bytes[i] < 16 ? "0" : "") + bytes[i].toString(16);
      var rest = bytes.length - max;
      return ["[Uint8Contents]: <" + parts.join(" ") + (rest > 0 ? " ... " + rest + " more byte" + (rest > 1 ? "s" : "") : "") + ">", "byteLength: " + bytes.length];
    };
  } else if (value instanceof Number || value instanceof String || value instanceof Boolean || (typeof BigInt === "function" && value instanceof BigInt) || value instanceof Symbol) {
    var primitive = value.valueOf();
    var kind = typeof primitive === "string" ? "String" : typeof primitive === "number" ? "Number" : typeof primitive === "boolean" ? "Boolean" : typeof primitive === "bigint" ? "BigInt" : "Symbol";
    base = "[" + kind + ": " + formatPrimitive(primitive, { maxStringLength: Infinity, compact: true, breakLength: Infinity, indentationLvl: 0 }) + "]";
    keys = getKeys(value, filter);
    if (kind === "String") keys = keys.filter(function (k) { return !/^(0|[1-9][0-9]*)$/.test(k) && k !== "length"; });
    if (keys.length === 0) return base;
    braces = ["{", "}"];
  } else {
    keys = getKeys(value, filter);
    if (name === "Object" && tag === "") {
      braces = ["{", "}"];
    } else if (name === null && Object.prototype.toString.call(value) === "[object Arguments]") {
      braces = ["[Arguments] [", "]"];
    } else {
      braces = [prefixFor(name, tag, "Object") + "{", "}"];
    }
    if (keys.length === 0) return braces[0] + "}";
  }

  if (recurseTimes > ctx.depth && ctx.depth !== null) {
    var short = name === null ? "Object: null prototype" : (Array.isArray(value) ? "Array" : name);
    return "[" + short + "]";
  }

  recurseTimes += 1;
  ctx.seen.push(value);
  ctx.currentDepth = recurseTimes;
  var output;
  try {
    output = formatter(ctx, value, recurseTimes);
    for (var i = 0; i < keys.length; i++) output.push(formatProperty(ctx, value, recurseTimes, keys[i], extrasType === kArrayExtras ? kArrayExtras : kObject));
  } finally {
    ctx.seen.pop();
  }
  if (ctx.circular !== undefined) {
    var ref = ctx.circular.get(value);
    if (ref !== undefined) {
      var reference = "<ref *" + ref + ">";
      if (base === "") braces[0] = reference + " " + braces[0];
      else base = reference + " " + base;
    }
  }
  return reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value);
}

function formatObjectEntries() { return []; }

function formatArray(ctx, value, recurseTimes) {
  var len = Math.min(Math.max(0, ctx.maxArrayLength), value.length);
  var output = [];
  var holes = 0;
  for (var i = 0; i < len; i++) {
    if (!hasOwn(value, i)) {
      holes++;
      continue;
    }
    if (holes > 0) {
      output.push("<" + holes + " empty item" + (holes > 1 ? "s" : "") + ">");
      holes = 0;
    }
    output.push(formatProperty(ctx, value, recurseTimes, i, kArray));
  }
  if (holes > 0) output.push("<" + holes + " empty item" + (holes > 1 ? "s" : "") + ">");
  var remaining = value.length - len;
  if (remaining > 0) output.push("... " + remaining + " more item" + (remaining > 1 ? "s" : ""));
  return output;
}

function formatTypedArray(ctx, value) {
  var len = Math.min(Math.max(0, ctx.maxArrayLength), value.length);
  var output = [];
  for (var i = 0; i < len; i++) output.push(typeof value[i] === "bigint" ? value[i] + "n" : formatNumber(value[i]));
  var remaining = value.length - len;
  if (remaining > 0) output.push("... " + remaining + " more item" + (remaining > 1 ? "s" : ""));
  return output;
}

function formatSet(ctx, value, recurseTimes) {
  var output = [];
  ctx.indentationLvl += 2;
  value.forEach(function (v) { if (output.length < ctx.maxArrayLength) output.push(formatValue(ctx, v, recurseTimes)); });
  ctx.indentationLvl -= 2;
  if (value.size > ctx.maxArrayLength) output.push("... " + (value.size - ctx.maxArrayLength) + " more items");
  return output;
}

function formatMap(ctx, value, recurseTimes) {
  var output = [];
  ctx.indentationLvl += 2;
  value.forEach(function (v, k) {
    if (output.length < ctx.maxArrayLength) output.push(formatValue(ctx, k, recurseTimes) + " => " + formatValue(ctx, v, recurseTimes));
  });
  ctx.indentationLvl -= 2;
  if (value.size > ctx.maxArrayLength) output.push("... " + (value.size - ctx.maxArrayLength) + " more items");
  return output;
}

function formatProperty(ctx, value, recurseTimes, key, type) {
  var name, str;
  var desc = Object.getOwnPropertyDescriptor(value, key) || { value: value[key], enumerable: true };
  if (desc.value !== undefined) {
    ctx.indentationLvl += 2;
    str = formatValue(ctx, desc.value, recurseTimes);
    ctx.indentationLvl -= 2;
  } else if (desc.get !== undefined) {
    str = desc.set !== undefined ? "[Getter/Setter]" : "[Getter]";
  } else if (desc.set !== undefined) {
    str = "[Setter]";
  } else {
    str = "undefined";
  }
  if (type === kArray) return str;
  if (typeof key === "symbol") name = "[" + key.toString() + "]";
  else if (key === "__proto__") name = "['__proto__']";
  else if (desc.enumerable === false) name = "[" + key + "]";
  else if (identifier.test(key)) name = key;
  else name = quote(key);
  return name + ": " + str;
}

function isBelowBreakLength(ctx, output, start, base) {
  var totalLength = output.length + start;
  if (totalLength + output.length > ctx.breakLength) return false;
  for (var i = 0; i < output.length; i++) {
    totalLength += output[i].length;
    if (totalLength > ctx.breakLength) return false;
  }
  return base === "" || base.indexOf("\n") === -1;
}

function groupArrayElements(ctx, output, value) {
  var totalLength = 0, maxLength = 0, i = 0;
  var outputLength = output.length;
  if (ctx.maxArrayLength < output.length) outputLength--;
  var separatorSpace = 2;
  var dataLen = new Array(outputLength);
  for (; i < outputLength; i++) {
    var len = output[i].length;
    dataLen[i] = len;
    totalLength += len + separatorSpace;
    if (maxLength < len) maxLength = len;
  }
  var actualMax = maxLength + separatorSpace;
  if (actualMax * 3 + ctx.indentationLvl < ctx.breakLength && (totalLength / actualMax > 5 || maxLength <= 6)) {
    var averageBias = Math.sqrt(actualMax - totalLength / output.length);
    var biasedMax = Math.max(actualMax - 3 - averageBias, 1);
    var columns = Math.min(
      Math.round(Math.sqrt(2.5 * biasedMax * outputLength) / biasedMax),
      Math.floor((ctx.breakLength - ctx.indentationLvl) / actualMax),
      ctx.compact * 4,
      15
    );
    if (columns <= 1) return output;
    var tmp = [], maxLineLength = [];
    for (var c = 0; c < columns; c++) {
      var lineLength = 0;
      for (var j = c; j < output.length; j += columns) if (dataLen[j] > lineLength) lineLength = dataLen[j];
      maxLineLength.push(lineLength + separatorSpace);
    }
    var padStart = true;
    if (value !== undefined) {
      for (var k = 0; k < output.length; k++) {
        if (typeof value[k] !== "number" && typeof value[k] !== "bigint") { padStart = false; break; }
      }
    }
    for (var row = 0; row < outputLength; row += columns) {
      var max = Math.min(row + columns, outputLength);
      var str = "";
      var m = row;
      for (; m < max - 1; m++) {
        var cell = output[m] + ", ";
        str += padStart ? cell.padStart(maxLineLength[m - row], " ") : cell.padEnd(maxLineLength[m - row], " ");
      }
      if (padStart) str += output[m].padStart(maxLineLength[m - row] - separatorSpace, " ");
      else str += output[m];
      tmp.push(str);
    }
    if (ctx.maxArrayLength < output.length) tmp.push(output[outputLength]);
    output = tmp;
  }
  return output;
}

function reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value) {
  var entries = output.length;
  if (extrasType === kArrayExtras && entries > 6) output = groupArrayElements(ctx, output, value);
  if (ctx.currentDepth - recurseTimes < ctx.compact && entries === output.length) {
    var start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
    if (isBelowBreakLength(ctx, output, start, base)) {
      var joined = output.join(", ");
      if (joined.indexOf("\n") === -1) {
        return (base ? base + " " : "") + braces[0] + " " + joined + " " + braces[1];
      }
    }
  }
  var indentation = "\n" + " ".repeat(ctx.indentationLvl);
  return (base ? base + " " : "") + braces[0] + indentation + "  " + output.join("," + indentation + "  ") + indentation + braces[1];
}

function inspect(value, options) {
  var ctx = {
    seen: [], circular: undefined, indentationLvl: 0, currentDepth: 0,
    depth: defaults.depth, breakLength: defaults.breakLength, compact: defaults.compact,
    maxArrayLength: defaults.maxArrayLength, maxStringLength: defaults.maxStringLength,
    showHidden: defaults.showHidden, customInspect: true
  };
  if (typeof options === "boolean") ctx.showHidden = options;
  else if (options !== null && typeof options === "object") {
    var names = Object.keys(options);
    for (var i = 0; i < names.length; i++) if (hasOwn(ctx, names[i]) || names[i] === "colors") ctx[names[i]] = options[names[i]];
  }
  if (ctx.depth === Infinity) ctx.depth = null;
  if (ctx.maxArrayLength === null) ctx.maxArrayLength = Infinity;
  if (ctx.maxStringLength === null) ctx.maxStringLength = Infinity;
  return formatValue(ctx, value, 0);
}
inspect.custom = customInspect;
inspect.defaultOptions = defaults;

function formatWithOptions(options, args) {
  var first = args[0];
  var a = 0, str = "", join = "";
  if (typeof first === "string") {
    if (args.length === 1) return first;
    var lastPos = 0, tempStr;
    for (var i = 0; i < first.length - 1; i++) {
      if (first.charCodeAt(i) !== 37) continue; // '%'
      var next = first.charCodeAt(++i);
      if (a + 1 !== args.length) {
        switch (next) {
          case 115: { // 's'
            var arg = args[++a];
            if (typeof arg === "number") tempStr = formatNumber(arg);
            else if (typeof arg === "bigint") tempStr = arg + "n";
            else if (typeof arg !== "object" || arg === null) tempStr = String(arg);
            else tempStr = inspect(arg, Object.assign({}, options, { depth: 0, colors: false, compact: 3 }));
            break;
          }
          case 106: // 'j'
            try { tempStr = JSON.stringify(args[++a]); } catch (e) { tempStr = "[Circular]"; }
            break;
          case 100: { // 'd'
            var n = args[++a];
            tempStr = typeof n === "bigint" ? n + "n" : typeof n === "symbol" ? "NaN" : formatNumber(Number(n));
            break;
          }
          case 79: // 'O'
            tempStr = inspect(args[++a], options);
            break;
          case 111: // 'o'
            tempStr = inspect(args[++a], Object.assign({}, options, { showHidden: true, depth: 4 }));
            break;
          case 105: { // 'i'
            var ni = args[++a];
            tempStr = typeof ni === "bigint" ? ni + "n" : typeof ni === "symbol" ? "NaN" : formatNumber(parseInt(ni));
            break;
          }
          case 102: { // 'f'
            var nf = args[++a];
            tempStr = typeof nf === "symbol" ? "NaN" : formatNumber(parseFloat(nf));
            break;
          }
          case 99: // 'c'
            a += 1;
            tempStr = "";
            break;
          case 37: // '%'
            str += first.slice(lastPos, i);
            lastPos = i + 1;
            continue;
          default:
            continue;
        }
        if (lastPos !== i - 1) str += first.slice(lastPos, i - 1);
        str += tempStr;
        lastPos = i + 1;
      } else if (next === 37) {
        str += first.slice(lastPos, i);
        lastPos = i + 1;
      }
    }
    if (lastPos !== 0) {
      a++;
      join = " ";
      if (lastPos < first.length) str += first.slice(lastPos);
    }
  }
  while (a < args.length) {
    var value = args[a];
    str += join;
    str += typeof value !== "string" ? inspect(value, options) : value;
    join = " ";
    a++;
  }
  return str;
}
function format() {
  var args = [];
  for (var i = 0; i < arguments.length; i++) args[i] = arguments[i];
  return formatWithOptions(undefined, args);
}

var customPromisify = Symbol.for("nodejs.util.promisify.custom");
function promisify(original) {
  if (typeof original !== "function") {
    var e = new TypeError("The \"original\" argument must be of type function");
    e.code = "ERR_INVALID_ARG_TYPE";
    throw e;
  }
  if (original[customPromisify]) return original[customPromisify];
  function fn() {
    var self = this, args = [];
    for (var i = 0; i < arguments.length; i++) args[i] = arguments[i];
    return new Promise(function (resolve, reject) {
      args.push(function (err, value) { if (err) reject(err); else resolve(value); });
      Reflect.apply(original, self, args);
    });
  }
  Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
  Object.defineProperty(fn, customPromisify, { value: fn, enumerable: false, writable: false, configurable: true });
  return fn;
}
promisify.custom = customPromisify;

function callbackify(original) {
  return function () {
    var args = [];
    for (var i = 0; i < arguments.length; i++) args[i] = arguments[i];
    var cb = args.pop();
    Reflect.apply(original, this, args).then(
      function (v) { internals.runCallback(cb, undefined, [null, v]); },
      function (err) { internals.runCallback(cb, undefined, [err || new Error("Promise was rejected with a falsy value")]); }
    );
  };
}

function inherits(ctor, superCtor) {
  Object.defineProperty(ctor, "super_", { value: superCtor, writable: true, configurable: true });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

var warned = Object.create(null);
function deprecate(fn, message, code) {
  return function () {
    var key = code || message;
    if (!warned[key]) {
      warned[key] = true;
      internals.emit(1, "(node:8) " + (code ? "[" + code + "] " : "") + "DeprecationWarning: " + message);
    }
    return Reflect.apply(fn, this, arguments);
  };
}

var types = {
  isPromise: function (v) { return v instanceof Promise; },
  isDate: function (v) { return v instanceof Date; },
  isRegExp: function (v) { return v instanceof RegExp; },
  isMap: function (v) { return v instanceof Map; },
  isSet: function (v) { return v instanceof Set; },
  isNativeError: function (v) { return v instanceof Error; },
  isTypedArray: function (v) { return ArrayBuffer.isView(v) && !(v instanceof DataView); },
  isUint8Array: function (v) { return v instanceof Uint8Array; },
  isArrayBuffer: function (v) { return v instanceof ArrayBuffer; },
  isAsyncFunction: function (v) { return typeof v === "function" && Function.prototype.toString.call(v).indexOf("async") === 0; }
};

// ---- TextEncoder / TextDecoder (WHATWG Encoding, utf-8 only; the codec lives in "buffer") ----
function utf8Encode(str) { internals.builtin("buffer"); return internals.utf8Encode(String(str)); }
function utf8Decode(bytes, start, end) { internals.builtin("buffer"); return internals.utf8Decode(bytes, start, end); }

function TextEncoder() {}
Object.defineProperty(TextEncoder.prototype, "encoding", { get: function () { return "utf-8"; } });
TextEncoder.prototype.encode = function encode(input) { return utf8Encode(input === undefined ? "" : input); };
TextEncoder.prototype.encodeInto = function encodeInto(input, dest) {
  var bytes = utf8Encode(input);
  var n = Math.min(bytes.length, dest.length);
  dest.set(bytes.subarray(0, n));
  return { read: String(input).length, written: n };
};
function TextDecoder(label, options) {
  label = label === undefined ? "utf-8" : String(label).toLowerCase().trim();
  if (label !== "utf-8" && label !== "utf8" && label !== "unicode-1-1-utf-8") {
    var e = new RangeError("The \"" + label + "\" encoding is not supported");
    e.code = "ERR_ENCODING_NOT_SUPPORTED";
    throw e;
  }
  this._fatal = !!(options && options.fatal);
  this._ignoreBOM = !!(options && options.ignoreBOM);
}
Object.defineProperty(TextDecoder.prototype, "encoding", { get: function () { return "utf-8"; } });
TextDecoder.prototype.decode = function decode(input) {
  if (input === undefined) return "";
  var bytes = input instanceof ArrayBuffer ? new Uint8Array(input) : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  var start = 0;
  if (!this._ignoreBOM && bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  var text = utf8Decode(bytes, start, bytes.length);
  if (this._fatal && text.indexOf("\ufffd") !== -1 && utf8Encode(text).length !== bytes.length - start) {
    var e = new TypeError("The encoded data was not valid for encoding utf-8");
    e.code = "ERR_ENCODING_INVALID_ENCODED_DATA";
    throw e;
  }
  return text;
};

// structuredClone for the value types handlers pass around (no transfer list, no class instances).
function structuredClone(value) {
  var seen = new Map();
  function clone(v) {
    if (v === null || typeof v !== "object") {
      if (typeof v === "function" || typeof v === "symbol") throw dataCloneError(v);
      return v;
    }
    if (seen.has(v)) return seen.get(v);
    var out;
    if (Array.isArray(v)) { out = []; seen.set(v, out); for (var i = 0; i < v.length; i++) out[i] = clone(v[i]); return out; }
    if (v instanceof Date) return new Date(v.getTime());
    if (v instanceof RegExp) return new RegExp(v.source, v.flags);
    if (v instanceof Map) { out = new Map(); seen.set(v, out); v.forEach(function (val, key) { out.set(clone(key), clone(val)); }); return out; }
    if (v instanceof Set) { out = new Set(); seen.set(v, out); v.forEach(function (val) { out.add(clone(val)); }); return out; }
    if (v instanceof ArrayBuffer) return v.slice(0);
    if (ArrayBuffer.isView(v)) return new v.constructor(v);
    if (v instanceof Error) { out = new Error(v.message); out.name = v.name; if (v.stack !== undefined) out.stack = v.stack; return out; }
    out = {};
    seen.set(v, out);
    var names = Object.keys(v);
    for (var k = 0; k < names.length; k++) out[names[k]] = clone(v[names[k]]);
    return out;
  }
  return clone(value);
}
function dataCloneError(v) {
  var e = new Error((typeof v === "function" ? String(v) : v.toString()) + " could not be cloned.");
  e.name = "DataCloneError";
  return e;
}

return {
  format: format,
  formatWithOptions: function (options) {
    var args = [];
    for (var i = 1; i < arguments.length; i++) args[i - 1] = arguments[i];
    return formatWithOptions(options, args);
  },
  inspect: inspect,
  promisify: promisify,
  callbackify: callbackify,
  inherits: inherits,
  deprecate: deprecate,
  types: types,
  isArray: Array.isArray,
  isDeepStrictEqual: undefined,
  TextEncoder: TextEncoder,
  TextDecoder: TextDecoder,
  structuredClone: structuredClone
};
})`;
