import { describe, expect, it } from "vitest";
import { DynamoDbService } from "./service";
import { newService, seededRandom, simpleTable } from "./test-support";

const err = (r: { ok: boolean; error?: { type: string; message: string } }) => (r.ok ? undefined : [r.error!.type, r.error!.message]);

describe("CreateTable", () => {
  it("answers with AWS's TableDescription, stream ARN from virtual time", () => {
    const db = newService();
    const r = db.createTable(simpleTable("orders", "NEW_AND_OLD_IMAGES"), 2500);
    if (!r.ok) throw new Error(r.error.message);
    const d = r.output.TableDescription;
    expect(d).toMatchObject({
      TableName: "orders",
      TableStatus: "CREATING",
      TableArn: "arn:aws:dynamodb:us-east-1:123456789012:table/orders",
      KeySchema: [{ AttributeName: "id", KeyType: "HASH" }],
      StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_AND_OLD_IMAGES" },
      LatestStreamLabel: "2025-01-15T09:30:02.500",
      LatestStreamArn: "arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2025-01-15T09:30:02.500",
      BillingModeSummary: { BillingMode: "PAY_PER_REQUEST" },
      ItemCount: 0,
    });
    expect(d.TableId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(d.CreationDateTime).toBe(Date.UTC(2025, 0, 15, 9, 30, 2, 500) / 1000);
    const described = db.describeTable({ TableName: "orders" }, 3000);
    expect(described.ok && described.output.Table.TableStatus).toBe("ACTIVE");
  });

  it("has no stream fields without a StreamSpecification", () => {
    const r = newService().createTable(simpleTable("plain"), 0);
    expect(r.ok && "LatestStreamArn" in r.output.TableDescription).toBe(false);
  });

  it.each<[string, Record<string, unknown>, [string, string]]>([
    ["existing table", simpleTable("orders"), ["ResourceInUseException", "Table already exists: orders"]],
    ["short name", { ...simpleTable("ab") }, ["ValidationException", "1 validation error detected: Value 'ab' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3"]],
    [
      "bad characters and missing key schema",
      { TableName: "a b", AttributeDefinitions: [] },
      [
        "ValidationException",
        "2 validation errors detected: Value 'a b' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; Value null at 'keySchema' failed to satisfy constraint: Member must not be null",
      ],
    ],
    [
      "bad key type",
      { TableName: "t1x", KeySchema: [{ AttributeName: "id", KeyType: "PRIMARY" }], AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }] },
      ["ValidationException", "1 validation error detected: Value 'PRIMARY' at 'keySchema.1.member.keyType' failed to satisfy constraint: Member must satisfy enum value set: [HASH, RANGE]"],
    ],
    [
      "bad attribute type",
      { TableName: "t1x", KeySchema: [{ AttributeName: "id", KeyType: "HASH" }], AttributeDefinitions: [{ AttributeName: "id", AttributeType: "STRING" }] },
      ["ValidationException", "1 validation error detected: Value 'STRING' at 'attributeDefinitions.1.member.attributeType' failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]"],
    ],
    [
      "RANGE first",
      {
        TableName: "t1x",
        KeySchema: [{ AttributeName: "a", KeyType: "RANGE" }, { AttributeName: "b", KeyType: "HASH" }],
        AttributeDefinitions: [{ AttributeName: "a", AttributeType: "S" }, { AttributeName: "b", AttributeType: "S" }],
      },
      ["ValidationException", "Invalid KeySchema: The first KeySchemaElement is not a HASH key type"],
    ],
    [
      "two HASH keys",
      {
        TableName: "t1x",
        KeySchema: [{ AttributeName: "a", KeyType: "HASH" }, { AttributeName: "b", KeyType: "HASH" }],
        AttributeDefinitions: [{ AttributeName: "a", AttributeType: "S" }, { AttributeName: "b", AttributeType: "S" }],
      },
      ["ValidationException", "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type"],
    ],
    [
      "undefined key attribute",
      { TableName: "t1x", KeySchema: [{ AttributeName: "id", KeyType: "HASH" }], AttributeDefinitions: [{ AttributeName: "pk", AttributeType: "S" }] },
      ["ValidationException", "One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [id], AttributeDefinitions: [pk]"],
    ],
    [
      "extra attribute definition",
      {
        TableName: "t1x",
        KeySchema: [{ AttributeName: "id", KeyType: "HASH" }],
        AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }, { AttributeName: "other", AttributeType: "S" }],
      },
      ["ValidationException", "One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions"],
    ],
    [
      "view type with a disabled stream",
      { ...simpleTable("t1x"), StreamSpecification: { StreamEnabled: false, StreamViewType: "KEYS_ONLY" } },
      ["ValidationException", "One or more parameter values were invalid: StreamViewType cannot be specified when StreamEnabled is false"],
    ],
    [
      "unknown view type",
      { ...simpleTable("t1x"), StreamSpecification: { StreamEnabled: true, StreamViewType: "EVERYTHING" } },
      [
        "ValidationException",
        "1 validation error detected: Value 'EVERYTHING' at 'streamSpecification.streamViewType' failed to satisfy constraint: Member must satisfy enum value set: [NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES, KEYS_ONLY]",
      ],
    ],
  ])("refuses %s", (_label, input, expected) => {
    const db = newService();
    db.createTable(simpleTable("orders"), 0);
    expect(err(db.createTable(input, 0))).toEqual(expected);
  });
});

describe("PutItem / GetItem / DeleteItem", () => {
  function withTable() {
    const db = newService();
    db.createTable(simpleTable("orders", undefined, { name: "n", type: "N" }), 0);
    return db;
  }

  it("stores, reads back normalised numbers, replaces whole items, deletes", () => {
    const db = withTable();
    expect(db.putItem({ TableName: "orders", Item: { id: { S: "a" }, n: { N: "01.50" }, note: { S: "first" } } }, 1)).toEqual({ ok: true, output: {} });
    expect(db.getItem({ TableName: "orders", Key: { id: { S: "a" }, n: { N: "1.5" } } }, 2)).toEqual({
      ok: true,
      output: { Item: { id: { S: "a" }, n: { N: "1.5" }, note: { S: "first" } } },
    });
    const replaced = db.putItem({ TableName: "orders", Item: { id: { S: "a" }, n: { N: "1.5" }, other: { BOOL: true } }, ReturnValues: "ALL_OLD" }, 3);
    expect(replaced).toEqual({ ok: true, output: { Attributes: { id: { S: "a" }, n: { N: "1.5" }, note: { S: "first" } } } });
    expect(db.getItem({ TableName: "orders", Key: { id: { S: "a" }, n: { N: "1.50" } } }, 4)).toEqual({
      ok: true,
      output: { Item: { id: { S: "a" }, n: { N: "1.5" }, other: { BOOL: true } } },
    });
    expect(db.deleteItem({ TableName: "orders", Key: { id: { S: "a" }, n: { N: "1.5" } }, ReturnValues: "ALL_OLD" }, 5)).toMatchObject({ ok: true, output: { Attributes: { other: { BOOL: true } } } });
    expect(db.getItem({ TableName: "orders", Key: { id: { S: "a" }, n: { N: "1.5" } } }, 6)).toEqual({ ok: true, output: {} });
    expect(db.deleteItem({ TableName: "orders", Key: { id: { S: "a" }, n: { N: "1.5" } } }, 7)).toEqual({ ok: true, output: {} });
  });

  it("projects attributes with ProjectionExpression", () => {
    const db = withTable();
    db.putItem({ TableName: "orders", Item: { id: { S: "p" }, n: { N: "1" }, a: { M: { b: { S: "B" }, c: { S: "C" } } }, l: { L: [{ S: "0" }, { S: "1" }] } } }, 1);
    const r = db.getItem({ TableName: "orders", Key: { id: { S: "p" }, n: { N: "1" } }, ProjectionExpression: "a.b, l[1], #i", ExpressionAttributeNames: { "#i": "id" } }, 2);
    expect(r).toEqual({ ok: true, output: { Item: { a: { M: { b: { S: "B" } } }, l: { L: [{ S: "1" }] }, id: { S: "p" } } } });
  });

  it.each<[string, Record<string, unknown>, [string, string]]>([
    ["missing table", { TableName: "nope", Key: { id: { S: "a" }, n: { N: "1" } } }, ["ResourceNotFoundException", "Requested resource not found"]],
    ["key missing its range part", { TableName: "orders", Key: { id: { S: "a" } } }, ["ValidationException", "The provided key element does not match the schema"]],
    ["key with a wrong type", { TableName: "orders", Key: { id: { S: "a" }, n: { S: "1" } } }, ["ValidationException", "The provided key element does not match the schema"]],
    ["key with an extra attribute", { TableName: "orders", Key: { id: { S: "a" }, n: { N: "1" }, x: { S: "x" } } }, ["ValidationException", "The provided key element does not match the schema"]],
    ["empty string key", { TableName: "orders", Key: { id: { S: "" }, n: { N: "1" } } }, ["ValidationException", "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: id"]],
    ["no Key", { TableName: "orders" }, ["ValidationException", "1 validation error detected: Value null at 'key' failed to satisfy constraint: Member must not be null"]],
    ["a bad number", { TableName: "orders", Key: { id: { S: "a" }, n: { N: "1,5" } } }, ["ValidationException", "The parameter cannot be converted to a numeric value: 1,5"]],
    ["an empty value", { TableName: "orders", Key: { id: {}, n: { N: "1" } } }, ["ValidationException", "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"]],
  ])("GetItem refuses %s", (_label, input, expected) => {
    expect(err(withTable().getItem(input, 1))).toEqual(expected);
  });

  it.each<[string, Record<string, unknown>, [string, string]]>([
    ["missing key attribute", { Item: { id: { S: "a" } } }, ["ValidationException", "One or more parameter values were invalid: Missing the key n in the item"]],
    ["key of the wrong type", { Item: { id: { S: "a" }, n: { S: "1" } } }, ["ValidationException", "One or more parameter values were invalid: Type mismatch for key n expected: N actual: S"]],
    ["ALL_NEW", { Item: { id: { S: "a" }, n: { N: "1" } }, ReturnValues: "ALL_NEW" }, ["ValidationException", "Return values set to invalid value"]],
    ["unknown ReturnValues", { Item: { id: { S: "a" }, n: { N: "1" } }, ReturnValues: "EVERYTHING" }, ["ValidationException", "1 validation error detected: Value 'EVERYTHING' at 'returnValues' failed to satisfy constraint: Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]"]],
    ["a string set with duplicates", { Item: { id: { S: "a" }, n: { N: "1" }, s: { SS: ["x", "x"] } } }, ["ValidationException", "One or more parameter values were invalid: Input collection [x, x] contains duplicates."]],
    ["an empty set", { Item: { id: { S: "a" }, n: { N: "1" }, s: { NS: [] } } }, ["ValidationException", "One or more parameter values were invalid: An number set  may not be empty"]],
    ["two types in one value", { Item: { id: { S: "a" }, n: { N: "1" }, s: { S: "x", N: "1" } } }, ["ValidationException", "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes"]],
    ["NULL false", { Item: { id: { S: "a" }, n: { N: "1" }, s: { NULL: false } } }, ["ValidationException", "One or more parameter values were invalid: Null attribute value types must have the value of true"]],
    ["a plain JSON value", { Item: { id: { S: "a" }, n: { N: "1" }, s: "plain" } }, ["SerializationException", 's: expected an attribute value such as {"S": "text"} or {"N": "1"}, got "plain"']],
    ["an item over 400 KB", { Item: { id: { S: "a" }, n: { N: "1" }, blob: { S: "x".repeat(410_000) } } }, ["ValidationException", "Item size has exceeded the maximum allowed size"]],
  ])("PutItem refuses %s", (_label, input, expected) => {
    expect(err(withTable().putItem({ TableName: "orders", ...input }, 1))).toEqual(expected);
  });

  it("refuses the legacy Expected / AttributeUpdates parameters instead of ignoring them", () => {
    expect(err(withTable().putItem({ TableName: "orders", Item: { id: { S: "a" }, n: { N: "1" } }, Expected: { id: { Exists: false } } }, 1))).toEqual([
      "ValidationException",
      "The engine's DynamoDB does not model the legacy parameter Expected; use ConditionExpression, UpdateExpression or ProjectionExpression",
    ]);
    expect(err(withTable().updateItem({ TableName: "orders", Key: { id: { S: "a" }, n: { N: "1" } }, AttributeUpdates: {} }, 1))?.[1]).toMatch(/legacy parameter AttributeUpdates/);
  });

  it("accepts empty strings outside the key, deep nesting up to 32 levels", () => {
    const db = withTable();
    let nested: Record<string, unknown> = { S: "leaf" };
    for (let i = 0; i < 31; i++) nested = { M: { d: nested } };
    expect(db.putItem({ TableName: "orders", Item: { id: { S: "a" }, n: { N: "1" }, e: { S: "" }, deep: nested } }, 1).ok).toBe(true);
    let tooDeep: Record<string, unknown> = { S: "leaf" };
    for (let i = 0; i < 40; i++) tooDeep = { L: [tooDeep] };
    expect(err(db.putItem({ TableName: "orders", Item: { id: { S: "b" }, n: { N: "1" }, deep: tooDeep } }, 1))).toEqual(["ValidationException", "Nesting Levels have exceeded supported limits"]);
  });
});

describe("conditional writes (the idempotency labs)", () => {
  function ledger() {
    const db = newService();
    db.createTable(simpleTable("requests"), 0);
    db.createTable({ ...simpleTable("balances") }, 0);
    db.putItem({ TableName: "balances", Item: { id: { S: "alice" }, balance: { N: "0" } } }, 0);
    return db;
  }
  const balance = (db: ReturnType<typeof ledger>) => {
    const r = db.getItem({ TableName: "balances", Key: { id: { S: "alice" } } }, 0);
    return r.ok ? r.output.Item?.balance : undefined;
  };

  it("adding $10 twice gives 20, setting the balance to $20 twice gives 20", () => {
    const add = ledger();
    const deposit = { TableName: "balances", Key: { id: { S: "alice" } }, UpdateExpression: "SET balance = balance + :amt", ExpressionAttributeValues: { ":amt": { N: "10" } } };
    add.updateItem(deposit, 1);
    add.updateItem(deposit, 2); // the retry of a timed-out handler
    expect(balance(add)).toEqual({ N: "20" });
    add.updateItem(deposit, 3);
    expect(balance(add)).toEqual({ N: "30" });

    const set = ledger();
    const absolute = { TableName: "balances", Key: { id: { S: "alice" } }, UpdateExpression: "SET balance = :total", ExpressionAttributeValues: { ":total": { N: "20" } } };
    set.updateItem(absolute, 1);
    set.updateItem(absolute, 2);
    set.updateItem(absolute, 3);
    expect(balance(set)).toEqual({ N: "20" });
  });

  it("a conditional put on the request id lets the first delivery through and stops the duplicate", () => {
    const db = ledger();
    const claim = { TableName: "requests", Item: { id: { S: "req-42" } }, ConditionExpression: "attribute_not_exists(id)" };
    expect(db.putItem(claim, 1)).toEqual({ ok: true, output: {} });
    expect(db.putItem(claim, 2)).toEqual({ ok: false, error: { type: "ConditionalCheckFailedException", message: "The conditional request failed" } });
  });

  it("returns the current item on a failed condition when asked (ReturnValuesOnConditionCheckFailure)", () => {
    const db = ledger();
    const r = db.updateItem(
      {
        TableName: "balances",
        Key: { id: { S: "alice" } },
        UpdateExpression: "SET balance = balance - :amt",
        ConditionExpression: "balance >= :amt",
        ExpressionAttributeValues: { ":amt": { N: "5" } },
        ReturnValuesOnConditionCheckFailure: "ALL_OLD",
      },
      1,
    );
    expect(r).toEqual({ ok: false, error: { type: "ConditionalCheckFailedException", message: "The conditional request failed", Item: { id: { S: "alice" }, balance: { N: "0" } } } });
    expect(balance(db)).toEqual({ N: "0" });
  });

  it("an optimistic-locking version check passes once and fails for the stale writer", () => {
    const db = ledger();
    db.updateItem({ TableName: "balances", Key: { id: { S: "alice" } }, UpdateExpression: "SET version = :one", ExpressionAttributeValues: { ":one": { N: "1" } } }, 1);
    const bump = {
      TableName: "balances",
      Key: { id: { S: "alice" } },
      UpdateExpression: "SET version = version + :one, balance = :b",
      ConditionExpression: "version = :seen",
      ExpressionAttributeValues: { ":one": { N: "1" }, ":seen": { N: "1" }, ":b": { N: "7" } },
    };
    expect(db.updateItem(bump, 2).ok).toBe(true);
    expect(err(db.updateItem(bump, 3))).toEqual(["ConditionalCheckFailedException", "The conditional request failed"]);
  });
});

describe("UpdateItem", () => {
  function db1() {
    const db = newService();
    db.createTable(simpleTable("t_items"), 0);
    db.putItem({ TableName: "t_items", Item: { id: { S: "k" }, a: { N: "1" }, b: { M: { c: { S: "x" }, d: { S: "y" } } } } }, 0);
    return db;
  }
  const base = { TableName: "t_items", Key: { id: { S: "k" } } };

  it("creates the item when it does not exist (upsert), even without an UpdateExpression", () => {
    const db = db1();
    expect(db.updateItem({ TableName: "t_items", Key: { id: { S: "new" } }, UpdateExpression: "SET a = :v", ExpressionAttributeValues: { ":v": { S: "v" } }, ReturnValues: "ALL_NEW" }, 1)).toEqual({
      ok: true,
      output: { Attributes: { id: { S: "new" }, a: { S: "v" } } },
    });
    expect(db.updateItem({ TableName: "t_items", Key: { id: { S: "bare" } }, ReturnValues: "ALL_NEW" }, 1)).toEqual({ ok: true, output: { Attributes: { id: { S: "bare" } } } });
  });

  it.each<[string, unknown]>([
    ["NONE", {}],
    ["ALL_OLD", { Attributes: { id: { S: "k" }, a: { N: "1" }, b: { M: { c: { S: "x" }, d: { S: "y" } } } } }],
    ["ALL_NEW", { Attributes: { id: { S: "k" }, a: { N: "2" }, b: { M: { d: { S: "y" } } }, e: { S: "E" } } }],
    ["UPDATED_OLD", { Attributes: { a: { N: "1" }, b: { M: { c: { S: "x" } } } } }],
    ["UPDATED_NEW", { Attributes: { a: { N: "2" }, e: { S: "E" } } }],
  ])("ReturnValues %s", (returnValues, expected) => {
    const r = db1().updateItem(
      { ...base, UpdateExpression: "SET a = a + :one, e = :e REMOVE b.c", ExpressionAttributeValues: { ":one": { N: "1" }, ":e": { S: "E" } }, ReturnValues: returnValues },
      1,
    );
    expect(r).toEqual({ ok: true, output: expected });
  });

  it.each<[string, string, [string, string]]>([
    ["SET id = :v", "key attribute", ["ValidationException", "One or more parameter values were invalid: Cannot update attribute id. This attribute is part of the key"]],
    ["REMOVE id", "key attribute", ["ValidationException", "One or more parameter values were invalid: Cannot update attribute id. This attribute is part of the key"]],
    ["SET id.x = :v", "nested key", ["ValidationException", "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: id"]],
  ])("refuses %s (%s)", (expression, _label, expected) => {
    const values = expression.includes(":v") ? { ExpressionAttributeValues: { ":v": { S: "v" } } } : {};
    expect(err(db1().updateItem({ ...base, UpdateExpression: expression, ...values }, 1))).toEqual(expected);
  });

  it("refuses values without expressions with the UpdateItem wording", () => {
    expect(err(db1().updateItem({ ...base, ExpressionAttributeValues: { ":v": { S: "v" } } }, 1))).toEqual([
      "ValidationException",
      "ExpressionAttributeValues can only be specified when using expressions: UpdateExpression and ConditionExpression are null",
    ]);
  });

  it("leaves the item untouched when the update fails half way", () => {
    const db = db1();
    const r = db.updateItem({ ...base, UpdateExpression: "SET a = :v, z = nothing_here", ExpressionAttributeValues: { ":v": { N: "9" } } }, 1);
    expect(err(r)).toEqual(["ValidationException", "The provided expression refers to an attribute that does not exist in the item"]);
    expect(db.getItem(base, 2)).toMatchObject({ ok: true, output: { Item: { a: { N: "1" } } } });
  });
});

describe("engine memory cap", () => {
  it("refuses writes past maxStoredBytes (items + stream records) and accepts them again once space is freed", () => {
    const db = new DynamoDbService({ region: "us-east-1", accountId: "123456789012", epochMs: 0, random: seededRandom(1), maxStoredBytes: 50_000 });
    db.createTable(simpleTable("cap", "NEW_IMAGE"), 0);
    const put = (i: number, at: number) => db.putItem({ TableName: "cap", Item: { id: { S: `k${i}` }, pad: { S: "x".repeat(9_000) } } }, at);
    expect(put(1, 0).ok && put(2, 0).ok).toBe(true); // 2 items + 2 stream images ≈ 36 KB
    expect(err(put(3, 0))).toEqual(["LimitExceededException", "The engine keeps at most 50000 bytes of DynamoDB data per run; this write would exceed it (an engine limit, not an AWS one)"]);
    expect(db.deleteItem({ TableName: "cap", Key: { id: { S: "k1" } } }, 0).ok).toBe(true); // deletes are always allowed
    expect(put(3, 24 * 3_600_000).ok).toBe(true); // the stream records of k1 and k2 expired
  });
});

describe("dispatch, snapshot and determinism", () => {
  it("routes AWS operation names and refuses unknown ones", () => {
    const db = newService();
    expect(db.call("CreateTable", simpleTable("t_x"), 0).ok).toBe(true);
    expect(db.call("PutItem", { TableName: "t_x", Item: { id: { S: "1" } } }, 0).ok).toBe(true);
    expect(err(db.call("Scan", { TableName: "t_x" }, 0))).toEqual(["UnknownOperationException", "The engine's DynamoDB does not model the operation Scan"]);
  });

  it("lists items in key order (numbers by value, strings by code point)", () => {
    const db = newService();
    db.createTable(simpleTable("sorted", undefined, { name: "n", type: "N" }), 0);
    for (const [id, n] of [["b", "10"], ["a", "9"], ["b", "-1"], ["a", "10"], ["é", "1"], ["Z", "1"]] as const) {
      db.putItem({ TableName: "sorted", Item: { id: { S: id }, n: { N: n } } }, 0);
    }
    expect(db.snapshot(0).sorted!.items.map((i) => `${(i.id as { S: string }).S}${(i.n as { N: string }).N}`)).toEqual(["Z1", "a9", "a10", "b-1", "b10", "é1"]);
  });

  it("gives byte-identical snapshots for the same calls and seed, different table ids for another seed", () => {
    const run = (seed: number) => {
      const db = newService(seed);
      db.createTable(simpleTable("t_det", "NEW_AND_OLD_IMAGES"), 0);
      for (let i = 0; i < 20; i++) {
        db.updateItem({ TableName: "t_det", Key: { id: { S: `k${i % 3}` } }, UpdateExpression: "ADD n :one", ExpressionAttributeValues: { ":one": { N: "0.1" } } }, i * 1000);
      }
      return { snapshot: JSON.stringify(db.snapshot(30_000)), description: JSON.stringify(db.describeTable({ TableName: "t_det" }, 0)) };
    };
    expect(run(7)).toEqual(run(7));
    expect(run(7).description).not.toEqual(run(8).description);
  });
});
