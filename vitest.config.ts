import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL(".", import.meta.url));

const integration = {
  include: ["tests/integration/**/*.test.ts"],
  environment: "node" as const,
  testTimeout: 120_000,
  hookTimeout: 180_000,
  fileParallelism: false,
};

// Two suites: unit/component tests sit beside the code; integration tests (real database, real
// HTTP) live in tests/integration. End-to-end tests are Playwright's (tests/e2e), not Vitest's.
// Component tests opt into a DOM with a `// @vitest-environment jsdom` first line.
// The integration suite runs on SQLite, and once more on PostgreSQL when TEST_DATABASE_URL is set
// (tests/integration/helpers/database.ts reads TEST_DB_PROVIDER).
export default defineConfig({
  resolve: { alias: { "@": root } },
  test: {
    // Generates the Prisma clients if prisma/schema.prisma changed (scripts/db/generate.ts).
    globalSetup: ["./tests/global-setup.ts"],
    // next-auth imports "next/server" without an extension, which Node's ESM resolver refuses;
    // letting Vite process it resolves the import as Next.js's own bundler would.
    server: { deps: { inline: ["next-auth"] } },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.{ts,tsx}", "components/**/*.test.{ts,tsx}", "app/**/*.test.{ts,tsx}", "scripts/**/*.test.ts", "tests/support/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: { name: "integration", ...integration, env: { TEST_DB_PROVIDER: "sqlite" } },
      },
      ...(process.env.TEST_DATABASE_URL
        ? [
            {
              extends: true as const,
              test: { name: "integration-postgresql", ...integration, env: { TEST_DB_PROVIDER: "postgresql" } },
            },
          ]
        : []),
    ],
  },
});
