import { describe, expect, it } from "vitest";
import { RESPONSE_SHAPES, shapeViolations } from "./response-shapes";
import { operationNames } from "./ops";

describe("response shapes", () => {
  it("lists every operation the scenario format accepts", () => {
    expect(operationNames.filter((op) => !(op in RESPONSE_SHAPES))).toEqual([]);
    expect(Object.keys(RESPONSE_SHAPES).filter((op) => !operationNames.includes(op))).toEqual([]);
  });

  it("reports fields a response has and its shape does not list, at any depth", () => {
    expect(shapeViolations(RESPONSE_SHAPES.SendMessage!, { MessageId: "m", MD5OfMessageBody: "x" })).toEqual([]);
    expect(shapeViolations(RESPONSE_SHAPES.SendMessage!, { MessageId: "m", Extra: 1 })).toEqual(["Extra is not listed"]);
    expect(shapeViolations(RESPONSE_SHAPES.ReceiveMessage!, { Messages: [{ MessageId: "m", Oops: true }] })).toEqual(["Messages[].Oops is not listed"]);
    expect(shapeViolations(RESPONSE_SHAPES.ReceiveMessage!, { Messages: { MessageId: "m" } })).toEqual(["Messages is not a list"]);
    expect(shapeViolations(RESPONSE_SHAPES.CreateQueue!, { QueueUrl: { nested: 1 } })).toEqual(["QueueUrl is an object, listed as a scalar"]);
  });

  it("accepts anything below an open value (a payload, an item)", () => {
    expect(shapeViolations(RESPONSE_SHAPES.Invoke!, { StatusCode: 200, Payload: { any: { thing: [1, { at: "all" }] } } })).toEqual([]);
    expect(shapeViolations(RESPONSE_SHAPES.GetItem!, { Item: { id: { S: "a" }, tags: { SS: ["x"] } } })).toEqual([]);
  });
});
