// What the benchmarks measure besides latency: the server's CPU time per request (which, unlike
// latency, hardly depends on what else a shared machine is running) and the machine's load.
import fs from "node:fs";
import os from "node:os";

/** The q-quantile (nearest rank), rounded to `decimals`. */
export function quantile(values: number[], q: number, decimals = 1): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const f = 10 ** decimals;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * q) - 1))]! * f) / f;
}

/** User + system CPU time (ms) of every process in process group `pgid`, from /proc (Linux). */
export function groupCpuMs(pgid: number): number {
  const tick = 1000 / 100; // USER_HZ is 100 on Linux
  let total = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // fields[2] = pgrp, [11] = utime, [12] = stime (proc(5), counting from "state")
      if (Number(fields[2]) === pgid) total += (Number(fields[11]) + Number(fields[12])) * tick;
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

/** The server's CPU per request over `n` sequential requests (ms). */
export async function cpuPerRequest(pgid: number, n: number, request: () => Promise<unknown>): Promise<number> {
  const before = groupCpuMs(pgid);
  for (let i = 0; i < n; i++) await request();
  return (groupCpuMs(pgid) - before) / n;
}

/** "load average 1.9 3.1 4.4 on 2 cores" — say it beside every latency: on a shared machine it explains most of the tail. */
export function machineLoad(): string {
  return `load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")} on ${os.cpus().length} cores`;
}
