import type { NextConfig } from "next";

// Telemetry cannot be switched off from the config object itself; setting the variable here covers
// `next build` / `next dev` started by hand (scripts/start.ts also sets it for its children).
process.env.NEXT_TELEMETRY_DISABLED = "1";

const nextConfig: NextConfig = {
  // Test builds (end-to-end, several instances) go to their own folder so they never replace the
  // build a developer's `npm start` serves; scripts/build-state.ts distDir() validates the value.
  // tsconfig.json lists .next-test's types so Next.js does not add them itself on every test build.
  distDir: process.env.LAMBDALAB_DIST_DIR?.trim() || ".next",
  // Native addons and wasm engines must be loaded by Node's own require, not bundled.
  serverExternalPackages: [
    "better-sqlite3",
    "@node-rs/argon2",
    "piscina",
    "quickjs-emscripten",
    "@prisma/client",
    "@prisma/adapter-better-sqlite3",
    "@prisma/adapter-pg",
    "@prisma/driver-adapter-utils",
    "pg",
    "rate-limiter-flexible",
    "@open-spaced-repetition/binding",
    // The engine pool (lib/engine/pool) builds its worker bundle with esbuild on first use; a
    // native binary Turbopack cannot (and must not) bundle.
    "esbuild",
  ],
  poweredByHeader: false,
  // Next.js gzips every response itself by default — and every JSON answer too, however small: a
  // route's streamed body has no Content-Length, so the 1 KB threshold never applies. Measured on
  // 2 cores: 1–1.5 ms of CPU per request (zlib set-up, a header flush and chunked writes), about a
  // fifth of a graded attempt. On a LAN it buys nothing; over the internet the TLS reverse proxy
  // that `next start` needs anyway (nginx `gzip on;`, Caddy `encode gzip`) compresses better and
  // off the app's cores (Next.js docs, next.config.js `compress`). LAMBDALAB_COMPRESS=1 turns it
  // back on at start-up for a server reached directly over a slow link.
  compress: process.env.LAMBDALAB_COMPRESS?.trim() === "1",
  // Type-checking is its own step (`npm run typecheck`, part of `npm test` and CI), over the whole
  // repository including tests. The production build skips it so `npm start` is not blocked — and
  // not slowed on small machines — by a typing issue in a file the server never runs.
  typescript: { ignoreBuildErrors: true },
  reactStrictMode: true,
  experimental: {
    // forbidden() / unauthorized() give role-protected pages a real 403 (see lib/auth/guards.ts).
    authInterrupts: true,
    // Turbopack's persistent build cache (.next/cache/turbopack) survived a failed build here in a
    // state that made every later build panic ("AssetContent::file was canceled") until .next was
    // deleted. Builds are rare (first start, upgrades) and take seconds; correctness wins.
    turbopackFileSystemCacheForBuild: false,
  },
};

export default nextConfig;
