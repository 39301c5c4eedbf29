import { describe, expect, it } from "vitest";
import { formatGiftError, importGift } from "./gift";

describe("importGift: supported question types", () => {
  it("reads single-answer multiple choice with titles, feedback, general feedback and categories", () => {
    const gift = [
      "// A comment line is ignored",
      "$CATEGORY: $course$/DVA-C02/Development with AWS Services/async",
      "",
      "::Async retries::[markdown]How many times does Lambda retry a failed **asynchronous** invocation by default? {",
      "  ~0 times#Retries are on by default.",
      "  =2 times#Two retries, about 1 and 2 minutes apart.",
      "  ~3 times",
      "  ####See the AsyncErr page.",
      "}",
    ].join("\n");
    const r = importGift(gift);
    expect(r.errors).toEqual([]);
    expect(r.questions).toEqual([
      {
        id: "async-retries",
        type: "single",
        domain: "development",
        topics: ["async"],
        difficulty: "medium",
        stem: "How many times does Lambda retry a failed **asynchronous** invocation by default?",
        options: [
          { text: "0 times", correct: false, explanation: "Retries are on by default." },
          { text: "2 times", correct: true, explanation: "Two retries, about 1 and 2 minutes apart." },
          { text: "3 times", correct: false, explanation: "" },
        ],
        explanation: "See the AsyncErr page.",
      },
    ]);
  });

  it("turns positive weights into a multiple-response question (choose = number of right answers)", () => {
    const r = importGift("Which TWO? {~%50%sqs:ReceiveMessage ~%50%sqs:DeleteMessage ~%-100%sqs:SendMessage ~%-100%s3:GetObject}", { defaultDomain: "security" });
    expect(r.errors).toEqual([]);
    expect(r.questions[0]).toMatchObject({ id: "gift-1", type: "multiple", choose: 2, domain: "security" });
    expect(r.questions[0]!.options.map((o) => o.correct)).toEqual([true, true, false, false]);
  });

  it("handles escapes, \\n, missing-word questions and true/false with feedback", () => {
    const r = importGift(
      [
        "The ARN separator is \\: and a literal \\{brace\\} \\= \\~ \\# stays.\\nNew line {=ok ~no}",
        "",
        "Lambda {=retries ~ignores} failed async events twice.",
        "",
        "::TF::Provisioned concurrency removes cold starts for those environments.{TRUE#No — it keeps them initialised.#Right.}",
      ].join("\n"),
      { defaultDomain: "development" },
    );
    expect(r.errors).toEqual([]);
    expect(r.questions[0]!.stem).toBe("The ARN separator is : and a literal {brace} = ~ # stays.\nNew line");
    expect(r.questions[1]!.stem).toBe("Lambda _____ failed async events twice.");
    expect(r.questions[2]).toMatchObject({
      id: "tf",
      type: "single",
      options: [
        { text: "True", correct: true, explanation: "Right." },
        { text: "False", correct: false, explanation: "No — it keeps them initialised." },
      ],
    });
  });

  it("handles Windows line ends and a BOM, and makes ids unique", () => {
    const r = importGift("\uFEFF::Same::Q1 {=a ~b}\r\n\r\n::Same::Q2 {=a ~b}\r\n", { defaultDomain: "deployment" });
    expect(r.questions.map((q) => q.id)).toEqual(["same", "same-2"]);
  });
});

describe("importGift: per-question errors", () => {
  const gift = [
    "$CATEGORY: exam/security", // line 1
    "",
    "::Essay::Explain cold starts. {}", // 3 — q1
    "",
    "::Num::How many MB is the sync payload limit? {#6}", // 5 — q2
    "",
    "::Match::Match them {=Sync -> 200 =Async -> 202 =DryRun -> 204}", // 7 — q3
    "",
    "::Short::Default timeout in seconds? {=3 =three}", // 9 — q4
    "",
    "::Fine::Which role does Lambda assume? {=execution role ~resource policy ~trust policy}", // 11 — q5 (ok)
    "",
    "::Weights::Pick two {", // 13 — q6
    "~%50%a",
    "~%40%b", // 15
    "~c}",
    "",
    "::Unclosed::Broken {=a ~b", // 18 — q7
    "",
    "Just a description with no answers.", // 20 — q8
    "",
    "::TwoEq::Pick {=a =b ~c}", // 22 — q9
  ].join("\n");
  const r = importGift(gift);

  it("imports the good question and reports every other one with question index, line and reason", () => {
    expect(r.questions.map((q) => q.id)).toEqual(["fine"]);
    expect(r.positions).toEqual([{ question: 5, line: 11 }]);
    expect(r.questions[0]!.domain).toBe("security");
    expect(r.errors.map((e) => [e.question, e.line, e.title])).toEqual([
      [1, 3, "Essay"],
      [2, 5, "Num"],
      [3, 7, "Match"],
      [4, 9, "Short"],
      [6, 14, "Weights"],
      [7, 18, "Unclosed"],
      [8, 20, undefined],
      [9, 22, "TwoEq"],
    ]);
  });

  it.each([
    [0, /essay questions/],
    [1, /numerical questions/],
    [2, /matching questions/],
    [3, /short-answer questions/],
    [4, /add up to 90%, expected 100%/],
    [5, /not closed: expected "\}"/],
    [6, /no answer block/],
    [7, /2 answers marked =/],
  ])("error %i says what was expected", (i, message) => {
    expect(r.errors[i]!.message).toMatch(message);
  });

  it("needs a domain from $CATEGORY or a default", () => {
    const none = importGift("Q {=a ~b}");
    expect(none.questions).toEqual([]);
    expect(formatGiftError(none.errors[0]!)).toMatch(/^question 1 \(line 1\): no exam domain: add a "\$CATEGORY: …\/development" line/);
  });
});
