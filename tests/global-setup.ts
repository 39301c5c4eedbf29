// Vitest global setup: make sure the generated Prisma clients exist and match prisma/schema.prisma
// before any test imports lib/db (a no-op when they are current; see scripts/db/generate.ts).
import { generateClients } from "../scripts/db/generate";

export default function setup(): void {
  generateClients();
}
