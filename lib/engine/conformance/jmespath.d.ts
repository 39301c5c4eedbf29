// The classic jmespath package (0.16, the implementation the AWS CLI's --query follows and the
// one ../shared/tools/check-scenarios.mjs uses) ships no types; this is the part the suite calls.
// It is CommonJS: its module.exports is what a default import receives.
declare module "jmespath" {
  const jmespath: { search(data: unknown, expression: string): unknown };
  export default jmespath;
}
