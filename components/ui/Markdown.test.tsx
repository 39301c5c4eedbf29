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

  it("drops raw HTML and javascript: links from authored text", () => {
    const { container } = render(<Markdown>{'<script>alert(1)</script><img src=x onerror="alert(1)"> [x](javascript:alert(1))'}</Markdown>);
    expect(container.querySelector("script")).toBeNull();
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("a")?.getAttribute("href") ?? "").not.toMatch(/javascript/i);
  });

  it("colours fenced JavaScript like a lab's handler code, and keeps the text intact", () => {
    const source = "exports.handler = async () => 'ok'; // done";
    const { container } = render(<Markdown>{"```js\n" + source + "\n```"}</Markdown>);
    const code = container.querySelector("pre code")!;
    expect(code.textContent).toBe(source);
    const coloured = [...code.querySelectorAll("span")].map((s) => [s.className, s.textContent]);
    expect(coloured).toContainEqual([expect.stringMatching(/keyword/), "async"]);
    expect(coloured).toContainEqual([expect.stringMatching(/string/), "'ok'"]);
    expect(coloured).toContainEqual([expect.stringMatching(/comment/), "// done"]);
  });

  it("leaves fences in other languages, and inline code, as plain text", () => {
    const { container } = render(<Markdown>{"`const x = 1`\n\n```yaml\nconst: 'a'\n```"}</Markdown>);
    expect(container.querySelectorAll("code span")).toHaveLength(0);
    expect(container.querySelector("pre code")?.textContent).toBe("const: 'a'\n");
  });

  it("marks a short text inline and a flashcard side as a card", () => {
    const { container: inline } = render(<Markdown inline>{"A"}</Markdown>);
    const { container: card } = render(<Markdown size="card">{"B"}</Markdown>);
    expect(inline.firstElementChild!.className).toMatch(/inline/);
    expect(card.firstElementChild!.className).toMatch(/card/);
    expect(inline.firstElementChild!.className).not.toMatch(/card/);
  });
});
