/**
 * Loads the built-in labs (labs/*.yaml) into the database on start-up (lib/content registry).
 * Idempotent: a file whose text is unchanged adds nothing; a changed file becomes the lab's next
 * version; a new file a new lab. An invalid file is reported with its located errors while the
 * others still load (the loader then fails, so it is retried on the next start).
 */
import fs from "node:fs";
import path from "node:path";
import { hashFiles, type ContentLoader } from "@/lib/content";
import { forgetPublished, LabFileError, saveLabVersion } from "./service/versions";

export const LABS_DIR = "labs";

export function builtInLabFiles(root: string): string[] {
  const dir = path.join(root, LABS_DIR);
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => path.join(LABS_DIR, f));
}

export const builtInLabs: ContentLoader = {
  id: "labs.builtin",
  description: "built-in labs",
  fingerprint: (root) => hashFiles(root, [LABS_DIR]),
  async load({ db, root, log }) {
    let added = 0;
    const problems: string[] = [];
    for (const rel of builtInLabFiles(root)) {
      try {
        const saved = await saveLabVersion({ text: fs.readFileSync(path.join(root, rel), "utf8"), file: rel, ownerId: null }, db);
        if (saved.created) {
          added++;
          log(`lab ${saved.lab.slug}: version ${saved.version}`);
        }
      } catch (error) {
        if (!(error instanceof LabFileError)) throw error;
        problems.push(...error.message.split("\n"));
      }
    }
    forgetPublished();
    // The start-up report shows one line per loader: the first problem, and how many follow.
    for (const p of problems) log(p);
    if (problems.length) throw new Error(`invalid built-in lab: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more problem(s))` : ""}`);
    return { added };
  },
};
