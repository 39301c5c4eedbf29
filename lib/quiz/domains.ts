/**
 * The DVA-C02 exam's content domains and the topic words the built-in content uses, kept as data.
 * Weights are AWS's (AWS Certified Developer – Associate exam guide, DVA-C02: Domain 1 Development
 * with AWS Services 32%, Domain 2 Security 26%, Domain 3 Deployment 24%, Domain 4 Troubleshooting
 * and Optimization 18%).
 */
export const DOMAINS = [
  { id: "development", name: "Development with AWS Services", weight: 32 },
  { id: "security", name: "Security", weight: 26 },
  { id: "deployment", name: "Deployment", weight: 24 },
  { id: "troubleshooting", name: "Troubleshooting and Optimization", weight: 18 },
] as const;

export type DomainId = (typeof DOMAINS)[number]["id"];
export const DOMAIN_IDS = DOMAINS.map((d) => d.id) as [DomainId, ...DomainId[]];

/** Card tag of a domain: "domain:security". */
export const domainTag = (d: DomainId) => `domain:${d}`;

export const TOPICS = [
  "invocation", "async", "retries", "idempotency", "dlq", "destinations", "esm", "sqs", "kinesis",
  "dynamodb-streams", "permissions", "versions", "aliases", "execution-environment", "cold-start",
  "concurrency", "provisioned", "reserved", "throttling", "limits", "errors",
  // added by the content for facts the list above has no word for
  "monitoring", "encryption", "function-urls", "codedeploy", "sam",
] as const;
export type Topic = (typeof TOPICS)[number];

/** Card tag of a topic: "topic:async". */
export const topicTag = (t: string) => `topic:${t}`;
