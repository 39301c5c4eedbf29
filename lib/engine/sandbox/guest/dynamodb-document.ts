/**
 * Guest modules `@aws-sdk/util-dynamodb` (marshall / unmarshall) and `@aws-sdk/lib-dynamodb`
 * (DynamoDBDocumentClient and DynamoDBDocument with Get/Put/Update/Delete on plain JavaScript
 * values). Marshalling follows util-dynamodb's rules and error messages: numbers become N strings
 * (NaN/Infinity and unsafe integers refused), Sets become SS/NS/BS, undefined is refused unless
 * removeUndefinedValues, class instances unless convertClassInstanceToMap; unmarshalling turns N
 * back into numbers (refusing values outside the safe-integer range unless wrapNumbers).
 */
export const UTIL_DYNAMODB_SOURCE = String.raw`(function utilDynamodb(internals) {
"use strict";
function NumberValue(value) {
  if (!(this instanceof NumberValue)) return new NumberValue(value);
  this.value = String(value);
}
NumberValue.from = function (value) { return new NumberValue(value); };
NumberValue.prototype.toString = function () { return this.value; };
NumberValue.prototype.toJSON = function () { return this.value; };

function isPlainObject(v) {
  var proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
function numberAttr(num, options) {
  if (typeof num === "bigint") return { N: num.toString() };
  if (num instanceof NumberValue) return { N: num.value };
  if ([NaN, Infinity, -Infinity].some(function (x) { return Object.is(x, num); })) throw new Error("Special numeric value " + num.toString() + " is not allowed");
  if (!(options && options.allowImpreciseNumbers)) {
    if (Number(num) > Number.MAX_SAFE_INTEGER) throw new Error("Number " + num.toString() + " is greater than Number.MAX_SAFE_INTEGER. Use BigInt.");
    if (Number(num) < Number.MIN_SAFE_INTEGER) throw new Error("Number " + num.toString() + " is lesser than Number.MIN_SAFE_INTEGER. Use BigInt.");
  }
  return { N: num.toString() };
}
function convertToAttr(data, options) {
  if (data === undefined) throw new Error("Pass options.removeUndefinedValues=true to remove undefined values from map/array/set.");
  if (data === null) return { NULL: true };
  if (typeof data === "boolean") return { BOOL: data };
  if (typeof data === "number" || typeof data === "bigint" || data instanceof NumberValue) return numberAttr(data, options);
  if (typeof data === "string") {
    if (data.length === 0 && options && options.convertEmptyValues) return { NULL: true };
    return { S: data };
  }
  if (data instanceof Uint8Array || data instanceof ArrayBuffer || ArrayBuffer.isView(data)) {
    var bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    if (bytes.length === 0 && options && options.convertEmptyValues) return { NULL: true };
    return { B: bytes };
  }
  if (Array.isArray(data)) {
    var list = [];
    for (var i = 0; i < data.length; i++) {
      if (data[i] === undefined && options && options.removeUndefinedValues) continue;
      list.push(convertToAttr(data[i], options));
    }
    return { L: list };
  }
  if (data instanceof Set) {
    var items = [];
    data.forEach(function (v) { if (!(v === undefined && options && options.removeUndefinedValues)) items.push(v); });
    if (items.length === 0) {
      if (options && options.convertEmptyValues) return { NULL: true };
      throw new Error("Pass a non-empty set, or options.convertEmptyValues=true.");
    }
    var first = items[0];
    if (typeof first === "number" || typeof first === "bigint" || first instanceof NumberValue) {
      return { NS: items.map(function (v) { if (typeof v !== "number" && typeof v !== "bigint" && !(v instanceof NumberValue)) throw new Error("All elements of a number set must be numbers"); return numberAttr(v, options).N; }) };
    }
    if (typeof first === "string") {
      return { SS: items.map(function (v) { if (typeof v !== "string") throw new Error("All elements of a string set must be strings"); return v; }) };
    }
    if (first instanceof Uint8Array) return { BS: items };
    throw new Error("Only Number Set (NS), Binary Set (BS) or String Set (SS) are allowed.");
  }
  if (data instanceof Map) {
    var fromMap = {};
    data.forEach(function (v, k) {
      if (v === undefined && options && options.removeUndefinedValues) return;
      fromMap[k] = convertToAttr(v, options);
    });
    return { M: fromMap };
  }
  if (typeof data === "object") {
    if (!isPlainObject(data) && !(options && options.convertClassInstanceToMap)) {
      throw new Error("Unsupported type passed: " + String(data) + ". Pass options.convertClassInstanceToMap=true to marshall typeof object as map attribute.");
    }
    return { M: marshall(data, options) };
  }
  throw new Error("Unsupported type passed: " + String(data) + ". Pass options.convertClassInstanceToMap=true to marshall typeof object as map attribute.");
}
function marshall(data, options) {
  if (data === null || typeof data !== "object" || Array.isArray(data) || data instanceof Set) {
    var single = convertToAttr(data, options);
    return single;
  }
  var out = {};
  var keys = Object.keys(data);
  for (var i = 0; i < keys.length; i++) {
    var value = data[keys[i]];
    if (value === undefined && options && options.removeUndefinedValues) continue;
    if (typeof value === "function") continue;
    out[keys[i]] = convertToAttr(value, options);
  }
  return out;
}
function nativeNumber(text, options) {
  if (options && options.wrapNumbers) return typeof options.wrapNumbers === "function" ? options.wrapNumbers(text) : NumberValue.from(text);
  var num = Number(text);
  var integer = /^-?\d+$/.test(text.trim());
  if (integer && !Number.isSafeInteger(num)) {
    throw new Error("Value " + text + " is outside SAFE_INTEGER bounds. Set options.wrapNumbers to get string value.");
  }
  return num;
}
function convertToNative(data, options) {
  var keys = Object.keys(data || {});
  for (var i = 0; i < keys.length; i++) {
    var key = keys[i], value = data[key];
    if (value === undefined) continue;
    switch (key) {
      case "NULL": return null;
      case "BOOL": return Boolean(value);
      case "N": return nativeNumber(value, options);
      case "B": return value;
      case "S": return value;
      case "L": return value.map(function (item) { return convertToNative(item, options); });
      case "M": return unmarshall(value, options);
      case "NS": return new Set(value.map(function (n) { return nativeNumber(n, options); }));
      case "BS": return new Set(value);
      case "SS": return new Set(value);
      default: throw new Error("Unsupported type passed: " + key);
    }
  }
  throw new Error("No value defined: " + JSON.stringify(data));
}
function unmarshall(data, options) {
  var out = {};
  var keys = Object.keys(data || {});
  for (var i = 0; i < keys.length; i++) out[keys[i]] = convertToNative(data[keys[i]], options);
  return out;
}
return { marshall: marshall, unmarshall: unmarshall, convertToAttr: convertToAttr, convertToNative: convertToNative, NumberValue: NumberValue };
})`;

export const LIB_DYNAMODB_SOURCE = String.raw`(function libDynamodb(internals) {
"use strict";
var util = internals.builtin("@aws-sdk/util-dynamodb");
var low = internals.builtin("@aws-sdk/client-dynamodb");
var LOW_COMMAND = { Get: "GetItemCommand", Put: "PutItemCommand", Update: "UpdateItemCommand", Delete: "DeleteItemCommand" };

function marshallValues(values, options) {
  if (values === undefined) return undefined;
  var out = {};
  Object.keys(values).forEach(function (k) {
    if (values[k] === undefined && options && options.removeUndefinedValues) return;
    out[k] = util.convertToAttr(values[k], options);
  });
  return out;
}
function lowInput(kind, input, options) {
  var copy = Object.assign({}, input);
  if (copy.Key !== undefined) copy.Key = util.marshall(copy.Key, options);
  if (kind === "Put" && copy.Item !== undefined) copy.Item = util.marshall(copy.Item, options);
  if (copy.ExpressionAttributeValues !== undefined) copy.ExpressionAttributeValues = marshallValues(copy.ExpressionAttributeValues, options);
  return copy;
}
function documentOutput(output, options) {
  var out = Object.assign({}, output);
  if (out.Item !== undefined) out.Item = util.unmarshall(out.Item, options);
  if (out.Attributes !== undefined) out.Attributes = util.unmarshall(out.Attributes, options);
  return out;
}

function DynamoDBDocumentClient(client, translateConfig) {
  if (!(this instanceof DynamoDBDocumentClient)) throw new TypeError("Class constructor DynamoDBDocumentClient cannot be invoked without 'new'");
  this.config = Object.assign({}, client && client.config, { translateConfig: translateConfig });
  this.client = client;
  this.middlewareStack = client && client.middlewareStack;
}
DynamoDBDocumentClient.from = function from(client, translateConfig) {
  if (!client || typeof client.send !== "function") throw new TypeError("DynamoDBDocumentClient.from() expects a DynamoDBClient");
  return new DynamoDBDocumentClient(client, translateConfig || {});
};
DynamoDBDocumentClient.prototype.send = function send(command, optionsOrCallback, callback) {
  if (typeof optionsOrCallback === "function") callback = optionsOrCallback;
  var self = this;
  var translate = this.config.translateConfig || {};
  var promise;
  if (command && typeof command.__lambdaLabDocumentKind === "string") {
    var kind = command.__lambdaLabDocumentKind;
    promise = new Promise(function (resolve) {
      var input = lowInput(kind, command.input, translate.marshallOptions);
      resolve(self.client.send(new low[LOW_COMMAND[kind]](input)));
    }).then(function (output) { return documentOutput(output, translate.unmarshallOptions); });
  } else {
    promise = this.client.send(command);
  }
  return internals.builtin("lambda-lab:aws-sdk").withCallback(promise, callback);
};
DynamoDBDocumentClient.prototype.destroy = function destroy() {};

var pkg = { DynamoDBDocumentClient: DynamoDBDocumentClient };
function DynamoDBDocument(client, translateConfig) { DynamoDBDocumentClient.call(this, client, translateConfig); }
DynamoDBDocument.prototype = Object.create(DynamoDBDocumentClient.prototype);
DynamoDBDocument.from = function from(client, translateConfig) { return new DynamoDBDocument(client, translateConfig || {}); };
Object.keys(LOW_COMMAND).forEach(function (kind) {
  function Command(input) {
    if (!(this instanceof Command)) throw new TypeError("Class constructor " + kind + "Command cannot be invoked without 'new'");
    this.input = input === undefined ? {} : input;
  }
  Object.defineProperty(Command, "name", { value: kind + "Command" });
  Command.prototype.__lambdaLabDocumentKind = kind;
  pkg[kind + "Command"] = Command;
  DynamoDBDocument.prototype[kind.toLowerCase()] = function (input, optionsOrCallback, callback) {
    return this.send(new Command(input), optionsOrCallback, callback);
  };
});
pkg.DynamoDBDocument = DynamoDBDocument;
return pkg;
})`;
