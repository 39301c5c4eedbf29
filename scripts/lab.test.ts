import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "./lab";

const dir = mkdtempSync(join(tmpdir(), "lab-cli-"));
function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const SCENARIO = `steps:
  - CreateFunction:
      FunctionName: f
      Runtime: nodejs20.x
      Handler: index.handler
      Code: { ZipFile: "exports.handler = async (e) => e.n * 2;" }
  - { at: 1s, Invoke: { FunctionName: f, Payload: { n: 21 } } }
`;

describe("lab CLI", () => {
  it("run prints only the trace JSON, and --seed changes the seed", async () => {
    const r = await cli("run", file("ok.yaml", SCENARIO), "--seed", "5");
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    const trace = JSON.parse(r.out);
    expect(trace.seed).toBe(5);
    expect(trace.steps[1].response.Payload).toBe(42);
  });

  it("runs the scenario of a file with a top-level scenario key (a lab or an example)", async () => {
    const wrapped = `about: x\nexpect: []\nscenario:\n${SCENARIO.split("\n").map((l) => `  ${l}`).join("\n")}`;
    const r = await cli("run", file("wrapped.yaml", wrapped));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).invocations).toHaveLength(1);
  });

  it("check reports located errors on stderr with exit code 1", async () => {
    const bad = file("bad.yaml", "scenario:\n  steps:\n    - Invoke: { FunctionName: f, Qualifer: live }\n");
    const r = await cli("check", bad);
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toBe(`${bad}:3:34: scenario.steps[0].Invoke.Qualifer (step "s1"): unknown key "Qualifer" (did you mean "Qualifier"?); expected one of FunctionName, Qualifier, InvocationType, LogType, ClientContext, Payload`);
    const ok = await cli("check", file("fine.yaml", SCENARIO));
    expect(ok.code).toBe(0);
  });

  it("exits 1 for a missing file, bad arguments or an unknown command", async () => {
    expect((await cli("run", join(dir, "nope.yaml"))).err).toMatch(/nope\.yaml: no such file/);
    expect((await cli("run")).code).toBe(1);
    expect((await cli("run", "a.yaml", "--seed", "x")).err).toMatch(/--seed expects an integer/);
    const unknown = await cli("frobnicate");
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/usage: npm run --silent lab -- <command>/);
  });
});
