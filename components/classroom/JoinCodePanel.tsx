"use client";

import { useEffect, useState } from "react";
import { Button, Card } from "@/components/ui";
import { ActionButton, type AnyServerAction } from "./ActionButton";
import styles from "./Classroom.module.css";

/** The class's join code and invite link, with rotate and the joining switch (instructors). */
export function JoinCodePanel({
  classId,
  code,
  display,
  enabled,
  rotate,
  setEnabled,
}: {
  classId: string;
  code: string;
  display: string;
  enabled: boolean;
  rotate: AnyServerAction;
  setEnabled: AnyServerAction;
}) {
  const [origin, setOrigin] = useState("");
  const [copied, setCopied] = useState(false);
  useEffect(() => setOrigin(window.location.origin), []);
  const link = `${origin}/classes/join/${code}`;
  return (
    <Card title="Join code" headingLevel={2}>
      <div className={styles.panel}>
        <p className={styles.muted}>
          {enabled ? "Learners join with this code on the Classes page, or by opening the invite link." : "Joining is switched off: the code and the invite link are refused until you switch it on again."}
        </p>
        <div className={styles.row}>
          <span className={`${styles.code} ${enabled ? "" : styles.codeOff}`} data-testid="join-code">
            {display}
          </span>
        </div>
        <p className={styles.link} data-testid="invite-link">
          {link}
        </p>
        <div className={styles.actionsRow}>
          <Button
            variant="secondary"
            onClick={async () => {
              await navigator.clipboard?.writeText(link).catch(() => undefined);
              setCopied(true);
            }}
          >
            {copied ? "Link copied" : "Copy invite link"}
          </Button>
          <ActionButton action={rotate} fields={{ classId }} label="Rotate code" confirm="Replace the code? The old code and invite link will stop working (people who type it are told it was replaced)." />
          <ActionButton action={setEnabled} fields={{ classId, enabled: enabled ? "false" : "true" }} label={enabled ? "Switch joining off" : "Switch joining on"} />
        </div>
      </div>
    </Card>
  );
}
