import { describe, expect, it } from "vitest";
import { fn, runYaml, step } from "../../testing/run-yaml";

describe("versions and aliases (§4)", () => {
  it("publishes only when something changed; numbers are never reused", () => {
    const t = runYaml(`steps:
${fn("f", "exports.handler = async () => 'a';", "      Publish: true\n")}
  - { id: same, PublishVersion: { FunctionName: f, Description: ignored } }
  - UpdateFunctionConfiguration: { FunctionName: f, Description: changed }
  - { id: two, PublishVersion: { FunctionName: f } }
  - { id: del, DeleteFunction: { FunctionName: f, Qualifier: "1" } }
  - UpdateFunctionCode: { FunctionName: f, ZipFile: "exports.handler = async () => 'b';" }
  - { id: three, PublishVersion: { FunctionName: f } }
  - { id: list, ListVersionsByFunction: { FunctionName: f } }
  - { id: stale, PublishVersion: { FunctionName: f, CodeSha256: "abc" } }
  - { id: latest-del, DeleteFunction: { FunctionName: f, Qualifier: $LATEST } }
`);
    expect(step(t, "same").response).toMatchObject({ Version: "1", Description: "" });
    expect(step(t, "two").response).toMatchObject({ Version: "2", Description: "changed", FunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:f:2" });
    expect(step(t, "three").response).toMatchObject({ Version: "3" });
    expect((step(t, "list").response as { Versions: { Version: string }[] }).Versions.map((v) => v.Version)).toEqual(["$LATEST", "2", "3"]);
    expect(step(t, "stale").error?.message).toMatch(/^CodeSHA256 \(abc\) is different from current CodeSHA256 in \$LATEST \(.+\)\. Please try again with the CodeSHA256 in \$LATEST\.$/);
    expect(step(t, "latest-del").error?.message).toBe("$LATEST version cannot be deleted without deleting the function.");
    expect(t.functions.f.versions).toEqual(["$LATEST", "2", "3"]);
  });

  it("snapshots version-specific configuration at publish", () => {
    const t = runYaml(`steps:
${fn("f", "exports.handler = async () => process.env.COLOR;", "      Environment: { Variables: { COLOR: blue } }\n      Publish: true\n")}
  - UpdateFunctionConfiguration: { FunctionName: f, Environment: { Variables: { COLOR: green } } }
  - { id: v1, at: 1s, Invoke: { FunctionName: f, Qualifier: "1" } }
  - { id: latest, Invoke: { FunctionName: f } }
`);
    expect(step(t, "v1").response).toMatchObject({ ExecutedVersion: "1", Payload: "blue" });
    expect(step(t, "latest").response).toMatchObject({ ExecutedVersion: "$LATEST", Payload: "green" });
  });

  it("validates aliases and their routing like AWS", () => {
    const t = runYaml(`steps:
${fn("f", "exports.handler = async () => 1;", "      Publish: true\n")}
  - UpdateFunctionConfiguration: { FunctionName: f, Description: two }
  - PublishVersion: { FunctionName: f }
  - { id: digits, CreateAlias: { FunctionName: f, Name: "12", FunctionVersion: "1" } }
  - { id: missing, CreateAlias: { FunctionName: f, Name: live, FunctionVersion: "9" } }
  - { id: two-weights, CreateAlias: { FunctionName: f, Name: live, FunctionVersion: "1", RoutingConfig: { AdditionalVersionWeights: { "2": 0.1, "3": 0.1 } } } }
  - { id: weight, CreateAlias: { FunctionName: f, Name: live, FunctionVersion: "1", RoutingConfig: { AdditionalVersionWeights: { "2": 2 } } } }
  - { id: same, CreateAlias: { FunctionName: f, Name: live, FunctionVersion: "1", RoutingConfig: { AdditionalVersionWeights: { "1": 0.5 } } } }
  - { id: latest, CreateAlias: { FunctionName: f, Name: live, FunctionVersion: $LATEST, RoutingConfig: { AdditionalVersionWeights: { "2": 0.5 } } } }
  - { id: ok, CreateAlias: { FunctionName: f, Name: live, FunctionVersion: "1" } }
  - { id: dup, CreateAlias: { FunctionName: f, Name: live, FunctionVersion: "2" } }
  - { id: update-missing, UpdateAlias: { FunctionName: f, Name: nope, FunctionVersion: "2" } }
  - { id: delete-missing, DeleteAlias: { FunctionName: f, Name: nope } }
  - { id: get-missing, GetAlias: { FunctionName: f, Name: nope } }
`);
    const arn = "arn:aws:lambda:us-east-1:123456789012:function:f";
    expect(step(t, "digits").error?.type).toBe("ValidationException");
    expect(step(t, "missing").error).toEqual({ type: "ResourceNotFoundException", message: `Function not found: ${arn}:9` });
    expect(step(t, "two-weights").error?.message).toBe("Number of items in AdditionalVersionWeights cannot be greater than 1");
    expect(step(t, "weight").error?.type).toBe("ValidationException");
    expect(step(t, "same").error?.message).toBe("Invalid function version 1. Function version 1 is already included in routing configuration.");
    expect(step(t, "latest").error?.message).toBe("$LATEST is not supported for an alias pointing to more than 1 version");
    expect(step(t, "ok").response).toMatchObject({ AliasArn: `${arn}:live`, Name: "live", FunctionVersion: "1", Description: "" });
    expect(step(t, "dup").error).toEqual({ type: "ResourceConflictException", message: `Alias already exists: ${arn}:live` });
    expect(step(t, "update-missing").error?.type).toBe("ResourceNotFoundException");
    expect(step(t, "delete-missing").response).toEqual({});
    expect(step(t, "get-missing").error).toEqual({ type: "ResourceNotFoundException", message: `Cannot find alias arn: ${arn}:nope` });
  });

  it("routes a weighted alias by the seeded stream: same seed same split, roughly the weight", () => {
    const yaml = `steps:
${fn("f", "exports.handler = async () => 1;", "      Publish: true\n")}
  - UpdateFunctionConfiguration: { FunctionName: f, Description: two }
  - PublishVersion: { FunctionName: f }
  - CreateAlias: { FunctionName: f, Name: canary, FunctionVersion: "1", RoutingConfig: { AdditionalVersionWeights: { "2": 0.2 } } }
  - { at: 1s, repeat: { times: 500, every: 100ms }, Invoke: { FunctionName: "f:canary" } }
`;
    const versions = (seed: number) => runYaml(yaml, { seed }).invocations.map((i) => i.executedVersion);
    const a = versions(1);
    expect(versions(1)).toEqual(a);
    const share = a.filter((v) => v === "2").length / a.length;
    expect(share).toBeGreaterThan(0.14);
    expect(share).toBeLessThan(0.26);
    expect(versions(2)).not.toEqual(a);
    expect(runYaml(yaml).invocations.every((i) => i.invokedArn.endsWith(":canary"))).toBe(true);
  });

  it("refuses to delete a version an alias points to, and keeps ESMs when the function goes", () => {
    const t = runYaml(`steps:
  - CreateQueue: { QueueName: q }
${fn("f", "exports.handler = async () => 1;", "      Publish: true\n")}
  - CreateAlias: { FunctionName: f, Name: live, FunctionVersion: "1" }
  - { id: del, DeleteFunction: { FunctionName: f, Qualifier: "1" } }
  - CreateEventSourceMapping: { FunctionName: f, EventSourceArn: "arn:aws:sqs:us-east-1:123456789012:q" }
  - { id: gone, DeleteFunction: { FunctionName: f } }
  - { id: after, GetFunction: { FunctionName: f } }
`);
    expect(step(t, "del").error?.type).toBe("ResourceConflictException");
    expect(step(t, "gone").response).toEqual({});
    expect(step(t, "after").error).toEqual({ type: "ResourceNotFoundException", message: "Function not found: arn:aws:lambda:us-east-1:123456789012:function:f" });
    expect(t.eventSourceMappings).toEqual([expect.objectContaining({ State: "Enabled", FunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:f" })]);
  });

  it("answers GetFunction with the configuration AWS shows", () => {
    const t = runYaml(`steps:
${fn("f", "exports.handler = async () => 1;", "      MemorySize: 256\n      Timeout: 10\n")}
  - { id: created, GetFunctionConfiguration: { FunctionName: f } }
  - { id: get, at: 1s, GetFunction: { FunctionName: f } }
`);
    expect(step(t, "created").response).toMatchObject({ State: "Pending", StateReasonCode: "Creating" });
    const g = step(t, "get").response as { Configuration: Record<string, unknown>; Code: Record<string, unknown> };
    expect(g.Configuration).toMatchObject({
      FunctionName: "f",
      FunctionArn: "arn:aws:lambda:us-east-1:123456789012:function:f",
      Runtime: "nodejs20.x",
      Role: "arn:aws:iam::123456789012:role/lambda-lab-execution-role",
      Handler: "index.handler",
      Timeout: 10,
      MemorySize: 256,
      Version: "$LATEST",
      State: "Active",
      LastUpdateStatus: "Successful",
      PackageType: "Zip",
      EphemeralStorage: { Size: 512 },
      LastModified: "2025-01-01T00:00:00.000+0000",
    });
    expect(g.Configuration.CodeSha256).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(g.Code.RepositoryType).toBe("S3");
  });

  it("checks CreateFunction's parameters", () => {
    const t = runYaml(`steps:
  - { id: timeout, CreateFunction: { FunctionName: a, Runtime: nodejs20.x, Handler: index.handler, Timeout: 901, Code: { ZipFile: x } } }
  - { id: memory, CreateFunction: { FunctionName: a, Runtime: nodejs20.x, Handler: index.handler, MemorySize: 64, Code: { ZipFile: x } } }
  - { id: runtime, CreateFunction: { FunctionName: a, Runtime: python3.12, Handler: index.handler, Code: { ZipFile: x } } }
  - { id: reserved-env, CreateFunction: { FunctionName: a, Runtime: nodejs20.x, Handler: index.handler, Environment: { Variables: { AWS_REGION: x } }, Code: { ZipFile: x } } }
  - { id: role, CreateFunction: { FunctionName: a, Runtime: nodejs20.x, Handler: index.handler, Role: "arn:aws:iam::123456789012:role/none", Code: { ZipFile: x } } }
  - { id: ok, CreateFunction: { FunctionName: a, Runtime: nodejs20.x, Handler: index.handler, Code: { ZipFile: x } } }
  - { id: again, CreateFunction: { FunctionName: a, Runtime: nodejs20.x, Handler: index.handler, Code: { ZipFile: x } } }
`);
    expect(step(t, "timeout").error).toEqual({ type: "ValidationException", message: "1 validation error detected: Value '901' at 'timeout' failed to satisfy constraint: Member must have value less than or equal to 900" });
    expect(step(t, "memory").error?.message).toMatch(/at 'memorySize' failed to satisfy constraint: Member must have value greater than or equal to 128$/);
    expect(step(t, "runtime").error?.type).toBe("InvalidParameterValueException");
    expect(step(t, "reserved-env").error?.message).toMatch(/Reserved keys used in this request: AWS_REGION$/);
    expect(step(t, "role").error?.message).toBe("The role defined for the function cannot be assumed by Lambda.");
    expect(step(t, "ok").response).toMatchObject({ State: "Pending" });
    expect(step(t, "again").error).toEqual({ type: "ResourceConflictException", message: "Function already exist: a" });
  });
});
