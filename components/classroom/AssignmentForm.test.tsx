// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { assignmentInput } from "@/lib/classroom/inputs";

const push = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ push, refresh: vi.fn() }) }));
const { AssignmentForm } = await import("./AssignmentForm");
const { JoinClassForm } = await import("./JoinClassForm");

afterEach(cleanup);

describe("AssignmentForm", () => {
  it("sends what the server's schema reads — dates in the browser's zone with its offset — and shows errors at their field", async () => {
    const received: Array<Record<string, unknown>> = [];
    const action = vi.fn(async (_prev: unknown, form?: FormData) => {
      received.push(Object.fromEntries(form!.entries()));
      return { ok: false as const, code: "invalid" as const, error: "Please correct the highlighted fields.", fieldErrors: { dueAt: ["The due date must come after the opening date."] } };
    });
    render(<AssignmentForm classId="c1" labs={[{ slug: "cold-vs-warm", title: "Cold vs warm", mine: false }]} quizzes={[]} action={action} />);
    fireEvent.change(screen.getByLabelText("Lab", { exact: true }), { target: { value: "cold-vs-warm" } });
    fireEvent.change(screen.getByLabelText("Late work"), { target: { value: "penalty" } });
    fireEvent.change(screen.getByLabelText("Penalty per day late (%)"), { target: { value: "15" } });
    fireEvent.change(screen.getByLabelText("Opens"), { target: { value: "2027-03-01T09:00" } });
    fireEvent.change(screen.getByLabelText("Due"), { target: { value: "2027-03-08T17:30" } });
    await act(async () => {
      fireEvent.submit(screen.getByRole("form", { name: "New assignment" }));
    });
    const sent = received[0]!;
    expect(sent).toMatchObject({ classId: "c1", kind: "lab", labSlug: "cold-vs-warm", latePolicy: "penalty", latePenaltyPct: "15", opensAt: "2027-03-01T09:00", dueAt: "2027-03-08T17:30", gradingMethod: "highest" });
    expect(String(new Date().getTimezoneOffset())).toBe(sent.tzOffset);
    // The same fields parse on the server, in the sender's zone.
    const parsed = assignmentInput.parse(sent);
    expect(parsed.dueAt.getTime() - parsed.opensAt.getTime()).toBe((7 * 24 + 8.5) * 3_600_000);
    expect(await screen.findByText("The due date must come after the opening date.")).toBeTruthy();
  });

  it("a refused form keeps what was typed: title, instructions, lab, attempts and grading method survive the error", async () => {
    // What serverAction answers for a refused form: the error and the fields as sent.
    const action = vi.fn(async (_prev: unknown, form?: FormData) => ({
      ok: false as const,
      code: "invalid" as const,
      error: "Please correct the highlighted fields.",
      fieldErrors: { attemptsAllowed: ["Allow at least 1 attempt."] },
      values: Object.fromEntries([...form!.entries()].map(([k, v]) => [k, String(v)])),
    }));
    render(<AssignmentForm classId="c1" labs={[{ slug: "cold-vs-warm", title: "Cold vs warm", mine: false }]} quizzes={[]} action={action} />);
    fireEvent.change(screen.getByLabelText("Lab", { exact: true }), { target: { value: "cold-vs-warm" } });
    fireEvent.change(screen.getByLabelText("Title (optional)"), { target: { value: "Week 3 lab" } });
    fireEvent.change(screen.getByLabelText("Instructions (optional, Markdown)"), { target: { value: "Read the summary twice." } });
    fireEvent.change(screen.getByLabelText("Attempts allowed"), { target: { value: "0" } });
    fireEvent.change(screen.getByLabelText("Grade from"), { target: { value: "latest" } });
    fireEvent.change(screen.getByLabelText("Late work"), { target: { value: "refuse" } });
    await act(async () => {
      fireEvent.submit(screen.getByRole("form", { name: "New assignment" }));
    });
    expect(await screen.findByText("Allow at least 1 attempt.")).toBeTruthy();
    // The late policy drives what the form shows (React state) and what it sends (the select):
    // the two must agree after the reset, or the next submit silently sends "accept".
    expect((screen.getByLabelText("Late work") as HTMLSelectElement).value).toBe("refuse");
    expect((screen.getByLabelText("Title (optional)") as HTMLInputElement).value).toBe("Week 3 lab");
    expect((screen.getByLabelText("Instructions (optional, Markdown)") as HTMLTextAreaElement).value).toBe("Read the summary twice.");
    expect((screen.getByLabelText("Lab", { exact: true }) as HTMLSelectElement).value).toBe("cold-vs-warm");
    expect((screen.getByLabelText("Attempts allowed") as HTMLInputElement).value).toBe("0");
    expect((screen.getByLabelText("Grade from") as HTMLSelectElement).value).toBe("latest");
  });

  it("a refused study goal keeps its goal and target, and the kind stays chosen", async () => {
    const action = vi.fn(async (_prev: unknown, form?: FormData) => ({
      ok: false as const,
      code: "invalid" as const,
      error: "Please correct the highlighted fields.",
      fieldErrors: { dueAt: ["The due date must come after the opening date."] },
      values: Object.fromEntries([...form!.entries()].map(([k, v]) => [k, String(v)])),
    }));
    render(<AssignmentForm classId="c1" labs={[]} quizzes={[]} action={action} />);
    fireEvent.click(screen.getByLabelText("A study goal"));
    fireEvent.change(screen.getByLabelText("Goal", { exact: true }), { target: { value: "retention" } });
    fireEvent.change(screen.getByLabelText("Retention to reach (%)"), { target: { value: "90" } });
    await act(async () => {
      fireEvent.submit(screen.getByRole("form", { name: "New assignment" }));
    });
    expect(await screen.findByText("The due date must come after the opening date.")).toBeTruthy();
    expect((screen.getByLabelText("A study goal") as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText("Goal", { exact: true }) as HTMLSelectElement).value).toBe("retention");
    expect((screen.getByLabelText("Retention to reach (%)") as HTMLInputElement).value).toBe("90");
  });

  it("a study goal asks for its target and hides attempts and grading method", () => {
    render(<AssignmentForm classId="c1" labs={[]} quizzes={[]} action={vi.fn()} />);
    fireEvent.click(screen.getByLabelText("A study goal"));
    expect(screen.getByLabelText("Cards to review")).toBeTruthy();
    expect(screen.queryByLabelText("Attempts allowed")).toBeNull();
    fireEvent.change(screen.getByLabelText("Goal"), { target: { value: "retention" } });
    expect(screen.getByLabelText("Retention to reach (%)")).toBeTruthy();
  });
});

describe("JoinClassForm", () => {
  it("shows the server's sentence for a code that was rotated, next to the field", async () => {
    const action = vi.fn(async () => ({ ok: false as const, code: "conflict" as const, error: "This code was replaced by a new one.", fieldErrors: { code: ["This code was replaced by a new one."] } }));
    render(<JoinClassForm action={action} />);
    fireEvent.change(screen.getByLabelText("Class code"), { target: { value: "k7xw-3mfd" } });
    await act(async () => {
      fireEvent.submit(screen.getByRole("form", { name: "Join a class" }));
    });
    expect((await screen.findByRole("alert")).textContent).toBe("This code was replaced by a new one.");
    expect(push).not.toHaveBeenCalledWith(expect.stringMatching(/^\/classes\//));
  });
});
