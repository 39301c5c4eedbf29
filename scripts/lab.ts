/**
 * The Lambda Lab CLI (docs/scenario-format.md "CLI").
 *
 *   npm run --silent lab -- run <scenario-or-lab.yaml> [--seed N]   the trace as JSON on stdout, nothing else
 *   npm run --silent lab -- check <file>                             validate; located errors on stderr
 *   npm run --silent lab -- grade <lab.yaml> <answers.json> [--variant-seed N]   the graded result as JSON
 *
 * Lab files (a top-level `questions:` key) are handled by lib/labs/cli.ts: `run` runs the chosen
 * variant (`--variant-seed N`, default 0) with its params substituted, `check` validates, runs
 * and evaluates every variant's truths.
 *
 * Exit codes: 0 ok, 1 invalid input, 2 internal error. A file with a top-level `scenario:` key
 * (a lab, or an example with `expect`) runs that scenario. New commands (the labs' `grade`) are
 * one more entry in `commands` below.
 */
import { readFileSync } from "node:fs";
import { createQuickJsRuntimeFactory, formatScenarioError, loadYaml, validateScenario, runScenario, type Scenario, type ScenarioError } from "../lib/engine";
import { checkLab, gradeLab, isLabText, runLab } from "../lib/labs/cli";

export class UsageError extends Error {}

export interface CommandContext {
  args: string[];
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** A command returns its exit code (0 ok, 1 invalid input); throwing means an internal error (2). */
export type Command = { usage: string; run: (ctx: CommandContext) => Promise<number> };

export const commands: Record<string, Command> = {
  run: {
    usage: "run <scenario-or-lab.yaml> [--seed N] [--variant-seed N]",
    async run({ args, stdout, stderr }) {
      const { variantSeed, rest } = takeVariantSeed(args);
      const { file, seed } = parseRunArgs(rest);
      if (isLabFile(file)) {
        return runLab(file, { runtime: await createQuickJsRuntimeFactory(), ...(seed !== undefined ? { seed } : {}), ...(variantSeed !== undefined ? { variantSeed } : {}) }, { stdout, stderr });
      }
      const loaded = loadScenarioFile(file);
      if (!loaded.ok) return reportErrors(loaded.errors, stderr);
      const runtime = await createQuickJsRuntimeFactory();
      const trace = runScenario(loaded.scenario, { runtime, ...(seed !== undefined ? { seed } : {}) });
      stdout(JSON.stringify(trace));
      return 0;
    },
  },
  check: {
    usage: "check <file>",
    async run({ args, stdout, stderr }) {
      if (args.length !== 1) throw new UsageError("check takes one file");
      if (isLabFile(args[0])) return checkLab(args[0], { runtime: await createQuickJsRuntimeFactory() }, { stdout, stderr });
      const loaded = loadScenarioFile(args[0]);
      if (!loaded.ok) return reportErrors(loaded.errors, stderr);
      stdout(`${args[0]}: valid scenario, ${loaded.scenario.steps.length} step(s)`);
      return 0;
    },
  },
  grade: {
    usage: "grade <lab.yaml> <answers.json> [--variant-seed N]",
    async run({ args, stdout, stderr }) {
      const { variantSeed, rest } = takeVariantSeed(args);
      if (rest.length !== 2 || rest.some((a) => a.startsWith("--"))) throw new UsageError("grade takes a lab file and an answers JSON file");
      return gradeLab(rest[0], rest[1], { runtime: await createQuickJsRuntimeFactory(), ...(variantSeed !== undefined ? { variantSeed } : {}) }, { stdout, stderr });
    },
  },
};

/** `--variant-seed N` (labs): which variant to use; N is taken modulo the lab's variant count. */
function takeVariantSeed(args: string[]): { variantSeed?: number; rest: string[] } {
  const rest: string[] = [];
  let variantSeed: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const inline = a.startsWith("--variant-seed=") ? a.slice("--variant-seed=".length) : undefined;
    if (a !== "--variant-seed" && inline === undefined) {
      rest.push(a);
      continue;
    }
    const v = inline ?? args[++i];
    if (v === undefined || !/^\d+$/.test(v)) throw new UsageError(`--variant-seed expects a non-negative integer, got ${v ?? "nothing"}`);
    variantSeed = Number(v);
  }
  return variantSeed === undefined ? { rest } : { variantSeed, rest };
}

function isLabFile(file: string): boolean {
  try {
    return isLabText(readFileSync(file, "utf8"));
  } catch {
    return false; // the scenario path reports the unreadable file
  }
}

function parseRunArgs(args: string[]): { file: string; seed?: number } {
  let file: string | undefined;
  let seed: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--seed") {
      const v = args[++i];
      if (v === undefined || !/^-?\d+$/.test(v)) throw new UsageError(`--seed expects an integer, got ${v ?? "nothing"}`);
      seed = Number(v);
    } else if (a.startsWith("--seed=")) {
      const v = a.slice(7);
      if (!/^-?\d+$/.test(v)) throw new UsageError(`--seed expects an integer, got ${v}`);
      seed = Number(v);
    } else if (a.startsWith("--")) throw new UsageError(`unknown option ${a}`);
    else if (file === undefined) file = a;
    else throw new UsageError(`unexpected argument ${a}`);
  }
  if (file === undefined) throw new UsageError("run needs a scenario file");
  return seed === undefined ? { file } : { file, seed };
}

/** Reads a scenario file, or a lab/example file whose `scenario:` key holds one. */
export function loadScenarioFile(file: string): { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] } {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as { code?: string }).code;
    return { ok: false, errors: [{ file, path: "", message: code === "ENOENT" ? "no such file" : `cannot read the file (${code ?? String(e)})` }] };
  }
  const loaded = loadYaml(text, file);
  if (!loaded.ok) return loaded;
  const value = loaded.value;
  const wrapped = typeof value === "object" && value !== null && !Array.isArray(value) && "scenario" in value && !("steps" in value);
  return validateScenario(wrapped ? (value as { scenario: unknown }).scenario : value, {
    file,
    locate: loaded.locate,
    ...(wrapped ? { pathPrefix: ["scenario"] } : {}),
  });
}

function reportErrors(errors: ScenarioError[], stderr: (t: string) => void): number {
  for (const e of errors) stderr(formatScenarioError(e));
  return 1;
}

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: Io = { stdout: (t) => void process.stdout.write(t + "\n"), stderr: (t) => void process.stderr.write(t + "\n") };

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...args] = argv;
  const command = name === undefined ? undefined : commands[name];
  if (!command) {
    io.stderr(`usage: npm run --silent lab -- <command>\n${Object.values(commands).map((c) => `  ${c.usage}`).join("\n")}`);
    return 1;
  }
  try {
    return await command.run({ args, stdout: io.stdout, stderr: io.stderr });
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`${e.message}\nusage: npm run --silent lab -- ${command.usage}`);
      return 1;
    }
    io.stderr(`internal error: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
}

const invokedDirectly = process.argv[1] !== undefined && /scripts[\\/]lab\.ts$/.test(process.argv[1]);
if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
