import { describe, expect, it } from "vitest";
import { safeCallbackPath, signInSchema, signUpSchema } from "./schemas";

describe("signUpSchema", () => {
  it("normalises the email and drops an empty name", () => {
    expect(signUpSchema.parse({ email: "  Ana@Example.COM ", password: "correct horse", name: "" })).toEqual({
      email: "ana@example.com",
      password: "correct horse",
      name: undefined,
    });
  });

  it("names the field for each problem", () => {
    const r = signUpSchema.safeParse({ email: "not-an-email", password: "short" });
    expect(r.success).toBe(false);
    const fields = r.success ? {} : r.error.flatten().fieldErrors;
    expect(fields.email).toEqual(["Enter a valid email address, like ana@example.com."]);
    expect(fields.password).toEqual(["Use at least 8 characters."]);
  });

  it("asks for a missing email instead of calling it invalid", () => {
    const r = signUpSchema.safeParse({ email: "", password: "long enough" });
    expect(r.success ? [] : r.error.flatten().fieldErrors.email).toEqual(["Enter your email address."]);
  });
});

describe("signInSchema", () => {
  it("requires a password", () => {
    const r = signInSchema.safeParse({ email: "a@b.co", password: "" });
    expect(r.success ? [] : r.error.flatten().fieldErrors.password).toEqual(["Enter your password."]);
  });
});

describe("safeCallbackPath", () => {
  it.each([
    ["/labs/3", "/labs/3"],
    ["https://evil.example/", "/dashboard"],
    ["//evil.example", "/dashboard"],
    ["/\\evil.example", "/dashboard"],
    ["/sign-in", "/dashboard"],
    [undefined, "/dashboard"],
  ])("%s → %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });
});
