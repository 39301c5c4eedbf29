/**
 * Every lab operation as a procedure (lib/actions): the same authentication, validation, roles and
 * rate limits behind the server actions the lab player calls and the JSON routes under
 * app/api/labs. Input schemas live here and are reused by both.
 */
import { z } from "zod";
import { defineProcedure } from "@/lib/actions";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { gradeAttempt, listAttempts } from "./service/attempts";
import { listVariants, previewVariant } from "./service/instructor";
import { getLabTrace, getLearnerLab, listLabs, saveDraft } from "./service/learner";
import { labMistakeNote, makeMistakeCard } from "./service/mistakes";
import { listWhatIfKnobs, runWhatIf } from "./service/what-if-service";
import { MAX_WHAT_IF_CHANGES } from "./what-if";

/** Any text: an id that names no lab is a 404 from the service, not a validation error. */
export const labSlug = z.string({ error: "expected a lab id" }).min(1, { error: "expected a lab id" }).max(200);
/** Predictions by question id; each value is checked against its question by the service. */
export const answersInput = z.record(z.string().max(64), z.unknown(), { error: "expected answers: { \"<question id>\": prediction }" });

export const slugInput = z.object({ slug: labSlug });
export const gradeInput = z.object({ slug: labSlug, answers: answersInput });
export const draftInput = z.object({ slug: labSlug, answers: answersInput });
export const previewInput = z.object({ slug: labSlug, variant: z.coerce.number({ error: "expected a variant number" }).int().min(0) });
export const whatIfInput = z.object({
  slug: labSlug,
  changes: z
    .array(
      z.union(
        [
          z.strictObject({ step: z.string().min(1).max(100), field: z.string().min(1).max(100), value: z.union([z.number(), z.boolean()]) }),
          z.strictObject({ param: z.string().min(1).max(64), value: z.union([z.string().max(200), z.number(), z.boolean()]) }),
        ],
        { error: "expected { step, field, value } or { param, value }" },
      ),
    )
    .min(1, { error: "change at least one knob" })
    .max(MAX_WHAT_IF_CHANGES),
});
export const mistakeInput = z.object({ attemptId: z.string().min(1).max(64), questionId: z.string().min(1).max(64) });

export const listLabsProcedure = defineProcedure({
  name: "labs.list",
  input: z.object({}),
  handler: (_input, { user }) => listLabs(user),
});

export const getLabProcedure = defineProcedure({
  name: "labs.get",
  input: slugInput,
  handler: ({ slug }, { user }) => getLearnerLab(user, slug),
});

export const gradeAttemptProcedure = defineProcedure({
  name: "labs.grade",
  input: gradeInput,
  // Generous for a person (two submissions a second), bounded for a script.
  rateLimit: { name: "user", points: 120, durationSec: 60 },
  handler: ({ slug, answers }, { user }) => gradeAttempt(user, slug, answers),
});

export const listAttemptsProcedure = defineProcedure({
  name: "labs.attempts",
  input: slugInput,
  handler: ({ slug }, { user }) => listAttempts(user, slug),
});

export const saveDraftProcedure = defineProcedure({
  name: "labs.saveDraft",
  input: draftInput,
  rateLimit: { name: "user", points: 300, durationSec: 60 },
  handler: ({ slug, answers }, { user }) => saveDraft(user, slug, answers),
});

export const labTraceProcedure = defineProcedure({
  name: "labs.trace",
  input: slugInput,
  handler: ({ slug }, { user }) => getLabTrace(user, slug),
});

export const whatIfKnobsProcedure = defineProcedure({
  name: "labs.whatIfKnobs",
  input: slugInput,
  handler: ({ slug }, { user }) => listWhatIfKnobs(user, slug),
});

export const whatIfProcedure = defineProcedure({
  name: "labs.whatIf",
  input: whatIfInput,
  // Each what-if is a fresh engine run in the pool.
  rateLimit: { name: "user", points: 30, durationSec: 60 },
  handler: ({ slug, changes }, { user }) => runWhatIf(user, slug, changes),
});

export const listVariantsProcedure = defineProcedure({
  name: "labs.variants",
  input: slugInput,
  roles: STAFF_ROLES,
  handler: ({ slug }, { user }) => listVariants(user, slug),
});

export const previewVariantProcedure = defineProcedure({
  name: "labs.preview",
  input: previewInput,
  roles: STAFF_ROLES,
  rateLimit: { name: "user", points: 60, durationSec: 60 },
  handler: ({ slug, variant }, { user }) => previewVariant(user, slug, variant),
});

/** The card a wrong prediction would make (front, back, tags), without storing it — a preview. */
export const mistakeNoteProcedure = defineProcedure({
  name: "labs.mistakeNote",
  input: mistakeInput,
  handler: ({ attemptId, questionId }, { user }) => labMistakeNote(user, attemptId, questionId),
});

/** "Make a card": stores the wrong prediction in the learner's Mistakes deck (once). */
export const makeMistakeCardProcedure = defineProcedure({
  name: "labs.makeMistakeCard",
  input: mistakeInput,
  rateLimit: { name: "user", points: 60, durationSec: 60 },
  handler: ({ attemptId, questionId }, { user }) => makeMistakeCard(user, attemptId, questionId),
});
