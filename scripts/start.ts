// npm start — the whole product in one command, on a fresh clone after `npm ci`:
// data folder, AUTH_SECRET, migrations, built-in content, a production build if there is none (or
// the sources changed), then `next start` on PORT (default 3000).
import { buildIsCurrent, distDir, recordBuild, sourceFingerprint } from "./build-state";
import { assertPortFree, nextBuild, parsePort, spawnNext, waitForServer } from "./next-process";
import { prepare, runMain, StartupError } from "./prepare";

runMain(async () => {
  let port: number;
  try {
    port = parsePort(process.env.PORT, 3000);
  } catch (error) {
    throw new StartupError((error as Error).message);
  }
  const host = process.env.HOST?.trim() || undefined;
  try {
    await assertPortFree(port, host);
  } catch (error) {
    throw new StartupError((error as Error).message);
  }
  const { env } = await prepare();

  if (!buildIsCurrent()) {
    console.log("Building the app (first start, or the sources changed) …");
    const fingerprint = sourceFingerprint();
    if (!nextBuild(env)) throw new StartupError("the production build failed (see the output above); fix it and run npm start again");
    recordBuild(process.cwd(), distDir(), fingerprint);
  }

  const child = spawnNext(["start", "-p", String(port), ...(host ? ["-H", host] : [])], env);
  const url = `http://${host && host !== "0.0.0.0" && host !== "::" ? host : "localhost"}:${port}`;
  try {
    await waitForServer(`${url}/api/health`, 60_000, child);
    console.log(`\nLambda Lab is running at ${url}  (Ctrl+C to stop)\n`);
  } catch (error) {
    child.kill("SIGTERM");
    throw new StartupError(`the server did not come up: ${(error as Error).message}`);
  }
  return new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? 0)));
});
