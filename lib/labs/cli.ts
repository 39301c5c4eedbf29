/**
 * The lab half of the `lab` CLI (scripts/lab.ts dispatches here when a file is a lab — a YAML
 * document with a top-level `questions` key):
 *
 *   run   <lab.yaml> [--variant-seed N] [--seed N]   the variant's trace as JSON
 *   check <lab.yaml>                                 every variant validated, run and its truths evaluated
 *   grade <lab.yaml> <answers.json> [--variant-seed N]   the graded result as JSON
 *
 * Each returns an exit code: 0 ok, 1 invalid input (located errors on stderr); an engine failure
 * is thrown and becomes exit 2 in scripts/lab.ts.
 */
import { readFileSync } from "node:fs";
import { runScenario, type RuntimeFactory } from "@/lib/engine";
import { checkAnswers } from "./answers";
import { checkLabSource } from "./check";
import { gradeInstance, traceDigest, truthsFor } from "./grading";
import { instantiateLab, parseLabSource } from "./lab-file";
import { formatLabError, type LabError } from "./located";
import { traceAsJson } from "./truth";
import { describeVariant, variantIndexForSeed } from "./variants";

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** True when the text is a lab file rather than a bare scenario (or an example with `expect`). */
export function isLabText(text: string): boolean {
  return /^questions\s*:/m.test(text);
}

function readText(file: string, io: Io): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as { code?: string }).code;
    io.stderr(formatLabError({ file, path: "", message: code === "ENOENT" ? "no such file" : `cannot read the file (${code ?? String(e)})` }));
    return undefined;
  }
}

function report(errors: readonly LabError[], io: Io): 1 {
  for (const e of errors) io.stderr(formatLabError(e));
  return 1;
}

function loadInstance(file: string, variantSeed: number | undefined, io: Io) {
  const text = readText(file, io);
  if (text === undefined) return undefined;
  const source = parseLabSource(text, { file });
  if (!source.ok) return void report(source.errors, io);
  const instance = instantiateLab(source.value, variantIndexForSeed(variantSeed ?? 0, source.value.variantCount));
  if (!instance.ok) return void report(instance.errors, io);
  return instance.value;
}

export async function runLab(file: string, opts: { variantSeed?: number; seed?: number; runtime: RuntimeFactory }, io: Io): Promise<number> {
  const instance = loadInstance(file, opts.variantSeed, io);
  if (!instance) return 1;
  const trace = runScenario(instance.scenario, { runtime: opts.runtime, ...(opts.seed !== undefined ? { seed: opts.seed } : {}) });
  io.stdout(JSON.stringify(trace));
  return 0;
}

export async function checkLab(file: string, opts: { runtime: RuntimeFactory }, io: Io): Promise<number> {
  const text = readText(file, io);
  if (text === undefined) return 1;
  const source = parseLabSource(text, { file });
  if (!source.ok) return report(source.errors, io);
  const result = await checkLabSource(source.value, (scenario) => runScenario(scenario, { runtime: opts.runtime }));
  if (result.internal) throw new Error(result.internal);
  if (!result.ok) return report(result.errors, io);
  const questions = result.variants[0]?.truths.length ?? 0;
  io.stdout(`${file}: valid lab, ${result.variants.length} variant(s) run, ${questions} question(s) each, every truth evaluated`);
  return 0;
}

export async function gradeLab(file: string, answersFile: string, opts: { variantSeed?: number; runtime: RuntimeFactory }, io: Io): Promise<number> {
  const instance = loadInstance(file, opts.variantSeed, io);
  if (!instance) return 1;
  const answersText = readText(answersFile, io);
  if (answersText === undefined) return 1;
  let raw: unknown;
  try {
    raw = JSON.parse(answersText);
  } catch (e) {
    return report([{ file: answersFile, path: "", message: `not valid JSON: ${(e as Error).message}` }], io);
  }
  // Accept both `{ "q1": … }` and the HTTP API's `{ "answers": { "q1": … } }`.
  if (raw && typeof raw === "object" && !Array.isArray(raw) && Object.keys(raw).length === 1 && "answers" in raw) raw = (raw as { answers: unknown }).answers;
  const answers = checkAnswers(instance.questions, raw);
  if (!answers.ok) {
    return report(Object.entries(answers.fieldErrors).flatMap(([id, msgs]) => msgs.map((message) => ({ file: answersFile, path: id === "_form" ? "" : id, message }))), io);
  }
  const data = traceAsJson(runScenario(instance.scenario, { runtime: opts.runtime }));
  const truths = truthsFor(instance, data);
  const broken = truths.filter((t) => !t.result.ok);
  if (broken.length) {
    return report(broken.map((t) => ({ file, path: `questions[${instance.questions.findIndex((q) => q.id === t.id)}].truth`, message: `${t.result.ok ? "" : t.result.message} [${describeVariant(instance.variant)}]` })), io);
  }
  // labVersion 0: graded from a file, not from a stored lab version.
  io.stdout(JSON.stringify(gradeInstance(instance, truths, answers.answers, { labVersion: 0, traceDigest: traceDigest(data) }), null, 2));
  return 0;
}
