import { z } from "zod";
import { jsonValue, messageAttributes, num, scalarText, str, stringMap } from "./common";

/** Either `QueueUrl` (as AWS) or `QueueName` (a convenience the format allows; the trace keys queues by name). */
const queueRef = { QueueUrl: z.optional(str), QueueName: z.optional(str) };

const messageFields = {
  MessageBody: jsonValue,
  MessageGroupId: z.optional(scalarText),
  MessageDeduplicationId: z.optional(scalarText),
  DelaySeconds: z.optional(num),
  MessageAttributes: z.optional(messageAttributes),
};

export const sqsOperations = {
  CreateQueue: z.strictObject({ QueueName: str, Attributes: z.optional(z.record(z.string(), jsonValue)), tags: z.optional(stringMap) }),
  SendMessage: z.strictObject({ ...queueRef, ...messageFields }),
  SendMessageBatch: z.strictObject({
    ...queueRef,
    Entries: z.array(z.strictObject({ Id: scalarText, ...messageFields })),
  }),
  ReceiveMessage: z.strictObject({
    ...queueRef,
    MaxNumberOfMessages: z.optional(num),
    VisibilityTimeout: z.optional(num),
    WaitTimeSeconds: z.optional(num),
    AttributeNames: z.optional(z.array(str)),
    MessageSystemAttributeNames: z.optional(z.array(str)),
    MessageAttributeNames: z.optional(z.array(str)),
  }),
  DeleteMessage: z.strictObject({ ...queueRef, ReceiptHandle: str }),
  GetQueueAttributes: z.strictObject({ ...queueRef, AttributeNames: z.optional(z.array(str)) }),
  SetQueueAttributes: z.strictObject({ ...queueRef, Attributes: z.record(z.string(), jsonValue) }),
  GetQueueUrl: z.strictObject({ QueueName: str }),
} as const;

export const snsOperations = {
  CreateTopic: z.strictObject({ Name: str, Attributes: z.optional(stringMap) }),
  Subscribe: z.strictObject({
    TopicArn: str,
    Protocol: str,
    Endpoint: z.optional(str),
    Attributes: z.optional(stringMap),
    ReturnSubscriptionArn: z.optional(z.boolean()),
  }),
  Publish: z.strictObject({
    TopicArn: z.optional(str),
    TargetArn: z.optional(str),
    Message: jsonValue,
    Subject: z.optional(str),
    MessageAttributes: z.optional(messageAttributes),
    MessageGroupId: z.optional(scalarText),
    MessageDeduplicationId: z.optional(scalarText),
  }),
} as const;

export const eventBridgeOperations = {
  CreateEventBus: z.strictObject({ Name: str }),
  PutEvents: z.strictObject({
    Entries: z.array(
      z.strictObject({
        Source: z.optional(str),
        DetailType: z.optional(str),
        Detail: z.optional(jsonValue),
        EventBusName: z.optional(str),
        Resources: z.optional(z.array(str)),
        Time: z.optional(str),
      }),
    ),
  }),
} as const;
