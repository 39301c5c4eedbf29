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
}

export interface SendResult {
  MessageId: string;
  MD5OfMessageBody: string;
  SequenceNumber?: string;
}
