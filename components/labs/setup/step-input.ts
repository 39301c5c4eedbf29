/**
 * Reading a validated scenario step's input defensively: the engine has checked the shape, but
 * the setup view only needs a few fields and must never throw on one it does not expect.
 */
import { compactJson, resourceOf, type ResourceRef } from "../format";

export type Input = Record<string, unknown>;

export const str = (v: unknown): string | undefined => (typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : undefined);
export const num = (v: unknown): number | undefined => {
  const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
};
export const obj = (v: unknown): Input | undefined => (v && typeof v === "object" && !Array.isArray(v) ? (v as Input) : undefined);
export const envPairs = (v: unknown): Array<[string, string]> => Object.entries(obj(obj(v)?.Variables) ?? {}).map(([k, val]) => [k, str(val) ?? compactJson(val)]);

/** A function reference as Invoke and friends accept it: name, name:qualifier or an ARN. */
export function functionRef(name: unknown, qualifier?: unknown): ResourceRef {
  const text = str(name) ?? "?";
  const ref = resourceOf(text);
  const q = str(qualifier) ?? ref.qualifier;
  return { kind: "function", name: ref.name, ...(q ? { qualifier: q } : {}), ...(ref.arn ? { arn: ref.arn } : {}) };
}

export function targetOf(arnOrName: unknown, fallback: ResourceRef["kind"]): ResourceRef {
  const text = str(arnOrName) ?? "?";
  const ref = resourceOf(text);
  return ref.kind === "unknown" ? { ...ref, kind: fallback } : ref;
}
