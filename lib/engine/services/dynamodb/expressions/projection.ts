import { cloneValue, newItem, type AttributeValue, type Item } from "../attribute-value";
import { isReservedWord } from "../reserved-words";
import type { PathElement } from "./ast";
import { getPath } from "./document-path";
import { TokenStream } from "./token-stream";

/**
 * The part of an item that a set of document paths selects, nested as in the item: how
 * ProjectionExpression and ReturnValues UPDATED_OLD / UPDATED_NEW shape their results
 * (`a.b` selects `{a: {M: {b: …}}}`; list elements keep their order, without gaps).
 */
export function projectPaths(item: Item, paths: readonly PathElement[][]): Item {
  const out = newItem();
  const sparse: AttributeValue[][] = [];
  for (const path of paths) {
    const value = getPath(item, path);
    if (!value) continue;
    let container: { M: Item } | { L: AttributeValue[] } = { M: out };
    path.forEach((element, i) => {
      const last = i === path.length - 1;
      const nextIsIndex = typeof path[i + 1] === "number";
      const fresh = (): AttributeValue => (nextIsIndex ? { L: [] } : { M: newItem() });
      if ("M" in container && typeof element === "string") {
        const existing = container.M[element];
        const slot = last ? cloneValue(value) : existing ?? fresh();
        container.M[element] = slot;
        if (!last) container = slot as { M: Item } | { L: AttributeValue[] };
      } else if ("L" in container && typeof element === "number") {
        const existing = container.L[element];
        const slot = last ? cloneValue(value) : existing ?? fresh();
        if (element > container.L.length && !sparse.includes(container.L)) sparse.push(container.L);
        container.L[element] = slot;
        if (!last) container = slot as { M: Item } | { L: AttributeValue[] };
      }
    });
  }
  for (const list of sparse) list.splice(0, list.length, ...list.filter((v) => v !== undefined));
  return out;
}

/**
 * ProjectionExpression: a comma-separated list of document paths. Returns the resolved paths, or
 * the message to prefix with "Invalid ProjectionExpression: ".
 */
export function parseProjection(
  source: string,
  names: Readonly<Record<string, string>> | undefined,
  usedNames: Set<string>,
): { ok: true; paths: PathElement[][] } | { ok: false; message: string } {
  if (source === "") return { ok: false, message: "The expression can not be empty;" };
  const s = new TokenStream(source, new Set());
  const parsed = [];
  do {
    const path = s.path();
    if (!path) return { ok: false, message: s.syntaxError() };
    parsed.push(path);
  } while (s.op(","));
  if (!s.atEnd()) return { ok: false, message: s.syntaxError() };
  const paths: PathElement[][] = [];
  for (const path of parsed) {
    const elements: PathElement[] = [];
    for (const part of path.parts) {
      if (part.kind === "index") elements.push(part.index);
      else if (part.kind === "name") {
        if (isReservedWord(part.name)) return { ok: false, message: `Attribute name is a reserved keyword; reserved keyword: ${part.name}` };
        elements.push(part.name);
      } else {
        const name = names?.[part.ref];
        if (name === undefined) return { ok: false, message: `An expression attribute name used in the document path is not defined; attribute name: ${part.ref}` };
        usedNames.add(part.ref);
        elements.push(name);
      }
    }
    paths.push(elements);
  }
  return { ok: true, paths };
}
