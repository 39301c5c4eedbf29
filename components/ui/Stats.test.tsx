// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { Stats } from "./Stats";

afterEach(cleanup);

describe("Stats", () => {
  it("pairs each label with its value in a description list", () => {
    const { container } = render(<Stats items={[{ label: "Correct", value: "3 of 5" }, { label: "Time", value: <strong>4 min</strong> }]} />);
    const terms = [...container.querySelectorAll("dt")].map((d) => [d.textContent, d.nextElementSibling?.textContent]);
    expect(terms).toEqual([
      ["Correct", "3 of 5"],
      ["Time", "4 min"],
    ]);
    expect(screen.getByText("4 min").tagName).toBe("STRONG");
  });
});
