import { describe, expect, it } from "vitest";
import { describeSource } from "./source";

describe("describeSource", () => {
  it("names an AWS documentation URL by its path and links it", () => {
    expect(describeSource("https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html")).toEqual({
      label: "docs.aws.amazon.com › lambda › urls-auth",
      href: "https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html",
    });
  });

  it("resolves the semantics document's keys to the pages they stand for", () => {
    expect(describeSource("[AsyncErr]").href).toBe("https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html");
    expect(describeSource("[Invoke]").label).toBe("Lambda API reference: Invoke");
    expect(describeSource("[Arch:with-sqs.md]")).toEqual({
      label: "Lambda developer guide (2023 archive): with-sqs",
      href: "https://github.com/awsdocs/aws-lambda-developer-guide/blob/main/doc_source/with-sqs.md",
    });
    expect(describeSource("[LS:tests/aws/services/lambda_/test_lambda_api.snapshot.json]")).toEqual({
      label: "LocalStack, recorded against AWS: test_lambda_api.snapshot.json",
      href: "https://github.com/localstack/localstack/blob/main/tests/aws/services/lambda_/test_lambda_api.snapshot.json",
    });
  });

  it("keeps anything else as plain text, never as a link", () => {
    expect(describeSource("[Unknown]")).toEqual({ label: "[Unknown]", href: null });
    expect(describeSource("Lambda quotas page")).toEqual({ label: "Lambda quotas page", href: null });
    expect(describeSource("javascript:alert(1)")).toEqual({ label: "javascript:alert(1)", href: null });
  });
});
