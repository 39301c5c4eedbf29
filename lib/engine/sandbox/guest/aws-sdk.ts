/**
 * The AWS SDK for JavaScript v3 stand-ins: `client.send(new XCommand(input))` → Promise, with the
 * real SDK's shapes — outputs carry `$metadata`, failures reject with an Error whose `name` is the
 * AWS exception name (an instance of the package's exception class when it exports one, else of
 * its `<Service>ServiceException`), with `$fault` and `$metadata.httpStatusCode`. Aggregated
 * clients (`new SQS().sendMessage(input)`) and the callback form of `send` work too.
 *
 * Every command becomes one host call `{ client, command: "<Operation>", input }` (host-ops.ts,
 * HostOp.Sdk); the engine validates the input like a scenario step. Binary fields are converted
 * first: a Lambda Invoke `Payload` and Kinesis `Data` travel as text (as in scenario steps),
 * other Uint8Arrays as base64 (the AWS JSON protocol); DynamoDB `B` values come back as Uint8Array.
 * lib-dynamodb marshals plain JavaScript values to attribute values inside the sandbox, as the
 * real DynamoDBDocumentClient does, then calls the low-level operation.
 */
import { HostOp } from "../host-ops";

export const SDK_CORE_SOURCE = String.raw`(function awsSdkCore(internals) {
"use strict";
internals.builtin("buffer");
var Buffer = internals.Buffer, host = internals.host;
var nextId = internals.makeRandom((internals.config.seed ^ 0x5bd1e995) >>> 0);
function hex8(n) { var s = (n >>> 0).toString(16); return "00000000".slice(s.length) + s; }
// Request ids come from their own seeded stream so SDK calls do not shift Math.random.
function requestId() {
  var a = hex8(nextId()), b = hex8(nextId()), c = hex8(nextId()), d = hex8(nextId());
  return a + "-" + b.slice(0, 4) + "-4" + b.slice(5, 8) + "-" + ((parseInt(c.charAt(0), 16) & 3) | 8).toString(16) + c.slice(1, 4) + "-" + c.slice(4) + d;
}
function metadata(status) { return { httpStatusCode: status, requestId: requestId(), extendedRequestId: undefined, cfId: undefined, attempts: 1, totalRetryDelay: 0 }; }

function toText(value) {
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("utf8");
  return value;
}
function binaryAsBase64(key, value) {
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("base64");
  if (value instanceof ArrayBuffer) return Buffer.from(value).toString("base64");
  return value;
}
function serialise(client, operation, input) {
  var copy = input === undefined || input === null ? {} : Object.assign({}, input);
  if (client === "lambda" && operation === "Invoke" && copy.Payload !== undefined) copy.Payload = toText(copy.Payload);
  if (client === "kinesis" && operation === "PutRecord" && copy.Data !== undefined) copy.Data = toText(copy.Data);
  if (client === "kinesis" && operation === "PutRecords" && Array.isArray(copy.Records)) {
    copy.Records = copy.Records.map(function (r) { return r && r.Data !== undefined ? Object.assign({}, r, { Data: toText(r.Data) }) : r; });
  }
  return JSON.stringify(copy, binaryAsBase64);
}
// The real SDK returns blobs as Uint8ArrayBlobAdapter: a Uint8Array with transformToString().
function blob(text) {
  var bytes = Buffer.from(text, "utf8");
  var out = new Uint8Array(bytes.length);
  out.set(bytes);
  Object.defineProperty(out, "transformToString", {
    enumerable: false, configurable: true, writable: true,
    value: function transformToString(encoding) { return Buffer.from(this.buffer, this.byteOffset, this.byteLength).toString(encoding === undefined || encoding === "utf-8" ? "utf8" : encoding); }
  });
  return out;
}
function deserialise(client, operation, output) {
  if (output === null || typeof output !== "object") output = {};
  if (client === "lambda" && operation === "Invoke" && output.Payload !== undefined) {
    output.Payload = blob(typeof output.Payload === "string" ? output.Payload : JSON.stringify(output.Payload));
  }
  if (client === "dynamodb") {
    if (output.Item) output.Item = binaryAttributes(output.Item);
    if (output.Attributes) output.Attributes = binaryAttributes(output.Attributes);
  }
  return output;
}
function binaryAttributes(map) {
  var out = {};
  Object.keys(map).forEach(function (k) { out[k] = binaryValue(map[k]); });
  return out;
}
function binaryValue(av) {
  if (av === null || typeof av !== "object") return av;
  if (typeof av.B === "string") return { B: new Uint8Array(Buffer.from(av.B, "base64")) };
  if (Array.isArray(av.BS)) return { BS: av.BS.map(function (b) { return new Uint8Array(Buffer.from(b, "base64")); }) };
  if (Array.isArray(av.L)) return { L: av.L.map(binaryValue) };
  if (av.M && typeof av.M === "object") return { M: binaryAttributes(av.M) };
  return av;
}

function makeServiceException(serviceName) {
  function ServiceException(options) {
    var e = new Error(options.message);
    Object.setPrototypeOf(e, new.target ? new.target.prototype : ServiceException.prototype);
    e.name = options.name;
    e.$fault = options.$fault;
    e.$metadata = options.$metadata;
    return e;
  }
  ServiceException.prototype = Object.create(Error.prototype);
  Object.defineProperty(ServiceException.prototype, "constructor", { value: ServiceException, writable: true, configurable: true });
  Object.defineProperty(ServiceException, "name", { value: serviceName + "ServiceException" });
  return ServiceException;
}
function makeException(base, name) {
  function Exception(options) {
    var e = base.call(this, Object.assign({ name: name, $fault: "client", $metadata: metadata(400) }, options));
    Object.setPrototypeOf(e, Exception.prototype);
    return e;
  }
  Exception.prototype = Object.create(base.prototype);
  Object.defineProperty(Exception.prototype, "constructor", { value: Exception, writable: true, configurable: true });
  Object.defineProperty(Exception, "name", { value: name });
  return Exception;
}
function rejection(reply, exceptions, base) {
  var status = typeof reply.s === "number" ? reply.s : 400;
  var options = { name: String(reply.n), message: String(reply.m), $fault: status >= 500 ? "server" : "client", $metadata: metadata(status) };
  var Class = exceptions[options.name];
  var error = Class ? new Class(options) : new base(options);
  error.name = options.name;
  return error;
}
function settle(client, operation, reply, resolve, reject, exceptions, base) {
  if (reply.k === "ok") {
    var output = deserialise(client, operation, reply.o);
    output.$metadata = metadata(operation === "Invoke" && output.StatusCode ? output.StatusCode : 200);
    resolve(output);
  } else {
    reject(rejection(reply, exceptions, base));
  }
}
function call(client, operation, input, exceptions, base) {
  return new Promise(function (resolve, reject) {
    var reply = JSON.parse(host(${HostOp.Sdk}, client, operation, serialise(client, operation, input)));
    if (reply.k === "pending") {
      internals.park(reply.t, function (json) { settle(client, operation, JSON.parse(json), resolve, reject, exceptions, base); });
      return;
    }
    settle(client, operation, reply, resolve, reject, exceptions, base);
  });
}
function withCallback(promise, callback) {
  if (typeof callback !== "function") return promise;
  promise.then(function (v) { internals.runCallback(callback, undefined, [null, v]); }, function (e) { internals.runCallback(callback, undefined, [e]); });
  return undefined;
}
function lowerFirst(s) { return s.charAt(0).toLowerCase() + s.slice(1); }

// Builds a package: { <Service>Client, <Service>, <Op>Command…, <Service>ServiceException, <Exception>… }.
function service(client, serviceName, operations, exceptionNames) {
  var pkg = {};
  var ServiceException = makeServiceException(serviceName);
  var exceptions = {};
  exceptionNames.forEach(function (name) { exceptions[name] = makeException(ServiceException, name); pkg[name] = exceptions[name]; });
  pkg[serviceName + "ServiceException"] = ServiceException;

  function Client(config) {
    if (!(this instanceof Client)) throw new TypeError("Class constructor " + serviceName + "Client cannot be invoked without 'new'");
    this.config = Object.assign({ region: internals.config.env.AWS_REGION }, config || {});
    this.middlewareStack = { add: function () {}, addRelativeTo: function () {}, use: function () {}, remove: function () { return false; } };
  }
  Object.defineProperty(Client, "name", { value: serviceName + "Client" });
  Client.prototype.send = function send(command, optionsOrCallback, callback) {
    if (typeof optionsOrCallback === "function") callback = optionsOrCallback;
    var op = command && command.__lambdaLabOperation;
    var promise;
    if (typeof op !== "string" || command.__lambdaLabClient !== client) {
      var what = op ? command.constructor.name + " (from another AWS SDK package)" : "a value that is not a command";
      promise = Promise.reject(new TypeError(serviceName + "Client.send() was given " + what + "; Lambda Lab's stand-ins expect new <Operation>Command(input) from the same package"));
    } else {
      promise = call(client, op, command.input, exceptions, ServiceException);
    }
    return withCallback(promise, callback);
  };
  Client.prototype.destroy = function destroy() {};
  pkg[serviceName + "Client"] = Client;

  function Aggregated(config) { Client.call(this, config); }
  Aggregated.prototype = Object.create(Client.prototype);
  Object.defineProperty(Aggregated, "name", { value: serviceName });

  operations.forEach(function (op) {
    function Command(input) {
      if (!(this instanceof Command)) throw new TypeError("Class constructor " + op + "Command cannot be invoked without 'new'");
      this.input = input === undefined ? {} : input;
      this.middlewareStack = Client.prototype.middlewareStack;
    }
    Object.defineProperty(Command, "name", { value: op + "Command" });
    Command.prototype.__lambdaLabOperation = op;
    Command.prototype.__lambdaLabClient = client;
    pkg[op + "Command"] = Command;
    Aggregated.prototype[lowerFirst(op)] = function (input, optionsOrCallback, callback) {
      return this.send(new Command(input), optionsOrCallback, callback);
    };
  });
  pkg[serviceName] = Aggregated;
  return pkg;
}

return { service: service, call: call, withCallback: withCallback, metadata: metadata };
})`;

function clientModule(client: string, serviceName: string, operations: string[], exceptions: string[]): string {
  return `(function (internals) { return internals.builtin("lambda-lab:aws-sdk").service(${JSON.stringify(client)}, ${JSON.stringify(serviceName)}, ${JSON.stringify(operations)}, ${JSON.stringify(exceptions)}); })`;
}

/** Package name → module source. Operations are those the engine implements for that service. */
export const SDK_CLIENT_SOURCES: ReadonlyMap<string, string> = new Map([
  [
    "@aws-sdk/client-sqs",
    clientModule(
      "sqs",
      "SQS",
      ["SendMessage", "SendMessageBatch", "ReceiveMessage", "DeleteMessage", "GetQueueAttributes", "GetQueueUrl", "SetQueueAttributes", "CreateQueue"],
      ["QueueDoesNotExist", "InvalidMessageContents", "BatchEntryIdsNotDistinct", "EmptyBatchRequest", "TooManyEntriesInBatchRequest", "InvalidParameterValue", "QueueNameExists"],
    ),
  ],
  ["@aws-sdk/client-sns", clientModule("sns", "SNS", ["Publish", "CreateTopic", "Subscribe"], ["NotFoundException", "InvalidParameterException", "AuthorizationErrorException"])],
  [
    "@aws-sdk/client-dynamodb",
    clientModule(
      "dynamodb",
      "DynamoDB",
      ["GetItem", "PutItem", "UpdateItem", "DeleteItem", "CreateTable"],
      ["ConditionalCheckFailedException", "ResourceNotFoundException", "ResourceInUseException", "ProvisionedThroughputExceededException", "ValidationException"],
    ),
  ],
  [
    "@aws-sdk/client-lambda",
    clientModule(
      "lambda",
      "Lambda",
      [
        "Invoke", "GetFunction", "GetFunctionConfiguration", "GetAccountSettings", "GetAlias", "ListAliases", "ListVersionsByFunction",
        "GetFunctionConcurrency", "GetFunctionEventInvokeConfig", "GetProvisionedConcurrencyConfig", "GetEventSourceMapping",
        "ListEventSourceMappings", "PublishVersion", "CreateAlias", "UpdateAlias", "DeleteAlias", "UpdateFunctionCode",
        "UpdateFunctionConfiguration", "PutFunctionConcurrency", "DeleteFunctionConcurrency", "PutFunctionEventInvokeConfig",
        "UpdateFunctionEventInvokeConfig", "DeleteFunctionEventInvokeConfig", "PutProvisionedConcurrencyConfig",
        "DeleteProvisionedConcurrencyConfig", "CreateEventSourceMapping", "UpdateEventSourceMapping", "DeleteEventSourceMapping",
      ],
      ["ResourceNotFoundException", "TooManyRequestsException", "InvalidParameterValueException", "ResourceConflictException", "InvalidRequestContentException", "RequestTooLargeException", "ServiceException", "RecursiveInvocationException"],
    ),
  ],
  ["@aws-sdk/client-kinesis", clientModule("kinesis", "Kinesis", ["PutRecord", "PutRecords", "CreateStream"], ["ResourceNotFoundException", "InvalidArgumentException", "ProvisionedThroughputExceededException"])],
  ["@aws-sdk/client-eventbridge", clientModule("eventbridge", "EventBridge", ["PutEvents", "CreateEventBus"], ["ResourceNotFoundException", "ResourceAlreadyExistsException"])],
]);
