import { isValidElement, type ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { OptionList } from "./OptionList";

/** Every function found in the props of an element tree (what a server component cannot send). */
function functionProps(node: ReactNode, path = "root"): string[] {
  if (Array.isArray(node)) return node.flatMap((n, i) => functionProps(n, `${path}[${i}]`));
  if (!isValidElement(node)) return [];
  const props = node.props as Record<string, unknown>;
  return Object.entries(props).flatMap(([k, v]) => (typeof v === "function" ? [`${path}.${k}`] : k === "children" ? functionProps(v as ReactNode, `${path}>${String(node.type)}`) : []));
}

const OPTIONS = [
  { id: "a", text: "`Throttles`" },
  { id: "b", text: "`Errors`" },
];

describe("OptionList", () => {
  it("read-only (no onToggle) hands no function to its elements, so a server component can render it", () => {
    const tree = OptionList({ questionId: "q", type: "single", options: OPTIONS, selected: [], label: "Options" });
    expect(functionProps(tree)).toEqual([]);
  });

  it("clickable when given onToggle", () => {
    const tree = OptionList({ questionId: "q", type: "single", options: OPTIONS, selected: [], label: "Options", onToggle: () => {} });
    expect(functionProps(tree)).toHaveLength(2);
  });
});
