import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createQuickJsRuntimeFactory, type RuntimeFactory } from "@/lib/engine";
import { checkLab, gradeLab, isLabText, runLab } from "./cli";
import { RETRY_LAB } from "./testing/fixtures";

let runtime: RuntimeFactory;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "labs-cli-"));
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
};
function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t) } };
}

beforeAll(async () => {
  runtime = await createQuickJsRuntimeFactory();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("lab CLI (lab files)", () => {
  it("tells lab files from scenarios", () => {
    expect(isLabText(RETRY_LAB)).toBe(true);
    expect(isLabText("steps:\n  - CreateQueue: { QueueName: q }\n")).toBe(false);
  });

  it("check: 0 and a summary for a good lab; 1 and located errors for a bad one", async () => {
    const ok = io();
    expect(await checkLab(file("ok.yaml", RETRY_LAB), { runtime }, ok.io)).toBe(0);
    expect(ok.out[0]).toMatch(/valid lab, 6 variant\(s\) run, 2 question\(s\) each/);
    const bad = io();
    const badFile = file("bad.yaml", RETRY_LAB.replace('truth: "steps[?id==\'send\'] | [0].response.StatusCode"', "truth: steps[0].op"));
    expect(await checkLab(badFile, { runtime }, bad.io)).toBe(1);
    expect(bad.err).toEqual([`${badFile}:36:12: questions[1].truth: the truth "CreateFunction" is not one of the options (200, 202, 204)`]);
  });

  it("grade: the graded result as JSON for the chosen variant", async () => {
    const lab = file("lab.yaml", RETRY_LAB);
    const answers = file("answers.json", JSON.stringify({ answers: { attempts: 3, status: 200 } }));
    const r = io();
    expect(await gradeLab(lab, answers, { runtime, variantSeed: 4 }, r.io)).toBe(0);
    const result = JSON.parse(r.out.join("\n"));
    expect(result).toMatchObject({ lab: "retry-demo", labVersion: 0, variant: { index: 4, params: { retries: 2, fn: "orders" } }, score: 1, maxScore: 2 });
    expect(result.questions.map((q: { id: string; truth: unknown; correct: boolean }) => [q.id, q.truth, q.correct])).toEqual([["attempts", 3, true], ["status", 202, false]]);
  });

  it("grade: 1 with the answers file named for bad predictions or bad JSON", async () => {
    const lab = file("lab2.yaml", RETRY_LAB);
    const bad = io();
    const answers = file("bad-answers.json", JSON.stringify({ attempts: "many" }));
    expect(await gradeLab(lab, answers, { runtime }, bad.io)).toBe(1);
    expect(bad.err).toEqual([`${answers}: attempts: expected a number`]);
    const notJson = io();
    expect(await gradeLab(lab, file("x.json", "{"), { runtime }, notJson.io)).toBe(1);
    expect(notJson.err[0]).toMatch(/x\.json: not valid JSON/);
  });

  it("run: the variant's trace; a missing file is a located error", async () => {
    const r = io();
    expect(await runLab(file("run.yaml", RETRY_LAB), { runtime, variantSeed: 2 }, r.io)).toBe(0);
    const trace = JSON.parse(r.out[0]!);
    expect(trace.invocations).toHaveLength(2); // variant 2: retries = 1
    const missing = io();
    expect(await runLab(path.join(dir, "nope.yaml"), { runtime }, missing.io)).toBe(1);
    expect(missing.err[0]).toMatch(/nope\.yaml: no such file/);
  });
});
