import { AwsError } from "../aws/errors";
import type { MessageAttributeValue } from "../services/sqs/types";
import type { CallContext, OperationTable } from "./context";

/** SQS bodies and SNS messages are text; a JSON value in a scenario is serialised (docs/scenario-format.md). */
export function messageText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function attributes(raw: Record<string, { DataType: string; StringValue?: string; BinaryValue?: string }> | undefined): Record<string, MessageAttributeValue> | undefined {
  if (!raw) return undefined;
  const out: Record<string, MessageAttributeValue> = {};
  for (const [name, v] of Object.entries(raw)) {
    if (!/^(String|Number|Binary)(\..+)?$/.test(v.DataType)) {
      throw new AwsError("InvalidParameterValue", `The type of message (user) attribute '${name}' is invalid. You must use only the following supported type prefixes: Binary, Number, String.`, 400);
    }
    const a: MessageAttributeValue = { DataType: v.DataType };
    if (v.StringValue !== undefined) a.StringValue = String(v.StringValue);
    if (v.BinaryValue !== undefined) a.BinaryValue = v.BinaryValue;
    out[name] = a;
  }
  return out;
}

/** SenderId of a message: the account for scenario calls, the role session for handler calls. */
function senderId(ctx: CallContext): string {
  if (!ctx.caller) return ctx.sim.accountId;
  const role = ctx.sim.iam.byArn(ctx.caller.env.config.role);
  return `${role?.roleId ?? "AROA"}:${ctx.caller.env.fn.name}`;
}

export const sqsApi: OperationTable = {
  CreateQueue(ctx, input) {
    const q = ctx.sim.sqs.create(input.QueueName, input.Attributes ?? {});
    return { QueueUrl: q.url };
  },
  GetQueueUrl(ctx, input) {
    return { QueueUrl: ctx.sim.sqs.lookup({ QueueName: input.QueueName }).url };
  },
  SendMessage(ctx, input) {
    const sqs = ctx.sim.sqs;
    const q = sqs.lookup(input);
    return sqs.send(q, {
      body: messageText(input.MessageBody),
      groupId: input.MessageGroupId,
      deduplicationId: input.MessageDeduplicationId,
      delaySeconds: input.DelaySeconds,
      attributes: attributes(input.MessageAttributes),
      senderId: senderId(ctx),
      originStep: ctx.step,
      lineage: ctx.caller?.lineage,
    });
  },
  SendMessageBatch(ctx, input) {
    const sqs = ctx.sim.sqs;
    const q = sqs.lookup(input);
    if (input.Entries.length === 0) throw new AwsError("EmptyBatchRequest", "There should be at least one SendMessageBatchRequestEntry in the request.", 400);
    if (input.Entries.length > 10) throw new AwsError("TooManyEntriesInBatchRequest", `Maximum number of entries per request are 10. You have sent ${input.Entries.length}.`, 400);
    const ids = new Set<string>();
    for (const e of input.Entries) {
      if (ids.has(e.Id)) throw new AwsError("BatchEntryIdsNotDistinct", `Id ${e.Id} repeated.`, 400);
      ids.add(e.Id);
    }
    const Successful: Record<string, unknown>[] = [];
    const Failed: Record<string, unknown>[] = [];
    for (const e of input.Entries) {
      try {
        const r = sqs.send(q, {
          body: messageText(e.MessageBody),
          groupId: e.MessageGroupId,
          deduplicationId: e.MessageDeduplicationId,
          delaySeconds: e.DelaySeconds,
          attributes: attributes(e.MessageAttributes),
          senderId: senderId(ctx),
          originStep: ctx.step,
          lineage: ctx.caller?.lineage,
        });
        Successful.push({ Id: e.Id, ...r });
      } catch (err) {
        if (!(err instanceof AwsError)) throw err;
        Failed.push({ Id: e.Id, SenderFault: true, Code: err.type, Message: err.message });
      }
    }
    return { Successful, Failed };
  },
  ReceiveMessage(ctx, input) {
    const sim = ctx.sim;
    const q = sim.sqs.lookup(input);
    const max = input.MaxNumberOfMessages ?? 1;
    if (!Number.isInteger(max) || max < 1 || max > 10) {
      throw new AwsError("InvalidParameterValue", `Value ${max} for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.`, 400);
    }
    const messages = sim.sqs.receive(q, max, input.VisibilityTimeout);
    return {
      Messages: messages.map((m) => {
        const out: Record<string, unknown> = { MessageId: m.messageId, ReceiptHandle: m.receiptHandle, MD5OfBody: m.md5OfBody, Body: m.body };
        out.Attributes = {
          ApproximateReceiveCount: String(m.receiveCount),
          SentTimestamp: String(sim.epochMs + m.sentAt),
          ApproximateFirstReceiveTimestamp: String(sim.epochMs + (m.firstReceiveAt ?? m.sentAt)),
          SenderId: m.senderId,
        };
        if (m.attributes) out.MessageAttributes = m.attributes;
        return out;
      }),
    };
  },
  DeleteMessage(ctx, input) {
    const sqs = ctx.sim.sqs;
    sqs.deleteByReceiptHandle(sqs.lookup(input), input.ReceiptHandle);
    return {};
  },
  GetQueueAttributes(ctx, input) {
    const sqs = ctx.sim.sqs;
    return { Attributes: sqs.attributesOf(sqs.lookup(input), input.AttributeNames) };
  },
  SetQueueAttributes(ctx, input) {
    const sqs = ctx.sim.sqs;
    const q = sqs.lookup(input);
    if ("FifoQueue" in input.Attributes) throw new AwsError("InvalidAttributeName", "Unknown Attribute FifoQueue.", 400);
    q.attributes = sqs.parseAttributes(input.Attributes, q.attributes);
    ctx.sim.esm.notifySource(q.arn);
    return {};
  },
};

export const snsApi: OperationTable = {
  CreateTopic(ctx, input) {
    return { TopicArn: ctx.sim.sns.create(input.Name).arn };
  },
  Subscribe(ctx, input) {
    const sub = ctx.sim.sns.subscribe(input.TopicArn, input.Protocol, input.Endpoint, input.Attributes);
    return { SubscriptionArn: sub.arn };
  },
  Publish(ctx, input) {
    const sns = ctx.sim.sns;
    const arn = input.TopicArn ?? input.TargetArn;
    if (!arn) throw new AwsError("InvalidParameter", "Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter", 400);
    const topic = sns.byArn(arn);
    if (!topic) throw new AwsError("NotFound", "Topic does not exist", 404);
    const messageId = sns.publish(topic, { message: messageText(input.Message), subject: input.Subject, attributes: attributes(input.MessageAttributes), originStep: ctx.step, lineage: ctx.caller?.lineage });
    return { MessageId: messageId };
  },
};

export const eventBridgeApi: OperationTable = {
  CreateEventBus(ctx, input) {
    return { EventBusArn: ctx.sim.events.create(input.Name).arn };
  },
  PutEvents(ctx, input) {
    const events = ctx.sim.events;
    if (input.Entries.length === 0 || input.Entries.length > 10) {
      throw new AwsError("ValidationException", `1 validation error detected: Value '[...]' at 'entries' failed to satisfy constraint: Member must have length less than or equal to 10`, 400);
    }
    let failed = 0;
    const entries = input.Entries.map((e) => {
      const bus = events.byNameOrArn(e.EventBusName);
      if (!bus) {
        failed++;
        return { ErrorCode: "ResourceNotFoundException", ErrorMessage: `Event bus ${e.EventBusName} does not exist.` };
      }
      if (!e.Source || !e.DetailType || e.Detail === undefined) {
        failed++;
        return { ErrorCode: "InvalidArgument", ErrorMessage: "Parameters Source, DetailType and Detail are required." };
      }
      let detail = e.Detail;
      if (typeof detail === "string") {
        try {
          detail = JSON.parse(detail);
        } catch {
          failed++;
          return { ErrorCode: "MalformedDetail", ErrorMessage: "Detail is malformed." };
        }
      }
      return { EventId: events.put(bus, e.Source, e.DetailType, detail, e.Resources ?? []).id };
    });
    return { FailedEntryCount: failed, Entries: entries };
  },
};
