import type { ReactNode } from "react";
import styles from "./Alert.module.css";

export interface AlertProps {
  tone?: "error" | "success" | "info";
  children: ReactNode;
}

/** A message about a whole form or page (field-level messages belong in <Field errors>). */
export function Alert({ tone = "info", children }: AlertProps) {
  return (
    <div className={`${styles.alert} ${styles[tone]}`} role={tone === "error" ? "alert" : "status"}>
      {children}
    </div>
  );
}
