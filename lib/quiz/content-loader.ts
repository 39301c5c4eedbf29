/**
 * Loads the built-in question banks (content/questions/*.yaml) and the built-in practice exam on
 * start-up (lib/content registry). Idempotent: a question whose content is unchanged is not
 * touched (so its updatedAt still dates its last real change), a changed one is updated in place
 * keeping its option ids where the option is the same (lib/quiz/stored.ts reconcileOptionIds), a
 * question gone from the files is archived — never deleted, past attempts still review it.
 */
import { hashFiles, type ContentLoader } from "@/lib/content";
import type { Db } from "@/lib/db";
import { formatContentError } from "../srs/yaml-source";
import { loadBankFiles } from "./content";
import { DVA_C02 } from "./exam";
import { BUILTIN_EXAM_KEY } from "./service/quizzes";
import { fromRow, reconcileOptionIds, toColumns } from "./stored";

export const QUESTIONS_DIR = "content/questions";

export const BUILTIN_EXAM = {
  title: "Practice exam (DVA-C02 format)",
  description:
    `${DVA_C02.questionCount} questions drawn from the built-in bank by the exam's domain weights ` +
    `(${DVA_C02.domains.map((d) => `${d.name} ${d.weight}%`).join(", ")}), ${DVA_C02.durationMinutes} minutes, ` +
    `scored on the ${DVA_C02.scaledMin}–${DVA_C02.scaledMax} scale with ${DVA_C02.passingScaled} to pass.`,
  questionCount: DVA_C02.questionCount,
  durationMinutes: DVA_C02.durationMinutes,
};

const same = (a: Record<string, unknown>, b: Record<string, unknown>) => Object.keys(a).every((k) => a[k] === b[k]);

export async function loadBuiltInBank(db: Db, root: string, log: (m: string) => void = () => {}): Promise<{ added: number; updated: number; archived: number }> {
  const banks = loadBankFiles(root);
  if (!banks.ok) {
    for (const e of banks.errors) log(formatContentError(e));
    throw new Error(`invalid built-in question bank: ${formatContentError(banks.errors[0]!)}${banks.errors.length > 1 ? ` (and ${banks.errors.length - 1} more problem(s))` : ""}`);
  }
  let added = 0;
  let updated = 0;
  const keys = new Set<string>();
  for (const bank of banks.value) {
    for (const q of bank.questions) {
      const builtinKey = `${bank.bank.id}/${q.id}`;
      keys.add(builtinKey);
      const existing = await db.question.findUnique({ where: { builtinKey } });
      const options = reconcileOptionIds(existing ? fromRow(existing).options : [], q.options);
      const columns = toColumns({ ...q, options });
      if (!existing) {
        await db.question.create({ data: { builtinKey, ownerId: null, ...columns } });
        added++;
      } else if (!same(columns, existing) || existing.archived) {
        await db.question.update({ where: { id: existing.id }, data: { ...columns, archived: false } });
        updated++;
      }
    }
  }
  const gone = await db.question.updateMany({ where: { builtinKey: { notIn: [...keys] }, archived: false }, data: { archived: true } });
  if (gone.count) log(`archived ${gone.count} built-in question(s) no longer in ${QUESTIONS_DIR}`);

  const exam = await db.quiz.findUnique({ where: { builtinKey: BUILTIN_EXAM_KEY } });
  if (!exam) {
    await db.quiz.create({ data: { builtinKey: BUILTIN_EXAM_KEY, ownerId: null, visibility: "public", selection: "draw", ...BUILTIN_EXAM } });
    added++;
  } else if (!same(BUILTIN_EXAM, exam)) {
    await db.quiz.update({ where: { id: exam.id }, data: BUILTIN_EXAM });
  }
  return { added, updated, archived: gone.count };
}

export const builtInQuestionBank: ContentLoader = {
  id: "quiz.bank",
  description: "built-in question bank and practice exam",
  // The exam's blueprint lives in code (lib/quiz/exam.ts); a release that changes it changes the
  // description string, which is part of the fingerprint.
  fingerprint: (root) => `${hashFiles(root, [QUESTIONS_DIR])}:${BUILTIN_EXAM.description}`,
  async load({ db, root, log }) {
    const r = await loadBuiltInBank(db, root, log);
    if (r.updated) log(`updated ${r.updated} built-in question(s)`);
    return { added: r.added };
  },
};
