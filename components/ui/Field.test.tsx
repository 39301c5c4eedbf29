// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { Field } from "./Field";

afterEach(cleanup);

describe("Field", () => {
  it("labels the input and ties its hint to it", () => {
    render(<Field name="email" label="Email" hint="We never share it." />);
    const input = screen.getByLabelText("Email");
    expect(input.getAttribute("aria-invalid")).toBeNull();
    expect(input.getAttribute("aria-describedby")).toBe(screen.getByText("We never share it.").id);
  });

  it("shows its errors next to the input, announced and linked for screen readers", () => {
    render(<Field name="password" label="Password" type="password" errors={["Use at least 8 characters."]} />);
    const input = screen.getByLabelText("Password");
    const error = screen.getByRole("alert");
    expect(error.textContent).toBe("Use at least 8 characters.");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(input.getAttribute("aria-describedby")).toContain(error.id);
  });
});
