"use client";

import { useEffect, useState } from "react";
import { applyTheme, isTheme, nextTheme, THEME_STORAGE_KEY, type Theme } from "./theme";
import styles from "./ThemeToggle.module.css";

const LABELS: Record<Theme, string> = { system: "System", light: "Light", dark: "Dark" };
const ICONS: Record<Theme, string> = { system: "◐", light: "☀", dark: "☾" };

/**
 * Cycles System → Light → Dark; the choice survives reloads (localStorage). `compact` shows only the
 * icon; "phone" shows the word too, except on a phone-sized screen.
 */
export function ThemeToggle({ compact = false }: { compact?: boolean | "phone" }) {
  const [theme, setTheme] = useState<Theme>("system");

  useEffect(() => {
    try {
      const stored = localStorage.getItem(THEME_STORAGE_KEY);
      if (isTheme(stored)) setTheme(stored);
    } catch {
      // Storage blocked: stay on "system".
    }
  }, []);

  function cycle() {
    const next = nextTheme(theme);
    setTheme(next);
    applyTheme(document.documentElement, next);
    try {
      if (next === "system") localStorage.removeItem(THEME_STORAGE_KEY);
      else localStorage.setItem(THEME_STORAGE_KEY, next);
    } catch {
      // The choice still applies for this page view.
    }
  }

  return (
    <button
      type="button"
      className={styles.toggle}
      onClick={cycle}
      aria-label={`Colour theme: ${LABELS[theme]}. Switch to ${LABELS[nextTheme(theme)]}.`}
      title={`Theme: ${LABELS[theme]}`}
    >
      <span aria-hidden="true">{ICONS[theme]}</span>
      {compact === true ? null : <span className={[styles.label, compact === "phone" ? styles.labelWide : ""].filter(Boolean).join(" ")}>{LABELS[theme]}</span>}
    </button>
  );
}
