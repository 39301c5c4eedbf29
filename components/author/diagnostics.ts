/**
 * Located lab errors → editor ranges: line and column (1-based, as the lab loader reports them)
 * to character offsets, underlining from the column to the end of the token on that line. An
 * error without a position (or past the end) marks the first line, so it is never lost.
 */
export interface LocatedError {
  message: string;
  path: string;
  line?: number;
  column?: number;
}

export interface Range {
  from: number;
  to: number;
  message: string;
}

export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  return starts;
}

export function errorRanges(text: string, errors: readonly LocatedError[]): Range[] {
  const starts = lineStarts(text);
  return errors.map((e) => {
    const lineIndex = e.line && e.line >= 1 && e.line <= starts.length ? e.line - 1 : 0;
    const lineFrom = starts[lineIndex]!;
    const lineTo = lineIndex + 1 < starts.length ? starts[lineIndex + 1]! - 1 : text.length;
    const from = Math.min(lineTo, lineFrom + Math.max(0, (e.column ?? 1) - 1));
    // To the end of the word (YAML keys and scalars), else the rest of the line.
    const rest = text.slice(from, lineTo);
    const token = /^[^\s:,\]}]+/.exec(rest);
    const to = token ? from + token[0].length : lineTo;
    const where = e.path ? `${e.path}: ` : "";
    return { from, to: Math.max(to, from === lineTo ? lineTo : from + 1), message: `${where}${e.message}` };
  });
}
