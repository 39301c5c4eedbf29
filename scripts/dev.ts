// npm run dev — the same preparation as npm start, then `next dev` (hot reload) on PORT (default 3000).
import { assertPortFree, parsePort, spawnNext } from "./next-process";
import { prepare, runMain, StartupError } from "./prepare";

runMain(async () => {
  let port: number;
  try {
    port = parsePort(process.env.PORT, 3000);
    await assertPortFree(port, undefined);
  } catch (error) {
    throw new StartupError((error as Error).message);
  }
  const { env } = await prepare();
  const child = spawnNext(["dev", "-p", String(port)], env);
  return new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? 0)));
});
