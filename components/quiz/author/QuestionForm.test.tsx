// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

const push = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ push, refresh: vi.fn() }) }));
const { QuestionForm, EMPTY_DRAFT } = await import("./QuestionForm");

afterEach(cleanup);

describe("QuestionForm", () => {
  it("sends the options as the form fields the schema reads, shows errors at their field and keeps what was typed", async () => {
    const received: Array<Record<string, unknown>> = [];
    const action = vi.fn(async (_prev: unknown, form?: FormData) => {
      received.push(Object.fromEntries(form!.entries()));
      return {
        ok: false as const,
        code: "invalid" as const,
        error: "Please correct the highlighted fields.",
        fieldErrors: { "options.1.explanation": ["Explain why this option is right or wrong."], options: ["A single-answer question needs exactly one correct option (0 marked)."] },
      };
    });
    render(<QuestionForm initial={EMPTY_DRAFT} action={action} submitLabel="Save question" />);
    fireEvent.change(screen.getByLabelText("Question"), { target: { value: "Which role?" } });
    fireEvent.change(screen.getByLabelText("Option A"), { target: { value: "Execution role" } });
    fireEvent.change(screen.getByLabelText("Why option A is wrong"), { target: { value: "It is right, actually." } });
    fireEvent.click(screen.getAllByLabelText("Right answer")[1]!);
    fireEvent.click(screen.getAllByLabelText("Right answer")[0]!);
    // Single answer: marking A unmarked B.
    expect(screen.getAllByLabelText("Right answer").map((c) => (c as HTMLInputElement).checked)).toEqual([true, false, false, false]);
    fireEvent.click(screen.getByRole("button", { name: "Remove option D" }));
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save question" })));

    expect(received[0]).toMatchObject({ type: "single", stem: "Which role?", "options.0.text": "Execution role", "options.0.correct": "on", "options.0.explanation": "It is right, actually.", domain: "development", difficulty: "medium" });
    expect(received[0]).not.toHaveProperty("options.1.correct");
    expect(received[0]).not.toHaveProperty("options.3.text");
    const why = screen.getByLabelText("Why option B is wrong");
    expect(why.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(why.getAttribute("aria-describedby")!.split(" ").at(-1)!)!.textContent).toBe("Explain why this option is right or wrong.");
    expect(screen.getByText("A single-answer question needs exactly one correct option (0 marked).")).toBeTruthy();
    expect((screen.getByLabelText("Question") as HTMLTextAreaElement).value).toBe("Which role?");
    // The state-driven controls keep what was chosen (React's form reset would have cleared the
    // correct option and put the domain back to the first one) — and the next save sends them.
    fireEvent.change(screen.getByLabelText("Exam domain"), { target: { value: "security" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save question" })));
    expect(screen.getAllByLabelText("Right answer").map((c) => (c as HTMLInputElement).checked)).toEqual([true, false, false]);
    expect((screen.getByLabelText("Exam domain") as HTMLSelectElement).value).toBe("security");
    expect(received[1]).toMatchObject({ "options.0.correct": "on", domain: "security" });
    expect(push).not.toHaveBeenCalled();
  });
});
