import { describe, expect, it } from "vitest";
import { learnerDayConfigProblem, learnerDayLabel, learnerDayNumber, learnerDayStart, todayBounds } from "./learner-day";

describe("learner day", () => {
  const tokyo = { utcOffsetMinutes: 540, rolloverHour: 4 };

  it("starts at the rollover hour of the learner's local clock", () => {
    // 04:00 in Tokyo (UTC+9) on 2026-03-02 is 19:00Z on 2026-03-01.
    const { start, end } = todayBounds(new Date("2026-03-01T19:00:00Z"), tokyo);
    expect(start.toISOString()).toBe("2026-03-01T19:00:00.000Z");
    expect(end.toISOString()).toBe("2026-03-02T19:00:00.000Z");
    expect(learnerDayLabel(learnerDayNumber(new Date("2026-03-01T18:59:59Z"), tokyo))).toBe("2026-03-01");
    expect(learnerDayLabel(learnerDayNumber(new Date("2026-03-01T19:00:00Z"), tokyo))).toBe("2026-03-02");
  });

  it("round-trips day numbers and starts", () => {
    for (const day of [0, 20_000, 20_514]) expect(learnerDayNumber(learnerDayStart(day, tokyo), tokyo)).toBe(day);
  });

  it("names the bad field of a config", () => {
    expect(learnerDayConfigProblem(tokyo)).toBeNull();
    expect(learnerDayConfigProblem({ utcOffsetMinutes: 900, rolloverHour: 4 })).toMatch(/^utcOffsetMinutes: /);
    expect(learnerDayConfigProblem({ utcOffsetMinutes: 0, rolloverHour: 24 })).toMatch(/^rolloverHour: /);
  });
});
