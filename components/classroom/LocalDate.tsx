"use client";

import { useEffect, useState } from "react";

/**
 * A date and time in the reader's own time zone (due dates must read right wherever the learner
 * is). The server renders UTC first; the browser replaces it after hydration.
 */
export function LocalDate({ iso, withWeekday = false }: { iso: string; withWeekday?: boolean }) {
  const [text, setText] = useState(() => `${iso.slice(0, 16).replace("T", " ")} UTC`);
  useEffect(() => {
    setText(new Date(iso).toLocaleString(undefined, { ...(withWeekday ? { weekday: "short" } : {}), year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" }));
  }, [iso, withWeekday]);
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {text}
    </time>
  );
}
