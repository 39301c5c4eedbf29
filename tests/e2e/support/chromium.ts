// Which Chromium the end-to-end tests drive. Playwright cannot download its own browsers on these
// machines, so we use the system's: CHROMIUM_PATH if set, else Debian's /usr/bin/chromium
// (`apt-get install chromium`) or Ubuntu's chromium-browser.
import fs from "node:fs";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

export type ChromiumLookup = { found: true; path: string } | { found: false; reason: string };

export function findChromium(env: NodeJS.ProcessEnv = process.env): ChromiumLookup {
  const configured = env.CHROMIUM_PATH?.trim();
  if (configured) {
    return fs.existsSync(configured) ? { found: true, path: configured } : { found: false, reason: `CHROMIUM_PATH=${configured} does not exist` };
  }
  const hit = CANDIDATES.find((p) => fs.existsSync(p));
  return hit ? { found: true, path: hit } : { found: false, reason: `no Chromium at ${CANDIDATES.join(" or ")}` };
}

export const NO_CHROMIUM_ADVICE =
  "Install one (Debian/Ubuntu: sudo apt-get install -y chromium) or point CHROMIUM_PATH at a Chromium or Chrome binary.";

/** Flags for Debian's Chromium in containers and CI (no sandbox, no GPU, nothing phoning home). */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
