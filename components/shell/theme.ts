// The learner's colour scheme: "system" follows prefers-color-scheme; "light"/"dark" override it.
// Stored in localStorage (no account needed, works on the landing page) and mirrored on
// <html data-theme>, which app/globals.css reads.
export const THEME_STORAGE_KEY = "lambdalab-theme";
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

export function isTheme(value: unknown): value is Theme {
  return typeof value === "string" && (THEMES as readonly string[]).includes(value);
}

export function nextTheme(current: Theme): Theme {
  return THEMES[(THEMES.indexOf(current) + 1) % THEMES.length];
}

/** Applies a theme to a document root: "system" removes the override. */
export function applyTheme(root: HTMLElement, theme: Theme): void {
  if (theme === "system") root.removeAttribute("data-theme");
  else root.setAttribute("data-theme", theme);
}

// Runs inline in <head> before first paint so a dark-mode learner never sees a white flash.
// Kept tiny and dependency-free; a broken localStorage (privacy mode) falls back to "system".
export const themeBootScript = `(function(){try{var t=localStorage.getItem(${JSON.stringify(
  THEME_STORAGE_KEY,
)});if(t==="light"||t==="dark")document.documentElement.setAttribute("data-theme",t);}catch(e){}})();`;
