"use client";

import { useEffect, useState } from "react";

const format = (iso: string, timeZone?: string) =>
  new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", ...(timeZone ? { timeZone } : {}) }).format(new Date(iso));

/** A date in the reader's own time zone (the server renders UTC; the browser corrects it after hydration). */
export function LocalTime({ iso }: { iso: string }) {
  const [text, setText] = useState(() => `${format(iso, "UTC")} UTC`);
  useEffect(() => setText(format(iso)), [iso]);
  return <time dateTime={iso}>{text}</time>;
}
