import { builtInLabs } from "@/lib/labs/content-loader";
import { builtInQuestionBank } from "@/lib/quiz/content-loader";
import { builtInDecks } from "@/lib/srs/content-loader";
import type { ContentLoader } from "./registry";

/**
 * Every built-in content loader, in load order. To add one, write it beside its domain (e.g.
 * lib/srs/content-loader.ts exporting a ContentLoader) and list it here — see
 * docs/architecture.md, "Register a content loader". `npm start` and `npm run dev` run them.
 */
export const CONTENT_LOADERS: readonly ContentLoader[] = [builtInLabs, builtInQuestionBank, builtInDecks];
