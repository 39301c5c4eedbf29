import { describe, expect, it } from "vitest";
import { isKnownDevice, readCookie, rememberDevice } from "./known-device";

const secret = "a-test-secret-of-enough-length-0123456789";

describe("known devices", () => {
  it("recognises a browser that signed in to the account, and only for that account", () => {
    const cookie = rememberDevice(undefined, secret, "ana@example.com");
    expect(isKnownDevice(cookie, secret, "ana@example.com")).toBe(true);
    expect(isKnownDevice(cookie, secret, "bob@example.com")).toBe(false);
    expect(isKnownDevice(undefined, secret, "ana@example.com")).toBe(false);
  });

  it("cannot be forged without AUTH_SECRET", () => {
    const forged = rememberDevice(undefined, "another secret entirely, also long", "ana@example.com");
    expect(isKnownDevice(forged, secret, "ana@example.com")).toBe(false);
    expect(isKnownDevice("garbage.values", secret, "ana@example.com")).toBe(false);
  });

  it("keeps several accounts, newest first, at most ten", () => {
    let cookie: string | undefined;
    for (let i = 0; i < 12; i++) cookie = rememberDevice(cookie, secret, `u${i}@example.com`);
    expect(cookie!.split(".")).toHaveLength(10);
    expect(isKnownDevice(cookie, secret, "u11@example.com")).toBe(true);
    expect(isKnownDevice(cookie, secret, "u2@example.com")).toBe(true);
    expect(isKnownDevice(cookie, secret, "u1@example.com")).toBe(false);
    // Signing in again moves the tag to the front without duplicating it.
    const again = rememberDevice(cookie, secret, "u5@example.com");
    expect(again.split(".")).toHaveLength(10);
    expect(again.split(".")[0]).toBe(rememberDevice(undefined, secret, "u5@example.com"));
  });

  it("reads one cookie from a Cookie header", () => {
    expect(readCookie("a=1; lambdalab.known-device=x.y; b=2", "lambdalab.known-device")).toBe("x.y");
    expect(readCookie(null, "lambdalab.known-device")).toBeUndefined();
  });
});
