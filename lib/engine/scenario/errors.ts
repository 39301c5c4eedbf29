/** A located problem in a scenario: what the CLI prints and the lab editor underlines. */
export interface ScenarioError {
  message: string;
  /** Field path, e.g. `steps[2].Invoke.FunctionName`. Empty for the document itself. */
  path: string;
  line?: number;
  column?: number;
  /** The step the error is in: its 0-based index in `steps` and its id (explicit or `s<n>`). */
  step?: { index: number; id?: string };
  file?: string;
}

export type PathSegment = string | number;

/** `["steps", 2, "Invoke", "FunctionName"]` → `steps[2].Invoke.FunctionName`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** `file:line:col: steps[2].Invoke.FunctionName (step "first-call"): expected …` */
export function formatScenarioError(e: ScenarioError): string {
  const where: string[] = [];
  if (e.file) where.push(e.file);
  if (e.line !== undefined) where.push(String(e.line), String(e.column ?? 1));
  const prefix = where.length ? `${where.join(":")}: ` : "";
  const stepNote = e.step?.id ? ` (step "${e.step.id}")` : "";
  const path = e.path ? `${e.path}${stepNote}: ` : "";
  return `${prefix}${path}${e.message}`;
}
