import { AwsError } from "../../aws/errors";
import type { Simulation } from "../../simulation";

export interface Role {
  name: string;
  arn: string;
  roleId: string;
  allow: string[];
  createdAt: number;
}

/** The role a function gets when the scenario names none: it allows everything. */
export const DEFAULT_ROLE_NAME = "lambda-lab-execution-role";

/**
 * A minimal IAM (docs/scenario-format.md): a role is a list of allowed actions. Enough to show
 * that an event source mapping reads its source with the *function's* role (§3), and that a
 * DLQ or destination needs send permission (§2.2).
 */
export class IamService {
  readonly roles = new Map<string, Role>();

  constructor(private readonly sim: Simulation) {
    this.roles.set(DEFAULT_ROLE_NAME, { name: DEFAULT_ROLE_NAME, arn: this.arn(DEFAULT_ROLE_NAME), roleId: "AROADEFAULTLAMBDALAB0", allow: ["*"], createdAt: 0 });
  }

  arn(name: string): string {
    return `arn:aws:iam::${this.sim.accountId}:role/${name}`;
  }

  get defaultRoleArn(): string {
    return this.arn(DEFAULT_ROLE_NAME);
  }

  byArn(arn: string): Role | undefined {
    const prefix = `arn:aws:iam::${this.sim.accountId}:role/`;
    if (!arn.startsWith(prefix)) return undefined;
    const name = arn.slice(prefix.length).split("/").pop() ?? "";
    return this.roles.get(name);
  }

  create(name: string, allow: string[]): Role {
    if (!/^[\w+=,.@-]{1,64}$/.test(name)) {
      throw new AwsError("ValidationError", `1 validation error detected: Value '${name}' at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+`, 400);
    }
    if (this.roles.has(name)) throw new AwsError("EntityAlreadyExists", `Role with name ${name} already exists.`, 409);
    const role: Role = { name, arn: this.arn(name), roleId: `AROA${this.sim.ids.hex(17).toUpperCase()}`, allow: [...allow], createdAt: this.sim.clock.now };
    this.roles.set(name, role);
    return role;
  }

  putPolicy(name: string, allow: string[]): void {
    const role = this.roles.get(name);
    if (!role) throw new AwsError("NoSuchEntity", `The role with name ${name} cannot be found.`, 404);
    role.allow = [...allow];
  }

  /**
   * Whether the role allows `action` (`service:Operation`). As in IAM policies, action names are
   * case-insensitive and `*` (any run of characters) and `?` (one character) may appear anywhere:
   * `*`, `sqs:*`, `sqs:Receive*`, `dynamodb:Get*`, `SQS:receivemessage`
   * (IAM User Guide, "IAM JSON policy elements: Action").
   */
  allows(roleArn: string, action: string): boolean {
    const role = this.byArn(roleArn);
    if (!role) return false;
    return role.allow.some((pattern) => actionPattern(pattern).test(action));
  }

  putPolicyAndNotify(name: string, allow: string[]): void {
    this.putPolicy(name, allow);
    this.sim.esm.notifyPermissionsChanged();
  }
}

const patterns = new Map<string, RegExp>();

/** An IAM action pattern as a case-insensitive regular expression (`*` any run, `?` one character). */
function actionPattern(pattern: string): RegExp {
  let re = patterns.get(pattern);
  if (!re) {
    if (patterns.size >= 1000) patterns.clear(); // a cache, bounded: patterns come from scenarios
    const body = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
    re = new RegExp(`^${body}$`, "i");
    patterns.set(pattern, re);
  }
  return re;
}
