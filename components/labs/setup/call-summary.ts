/**
 * The key parameters of one call, for the "calls, in time order" table: who it goes to and the
 * two or three values a learner needs (the payload of an Invoke, the body of a message, …).
 */
import { compactJson, formatDuration, type ResourceRef } from "../format";
import type { AliasInfo, CallRow } from "./setup-types";
import { functionRef, num, obj, str, targetOf, type Input } from "./step-input";

const READ_OPS = /^(Get|List)/;
export const isRead = (op: string) => READ_OPS.test(op) || op === "ReceiveMessage";

export function weightsOf(input: Input): AliasInfo["weights"] | undefined {
  const weights = obj(obj(input.RoutingConfig)?.AdditionalVersionWeights);
  if (!weights) return undefined;
  return Object.entries(weights).map(([version, w]) => ({ version, weight: num(w) ?? 0 }));
}

export function aliasSummary(input: Input): string {
  const weights = weightsOf(input) ?? [];
  const main = str(input.FunctionVersion) ?? "(unchanged)";
  return weights.length ? `${main} + ${weights.map((w) => `${w.version} at ${Math.round(w.weight * 100)}%`).join(", ")}` : main;
}

export function configSummary(input: Input): string {
  const parts = Object.entries(input)
    .filter(([k]) => k !== "FunctionName" && k !== "Qualifier" && k !== "RevisionId")
    .map(([k, v]) => `${k} ${compactJson(v, 60)}`);
  return parts.join(", ") || "no change";
}

/** The key parameters of one call, for the calls table. */
export function callSummary(op: string, input: Input): Pick<CallRow, "target" | "params"> {
  const params: CallRow["params"] = [];
  const add = (label: string, value: unknown, max = 80) => {
    if (value !== undefined) params.push({ label, value: typeof value === "string" ? value : compactJson(value, max) });
  };
  switch (op) {
    case "Invoke": {
      const type = str(input.InvocationType) ?? "RequestResponse";
      add("type", type === "Event" ? "async (Event)" : type === "DryRun" ? "DryRun" : "sync (RequestResponse)");
      add("payload", input.Payload);
      return { target: functionRef(input.FunctionName, input.Qualifier), params };
    }
    case "SendMessage":
      add("body", input.MessageBody);
      add("delay", num(input.DelaySeconds) ? formatDuration(num(input.DelaySeconds)! * 1000) : undefined);
      add("group", input.MessageGroupId);
      return { target: queueTarget(input), params };
    case "SendMessageBatch": {
      const entries = Array.isArray(input.Entries) ? input.Entries : [];
      add("messages", `${entries.length}: ${entries.map((e) => compactJson(obj(e)?.MessageBody, 20)).join(", ")}`, 120);
      return { target: queueTarget(input), params };
    }
    case "Publish":
      add("message", input.Message);
      add("subject", input.Subject);
      return { target: targetOf(input.TopicArn ?? input.TargetArn, "topic"), params };
    case "PutRecord":
      add("data", input.Data);
      add("partition key", input.PartitionKey);
      return { target: streamTarget(input), params };
    case "PutRecords": {
      const records = Array.isArray(input.Records) ? input.Records : [];
      add("records", `${records.length}: ${records.map((r) => compactJson(obj(r)?.Data, 16)).join(", ")}`, 120);
      return { target: streamTarget(input), params };
    }
    case "PutItem":
    case "UpdateItem":
    case "DeleteItem":
    case "GetItem":
      add(op === "PutItem" ? "item" : "key", op === "PutItem" ? input.Item : input.Key);
      add("update", input.UpdateExpression);
      add("condition", input.ConditionExpression);
      return { target: { kind: "table", name: str(input.TableName) ?? "?" }, params };
    default: {
      for (const [k, v] of Object.entries(input)) {
        if (k === "FunctionName" || k === "ZipFile" || k === "Code") continue;
        add(k, v, 60);
      }
      if (input.ZipFile !== undefined) add("code", "new handler code");
      const target = input.FunctionName !== undefined ? functionRef(input.FunctionName, op.includes("Alias") ? undefined : input.Qualifier) : undefined;
      return { ...(target ? { target } : {}), params };
    }
  }
}

function queueTarget(input: Input): ResourceRef {
  const url = str(input.QueueUrl);
  return { kind: "queue", name: str(input.QueueName) ?? url?.split("/").pop() ?? "?" };
}

function streamTarget(input: Input): ResourceRef {
  return str(input.StreamARN) ? targetOf(input.StreamARN, "stream") : { kind: "stream", name: str(input.StreamName) ?? "?" };
}
