// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { readiness } from "@/lib/quiz/readiness";
import { ReadinessPanel } from "./ReadinessPanel";
import { RecentScores } from "./RecentScores";

afterEach(cleanup);

describe("ReadinessPanel", () => {
  it("shows each domain's level and what it rests on, and explains the rule", () => {
    render(
      <ReadinessPanel
        readiness={readiness([
          { domain: "security", answers: 10, correct: 8, reviews: 20, passed: 18 },
          { domain: "deployment", answers: 2, correct: 1, reviews: 0, passed: 0 },
        ])}
      />,
    );
    const security = screen.getByRole("meter", { name: "Security readiness" });
    expect(security.getAttribute("aria-valuenow")).toBe("83");
    const item = security.closest("li")!;
    expect(within(item).getByText("83% · Ready")).toBeTruthy();
    expect(within(item).getByText(/8 of 10 recent answers right and 90% card retention over 20 reviews/)).toBeTruthy();
    const deployment = screen.getByRole("meter", { name: "Deployment readiness" });
    expect(deployment.getAttribute("aria-valuetext")).toBe("not enough data");
    expect(screen.getByText("Overall")).toBeTruthy();
    expect(screen.getByText(/over 26% of the exam/)).toBeTruthy();
    expect(screen.getByText("How readiness is worked out")).toBeTruthy();
    expect(screen.getByText(/70% quiz accuracy \+ 30% card retention/)).toBeTruthy();
  });
});

describe("RecentScores", () => {
  it("charts scores oldest first against 720 and links the newest to their review", () => {
    const e = (id: string, scaledScore: number, passed: boolean) => ({ id, quizId: "q", quizTitle: "Practice exam", mode: "exam" as const, submittedAt: "2026-03-02T10:00:00Z", autoSubmitted: false, total: 65, correct: 40, scaledScore, passed });
    render(<RecentScores exams={[e("new", 760, true), e("old", 610, false)]} />);
    expect(screen.getByRole("img").getAttribute("aria-label")).toBe("Scaled scores, oldest first: 610, 760; 720 passes");
    expect(screen.getByRole("link", { name: "760" }).getAttribute("href")).toBe("/quizzes/attempts/new");
  });

  it("says what to do when there is no exam yet", () => {
    render(<RecentScores exams={[]} />);
    expect(screen.getByRole("link", { name: "Go to quizzes" })).toBeTruthy();
  });
});
