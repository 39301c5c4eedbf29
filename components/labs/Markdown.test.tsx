// @vitest-environment jsdom
import { render } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Markdown } from "./Markdown";

describe("Markdown", () => {
  it("renders GitHub-flavoured Markdown", () => {
    const { container } = render(<Markdown>{"`charge` **fails**\n\n| a | b |\n|---|---|\n| 1 | 2 |"}</Markdown>);
    expect(container.querySelector("code")?.textContent).toBe("charge");
    expect(container.querySelector("strong")?.textContent).toBe("fails");
    expect(container.querySelectorAll("td")).toHaveLength(2);
  });

  it("drops raw HTML and javascript: links from lab text", () => {
    const { container } = render(<Markdown>{'<script>alert(1)</script><img src=x onerror="alert(1)"> [x](javascript:alert(1))'}</Markdown>);
    expect(container.querySelector("script")).toBeNull();
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("a")?.getAttribute("href") ?? "").not.toMatch(/javascript/i);
  });
});
