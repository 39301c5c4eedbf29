import type { Lineage } from "../../lambda/invocation/lineage";

export interface MessageAttributeValue {
  DataType: string;
  StringValue?: string;
  BinaryValue?: string;
}

export interface SendInput {
  body: string;
  groupId?: string;
  deduplicationId?: string;
  delaySeconds?: number;
  attributes?: Record<string, MessageAttributeValue>;
  senderId: string;
  originStep: string | null;
  /** The chain a handler's message belongs to (recursive loop detection). */
  lineage?: Lineage;
}

export interface SendResult {
  MessageId: string;
  MD5OfMessageBody: string;
  SequenceNumber?: string;
}
