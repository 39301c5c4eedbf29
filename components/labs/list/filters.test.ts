import { describe, expect, it } from "vitest";
import type { LabListItem } from "@/lib/labs/types";
import { applyFilters, filterHref, labStatus, listProgress, parseFilters, sortLabs } from "./filters";

const item = (over: Partial<LabListItem> & Pick<LabListItem, "id">): LabListItem => ({
  title: over.id,
  summary: "",
  domains: ["development"],
  topics: ["async"],
  difficulty: "beginner",
  estimatedMinutes: 10,
  version: 1,
  questionCount: 4,
  variantCount: 1,
  builtIn: true,
  progress: { attempts: 0, best: null, latest: null },
  ...over,
});

const attempted = (score: number, maxScore: number) => ({ attempts: 1, best: { attemptId: "a", score, maxScore }, latest: { attemptId: "a", score, maxScore, createdAt: "2026-01-01T00:00:00Z" } });

const LABS = [
  item({ id: "a", topics: ["async", "retries"], difficulty: "intermediate" }),
  item({ id: "b", domains: ["troubleshooting"], progress: attempted(2, 4) }),
  item({ id: "c", topics: ["sqs"], difficulty: "advanced", progress: attempted(5, 5) }),
];

describe("labs list filters", () => {
  it("reads known filters from the URL and ignores unknown values", () => {
    expect(parseFilters({ topic: "retries", domain: "security", difficulty: "advanced", status: "in-progress" }, ["retries"])).toEqual({
      topic: "retries",
      domain: "security",
      difficulty: "advanced",
      status: "in-progress",
    });
    expect(parseFilters({ topic: "nope", domain: "x", difficulty: ["hard"], status: "done" }, ["retries"])).toEqual({});
  });

  it("tells not started, in progress and full marks apart", () => {
    expect(LABS.map(labStatus)).toEqual(["not-started", "in-progress", "completed"]);
  });

  it("filters by topic, domain, difficulty and status together", () => {
    expect(applyFilters(LABS, { topic: "async" }).map((l) => l.id)).toEqual(["a", "b"]);
    expect(applyFilters(LABS, { domain: "troubleshooting" }).map((l) => l.id)).toEqual(["b"]);
    expect(applyFilters(LABS, { difficulty: "advanced", status: "completed" }).map((l) => l.id)).toEqual(["c"]);
    expect(applyFilters(LABS, { topic: "sqs", status: "not-started" })).toEqual([]);
  });

  it("builds linkable URLs", () => {
    expect(filterHref({ topic: "async" }, { status: "completed" })).toBe("/labs?topic=async&status=completed");
    expect(filterHref({ topic: "async" }, { topic: undefined })).toBe("/labs");
  });

  it("sums the learner's progress and puts unfinished labs first", () => {
    expect(listProgress(LABS)).toEqual({ total: 3, completed: 1, inProgress: 1, averageBest: 7 / 9 });
    expect(sortLabs(LABS).map((l) => l.id)).toEqual(["b", "a", "c"]);
  });
});
