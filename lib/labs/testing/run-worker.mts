// Worker side of BoundedRunner: runs scenarios it is sent, one at a time, and answers with the
// trace as JSON text or the engine's exception (which, for a validated scenario, is a bug).
import { parentPort } from "node:worker_threads";
import { createQuickJsRuntimeFactory, runScenario, type Scenario } from "@/lib/engine";

const runtime = await createQuickJsRuntimeFactory();
parentPort!.on("message", (m: { id: number; scenario: Scenario }) => {
  try {
    parentPort!.postMessage({ id: m.id, ok: true, trace: JSON.stringify(runScenario(m.scenario, { runtime })) });
  } catch (error) {
    parentPort!.postMessage({ id: m.id, ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  }
});
parentPort!.postMessage({ ready: true });
