import { describe, expect, it } from "vitest";
import { isActive, navFor } from "./nav";

describe("navFor", () => {
  it("shows learners the study areas only", () => {
    expect(navFor("learner").map((i) => i.label)).toEqual(["Dashboard", "Study", "Quizzes", "Labs", "Classes"]);
  });
  it("adds Author for instructors", () => {
    expect(navFor("instructor").map((i) => i.label)).toEqual(["Dashboard", "Study", "Quizzes", "Labs", "Classes", "Author"]);
  });
  it("adds Author and Users for admins", () => {
    expect(navFor("admin").map((i) => i.label)).toEqual(["Dashboard", "Study", "Quizzes", "Labs", "Classes", "Author", "Users"]);
  });
});

describe("isActive", () => {
  it("matches the section and its sub-pages, not look-alikes", () => {
    const labs = { href: "/labs", label: "Labs" };
    expect(isActive(labs, "/labs")).toBe(true);
    expect(isActive(labs, "/labs/sync-vs-async")).toBe(true);
    expect(isActive(labs, "/labsx")).toBe(false);
  });
});
