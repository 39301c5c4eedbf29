import { invalidParameter, preconditionFailed, validation } from "../../aws/errors";
import { functionConfiguration } from "../../lambda/configuration";
import type { FunctionVersion, LambdaFunction } from "../../lambda/model";
import type { Simulation } from "../../simulation";
import type { OperationTable } from "../context";

/**
 * §4: PublishVersion snapshots $LATEST's code and version-specific configuration. Numbers start
 * at 1 and are never reused. Publishing when nothing changed since the last published version
 * returns that version unchanged (its description too).
 */
export function publishVersion(sim: Simulation, fn: LambdaFunction, description: string | undefined): { version: FunctionVersion; created: boolean } {
  const latest = fn.latest.config;
  const previous = fn.versions.get(String(fn.nextVersion - 1));
  if (previous && previous.config.internalRevision === latest.internalRevision) return { version: previous, created: false };
  const number = String(fn.nextVersion++);
  const version: FunctionVersion = {
    version: number,
    arn: sim.lambda.store.arn(fn.name, number),
    config: { ...latest, environment: { ...latest.environment }, description: description ?? latest.description, revisionId: sim.ids.uuid() },
  };
  fn.versions.set(number, version);
  fn.lastPublishedRevision = latest.internalRevision;
  sim.recorder.timeline(sim.clock.now, "version-published", `${fn.name}:${number}`);
  return { version, created: true };
}

export const versionOperations: OperationTable = {
  PublishVersion(ctx, input) {
    const sim = ctx.sim;
    const store = sim.lambda.store;
    const p = store.parse(input.FunctionName);
    if (p.qualifier !== undefined) throw validation(`1 validation error detected: Value '${input.FunctionName}' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)`);
    const fn = store.get(p.name);
    const latest = fn.latest.config;
    if (input.RevisionId !== undefined && input.RevisionId !== latest.revisionId) throw preconditionFailed();
    if (input.CodeSha256 !== undefined && input.CodeSha256 !== latest.codeSha256) {
      throw invalidParameter(`CodeSHA256 (${input.CodeSha256}) is different from current CodeSHA256 in $LATEST (${latest.codeSha256}). Please try again with the CodeSHA256 in $LATEST.`);
    }
    const { version, created } = publishVersion(sim, fn, input.Description);
    return functionConfiguration(sim, fn, version, { qualifiedArn: true, creating: created });
  },

  ListVersionsByFunction(ctx, input) {
    const sim = ctx.sim;
    const store = sim.lambda.store;
    const fn = store.get(store.parse(input.FunctionName).name);
    const versions = [fn.latest, ...fn.versions.values()].map((v) => functionConfiguration(sim, fn, v, { qualifiedArn: true }));
    return { Versions: versions };
  },
};
