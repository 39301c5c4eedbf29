/**
 * Lambda function references (docs/lambda-semantics.md §4): a name, `name:qualifier`, a partial
 * ARN `123456789012:function:name[:qualifier]`, or a full ARN `arn:aws:lambda:region:acct:function:name[:qualifier]`.
 * An unqualified reference means $LATEST.
 */
export interface FunctionRef {
  name: string;
  qualifier?: string;
  region?: string;
  accountId?: string;
}

// AWS's own pattern for FunctionName (Invoke API reference).
const FUNCTION_REF =
  /^(?:arn:(?:aws[a-zA-Z-]*)?:lambda:)?(?:([a-z]{2}(?:(?:-gov)|(?:-iso(?:[a-z]?)))?-[a-z]+-\d{1}):)?(?:(\d{12}):)?(?:function:)?([a-zA-Z0-9-_.]+)(?::(\$LATEST|[a-zA-Z0-9-_]+))?$/;

export const FUNCTION_NAME_PATTERN =
  "(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?";

export function parseFunctionRef(text: string): FunctionRef | undefined {
  const m = FUNCTION_REF.exec(text);
  if (!m) return undefined;
  const ref: FunctionRef = { name: m[3] };
  if (m[4] !== undefined) ref.qualifier = m[4];
  if (m[1] !== undefined) ref.region = m[1];
  if (m[2] !== undefined) ref.accountId = m[2];
  return ref;
}

export function functionArn(region: string, accountId: string, name: string, qualifier?: string): string {
  return `arn:aws:lambda:${region}:${accountId}:function:${name}${qualifier ? `:${qualifier}` : ""}`;
}

/** Versions are digits; `$LATEST` is the mutable version; anything else is an alias name. */
export function isVersionQualifier(q: string): boolean {
  return /^\d+$/.test(q);
}

export function isAliasName(q: string): boolean {
  return /^(?!^[0-9]+$)([a-zA-Z0-9-_]+)$/.test(q);
}

export interface ParsedArn {
  partition: string;
  service: string;
  region: string;
  accountId: string;
  resource: string;
}

export function parseArn(arn: string): ParsedArn | undefined {
  const parts = arn.split(":");
  if (parts.length < 6 || parts[0] !== "arn") return undefined;
  return { partition: parts[1], service: parts[2], region: parts[3], accountId: parts[4], resource: parts.slice(5).join(":") };
}
