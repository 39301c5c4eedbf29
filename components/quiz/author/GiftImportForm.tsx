"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { Alert, Button, Field, FormError, SelectField, TextAreaField, fieldErrorsOf, Columns } from "@/components/ui";
import type { ServerAction } from "@/lib/actions";
import { DOMAINS } from "@/lib/quiz/domains";
import type { GiftImportReport } from "@/lib/quiz/service/bank";
import styles from "./Author.module.css";
import report from "./GiftImport.module.css";

const SAMPLE = `$CATEGORY: dva-c02/development

::Async retries::How many times does Lambda retry a failed asynchronous invocation by default? {
  ~0 times#Retries are on by default for asynchronous invocations.
  =2 times#Two retries, the first after about 1 minute and the second after about 2 more.
  ~3 times#That is not a default anywhere in Lambda's async configuration.
}`;

/**
 * GIFT import (paste or upload): "Check" lists what would be imported and every problem by
 * question number and line; "Import" stores the good questions and lists the bad ones.
 */
export function GiftImportForm({ action }: { action: ServerAction<never, GiftImportReport> }) {
  const [result, formAction, pending] = useActionState(action, null);
  const errors = fieldErrorsOf(result);
  const [text, setText] = useState("");
  const [domain, setDomain] = useState("");
  const [difficulty, setDifficulty] = useState("medium");
  const data = result?.ok ? result.data : null;
  return (
    <Columns>
      <form action={formAction} className={styles.form} noValidate>
        <FormError result={result} />
        <TextAreaField
          name="text"
          label="GIFT text"
          rows={14}
          className={styles.mono}
          value={text}
          onChange={(e) => setText(e.target.value)}
          errors={errors.text}
          placeholder={SAMPLE}
          hint="Multiple choice (=right ~wrong), multiple response (~%50%right ~%-100%wrong), true/false, #feedback per answer and #### general feedback. Separate questions with a blank line."
          spellCheck={false}
        />
        <Field name="file" type="file" label="…or upload a file" accept=".txt,.gift,text/plain" hint="A file takes the place of the pasted text. Up to 1 MB." errors={errors.file} />
        <div className={styles.row3}>
          <SelectField
            name="defaultDomain"
            label="Domain when $CATEGORY names none"
            value={domain}
            onChange={(e) => setDomain(e.target.value)}
            options={[{ value: "", label: "None — report those questions" }, ...DOMAINS.map((d) => ({ value: d.id, label: d.name }))]}
            errors={errors.defaultDomain}
          />
          <SelectField
            name="difficulty"
            label="Difficulty"
            value={difficulty}
            onChange={(e) => setDifficulty(e.target.value)}
            options={[
              { value: "easy", label: "Easy" },
              { value: "medium", label: "Medium" },
              { value: "hard", label: "Hard" },
            ]}
          />
        </div>
        <div className={styles.actions}>
          <Button type="submit" name="dryRun" value="true" variant="secondary" pending={pending}>
            Check
          </Button>
          <Button type="submit" name="dryRun" value="false" pending={pending}>
            Import the good questions
          </Button>
        </div>
      </form>

      <section aria-labelledby="report-title" className={report.report} aria-live="polite">
        <h2 id="report-title" className={report.title}>
          {data ? (data.dryRun ? "Check" : "Import") : "Result"}
        </h2>
        {!data ? <p className={styles.hint}>Check a file first: nothing is stored until you import.</p> : null}
        {data ? (
          <>
            <Alert tone={data.errors.length ? "info" : "success"}>
              {data.dryRun
                ? `${data.imported.length} question${data.imported.length === 1 ? "" : "s"} can be imported`
                : `${data.imported.length} question${data.imported.length === 1 ? "" : "s"} imported`}
              {data.errors.length ? `; ${data.errors.length} ha${data.errors.length === 1 ? "s a problem" : "ve problems"} (listed below)` : ""}
              {data.duplicates.length ? `; ${data.duplicates.length} already in your bank` : ""}.
              {!data.dryRun && data.imported.length ? (
                <>
                  {" "}
                  <Link href="/author/questions?owner=mine">See them in your bank</Link>
                </>
              ) : null}
            </Alert>
            {data.errors.length ? (
              <>
                <h3 className={report.sub}>Problems</h3>
                <ul className={report.errors}>
                  {data.errors.map((e) => (
                    <li key={`${e.question}-${e.line}`} data-question={e.question}>
                      <strong>
                        Question {e.question}
                        {e.title ? ` “${e.title}”` : ""}
                      </strong>{" "}
                      <span className={report.line}>line {e.line}</span>
                      <div>{e.message}</div>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {data.imported.length ? (
              <>
                <h3 className={report.sub}>{data.dryRun ? "Ready to import" : "Imported"}</h3>
                <ul className={report.good}>
                  {data.imported.map((q) => (
                    <li key={q.question}>
                      <span className={report.num}>{q.question}.</span> {q.stem.length > 120 ? `${q.stem.slice(0, 117)}…` : q.stem}{" "}
                      <span className={report.line}>
                        {q.type === "multiple" ? "multiple response" : "single answer"} · {DOMAINS.find((d) => d.id === q.domain)?.name}
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {data.duplicates.length ? (
              <>
                <h3 className={report.sub}>Already in your bank (skipped)</h3>
                <ul className={report.good}>
                  {data.duplicates.map((q) => (
                    <li key={q.question}>
                      <span className={report.num}>{q.question}.</span> {q.stem.slice(0, 120)}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        ) : null}
      </section>
    </Columns>
  );
}
