import { describe, expect, it } from "vitest";
import { formatLabError } from "./located";
import { instantiateLab, parseLabSource } from "./lab-file";
import { RETRY_LAB } from "./testing/fixtures";

function errorsOf(text: string, variant = 0) {
  const src = parseLabSource(text, { file: "lab.yaml" });
  if (!src.ok) return src.errors;
  const inst = instantiateLab(src.value, variant);
  return inst.ok ? [] : inst.errors;
}

describe("lab files", () => {
  it("reads a lab, substitutes a variant's params with their types and validates the scenario", () => {
    const src = parseLabSource(RETRY_LAB);
    if (!src.ok) throw new Error(src.errors.map(formatLabError).join("\n"));
    expect(src.value.variantCount).toBe(6);
    const inst = instantiateLab(src.value, 3); // retries=1, fn=payments (the last param changes fastest)
    if (!inst.ok) throw new Error(inst.errors.map(formatLabError).join("\n"));
    const lab = inst.value;
    expect(lab.title).toBe("Retries: 1");
    expect(lab.variant.params).toEqual({ retries: 1, fn: "payments" });
    const eic = lab.scenario.steps[1]!;
    expect(eic.op).toBe("PutFunctionEventInvokeConfig");
    expect(eic.input.MaximumRetryAttempts).toBe(1); // a number, not "1"
    expect(lab.questions[0]).toMatchObject({ id: "attempts", type: "number", tolerance: 0, points: 1, hints: [], prompt: "How many times does payments run?" });
    expect(lab.questions[1]).toMatchObject({ type: "choice", options: [{ value: 200, label: "200" }, { value: 202, label: "202" }, { value: 204, label: "204" }] });
  });

  it("locates an unknown key at its line and column, with a suggestion", () => {
    const errors = errorsOf(RETRY_LAB.replace("difficulty: beginner", "dificulty: beginner"));
    const e = errors.find((x) => x.path === "dificulty");
    expect(e).toMatchObject({ file: "lab.yaml", line: 6, column: 1 });
    expect(e?.message).toMatch(/unknown key "dificulty" \(did you mean "difficulty"\?\)/);
  });

  it("locates a bad question type, a missing explanation and a broken JMESPath expression", () => {
    const text = RETRY_LAB.replace("type: number", "type: numeric").replace("    explanation: Event invocations answer 202.\n", "").replace("truth: length(invocations)", "truth: length(invocations");
    const errors = errorsOf(text);
    expect(errors.map((e) => `${e.line}:${e.path}`)).toEqual(expect.arrayContaining(["29:questions[0].type", "32:questions[1].explanation"]));
    expect(errors.find((e) => e.path === "questions[0].type")?.message).toMatch(/one of "number", "boolean"/);
    const text2 = RETRY_LAB.replace("truth: length(invocations)", "truth: length(invocations");
    const e2 = errorsOf(text2).find((e) => e.path === "questions[0].truth");
    expect(e2).toMatchObject({ line: 30, column: 12 });
    expect(e2?.message).toMatch(/not a valid JMESPath expression/);
  });

  it("reports scenario errors through the engine's validator, at their line, naming the variant", () => {
    const text = RETRY_LAB.replace("Runtime: nodejs20.x", "Runtime: nodejs20.x\n        Timout: 3");
    const errors = errorsOf(text, 1);
    const e = errors.find((x) => x.path.includes("Timout"));
    expect(e).toMatchObject({ line: 16, path: "scenario.steps[0].CreateFunction.Timout" });
    expect(e?.message).toMatch(/variant 2 of 6 \(retries=0, fn="payments"\)/);
  });

  it("refuses an undeclared placeholder and an unused param", () => {
    const errors = errorsOf(RETRY_LAB.replace('FunctionName: "{{fn}}"\n        Runtime', 'FunctionName: "{{fnc}}"\n        Runtime'));
    expect(errors.find((e) => e.path === "scenario.steps[0].CreateFunction.FunctionName")?.message).toMatch(/"\{\{fnc\}\}" names no param; this lab declares retries, fn/);
    const unused = errorsOf(RETRY_LAB.replace("params:\n", "params:\n  spare: { choices: [1, 2] }\n"));
    expect(unused[0]).toMatchObject({ path: "params.spare", line: 9 });
    expect(unused[0]?.message).toMatch(/never used/);
  });

  it("turns YAML syntax errors and alias bombs into located errors, never exceptions", () => {
    expect(errorsOf("id: [unclosed\n")[0]).toMatchObject({ file: "lab.yaml", line: expect.any(Number) });
    let bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n";
    for (let i = 0; i < 8; i++) bomb += `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]\n`;
    const errors = errorsOf(bomb);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/alias/);
    expect(errorsOf("- just\n- a list\n")[0]?.message).toMatch(/expected a lab/);
  });

  it("refuses options that repeat and choices that are not scalars", () => {
    const errors = errorsOf(RETRY_LAB.replace("options: [200, 202, 204]", "options: [200, 202, 202]"));
    expect(errors.find((e) => e.path === "questions[1].options[2]")?.message).toMatch(/listed twice/);
  });
});
