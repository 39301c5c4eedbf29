"use client";

import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import type { LabOption, Scalar } from "@/lib/labs/types";
import styles from "./Predictions.module.css";

export interface OrderedInputProps {
  id: string;
  items: LabOption[];
  order: Scalar[];
  confirmed: boolean;
  disabled?: boolean;
  labelledBy: string;
  onChange: (order: Scalar[], confirmed: boolean) => void;
}

/**
 * An ordered-list prediction. Mouse and touch: the ↑ ↓ buttons. Keyboard: focus an item, then
 * Alt + ↑ / ↓ moves it (plain ↑ / ↓ moves the focus); each move is announced. The shown order is
 * a prediction only once something was moved or "Use this order" was pressed.
 */
export function OrderedInput({ id, items, order, confirmed, disabled, labelledBy, onChange }: OrderedInputProps) {
  const [announcement, setAnnouncement] = useState("");
  const refs = useRef(new Map<string, HTMLLIElement>());
  const focusAfter = useRef<string | null>(null);
  const labelOf = (v: Scalar) => items.find((i) => String(i.value) === String(v))?.label ?? String(v);

  useEffect(() => {
    if (focusAfter.current !== null) {
      refs.current.get(focusAfter.current)?.focus();
      focusAfter.current = null;
    }
  });

  const move = (from: number, to: number) => {
    if (disabled || to < 0 || to >= order.length || from === to) return;
    const next = [...order];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item!);
    focusAfter.current = String(item);
    onChange(next, true);
    setAnnouncement(`Moved ${labelOf(item!)} to position ${to + 1} of ${order.length}.`);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLLIElement>, index: number) => {
    if (e.target !== e.currentTarget) return;
    if (e.key === "ArrowUp" || e.key === "ArrowDown") {
      e.preventDefault();
      const to = e.key === "ArrowUp" ? index - 1 : index + 1;
      if (e.altKey) move(index, to);
      else if (to >= 0 && to < order.length) refs.current.get(String(order[to]))?.focus();
    }
  };

  return (
    <div className={styles.ordered}>
      <ol className={styles.orderedList} aria-labelledby={labelledBy} aria-describedby={`${id}-how`}>
        {order.map((v, i) => {
          const label = labelOf(v);
          return (
            <li
              key={String(v)}
              ref={(el) => {
                if (el) refs.current.set(String(v), el);
                else refs.current.delete(String(v));
              }}
              tabIndex={disabled ? -1 : 0}
              className={styles.orderedItem}
              aria-label={`${label}, position ${i + 1} of ${order.length}`}
              onKeyDown={(e) => onKeyDown(e, i)}
            >
              <span className={styles.position} aria-hidden="true">
                {i + 1}
              </span>
              <span className={styles.orderedLabel}>{label}</span>
              <span className={styles.moveButtons}>
                <button type="button" className={styles.moveButton} onClick={() => move(i, i - 1)} disabled={disabled || i === 0} aria-label={`Move ${label} up`}>
                  ↑
                </button>
                <button type="button" className={styles.moveButton} onClick={() => move(i, i + 1)} disabled={disabled || i === order.length - 1} aria-label={`Move ${label} down`}>
                  ↓
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <p id={`${id}-how`} className={styles.hint}>
        Move items with the arrows, or focus one and press Alt + ↑ / ↓.
      </p>
      {!confirmed && !disabled ? (
        <button type="button" className={styles.linkButton} onClick={() => onChange(order, true)}>
          Use this order as my prediction
        </button>
      ) : null}
      <div className="visually-hidden" aria-live="polite">
        {announcement}
      </div>
    </div>
  );
}
