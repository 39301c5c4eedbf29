// @vitest-environment jsdom
import { cleanup, render } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { Heatmap } from "./Heatmap";

afterEach(cleanup);

describe("Heatmap", () => {
  it("keeps today's cell inside the picture when the Monday-aligned year spans 54 weeks", () => {
    // 2025-11-17 is a Monday, 374 days before Thursday 2026-11-26: 54 columns.
    const { container } = render(<Heatmap days={[{ day: "2026-11-26", count: 3 }]} start="2025-11-17" today="2026-11-26" />);
    const svg = container.querySelector("svg")!;
    const cell = [...svg.querySelectorAll("rect")].find((r) => r.textContent === "2026-11-26: 3 answers")!;
    expect(cell).toBeDefined();
    expect(Number(cell.getAttribute("x")) + Number(cell.getAttribute("width"))).toBeLessThanOrEqual(Number(svg.getAttribute("width")));
    expect(container.textContent).toContain("3 answers on 1 day in the last year");
  });

  it("says '1 answer', not '1 answers'", () => {
    const { container } = render(<Heatmap days={[{ day: "2026-11-26", count: 1 }]} start="2025-11-17" today="2026-11-26" />);
    expect(container.querySelector("svg")!.getAttribute("aria-label")).toContain("1 answer on 1 day");
  });
});
