/**
 * The players' calls to /api/quizzes (answers go through AnswerSync). Each answers an
 * ActionResult; a network failure becomes a failure result the page can show.
 */
import type { ActionResult } from "@/lib/actions/result";
import type { MistakeCardResult, ResultView } from "@/lib/quiz/views";

async function call<T>(url: string, body: unknown): Promise<ActionResult<T>> {
  try {
    const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const result = (await response.json().catch(() => null)) as ActionResult<T> | null;
    return result ?? { ok: false, code: "internal", error: `The server answered HTTP ${response.status}.`, fieldErrors: {} };
  } catch {
    return { ok: false, code: "internal", error: "Could not reach the server. Check your connection and try again.", fieldErrors: {} };
  }
}

export const submitAttemptRequest = (attemptId: string) => call<ResultView>(`/api/quizzes/attempts/${encodeURIComponent(attemptId)}/submit`, {});

export const makeCardRequest = (attemptId: string, questionId: string) =>
  call<MistakeCardResult>(`/api/quizzes/attempts/${encodeURIComponent(attemptId)}/mistakes`, { questionId });
