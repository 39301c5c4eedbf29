// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { applyTheme, nextTheme, themeBootScript, THEME_STORAGE_KEY } from "./theme";

describe("theme", () => {
  it("cycles system → light → dark → system", () => {
    expect([nextTheme("system"), nextTheme("light"), nextTheme("dark")]).toEqual(["light", "dark", "system"]);
  });

  it("sets or clears the data-theme override", () => {
    const root = document.createElement("html");
    applyTheme(root, "dark");
    expect(root.getAttribute("data-theme")).toBe("dark");
    applyTheme(root, "system");
    expect(root.hasAttribute("data-theme")).toBe(false);
  });

  it("the boot script applies a stored choice before paint and ignores junk", () => {
    localStorage.setItem(THEME_STORAGE_KEY, "dark");
    new Function(themeBootScript)();
    expect(document.documentElement.getAttribute("data-theme")).toBe("dark");
    document.documentElement.removeAttribute("data-theme");
    localStorage.setItem(THEME_STORAGE_KEY, "<script>");
    new Function(themeBootScript)();
    expect(document.documentElement.hasAttribute("data-theme")).toBe(false);
  });
});
