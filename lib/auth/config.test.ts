import { CallbackRouteError } from "@auth/core/errors";
import { describe, expect, it } from "vitest";
import { describeAuthError } from "./config";

// Auth.js's own (internal) constructor form: callbackRouteError(cause), as its callback route throws it.
const callbackRouteError = (cause: Error) => new (CallbackRouteError as unknown as new (e: Error) => CallbackRouteError)(cause);

describe("describeAuthError", () => {
  it("names the failure Auth.js wrapped, not only its 'Read more' link", () => {
    const idp = new Error("response body error: invalid_grant (grant request is invalid)");
    idp.name = "ResponseBodyError";
    const line = describeAuthError(callbackRouteError(idp));
    expect(line).toBe("ResponseBodyError: response body error: invalid_grant (grant request is invalid) — see https://errors.authjs.dev#callbackrouteerror");
  });

  it("adds the error an OAuth server answered (RFC 6749 section 5.2)", () => {
    const body = Object.assign(new Error("server responded with an error in the response body"), { error: "invalid_grant", error_description: "grant request is invalid" });
    expect(describeAuthError(callbackRouteError(body))).toMatch(/^server responded with an error in the response body \(invalid_grant: grant request is invalid\) — see /);
  });

  it("adds the cause of the cause (e.g. why fetch failed)", () => {
    const fetchFailed = new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED 127.0.0.1:8080") });
    expect(describeAuthError(callbackRouteError(fetchFailed))).toMatch(/^TypeError: fetch failed \(connect ECONNREFUSED 127\.0\.0\.1:8080\) — see /);
  });

  it("keeps a plain error's first line", () => {
    expect(describeAuthError(new Error("boom\n  at somewhere"))).toBe("boom");
  });
});
