import { constraintErrors, describeValue, fail, validationError, type Outcome } from "./errors";
import { asRecord, isRecord, type Raw } from "./item-request";
import { randomUuid, type DynamoDbState } from "./state";
import { STREAM_VIEW_TYPES, TableStream, type StreamViewType } from "./stream";
import { Table, type KeyAttribute, type ScalarAttributeType } from "./table";

export interface CreateTableOutput {
  TableDescription: Record<string, unknown>;
}


/**
 * Request-shape constraints, reported together the way DynamoDB's request validator does
 * ("2 validation errors detected: Value … at 'tableName' failed to satisfy constraint: …").
 * Table names: 3–255 characters of [a-zA-Z0-9_.-] (DynamoDB naming rules).
 */
function constraintViolations(input: Raw): string[] {
  const out: string[] = [];
  const at = (value: unknown, field: string, constraint: string) =>
    out.push(`Value ${describeValue(value)} at '${field}' failed to satisfy constraint: ${constraint}`);
  const name = input.TableName;
  if (name === undefined || name === null) at(null, "tableName", "Member must not be null");
  else if (typeof name !== "string") at(name, "tableName", "Member must be a string");
  else {
    if (!/^[a-zA-Z0-9_.-]+$/.test(name)) at(name, "tableName", "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
    if (name.length < 3) at(name, "tableName", "Member must have length greater than or equal to 3");
    if (name.length > 255) at(name, "tableName", "Member must have length less than or equal to 255");
  }
  const ks = input.KeySchema;
  if (ks === undefined || ks === null) at(null, "keySchema", "Member must not be null");
  else if (!Array.isArray(ks) || ks.length < 1) at(ks, "keySchema", "Member must have length greater than or equal to 1");
  else if (ks.length > 2) at(ks, "keySchema", "Member must have length less than or equal to 2");
  else {
    ks.forEach((el, i) => {
      const e = isRecord(el) ? el : {};
      if (e.KeyType !== "HASH" && e.KeyType !== "RANGE") {
        at(e.KeyType, `keySchema.${i + 1}.member.keyType`, e.KeyType == null ? "Member must not be null" : "Member must satisfy enum value set: [HASH, RANGE]");
      }
      if (typeof e.AttributeName !== "string" || e.AttributeName.length < 1) {
        at(e.AttributeName, `keySchema.${i + 1}.member.attributeName`, e.AttributeName == null ? "Member must not be null" : "Member must have length greater than or equal to 1");
      } else if (e.AttributeName.length > 255) {
        at(e.AttributeName, `keySchema.${i + 1}.member.attributeName`, "Member must have length less than or equal to 255");
      }
    });
  }
  const defs = input.AttributeDefinitions;
  if (defs === undefined || defs === null) at(null, "attributeDefinitions", "Member must not be null");
  else if (!Array.isArray(defs)) at(defs, "attributeDefinitions", "Member must be a list");
  else {
    defs.forEach((d, i) => {
      const e = isRecord(d) ? d : {};
      if (e.AttributeType !== "S" && e.AttributeType !== "N" && e.AttributeType !== "B") {
        at(e.AttributeType, `attributeDefinitions.${i + 1}.member.attributeType`, e.AttributeType == null ? "Member must not be null" : "Member must satisfy enum value set: [B, N, S]");
      }
      if (typeof e.AttributeName !== "string" || e.AttributeName.length < 1) {
        at(e.AttributeName, `attributeDefinitions.${i + 1}.member.attributeName`, "Member must not be null");
      }
    });
  }
  if (input.BillingMode != null && input.BillingMode !== "PROVISIONED" && input.BillingMode !== "PAY_PER_REQUEST") {
    at(input.BillingMode, "billingMode", "Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]");
  }
  const spec = input.StreamSpecification;
  if (isRecord(spec) && spec.StreamViewType != null && !STREAM_VIEW_TYPES.includes(spec.StreamViewType as StreamViewType)) {
    at(spec.StreamViewType, "streamSpecification.streamViewType", `Member must satisfy enum value set: [${STREAM_VIEW_TYPES.join(", ")}]`);
  }
  return out;
}

/**
 * CreateTable. Modelled: key schema (HASH, optional RANGE) with AWS's validation, and
 * StreamSpecification. BillingMode and throughput are echoed but have no effect (the engine does
 * not model capacity); indexes are not modelled. The table is usable at once; the response still
 * says `TableStatus: "CREATING"`, as AWS's CreateTable response does.
 */
export function createTable(state: DynamoDbState, raw: unknown, now: number): Outcome<CreateTableOutput> {
  const input = asRecord(raw);
  const violations = constraintErrors(constraintViolations(input));
  if (violations) return violations;

  const name = input.TableName as string;
  const keySchema = (input.KeySchema as Raw[]).map((e) => ({ AttributeName: e.AttributeName as string, KeyType: e.KeyType as "HASH" | "RANGE" }));
  const definitions = (input.AttributeDefinitions as Raw[]).map((d) => ({ AttributeName: d.AttributeName as string, AttributeType: d.AttributeType as ScalarAttributeType }));

  // Messages as recorded against DynamoDB by dynalite (validations/createTable.js) and moto (responses.py).
  if (keySchema[0]!.KeyType !== "HASH") return validationError("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
  if (keySchema[1] && keySchema[1].KeyType !== "RANGE") return validationError("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
  if (keySchema[1] && keySchema[1].AttributeName === keySchema[0]!.AttributeName) {
    return validationError("Both the Hash Key and the Range Key element in the KeySchema have the same name");
  }
  const defined = new Map(definitions.map((d) => [d.AttributeName, d.AttributeType]));
  const undefinedKeys = keySchema.map((k) => k.AttributeName).filter((n) => !defined.has(n));
  if (undefinedKeys.length > 0) {
    return validationError(
      `One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [${undefinedKeys.join(", ")}], AttributeDefinitions: [${definitions.map((d) => d.AttributeName).join(", ")}]`,
    );
  }
  if (definitions.length !== keySchema.length) {
    return validationError("One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
  }

  const spec = isRecord(input.StreamSpecification) ? input.StreamSpecification : undefined;
  const streamEnabled = spec?.StreamEnabled === true;
  if (spec && spec.StreamEnabled !== true && spec.StreamViewType != null) {
    return validationError("One or more parameter values were invalid: StreamViewType cannot be specified when StreamEnabled is false");
  }
  if (streamEnabled && spec?.StreamViewType == null) {
    // [unverified wording] DynamoDB refuses an enabled stream without a view type.
    return validationError("One or more parameter values were invalid: StreamViewType is required when StreamEnabled is true");
  }

  if (state.tables.has(name)) return fail("ResourceInUseException", `Table already exists: ${name}`);

  const { region, accountId, epochMs, random } = state.options;
  const arn = `arn:aws:dynamodb:${region}:${accountId}:table/${name}`;
  const key: { hash: KeyAttribute; range?: KeyAttribute } = {
    hash: { name: keySchema[0]!.AttributeName, type: defined.get(keySchema[0]!.AttributeName)! },
  };
  if (keySchema[1]) key.range = { name: keySchema[1].AttributeName, type: defined.get(keySchema[1].AttributeName)! };

  const tableId = randomUuid(random);
  const stream = streamEnabled
    ? new TableStream({
        tableArn: arn,
        region,
        viewType: spec!.StreamViewType as StreamViewType,
        createdAtMs: now,
        epochMs,
        random,
        onAppend: state.options.onStreamRecord,
      })
    : undefined;

  const throughput = isRecord(input.ProvisionedThroughput) ? input.ProvisionedThroughput : {};
  const payPerRequest = input.BillingMode === "PAY_PER_REQUEST";
  const description: Record<string, unknown> = {
    AttributeDefinitions: definitions,
    TableName: name,
    KeySchema: keySchema,
    TableStatus: "ACTIVE",
    CreationDateTime: (epochMs + now) / 1000,
    ProvisionedThroughput: {
      NumberOfDecreasesToday: 0,
      ReadCapacityUnits: payPerRequest ? 0 : Number(throughput.ReadCapacityUnits ?? 0),
      WriteCapacityUnits: payPerRequest ? 0 : Number(throughput.WriteCapacityUnits ?? 0),
    },
    TableSizeBytes: 0,
    ItemCount: 0,
    TableArn: arn,
    TableId: tableId,
    ...(payPerRequest ? { BillingModeSummary: { BillingMode: "PAY_PER_REQUEST", LastUpdateToPayPerRequestDateTime: (epochMs + now) / 1000 } } : {}),
    ...(stream
      ? {
          StreamSpecification: { StreamEnabled: true, StreamViewType: stream.viewType },
          LatestStreamLabel: stream.label,
          LatestStreamArn: stream.streamArn,
        }
      : {}),
    DeletionProtectionEnabled: false,
  };
  state.tables.set(name, new Table(name, arn, key, description, stream));
  return { ok: true, output: { TableDescription: { ...structuredClone(description), TableStatus: "CREATING" } } };
}
