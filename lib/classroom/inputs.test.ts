import { describe, expect, it } from "vitest";
import { assignmentInput, joinEnabledInput } from "./inputs";

const base = { classId: "c", kind: "lab", labSlug: "x" };

describe("assignment input", () => {
  it("reads a form's local date-times in the sender's zone (getTimezoneOffset minutes)", () => {
    // Paris in March is UTC+1: getTimezoneOffset() = -60.
    const a = assignmentInput.parse({ ...base, opensAt: "2027-03-01T09:00", dueAt: "2027-03-08T17:30", tzOffset: "-60" });
    expect(a.opensAt.toISOString()).toBe("2027-03-01T08:00:00.000Z");
    expect(a.dueAt.toISOString()).toBe("2027-03-08T16:30:00.000Z");
    // New York (UTC−5): +300.
    expect(assignmentInput.parse({ ...base, opensAt: "2027-03-01T09:00", dueAt: "2027-03-02T09:00", tzOffset: "300" }).opensAt.toISOString()).toBe("2027-03-01T14:00:00.000Z");
  });

  it("takes ISO dates from the API as they are", () => {
    const a = assignmentInput.parse({ ...base, opensAt: "2027-03-01T09:00:00+02:00", dueAt: "2027-03-02T00:00:00Z" });
    expect(a.opensAt.toISOString()).toBe("2027-03-01T07:00:00.000Z");
  });

  it("says which field is wrong and why", () => {
    const r = assignmentInput.safeParse({ classId: "c", kind: "study", studyGoal: "retention", goalTarget: "120", opensAt: "2027-03-02T09:00", dueAt: "2027-03-01T09:00", latePolicy: "penalty" });
    expect(r.success).toBe(false);
    const byPath = Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(byPath).toEqual({
      dueAt: "The due date must come after the opening date.",
      goalTarget: "Enter a retention from 50 to 99 %.",
      latePenaltyPct: "Enter the penalty per day late, from 1 to 100 %.",
    });
    expect(assignmentInput.safeParse({ ...base, opensAt: "tomorrow", dueAt: "" }).error!.issues.map((i) => i.message)).toEqual(["Enter the opening date and time.", "Enter the due date and time."]);
    expect(assignmentInput.safeParse({ ...base, kind: "quiz", opensAt: "2027-03-01T09:00", dueAt: "2027-03-02T09:00" }).error!.issues.map((i) => i.path[0])).toEqual(["quizId", "quizMode"]);
  });

  it("reads switches from forms and JSON", () => {
    expect(joinEnabledInput.parse({ classId: "c", enabled: "false" }).enabled).toBe(false);
    expect(joinEnabledInput.parse({ classId: "c", enabled: true }).enabled).toBe(true);
    expect(joinEnabledInput.safeParse({ classId: "c", enabled: "maybe" }).success).toBe(false);
  });
});
