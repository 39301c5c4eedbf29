import { describe, expect, it } from "vitest";
import { fn, runYaml, step } from "../../testing/run-yaml";

const SLOW = "exports.handler = async () => { await new Promise((r) => setTimeout(r, 1000)); return 'ok'; };";

describe("concurrency (§1.4, §5)", () => {
  it("throttles beyond the account quota with ConcurrentInvocationLimitExceeded", () => {
    const t = runYaml(`settings: { accountConcurrency: 3 }
steps:
${fn("a", SLOW)}
${fn("b", SLOW)}
  - { at: 1s, repeat: { times: 2 }, Invoke: { FunctionName: a } }
  - { repeat: { times: 2 }, Invoke: { FunctionName: b } }
`);
    expect(t.steps.filter((s) => s.op === "Invoke").map((s) => s.error?.reason ?? "ok")).toEqual(["ok", "ok", "ok", "ConcurrentInvocationLimitExceeded"]);
    expect(t.throttles).toEqual([{ at: 1000, function: "b", trigger: "sync", reason: "ConcurrentInvocationLimitExceeded", step: "s4.2" }]);
  });

  it("keeps at least 100 unreserved (or the whole quota on small accounts)", () => {
    const t = runYaml(`steps:
${fn("a", SLOW)}
${fn("b", SLOW)}
  - { id: ok, PutFunctionConcurrency: { FunctionName: a, ReservedConcurrentExecutions: 900 } }
  - { id: too-much, PutFunctionConcurrency: { FunctionName: b, ReservedConcurrentExecutions: 1 } }
  - { id: replace, PutFunctionConcurrency: { FunctionName: a, ReservedConcurrentExecutions: 800 } }
  - { id: qualified, PutFunctionConcurrency: { FunctionName: "a:1", ReservedConcurrentExecutions: 1 } }
  - { id: settings, GetAccountSettings: {} }
`);
    expect(step(t, "ok").response).toEqual({ ReservedConcurrentExecutions: 900 });
    expect(step(t, "too-much").error).toEqual({ type: "InvalidParameterValueException", message: "Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [100]." });
    expect(step(t, "replace").response).toEqual({ ReservedConcurrentExecutions: 800 });
    expect(step(t, "qualified").error?.message).toMatch(/^This operation is permitted on Lambda functions only/);
    expect(step(t, "settings").response).toMatchObject({ AccountLimit: { ConcurrentExecutions: 1000, UnreservedConcurrentExecutions: 200 } });
    const small = runYaml(`settings: { accountConcurrency: 10 }
steps:
${fn("a", SLOW)}
  - { id: any, PutFunctionConcurrency: { FunctionName: a, ReservedConcurrentExecutions: 1 } }
`);
    expect(step(small, "any").error?.message).toMatch(/minimum value of \[10\]\.$/);
  });

  it("provisioned concurrency: READY environments take calls without Init; excess spills over to on-demand", () => {
    const t = runYaml(`settings: { coldStartMs: 200 }
steps:
${fn("api", SLOW, "      Publish: true\n")}
  - CreateAlias: { FunctionName: api, Name: live, FunctionVersion: "1" }
  - { id: put, PutProvisionedConcurrencyConfig: { FunctionName: api, Qualifier: live, ProvisionedConcurrentExecutions: 2 } }
  - { id: during, at: 100ms, GetProvisionedConcurrencyConfig: { FunctionName: api, Qualifier: live } }
  - { id: ready, at: 1s, GetProvisionedConcurrencyConfig: { FunctionName: api, Qualifier: live } }
  - { at: 2s, repeat: { times: 3 }, Invoke: { FunctionName: api, Qualifier: live } }
  - { id: latest, Invoke: { FunctionName: api } }
`);
    expect(step(t, "put").response).toMatchObject({ RequestedProvisionedConcurrentExecutions: 2, AllocatedProvisionedConcurrentExecutions: 0, Status: "IN_PROGRESS" });
    expect(step(t, "during").response).toMatchObject({ Status: "IN_PROGRESS", AllocatedProvisionedConcurrentExecutions: 0 });
    expect(step(t, "ready").response).toMatchObject({ Status: "READY", AllocatedProvisionedConcurrentExecutions: 2, AvailableProvisionedConcurrentExecutions: 2 });
    const live = t.invocations.filter((i) => i.invokedArn.endsWith(":live"));
    expect(live.map((i) => [i.coldStart, i.executedVersion])).toEqual([[false, "1"], [false, "1"], [true, "1"]]);
    expect(t.environments.map((e) => [e.id, e.provisioned, e.readyAt])).toEqual([
      ["env-1", true, 200],
      ["env-2", true, 200],
      ["env-3", false, 2200],
      ["env-4", false, 2200],
    ]);
    expect(t.logs.filter((l) => l.line.startsWith("INIT_START"))).toHaveLength(4);
    expect(t.functions.api.provisionedConcurrency).toEqual({ live: { Requested: 2, Allocated: 2, Status: "READY" } });
  });

  it("provisioned concurrency equal to the reservation leaves nothing for other qualifiers", () => {
    const t = runYaml(`steps:
${fn("api", SLOW, "      Publish: true\n")}
  - PutFunctionConcurrency: { FunctionName: api, ReservedConcurrentExecutions: 2 }
  - { id: too-many, PutProvisionedConcurrencyConfig: { FunctionName: api, Qualifier: "1", ProvisionedConcurrentExecutions: 3 } }
  - PutProvisionedConcurrencyConfig: { FunctionName: api, Qualifier: "1", ProvisionedConcurrentExecutions: 2 }
  - { id: lower, PutFunctionConcurrency: { FunctionName: api, ReservedConcurrentExecutions: 1 } }
  - { id: latest, at: 1s, Invoke: { FunctionName: api } }
  - { id: v1, Invoke: { FunctionName: api, Qualifier: "1" } }
  - { id: on-latest, PutProvisionedConcurrencyConfig: { FunctionName: api, Qualifier: $LATEST, ProvisionedConcurrentExecutions: 1 } }
`);
    expect(step(t, "too-many").error?.message).toBe("Requested Provisioned Concurrency should not be greater than the reservedConcurrentExecution for function");
    expect(step(t, "lower").error?.message).toBe(" ReservedConcurrentExecutions  1 should not be lower than function's total provisioned concurrency [2].");
    expect(step(t, "latest").error).toMatchObject({ type: "TooManyRequestsException", reason: "ReservedFunctionConcurrentInvocationLimitExceeded" });
    expect(step(t, "v1").response).toMatchObject({ StatusCode: 200 });
    expect(step(t, "on-latest").error?.message).toBe("Provisioned Concurrency Configs cannot be applied to unpublished function versions.");
  });

  it("marks provisioned concurrency FAILED when Init throws", () => {
    const t = runYaml(`steps:
${fn("bad", "throw new Error('init');\nexports.handler = async () => 1;", "      Publish: true\n")}
  - PutProvisionedConcurrencyConfig: { FunctionName: bad, Qualifier: "1", ProvisionedConcurrentExecutions: 1 }
  - { id: get, at: 1s, GetProvisionedConcurrencyConfig: { FunctionName: bad, Qualifier: "1" } }
`);
    expect(step(t, "get").response).toMatchObject({ Status: "FAILED", StatusReason: "FUNCTION_ERROR_INIT_FAILURE", AllocatedProvisionedConcurrentExecutions: 0 });
  });

  it("limits a function to 1,000 new environments per 10 seconds", () => {
    const t = runYaml(`settings: { accountConcurrency: 3000 }
steps:
${fn("burst", "exports.handler = async () => { await new Promise((r) => setTimeout(r, 20000)); return 1; };", "      Timeout: 60\n")}
  - { at: 1s, repeat: { times: 1001 }, Invoke: { FunctionName: burst } }
  - { id: later, at: 11001ms, Invoke: { FunctionName: burst } }
`);
    expect(t.throttles.map((x) => x.reason)).toEqual(["FunctionInvocationRateLimitExceeded"]);
    expect(step(t, "later").response).toMatchObject({ StatusCode: 200 });
  }, 30_000); // 1,001 environments: seconds on a busy 2-core machine, not a timing assertion
});
