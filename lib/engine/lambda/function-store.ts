import { functionArn, isAliasName, isVersionQualifier, parseFunctionRef, FUNCTION_NAME_PATTERN } from "../aws/arn";
import { constraint, invalidParameter, resourceNotFound } from "../aws/errors";
import type { Alias, FunctionVersion, LambdaFunction } from "./model";

/**
 * Where a function reference points: the function, the qualifier the caller named (alias,
 * version, `$LATEST`, or none), and the ARN the caller used — `context.invokedFunctionArn`.
 */
export interface ResolvedRef {
  fn: LambdaFunction;
  /** As given (undefined = unqualified, which means $LATEST). */
  qualifier?: string;
  /** `$LATEST`, a version number or an alias name. */
  qualifierKey: string;
  alias?: Alias;
  invokedArn: string;
}

/** The functions of the account (one Region), by name. */
export class FunctionStore {
  readonly functions = new Map<string, LambdaFunction>();
  /** Parsed references, by text: parsing is pure, and Invoke parses the same names over and over. */
  private readonly parsed = new Map<string, { name: string; qualifier?: string }>();

  constructor(
    readonly region: string,
    readonly accountId: string,
  ) {}

  arn(name: string, qualifier?: string): string {
    return functionArn(this.region, this.accountId, name, qualifier);
  }

  /**
   * Splits `FunctionName` (+ optional `Qualifier`) the way the Lambda API does: name,
   * `name:qualifier`, partial or full ARN. A qualifier in both places must agree.
   */
  parse(functionName: string, qualifier?: string): { name: string; qualifier?: string } {
    const key = qualifier === undefined ? functionName : `${functionName}\u0000${qualifier}`;
    const hit = this.parsed.get(key);
    if (hit) return hit;
    const out = this.parseUncached(functionName, qualifier);
    if (this.parsed.size < 10_000) this.parsed.set(key, out);
    return out;
  }

  private parseUncached(functionName: string, qualifier?: string): { name: string; qualifier?: string } {
    const ref = parseFunctionRef(functionName);
    if (!ref) throw constraint(functionName, "functionName", `Member must satisfy regular expression pattern: ${FUNCTION_NAME_PATTERN}`);
    if (ref.region && ref.region !== this.region) {
      throw resourceNotFound(`Functions from '${ref.region}' are not reachable in this region ('${this.region}')`);
    }
    if (ref.accountId && ref.accountId !== this.accountId) {
      throw resourceNotFound(`Function not found: ${functionArn(ref.region ?? this.region, ref.accountId, ref.name, ref.qualifier)}`);
    }
    if (qualifier !== undefined && ref.qualifier !== undefined && qualifier !== ref.qualifier) {
      throw invalidParameter("The derived qualifier from the function name does not match the specified qualifier.");
    }
    const q = qualifier ?? ref.qualifier;
    if (q !== undefined && !/^(\$LATEST|[a-zA-Z0-9-_]+)$/.test(q)) {
      throw constraint(q, "qualifier", "Member must satisfy regular expression pattern: (|[a-zA-Z0-9$_-]+)");
    }
    return q === undefined ? { name: ref.name } : { name: ref.name, qualifier: q };
  }

  notFound(arn: string) {
    return resourceNotFound(`Function not found: ${arn}`);
  }

  /** The function, or AWS's "Function not found" naming the ARN the caller meant. */
  get(name: string, qualifierForMessage?: string): LambdaFunction {
    const fn = this.functions.get(name);
    if (!fn || fn.deleted) throw resourceNotFound(`Function not found: ${this.arn(name, qualifierForMessage)}`);
    return fn;
  }

  /** Resolves a reference for Invoke-like calls: unqualified means $LATEST. */
  resolve(functionName: string, qualifier?: string): ResolvedRef {
    const p = this.parse(functionName, qualifier);
    const fn = this.get(p.name, p.qualifier ?? "$LATEST");
    if (p.qualifier === undefined) return { fn, qualifierKey: "$LATEST", invokedArn: fn.arn };
    const q = p.qualifier;
    const invokedArn = this.arn(fn.name, q);
    if (q === "$LATEST") return { fn, qualifier: q, qualifierKey: q, invokedArn };
    if (isVersionQualifier(q)) {
      if (!fn.versions.has(q)) throw resourceNotFound(`Function not found: ${invokedArn}`);
      return { fn, qualifier: q, qualifierKey: q, invokedArn };
    }
    const alias = fn.aliases.get(q);
    if (!alias) throw resourceNotFound(`Function not found: ${invokedArn}`);
    return { fn, qualifier: q, qualifierKey: q, alias, invokedArn };
  }

  /** The version object for `$LATEST` or a number, or undefined. */
  version(fn: LambdaFunction, version: string): FunctionVersion | undefined {
    return version === "$LATEST" ? fn.latest : fn.versions.get(version);
  }

  isAlias(q: string): boolean {
    return q !== "$LATEST" && !isVersionQualifier(q) && isAliasName(q);
  }

  /** Every live function, in creation order. */
  live(): LambdaFunction[] {
    const out: LambdaFunction[] = [];
    for (const fn of this.functions.values()) if (!fn.deleted) out.push(fn);
    return out;
  }
}
