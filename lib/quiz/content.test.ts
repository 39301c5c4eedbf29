import { describe, expect, it } from "vitest";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { loadBankFiles, parseBankFile } from "./content";
import { formatContentError } from "../srs/yaml-source";

const good = `bank:
  id: demo
  name: Demo bank
questions:
  - id: q-single
    type: single
    domain: development
    topics: [async, retries]
    difficulty: medium
    stem: |
      A company invokes a function asynchronously. How many times does Lambda retry by default?
    options:
      - { text: "0", correct: false, explanation: "Retries are on by default." }
      - { text: "2", correct: true, explanation: "Two retries by default." }
      - { text: "3", correct: false, explanation: "The maximum is 2." }
    source: "[AsyncErr]"
  - id: q-multi
    type: multiple
    choose: 2
    domain: security
    topics: [permissions]
    difficulty: hard
    stem: "Which TWO permissions does an SQS event source mapping need?"
    options:
      - { text: "sqs:ReceiveMessage", correct: true, explanation: "Needed to poll." }
      - { text: "sqs:DeleteMessage", correct: true, explanation: "Needed after success." }
      - { text: "sqs:SendMessage", correct: false, explanation: "Not used by polling." }
      - { text: "lambda:InvokeFunction", correct: false, explanation: "The service invokes for you." }
    source: "[SqsErr]"
`;

const errorsOf = (text: string) => {
  const r = parseBankFile(text, "bank.yaml");
  return r.ok ? [] : r.errors.map(formatContentError);
};

describe("parseBankFile", () => {
  it("accepts a well-formed bank", () => {
    expect(errorsOf(good)).toEqual([]);
  });

  it.each([
    ["two correct in a single", good.replace('{ text: "0", correct: false', '{ text: "0", correct: true'), /bank\.yaml:13:7: questions\[0\]\.options: a single-answer question needs exactly 1 correct option, found 2/],
    ["choose without enough correct", good.replace('{ text: "sqs:DeleteMessage", correct: true', '{ text: "sqs:DeleteMessage", correct: false'), /questions\[1\]\.options: choose is 2 but 1 option\(s\) are marked correct/],
    ["too few options for choose 2", good.replace(/      - \{ text: "lambda:InvokeFunction".*\n/, ""), /choose 2 needs at least 4 options, found 3/],
    ["multiple without choose", good.replace("    choose: 2\n", ""), /questions\[1\]\.type: a multiple-response question needs choose/],
    ["an unknown domain", good.replace("domain: security", "domain: networking"), /bank\.yaml:20:13: questions\[1\]\.domain: expected domain: one of development/],
    ["an unknown topic", good.replace("[async, retries]", "[async, retry]"), /questions\[0\]\.topics\[1\]: unknown topic/],
    ["an unexplained option", good.replace(', explanation: "The maximum is 2."', ""), /questions\[0\]\.options\[2\]\.explanation: expected explanation/],
    ["an unknown key", good.replace("    difficulty: hard", "    difficulty: hard\n    points: 3"), /bank\.yaml:23:5: questions\[1\]\.points: unknown key "points"/],
    ["a duplicate option", good.replace('{ text: "3", correct: false', '{ text: "0", correct: false'), /questions\[0\]\.options\[2\]\.text: duplicate option text/],
  ])("reports %s", (_n, text, expected) => {
    const errs = errorsOf(text);
    expect(errs.some((e) => expected.test(e)), errs.join("\n")).toBe(true);
  });
});

const root = path.resolve(__dirname, "../..");
const hasBank = existsSync(path.join(root, "content/questions")) && readdirSync(path.join(root, "content/questions")).some((f) => f.endsWith(".yaml"));
describe.runIf(hasBank)("built-in question banks", () => {
  it("load without errors", () => {
    const r = loadBankFiles(root);
    if (!r.ok) throw new Error(r.errors.map(formatContentError).join("\n"));
    expect(r.value.flatMap((b) => b.questions).length).toBeGreaterThanOrEqual(80);
  });
});
