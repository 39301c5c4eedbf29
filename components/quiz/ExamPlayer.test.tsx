// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AttemptView } from "@/lib/quiz/views";

const refresh = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh, push: vi.fn() }) }));

const { ExamPlayer } = await import("./ExamPlayer");

function attempt(over: Partial<AttemptView> = {}): AttemptView {
  const q = (n: number, type: "single" | "multiple" = "single") => ({
    id: `q${n}`,
    number: n,
    type,
    choose: type === "multiple" ? 2 : null,
    stem: `Question text ${n}`,
    options: ["a", "b", "c", "d"].map((o) => ({ id: `q${n}${o}`, text: `Option ${o.toUpperCase()} of ${n}` })),
  });
  return {
    id: "att1",
    quizId: "quiz1",
    quizTitle: "Practice exam",
    mode: "exam",
    status: "in-progress",
    startedAt: "2026-03-02T10:00:00.000Z",
    deadline: "2026-03-02T12:10:00.000Z",
    serverNow: "2026-03-02T10:00:00.000Z",
    durationMinutes: 130,
    questions: [q(1), q(2, "multiple"), q(3)],
    answers: {},
    feedback: {},
    ...over,
  };
}

let calls: Array<{ url: string; method: string; body: unknown }>;
beforeEach(() => {
  calls = [];
  refresh.mockReset();
  vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
    calls.push({ url, method: init.method ?? "GET", body: init.body ? JSON.parse(String(init.body)) : null });
    return new Response(JSON.stringify({ ok: true, data: {} }), { status: 200 });
  });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const navigator = () => within(screen.getByRole("navigation", { name: "Question navigator" }));

describe("ExamPlayer", () => {
  it("answers, flags and moves by keyboard, saving each answer to its URL, and the navigator shows it", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-03-02T10:00:00.000Z"));
    render(<ExamPlayer attempt={attempt()} />);
    expect(screen.getByRole("heading", { name: "Question 1 of 3" })).toBeTruthy();
    expect(screen.getByRole("timer").textContent).toBe("2:10:00");

    fireEvent.keyDown(window, { key: "2" });
    expect(screen.getByRole("radio", { name: /Option B of 1/ }).getAttribute("aria-checked")).toBe("true");
    fireEvent.keyDown(window, { key: "n" });
    expect(screen.getByRole("heading", { name: "Question 2 of 3" })).toBeTruthy();
    expect(screen.getByText("Choose TWO.")).toBeTruthy();
    fireEvent.keyDown(window, { key: "a" });
    fireEvent.keyDown(window, { key: "C" });
    fireEvent.keyDown(window, { key: "f" });
    await waitFor(() => expect(screen.getByRole("status").textContent).toContain("All answers saved"));

    expect(screen.getAllByRole("checkbox").filter((c) => c.getAttribute("aria-checked") === "true").map((c) => c.textContent)).toEqual([
      expect.stringContaining("Option A of 2"),
      expect.stringContaining("Option C of 2"),
    ]);
    expect(navigator().getByRole("button", { name: "Question 1, answered" })).toBeTruthy();
    expect(navigator().getByRole("button", { name: "Question 2, answered, flagged for review" })).toBeTruthy();
    expect(navigator().getByRole("button", { name: "Question 3, unanswered" })).toBeTruthy();
    expect(screen.getByText(/2/, { selector: "strong" }).parentElement?.textContent).toBe("2 of 3 answered");
    // The last state of each question reached the server.
    const last = (q: string) => calls.filter((c) => c.url.endsWith(`/answers/${q}`)).at(-1)!;
    expect(last("q1")).toMatchObject({ method: "PUT", url: "/api/quizzes/attempts/att1/answers/q1", body: { selected: ["q1b"], flagged: false } });
    expect(last("q2").body).toEqual({ selected: ["q2a", "q2c"], flagged: true });

    fireEvent.keyDown(window, { key: "ArrowLeft" });
    expect(screen.getByRole("heading", { name: "Question 1 of 3" })).toBeTruthy();
    fireEvent.click(navigator().getByRole("button", { name: "Question 3, unanswered" }));
    expect(screen.getByRole("heading", { name: "Question 3 of 3" })).toBeTruthy();
  });

  it("asks before submitting, counting unanswered and flagged questions, then submits and shows the result", async () => {
    render(<ExamPlayer attempt={attempt({ answers: { q1: { selected: ["q1a"], flagged: true, answeredAt: null } } })} />);
    // Resumes at the first unanswered question.
    expect(screen.getByRole("heading", { name: "Question 2 of 3" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Submit exam…" }));
    const dialog = screen.getByRole("dialog", { name: "Submit the exam?" });
    expect(dialog.textContent).toContain("2 questions are unanswered and will count as wrong.");
    expect(dialog.textContent).toContain("1 question is flagged for review.");
    await act(async () => fireEvent.click(within(dialog).getByRole("button", { name: "Submit and see my score" })));
    await waitFor(() => expect(refresh).toHaveBeenCalled());
    expect(calls.at(-1)).toMatchObject({ method: "POST", url: "/api/quizzes/attempts/att1/submit" });
  });

  it("submits by itself when the server's deadline passes, whatever the learner's clock says", async () => {
    // The learner's clock is a day behind; the page says the server's "now" is one second before the deadline.
    vi.useFakeTimers({ toFake: ["Date", "setInterval", "clearInterval", "setTimeout", "clearTimeout"] });
    vi.setSystemTime(new Date("2026-03-01T12:09:59.000Z"));
    render(<ExamPlayer attempt={attempt({ serverNow: "2026-03-02T12:09:59.000Z" })} />);
    expect(screen.getByRole("timer").textContent).toBe("0:01");
    await act(async () => {
      vi.advanceTimersByTime(1500);
    });
    expect(screen.getByRole("timer").textContent).toBe("0:00");
    await act(async () => {
      await vi.runOnlyPendingTimersAsync();
    });
    vi.useRealTimers();
    await waitFor(() => expect(calls.some((c) => c.url === "/api/quizzes/attempts/att1/submit")).toBe(true));
    await waitFor(() => expect(refresh).toHaveBeenCalled());
  });
});
