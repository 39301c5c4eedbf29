/**
 * Where a question's or a card's fact comes from, for a learner: a link with a readable name.
 * Content cites either an https URL or a key of docs/lambda-semantics.md's source list
 * ([Invoke], [AsyncErr], [Arch:<file>], [LS:<path>] …) — internal shorthand a learner cannot
 * follow, so each key resolves to the page it stands for (the list is copied from that document).
 */
export interface SourceView {
  label: string;
  href: string | null;
}

const LAMBDA_DOCS = "https://docs.aws.amazon.com/lambda/latest/dg/";
const CFN = "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/";

const KEYS: Record<string, { label: string; href: string }> = {
  Invoke: { label: "Lambda API reference: Invoke", href: `${LAMBDA_DOCS}API_Invoke.html` },
  InvokeAsync: { label: "Lambda API reference: InvokeAsync", href: `${LAMBDA_DOCS}API_InvokeAsync.html` },
  AsyncErr: { label: "Lambda guide: error handling for asynchronous invocation", href: `${LAMBDA_DOCS}invocation-async-error-handling.html` },
  AsyncCfg: { label: "Lambda guide: configuring asynchronous invocation", href: `${LAMBDA_DOCS}invocation-async-configuring.html` },
  Retain: { label: "Lambda guide: retaining records of asynchronous invocations", href: `${LAMBDA_DOCS}invocation-async-retain-records.html` },
  "CFN-EIC": { label: "CloudFormation: AWS::Lambda::EventInvokeConfig", href: `${CFN}aws-resource-lambda-eventinvokeconfig.html` },
  Scaling: { label: "Lambda guide: scaling behavior", href: `${LAMBDA_DOCS}scaling-behavior.html` },
  RuntimeEnv: { label: "Lambda guide: the execution environment lifecycle", href: `${LAMBDA_DOCS}lambda-runtime-environment.html` },
  SqsErr: { label: "Lambda guide: handling errors for an SQS event source", href: `${LAMBDA_DOCS}services-sqs-errorhandling.html` },
  SqsScale: { label: "Lambda guide: scaling with an SQS event source", href: `${LAMBDA_DOCS}services-sqs-scaling.html` },
  "CFN-Scaling": { label: "CloudFormation: EventSourceMapping ScalingConfig", href: `${CFN}aws-properties-lambda-eventsourcemapping-scalingconfig.html` },
  Recursion: { label: "Lambda guide: recursive loop detection", href: `${LAMBDA_DOCS}invocation-recursion.html` },
  InitBilling: { label: "AWS Compute Blog: Lambda standardizes billing for the INIT phase", href: "https://aws.amazon.com/blogs/compute/aws-lambda-standardizes-billing-for-init-phase/" },
};

/** A readable name for an AWS documentation URL: "docs.aws.amazon.com › lambda › API_Invoke". */
function urlLabel(url: URL): string {
  const parts = url.pathname
    .split("/")
    .filter((p) => p && p !== "latest" && p !== "dg" && p !== "developerguide" && p !== "userguide" && p !== "UserGuide")
    .map((p) => p.replace(/\.html?$/, ""));
  return [url.hostname, ...parts].join(" › ");
}

export function describeSource(source: string): SourceView {
  const text = source.trim();
  if (/^https?:\/\//i.test(text)) {
    try {
      return { label: urlLabel(new URL(text)), href: text };
    } catch {
      return { label: text, href: null };
    }
  }
  const key = /^\[([^\]]+)\]$/.exec(text)?.[1];
  if (!key) return { label: text, href: null };
  if (KEYS[key]) return KEYS[key];
  const arch = /^Arch:(.+)$/.exec(key)?.[1];
  if (arch) return { label: `Lambda developer guide (2023 archive): ${arch.replace(/\.md$/, "")}`, href: `https://github.com/awsdocs/aws-lambda-developer-guide/blob/main/doc_source/${arch}` };
  const ls = /^LS:(.+)$/.exec(key)?.[1];
  if (ls) return { label: `LocalStack, recorded against AWS: ${ls.split("/").pop()}`, href: `https://github.com/localstack/localstack/blob/main/${ls}` };
  return { label: text, href: null };
}
