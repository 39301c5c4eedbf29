// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { Meter } from "./Meter";

afterEach(cleanup);

describe("Meter", () => {
  it("is a labelled meter with its value, the fill clamped to the track", () => {
    render(<Meter percent={130} label="Security readiness" valueText="130%" mark={72} />);
    const meter = screen.getByRole("meter", { name: "Security readiness" });
    expect(meter.getAttribute("aria-valuenow")).toBe("100");
    expect(meter.getAttribute("aria-valuetext")).toBe("130%");
    expect((meter.firstElementChild as HTMLElement).style.width).toBe("100%");
    expect((meter.lastElementChild as HTMLElement).style.left).toBe("72%");
  });

  it("draws an empty track for nothing measured, and hides itself when the text around it says the value", () => {
    const { container } = render(<Meter percent={null} />);
    expect(screen.queryByRole("meter")).toBeNull();
    expect(container.firstElementChild!.getAttribute("aria-hidden")).toBe("true");
    expect(container.firstElementChild!.children).toHaveLength(0);
  });

  it("reports work under way as a progress bar", () => {
    render(<Meter percent={40} role="progressbar" label="Optimisation progress" />);
    expect(screen.getByRole("progressbar", { name: "Optimisation progress" }).getAttribute("aria-valuenow")).toBe("40");
  });
});
