"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert, Button } from "@/components/ui";
import type { ActionResult } from "@/lib/actions/result";
import type { PublishResult } from "@/lib/classroom/authoring/publish";
import styles from "./Author.module.css";

type Import = (input: { fileName: string; text: string; publish: boolean }) => Promise<ActionResult<PublishResult & { draftId: string }>>;

/**
 * Upload a lab file: it is always kept as a draft; with "publish if valid" it is published when
 * `lab check` passes in full, and otherwise opened in the editor with its located errors.
 */
export function ImportLabForm({ importLab }: { importLab: Import }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  return (
    <form
      aria-label="Import a lab file"
      className={styles.toolbar}
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const file = (form.elements.namedItem("file") as HTMLInputElement).files?.[0];
        const publish = (form.elements.namedItem("publish") as HTMLInputElement).checked;
        if (!file) return setMessage({ tone: "error", text: "Choose a .yaml file first." });
        start(async () => {
          const text = await file.text();
          const result = await importLab({ fileName: file.name, text, publish });
          if (!result.ok) return setMessage({ tone: "error", text: result.error });
          if (result.data.published) {
            setMessage({ tone: "success", text: `Published ${result.data.slug} version ${result.data.version}.` });
            router.refresh();
          } else {
            router.push(`/author/labs/${result.data.draftId}?imported=${result.data.errors.length}`);
          }
        });
      }}
    >
      <label>
        <span className="visually-hidden">Lab file</span>
        <input type="file" name="file" accept=".yaml,.yml,application/yaml,text/yaml" />
      </label>
      <label>
        <input type="checkbox" name="publish" defaultChecked /> Publish if valid
      </label>
      <Button type="submit" pending={pending} variant="secondary">
        Import
      </Button>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
    </form>
  );
}
