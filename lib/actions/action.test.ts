import { describe, expect, it } from "vitest";
import { formDataToObject } from "./action";

describe("formDataToObject", () => {
  it("keeps single values, turns repeated names into arrays, drops Next.js fields", () => {
    const fd = new FormData();
    fd.append("email", "a@b.co");
    fd.append("tags", "x");
    fd.append("tags", "y");
    fd.append("$ACTION_ID_abc", "");
    expect(formDataToObject(fd)).toEqual({ email: "a@b.co", tags: ["x", "y"] });
  });
});
