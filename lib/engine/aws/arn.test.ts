import { describe, expect, it } from "vitest";
import { isAliasName, parseArn, parseFunctionRef } from "./arn";

describe("function references", () => {
  it.each([
    ["orders", { name: "orders" }],
    ["orders:live", { name: "orders", qualifier: "live" }],
    ["orders:$LATEST", { name: "orders", qualifier: "$LATEST" }],
    ["123456789012:function:orders", { name: "orders", accountId: "123456789012" }],
    ["arn:aws:lambda:eu-west-1:123456789012:function:orders:7", { name: "orders", qualifier: "7", region: "eu-west-1", accountId: "123456789012" }],
  ])("%s", (text, ref) => {
    expect(parseFunctionRef(text)).toEqual(ref);
  });

  it("refuses what is not a function reference", () => {
    expect(parseFunctionRef("arn:aws:sqs:us-east-1:123456789012:q")).toBeUndefined();
    expect(parseFunctionRef("has space")).toBeUndefined();
  });

  it("knows alias names cannot be all digits (§4)", () => {
    expect(isAliasName("live")).toBe(true);
    expect(isAliasName("v-2_b")).toBe(true);
    expect(isAliasName("12")).toBe(false);
  });

  it("splits ARNs", () => {
    expect(parseArn("arn:aws:events:us-east-1:123456789012:event-bus/b")).toEqual({ partition: "aws", service: "events", region: "us-east-1", accountId: "123456789012", resource: "event-bus/b" });
  });
});
