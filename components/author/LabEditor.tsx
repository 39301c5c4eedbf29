"use client";

import { yaml } from "@codemirror/lang-yaml";
import { linter, lintGutter, setDiagnostics, type Diagnostic } from "@codemirror/lint";
import { basicSetup, EditorView } from "codemirror";
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { Alert, Button, Table, cell } from "@/components/ui";
import { Timeline } from "@/components/labs/timeline/Timeline";
import type { ActionResult } from "@/lib/actions/result";
import type { LabPreview } from "@/lib/classroom/authoring/preview";
import type { PublishResult } from "@/lib/classroom/authoring/publish";
import { errorRanges, type LocatedError } from "./diagnostics";
import { labEditorTheme } from "./editor-theme";
import styles from "./Author.module.css";

type Validate = (input: { source: string; fileName?: string }) => Promise<ActionResult<{ ok: boolean; errors: LocatedError[]; id: string | null; title: string | null; variantCount: number }>>;
type Save = (input: { draftId?: string; source: string; fileName?: string }) => Promise<ActionResult<{ id: string; errors: LocatedError[]; valid: boolean; savedAt: string }>>;
type Preview = (input: { source: string; fileName?: string; variant: number }) => Promise<ActionResult<LabPreview>>;
type Publish = (input: { draftId: string }) => Promise<ActionResult<PublishResult>>;

const AUTOSAVE_MS = 1200;
const VALIDATE_MS = 500;

function toDiagnostics(text: string, errors: readonly LocatedError[]): Diagnostic[] {
  return errorRanges(text, errors).map((r) => ({ from: r.from, to: r.to, severity: "error" as const, message: r.message, source: "lab check" }));
}

const show = (v: unknown) => (v === null || v === undefined ? "—" : typeof v === "object" ? JSON.stringify(v) : String(v));

/**
 * The lab editor: YAML with highlighting; validation as you type (the lab schema and every
 * variant, on the server, debounced) shown as lint marks on their lines; autosaved drafts; a
 * preview that runs every variant (`lab check`) with each question's truth per variant and the
 * chosen variant's timeline; publishing a new version only when the full check passes.
 */
export function LabEditor({
  draftId,
  initialSource,
  fileName,
  initialErrors,
  publishedSlug,
  validate,
  save,
  preview,
  publish,
}: {
  draftId: string;
  initialSource: string;
  fileName: string | null;
  initialErrors: LocatedError[];
  publishedSlug: string | null;
  validate: Validate;
  save: Save;
  preview: Preview;
  publish: Publish;
}) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const source = useRef(initialSource);
  const [errors, setErrors] = useState<LocatedError[]>(initialErrors);
  const [checking, setChecking] = useState(false);
  const [saveState, setSaveState] = useState<{ at?: string; saving: boolean; error?: string }>({ saving: false });
  const [previewState, setPreviewState] = useState<{ running: boolean; result?: LabPreview; error?: string }>({ running: false });
  const [variant, setVariant] = useState(0);
  const [publishState, setPublishState] = useState<{ running: boolean; result?: PublishResult; error?: string }>({ running: false });
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const file = fileName ?? undefined;

  const saveNow = useCallback(async () => {
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = null;
    setSaveState((s) => ({ ...s, saving: true }));
    const result = await save({ draftId, source: source.current, ...(file ? { fileName: file } : {}) });
    setSaveState(result.ok ? { saving: false, at: result.data.savedAt } : { saving: false, error: result.error });
    return result.ok;
  }, [draftId, file, save]);

  useEffect(() => {
    if (!host.current) return;
    const lint = linter(
      async (v) => {
        const text = v.state.doc.toString();
        setChecking(true);
        const result = await validate({ source: text, ...(file ? { fileName: file } : {}) });
        setChecking(false);
        if (!result.ok) return [{ from: 0, to: 0, severity: "warning", message: `Could not check the file: ${result.error}` }];
        setErrors(result.data.errors);
        return toDiagnostics(text, result.data.errors);
      },
      { delay: VALIDATE_MS },
    );
    const editor = new EditorView({
      doc: initialSource,
      parent: host.current,
      extensions: [
        basicSetup,
        labEditorTheme,
        yaml(),
        lint,
        lintGutter(),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ "aria-label": "Lab file (YAML)" }),
        EditorView.updateListener.of((u) => {
          if (!u.docChanged) return;
          source.current = u.state.doc.toString();
          if (saveTimer.current) clearTimeout(saveTimer.current);
          saveTimer.current = setTimeout(() => void saveNow(), AUTOSAVE_MS);
        }),
      ],
    });
    editor.dispatch(setDiagnostics(editor.state, toDiagnostics(initialSource, initialErrors)));
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // The editor is created once per draft; later props do not recreate it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draftId]);

  // Save what is typed before the page goes away.
  useEffect(() => {
    const flush = () => {
      if (saveTimer.current) void saveNow();
    };
    window.addEventListener("pagehide", flush);
    return () => window.removeEventListener("pagehide", flush);
  }, [saveNow]);

  const jumpTo = (e: LocatedError) => {
    const editor = view.current;
    if (!editor) return;
    const [r] = errorRanges(editor.state.doc.toString(), [e]);
    editor.dispatch({ selection: { anchor: r!.from, head: r!.to }, scrollIntoView: true });
    editor.focus();
  };

  const runPreview = async (index = variant) => {
    setPreviewState({ running: true });
    setPublishState({ running: false });
    const result = await preview({ source: source.current, variant: index, ...(file ? { fileName: file } : {}) });
    if (!result.ok) return setPreviewState({ running: false, error: result.error });
    setPreviewState({ running: false, result: result.data });
    setVariant(result.data.variant);
    if (view.current) view.current.dispatch(setDiagnostics(view.current.state, toDiagnostics(source.current, result.data.errors)));
    setErrors(result.data.errors);
  };

  const runPublish = async () => {
    setPublishState({ running: true });
    if (!(await saveNow())) return setPublishState({ running: false, error: "The draft could not be saved, so nothing was published." });
    const result = await publish({ draftId });
    if (!result.ok) return setPublishState({ running: false, error: result.error });
    setPublishState({ running: false, result: result.data });
    if (!result.data.published && view.current) {
      view.current.dispatch(setDiagnostics(view.current.state, toDiagnostics(source.current, result.data.errors)));
      setErrors(result.data.errors);
    }
  };

  const download = () => {
    const blob = new Blob([source.current], { type: "application/yaml;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = fileName ?? "lab.yaml";
    a.click();
    URL.revokeObjectURL(url);
  };

  const p = previewState.result;
  return (
    <div className={styles.layout}>
      <div className={styles.toolbar}>
        <Button onClick={() => void runPreview()} pending={previewState.running} variant="secondary">
          Preview (run every variant)
        </Button>
        <Button onClick={() => void runPublish()} pending={publishState.running}>
          Publish a new version
        </Button>
        <Button onClick={download} variant="ghost">
          Download .yaml
        </Button>
        <span className={styles.status} aria-live="polite" data-testid="save-status">
          {saveState.saving ? "Saving…" : saveState.error ? `Not saved: ${saveState.error}` : saveState.at ? `Draft saved ${new Date(saveState.at).toLocaleTimeString()}` : "Drafts save as you type"}
        </span>
      </div>
      <div ref={host} className={styles.editor} data-testid="lab-editor" />
      <section aria-labelledby="problems-title">
        <h2 id="problems-title" style={{ fontSize: "1.1rem" }}>
          Problems {checking ? <span className={styles.status}>(checking…)</span> : null}
        </h2>
        {errors.length ? (
          <ul className={styles.problems} data-testid="problems">
            {errors.map((e, i) => (
              <li key={i}>
                <button type="button" onClick={() => jumpTo(e)}>
                  {e.line ? `Line ${e.line}${e.column ? `:${e.column}` : ""}` : "File"} — {e.path ? <code>{e.path}</code> : null} {e.message}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className={styles.ok} data-testid="no-problems">
            No problems found (schema and every variant). Preview runs the scenarios too.
          </p>
        )}
      </section>
      {publishState.error ? <Alert tone="error">{publishState.error}</Alert> : null}
      {publishState.result ? (
        publishState.result.published ? (
          <Alert tone="success">
            Published <strong>{publishState.result.slug}</strong> version {publishState.result.version}
            {publishState.result.created ? "" : " (no change since the last version)"}. <Link href={`/labs/${publishState.result.slug}`}>Open it</Link>
          </Alert>
        ) : (
          <Alert tone="error">Not published: <code>lab check</code> found {publishState.result.errors.length} problem{publishState.result.errors.length === 1 ? "" : "s"}, listed above. The draft is kept.</Alert>
        )
      ) : publishedSlug ? (
        <p className={styles.muted}>
          This draft edits <Link href={`/labs/${publishedSlug}`}>{publishedSlug}</Link>; publishing adds a new version (earlier attempts keep theirs).
        </p>
      ) : null}
      {previewState.error ? <Alert tone="error">{previewState.error}</Alert> : null}
      {p ? (
        <section aria-labelledby="preview-title" className={styles.layout}>
          <h2 id="preview-title" style={{ fontSize: "1.1rem" }}>
            Preview{" "}
            {p.ok ? <span className={styles.ok}>— lab check passed for {p.variantCount} variant{p.variantCount === 1 ? "" : "s"}</span> : <span className={styles.bad}>— {p.errors.length} problem{p.errors.length === 1 ? "" : "s"}</span>}
          </h2>
          {p.variants.length && p.questions.length ? (
            <Table aria-label="Truth of each question per variant">
              <thead>
                <tr>
                  <th scope="col">Variant</th>
                  {p.questions.map((q) => (
                    <th key={q.id} scope="col" title={q.prompt}>
                      <code>{q.id}</code>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {p.variants.map((v) => (
                  <tr key={v.index} className={v.index === p.variant ? styles.chosen : undefined}>
                    <th scope="row">
                      <button type="button" className={styles.status} style={{ background: "none", border: 0, cursor: "pointer", textAlign: "left" }} onClick={() => void runPreview(v.index)}>
                        {v.label}
                      </button>
                    </th>
                    {p.questions.map((q) => (
                      <td key={q.id}>
                        <code>{show(v.truths.find((t) => t.id === q.id)?.value)}</code>
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </Table>
          ) : null}
          {p.trace ? <Timeline trace={p.trace} title={`Timeline of variant ${p.variant + 1}`} /> : null}
        </section>
      ) : null}
    </div>
  );
}
