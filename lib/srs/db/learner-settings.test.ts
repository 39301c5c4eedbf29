import { describe, expect, it } from "vitest";
import { isTimeZone, learnerDayOf, settingsFromRow, settingsInput, utcOffsetMinutes } from "./learner-settings";

describe("learner day from an IANA time zone", () => {
  it("derives the UTC offset at the instant, following daylight saving time", () => {
    expect(utcOffsetMinutes("UTC", new Date("2026-01-15T12:00:00Z"))).toBe(0);
    expect(utcOffsetMinutes("Europe/Paris", new Date("2026-01-15T12:00:00Z"))).toBe(60);
    expect(utcOffsetMinutes("Europe/Paris", new Date("2026-07-15T12:00:00Z"))).toBe(120);
    expect(utcOffsetMinutes("America/New_York", new Date("2026-01-15T12:00:00Z"))).toBe(-300);
    expect(utcOffsetMinutes("Asia/Kolkata", new Date("2026-01-15T12:00:00Z"))).toBe(330);
    expect(learnerDayOf({ timeZone: "Asia/Kathmandu", rolloverHour: 4 }, new Date("2026-01-15T12:00:00Z"))).toEqual({ utcOffsetMinutes: 345, rolloverHour: 4 });
  });

  it("knows real zones from made-up ones", () => {
    expect(isTimeZone("Europe/Paris")).toBe(true);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
  });
});

describe("settings", () => {
  it("uses Anki's and ts-fsrs's defaults when the learner has none", () => {
    const s = settingsFromRow(null);
    expect(s.scheduling).toMatchObject({ desiredRetention: 0.9, learningSteps: ["1m", "10m"], relearningSteps: ["10m"], maximumInterval: 36500, enableFuzz: true });
    expect(s).toMatchObject({ timeZone: "UTC", rolloverHour: 4, optimizedAt: null });
  });

  it("validates the form with a message per field", () => {
    const bad = settingsInput.safeParse({ desiredRetention: "1.2", learningSteps: "1m ten", relearningSteps: "10m", maximumInterval: "0", enableFuzz: "on", timeZone: "Nowhere/City", rolloverHour: "24" });
    expect(bad.success).toBe(false);
    const fields = Object.fromEntries(bad.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(fields).toEqual({
      desiredRetention: "at most 0.99",
      learningSteps: '"ten" is not a step: expected e.g. "1m 10m" (m minutes, h hours, d days)',
      maximumInterval: "at least 1 day",
      timeZone: "unknown time zone: expected an IANA name like Europe/Paris",
      rolloverHour: "0–23",
    });
    const good = settingsInput.parse({ desiredRetention: "0.85", learningSteps: " 1m,  10m 1d ", relearningSteps: "", maximumInterval: "365", timeZone: "Europe/Paris", rolloverHour: "4" });
    expect(good).toEqual({ desiredRetention: 0.85, learningSteps: "1m 10m 1d", relearningSteps: "", maximumInterval: 365, enableFuzz: false, timeZone: "Europe/Paris", rolloverHour: 4 });
    // What is stored reads back as the scheduler's settings.
    expect(settingsFromRow({ ...good, weights: null, optimizedAt: null }).scheduling).toMatchObject({ desiredRetention: 0.85, learningSteps: ["1m", "10m", "1d"], relearningSteps: [], maximumInterval: 365, enableFuzz: false });
  });
});
