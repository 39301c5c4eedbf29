import { describe, expect, it } from "vitest";
import { domainReadiness, levelOf, readiness, recentAnswerCounts, RECENT_ANSWERS } from "./readiness";

const ev = (over: Partial<Parameters<typeof domainReadiness>[0]> = {}) => ({ domain: "security" as const, answers: 0, correct: 0, reviews: 0, passed: 0, ...over });

describe("domainReadiness", () => {
  it("weighs quiz accuracy 70 % and card retention 30 % when both have enough evidence", () => {
    expect(domainReadiness(ev({ answers: 10, correct: 8, reviews: 20, passed: 18 }))).toMatchObject({ quizPercent: 80, cardPercent: 90, percent: 83, level: "ready" });
  });

  it("uses either signal alone, and says when there is not enough of either", () => {
    expect(domainReadiness(ev({ answers: 10, correct: 6, reviews: 3, passed: 3 }))).toMatchObject({ percent: 60, cardPercent: null, level: "almost" });
    expect(domainReadiness(ev({ answers: 10, correct: 6, reviews: 3, passed: 3 })).basis).toMatch(/only 3 card reviews, not yet counted/);
    expect(domainReadiness(ev({ answers: 2, correct: 0, reviews: 40, passed: 20 }))).toMatchObject({ percent: 50, quizPercent: null, level: "needs-work" });
    const none = domainReadiness(ev({ answers: 4, correct: 4, reviews: 9, passed: 9 }));
    expect(none).toMatchObject({ percent: null, level: "not-enough-data" });
    expect(none.basis).toBe("Answer at least 5 questions or review 10 cards from this domain (so far 4 answers, 9 reviews)");
  });

  it("uses the exam's 72 % cut for ready", () => {
    expect([levelOf(72), levelOf(71), levelOf(55), levelOf(54), levelOf(null)]).toEqual(["ready", "almost", "almost", "needs-work", "not-enough-data"]);
  });
});

describe("readiness", () => {
  it("weights domains by the exam's weights over those with data, and reports the coverage", () => {
    const r = readiness([ev({ domain: "development", answers: 10, correct: 10 }), ev({ domain: "troubleshooting", answers: 10, correct: 5 })]);
    expect(r.domains.map((d) => d.domain)).toEqual(["development", "security", "deployment", "troubleshooting"]);
    // (100·32 + 50·18) / 50 = 82
    expect(r.overall).toBe(82);
    expect(r.coverage).toBe(50);
    expect(readiness([]).overall).toBeNull();
  });
});

describe("recentAnswerCounts", () => {
  it("counts the newest answers per domain inside the window, at most RECENT_ANSWERS", () => {
    const now = Date.UTC(2026, 2, 1);
    const rows = [
      ...Array.from({ length: RECENT_ANSWERS + 5 }, (_, i) => ({ domain: "security", correct: i < 5, at: new Date(now - i * 1000) })),
      { domain: "deployment", correct: true, at: new Date(now - 100 * 86_400_000) },
      { domain: "billing", correct: true, at: new Date(now) },
    ];
    const counts = recentAnswerCounts(rows, new Date(now - 60 * 86_400_000));
    expect(counts.get("security")).toEqual({ answers: RECENT_ANSWERS, correct: 5 });
    expect(counts.has("deployment")).toBe(false);
    expect(counts.size).toBe(1);
  });
});
