"use client";

import { useEffect, useRef, useState } from "react";
import { formatRemaining } from "@/lib/quiz/exam";
import styles from "./Countdown.module.css";

/**
 * Time left by the server's clock: the page was rendered with the server's "now", so the offset
 * between the two clocks is known and a wrong clock on the learner's machine changes nothing.
 */
export function useRemainingMs(deadline: string, serverNow: string): number {
  // The first render (on the server, then hydrating) uses the server's own numbers, so both agree.
  const [remaining, setRemaining] = useState(() => Math.max(0, Date.parse(deadline) - Date.parse(serverNow)));
  const offset = useRef<number | null>(null);
  useEffect(() => {
    if (offset.current === null) offset.current = Date.parse(serverNow) - Date.now();
    const tick = () => setRemaining(Math.max(0, Date.parse(deadline) - (Date.now() + offset.current!)));
    tick();
    const id = setInterval(tick, 250);
    return () => clearInterval(id);
  }, [deadline, serverNow]);
  return remaining;
}

const WARN_MS = 10 * 60_000;
const CRITICAL_MS = 60_000;

export function Countdown({ remainingMs }: { remainingMs: number }) {
  const level = remainingMs <= CRITICAL_MS ? styles.critical : remainingMs <= WARN_MS ? styles.warn : "";
  // Screen readers hear the milestones, not every second.
  const minutes = Math.ceil(remainingMs / 60_000);
  const milestone = [30, 10, 5, 1].includes(minutes) ? `${minutes} minute${minutes === 1 ? "" : "s"} left` : null;
  return (
    <div className={[styles.timer, level].filter(Boolean).join(" ")}>
      <span className={styles.label}>Time left</span>
      <span role="timer" aria-label="Time left" className={styles.value}>
        {formatRemaining(remainingMs)}
      </span>
      <span className="visually-hidden" aria-live="polite">
        {milestone}
      </span>
    </div>
  );
}
