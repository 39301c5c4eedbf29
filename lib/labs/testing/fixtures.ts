/** Small lab files shared by the lib/labs unit tests. */
export const RETRY_LAB = `id: retry-demo
title: "Retries: {{retries}}"
summary: An async event that always fails.
domains: [development]
topics: [async, retries]
difficulty: beginner
estimatedMinutes: 5
params:
  retries: { range: [0, 2] }
  fn: { choices: [orders, payments] }
scenario:
  steps:
    - CreateFunction:
        FunctionName: "{{fn}}"
        Runtime: nodejs20.x
        Handler: index.handler
        Code:
          ZipFile: |
            exports.handler = async () => { throw new Error("boom"); };
    - PutFunctionEventInvokeConfig:
        FunctionName: "{{fn}}"
        MaximumRetryAttempts: "{{retries}}"
    - id: send
      at: 1s
      Invoke: { FunctionName: "{{fn}}", InvocationType: Event, Payload: { n: 1 } }
questions:
  - id: attempts
    prompt: How many times does {{fn}} run?
    type: number
    truth: length(invocations)
    explanation: 1 + MaximumRetryAttempts ({{retries}}).
  - id: status
    prompt: What status code does the caller get?
    type: choice
    options: [200, 202, 204]
    truth: "steps[?id=='send'] | [0].response.StatusCode"
    explanation: Event invocations answer 202.
`;
