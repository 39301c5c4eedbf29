import { DynamoDbService } from "./services/dynamodb";
import { KinesisService } from "./services/kinesis";
import { EventBridgeService } from "./services/eventbridge/eventbridge-service";
import { IamService } from "./services/iam/iam-service";
import { SnsService } from "./services/sns/sns-service";
import { SqsService } from "./services/sqs/sqs-service";
import { EsmService } from "./lambda/esm/esm-service";
import { LambdaService } from "./lambda/lambda-service";
import { Prng } from "./core/prng";
import { SdkDispatcher } from "./sdk/dispatch";
import type { Scenario } from "./scenario/types";
import { WorldBase, type WorldOptions } from "./world";

/** One scenario run: the clock plus every simulated service of the account. */
export class Simulation extends WorldBase {
  readonly iam: IamService;
  readonly sqs: SqsService;
  readonly sns: SnsService;
  readonly events: EventBridgeService;
  readonly dynamodb: DynamoDbService;
  readonly kinesis: KinesisService;
  readonly lambda: LambdaService;
  readonly esm: EsmService;
  readonly sdk: SdkDispatcher;
  truncated: { reason: string; at: number } | undefined;

  constructor(scenario: Scenario, opts: WorldOptions) {
    super(scenario, opts);
    this.iam = new IamService(this);
    this.sqs = new SqsService(this);
    this.sns = new SnsService(this);
    this.events = new EventBridgeService(this);
    const dataRng = new Prng(opts.seed, "data");
    const onStreamRecord = (e: { streamArn: string }) => this.esm.notifySource(e.streamArn);
    this.dynamodb = new DynamoDbService({ region: this.region, accountId: this.accountId, epochMs: this.epochMs, random: () => dataRng.float(), onStreamRecord });
    this.kinesis = new KinesisService({ region: this.region, accountId: this.accountId, epochMs: this.epochMs, onStreamRecord });
    this.lambda = new LambdaService(this);
    this.esm = new EsmService(this);
    this.sdk = new SdkDispatcher(this);
  }

  /** For the ESM control plane: does a Kinesis stream / DynamoDB stream with this ARN exist? */
  streamSourceExists(type: "kinesis" | "dynamodb", arn: string): boolean {
    return type === "kinesis" ? this.kinesis.streamSource(arn) !== undefined : this.dynamodb.streamSource(arn) !== undefined;
  }

  /** A safety cap was hit: stop the run after the current event, and say so in the trace. */
  truncate(reason: string): void {
    if (!this.truncated) this.truncated = { reason, at: this.clock.now };
  }
}
