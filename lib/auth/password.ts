import { hash, verify } from "@node-rs/argon2";

// argon2id with OWASP's Password Storage Cheat Sheet baseline: 19 MiB memory, 2 iterations,
// 1 lane. The parameters are stored in each hash (PHC string), so raising them later only
// affects new hashes; verify() reads them back from the stored string.
const ARGON2ID = 2; // Algorithm.Argon2id — a `const enum`, not importable under isolatedModules
export const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS as Parameters<typeof hash>[1]);
}

// A real hash of a random password, made once: verifying against it when the email is unknown
// costs the same as a real check, so response time does not reveal which emails have accounts.
let decoy: Promise<string> | null = null;

/** True when `password` matches `passwordHash`; a missing hash still spends the same time. */
export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  if (!passwordHash) {
    decoy ??= hashPassword(crypto.randomUUID());
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash is a failed check, not a crash.
    return false;
  }
}
