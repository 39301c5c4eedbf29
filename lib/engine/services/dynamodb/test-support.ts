import { DynamoDbService } from "./service";
import type { StreamRecordAppended } from "../kinesis/shard-log";

/** A seeded generator (Park–Miller) for tests: the service never uses Math.random. */
export function seededRandom(seed: number): () => number {
  let state = seed % 2147483647 || 1;
  return () => {
    state = (state * 16807) % 2147483647;
    return (state - 1) / 2147483646;
  };
}

export const EPOCH_MS = Date.UTC(2025, 0, 15, 9, 30, 0);

export function newService(seed = 1, appended: StreamRecordAppended[] = []): DynamoDbService {
  return new DynamoDbService({
    region: "us-east-1",
    accountId: "123456789012",
    epochMs: EPOCH_MS,
    random: seededRandom(seed),
    onStreamRecord: (e) => appended.push(e),
  });
}

export function simpleTable(name: string, viewType?: string, rangeKey?: { name: string; type: "S" | "N" | "B" }) {
  return {
    TableName: name,
    KeySchema: [{ AttributeName: "id", KeyType: "HASH" }, ...(rangeKey ? [{ AttributeName: rangeKey.name, KeyType: "RANGE" }] : [])],
    AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }, ...(rangeKey ? [{ AttributeName: rangeKey.name, AttributeType: rangeKey.type }] : [])],
    BillingMode: "PAY_PER_REQUEST",
    ...(viewType ? { StreamSpecification: { StreamEnabled: true, StreamViewType: viewType } } : {}),
  };
}
