import { describe, expect, it } from "vitest";
import type { DomainId } from "./domains";
import type { BankQuestion } from "./question";
import {
  autoSubmitDecision, canSaveAnswer, domainTargets, drawExam, DVA_C02, examDeadline, formatRemaining, isAnswerCorrect,
  remainingMs, scaledScore, scalingExplanation, scoreExam,
} from "./exam";

function q(id: string, domain: DomainId, correct: number[] = [0], n = 4): BankQuestion {
  return {
    id, domain, topics: [], difficulty: "medium", stem: id,
    type: correct.length > 1 ? "multiple" : "single", ...(correct.length > 1 ? { choose: correct.length } : {}),
    options: Array.from({ length: n }, (_, i) => ({ text: `o${i}`, correct: correct.includes(i), explanation: "" })),
  };
}
const bankOf = (counts: Record<DomainId, number>) =>
  (Object.entries(counts) as Array<[DomainId, number]>).flatMap(([d, n]) => Array.from({ length: n }, (_, i) => q(`${d}-${i}`, d)));

describe("domainTargets", () => {
  it("splits DVA-C02's 65 questions 21/17/15/12 by the 32/26/24/18 weights", () => {
    expect(Object.fromEntries(domainTargets(DVA_C02))).toEqual({ development: 21, security: 17, deployment: 15, troubleshooting: 12 });
    expect([...domainTargets(DVA_C02, 10).values()].reduce((s, n) => s + n, 0)).toBe(10);
  });
});

describe("drawExam", () => {
  const bank = bankOf({ development: 40, security: 30, deployment: 30, troubleshooting: 20 });

  it("is deterministic per seed and independent of bank order", () => {
    const a = drawExam(bank, DVA_C02, "attempt-1");
    expect(drawExam([...bank].reverse(), DVA_C02, "attempt-1")).toEqual(a);
    expect(drawExam(bank, DVA_C02, "attempt-2").questionIds).not.toEqual(a.questionIds);
    expect(a.questionIds).toHaveLength(65);
    expect(new Set(a.questionIds).size).toBe(65);
    expect(a.perDomain.map((d) => d.drawn)).toEqual([21, 17, 15, 12]);
    expect(a.notes).toEqual([]);
    for (const id of a.questionIds) expect([...a.optionOrder[id]!].sort()).toEqual([0, 1, 2, 3]);
  });

  it("shares a thin domain's shortfall among the others and says so", () => {
    const thin = bankOf({ development: 40, security: 30, deployment: 30, troubleshooting: 5 });
    const d = drawExam(thin, DVA_C02, 7);
    expect(d.questionIds).toHaveLength(65);
    const drawn = Object.fromEntries(d.perDomain.map((x) => [x.domain, x.drawn]));
    expect(drawn.troubleshooting).toBe(5);
    expect(drawn.development! + drawn.security! + drawn.deployment!).toBe(60);
    expect(drawn.development).toBeGreaterThan(21);
    expect(d.notes[0]).toMatch(/Troubleshooting and Optimization: the bank has 5 question\(s\), the blueprint asks for 12/);
  });

  it("gives a shorter exam only when the whole bank is smaller", () => {
    const d = drawExam(bankOf({ development: 10, security: 5, deployment: 0, troubleshooting: 3 }), DVA_C02, 1);
    expect(d.questionIds).toHaveLength(18);
    expect(d.notes.at(-1)).toBe("The bank has only 18 question(s), so this exam has 18 instead of 65.");
  });
});

describe("scoring", () => {
  it("single is exact; multiple response is all-or-nothing", () => {
    const single = q("s", "development", [2]);
    const multi = q("m", "development", [0, 3], 5);
    expect(isAnswerCorrect(single, [2])).toBe(true);
    expect(isAnswerCorrect(single, [1])).toBe(false);
    expect(isAnswerCorrect(single, [2, 1])).toBe(false);
    expect(isAnswerCorrect(multi, [3, 0])).toBe(true);
    expect(isAnswerCorrect(multi, [0])).toBe(false);
    expect(isAnswerCorrect(multi, [0, 3, 4])).toBe(false);
    expect(isAnswerCorrect(multi, undefined)).toBe(false);
  });

  it("maps none → 100, all → 1000, and 47/65 (72.3%) passes while 46/65 (70.8%) does not", () => {
    expect(scaledScore(0, 65)).toBe(100);
    expect(scaledScore(65, 65)).toBe(1000);
    expect(scaledScore(47, 65)).toBe(720 + Math.floor((280 * (4700 - 72 * 65)) / (6500 - 72 * 65)));
    expect(scaledScore(46, 65)).toBe(100 + Math.floor((620 * 4600) / (72 * 65)));
    expect(scaledScore(46, 65)).toBeLessThan(720);
  });

  it("hits 720 exactly at the cut and is monotonic", () => {
    expect(scaledScore(18, 25)).toBe(720); // 72% exactly
    expect(scaledScore(17, 25)).toBe(100 + Math.floor((620 * 17) / 18));
    let prev = 0;
    for (let c = 0; c <= 65; c++) {
      const s = scaledScore(c, 65);
      expect(s).toBeGreaterThanOrEqual(prev);
      expect(s >= 720).toBe(c * 100 >= 72 * 65);
      prev = s;
    }
  });

  it("scores an attempt with a per-domain breakdown", () => {
    const qs = [q("d1", "development"), q("d2", "development"), q("s1", "security", [0, 1], 5), q("t1", "troubleshooting")];
    const r = scoreExam(qs, { d1: [0], d2: [1], s1: [1, 0] });
    expect(r).toMatchObject({ total: 4, correct: 2, answered: 3, passed: false });
    expect(r.perDomain).toEqual([
      { domain: "development", name: "Development with AWS Services", total: 2, correct: 1, percent: 50, rating: "needs-improvement" },
      { domain: "security", name: "Security", total: 1, correct: 1, percent: 100, rating: "meets-competencies" },
      { domain: "deployment", name: "Deployment", total: 0, correct: 0, percent: null, rating: null },
      { domain: "troubleshooting", name: "Troubleshooting and Optimization", total: 1, correct: 0, percent: 0, rating: "needs-improvement" },
    ]);
  });

  it("explains the scaling honestly", () => {
    expect(scalingExplanation()).toMatch(/AWS does not publish/);
    expect(scalingExplanation()).toMatch(/72% of the questions correctly is worth exactly 720/);
  });
});

describe("the clock (fixed clocks)", () => {
  const startedAt = new Date("2026-03-02T10:00:00Z");
  const attempt = { startedAt, durationMinutes: 130 };
  const deadline = new Date("2026-03-02T12:10:00Z");
  const t = (iso: string) => new Date(iso);

  it("computes the deadline and the remaining time", () => {
    expect(examDeadline(startedAt, 130)).toEqual(deadline);
    expect(remainingMs(t("2026-03-02T12:09:00Z"), deadline)).toBe(60_000);
    expect(remainingMs(t("2026-03-02T13:00:00Z"), deadline)).toBe(0);
    expect(formatRemaining(130 * 60_000 - 1)).toBe("2:10:00");
    expect(formatRemaining(245_000)).toBe("4:05");
    expect(formatRemaining(-5)).toBe("0:00");
  });

  it("accepts answers until the deadline plus a 5 s grace, then submits at the deadline", () => {
    expect(canSaveAnswer(attempt, t("2026-03-02T12:10:04Z"))).toBe(true);
    expect(autoSubmitDecision(attempt, t("2026-03-02T12:10:05Z"))).toEqual({ action: "none", remainingMs: 0 });
    expect(canSaveAnswer(attempt, t("2026-03-02T12:10:05.001Z"))).toBe(false);
    expect(autoSubmitDecision(attempt, t("2026-03-02T12:10:05.001Z"))).toEqual({ action: "submit", reason: "time-expired", submittedAt: deadline });
    expect(autoSubmitDecision({ ...attempt, submittedAt: t("2026-03-02T11:00:00Z") }, t("2026-03-02T13:00:00Z"))).toEqual({ action: "already-submitted" });
    expect(canSaveAnswer({ ...attempt, submittedAt: t("2026-03-02T11:00:00Z") }, t("2026-03-02T11:00:01Z"))).toBe(false);
  });
});
