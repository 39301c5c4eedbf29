import type { Variant } from "@/lib/labs/types";

/** `retries=1 · age=3600`: how a variant is named in the instructor's picker and preview. */
export function describeParams(params: Variant["params"]): string {
  const entries = Object.entries(params);
  return entries.length ? entries.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(" · ") : "no params";
}
