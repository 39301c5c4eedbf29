/**
 * The host side of the guest's `fs` module: file operations on the environment's `/tmp`, kept by
 * the engine in a `TmpFs` so it survives a runtime reset (docs/lambda-semantics.md §5: after a
 * timeout or crash "/tmp is not cleared").
 *
 * Layout of `TmpFs.files`: a key is an absolute path; a file's value holds its bytes as a binary
 * string (one char per byte, 0-255); a key ending in "/" with value "" marks a directory made by
 * mkdir. `/tmp` itself always exists.
 *
 * Only `/tmp` exists for the guest. Writes elsewhere fail with EROFS, as on Lambda, where the
 * rest of the file system is read-only; reads elsewhere fail with EACCES, because Lambda Lab
 * deliberately exposes nothing of the host's disk.
 */
import type { TmpFs } from "./contract";
import { TMP_MAX_BYTES } from "./limits";

export type FsErrorCode = "ENOENT" | "EEXIST" | "EISDIR" | "ENOTDIR" | "EACCES" | "EROFS" | "ENOSPC" | "ENOTEMPTY" | "EINVAL";

export type FsResult = { ok: unknown } | { err: FsErrorCode; syscall: string; path: string; dest?: string };

const CWD = "/var/task";

/** Resolves a guest path the way path.resolve does against Lambda's working directory. */
export function resolveGuestPath(path: string): string {
  const absolute = path.startsWith("/") ? path : `${CWD}/${path}`;
  const parts: string[] = [];
  for (const part of absolute.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return `/${parts.join("/")}`;
}

const inTmp = (path: string) => path === "/tmp" || path.startsWith("/tmp/");
const parentOf = (path: string) => path.slice(0, path.lastIndexOf("/")) || "/";

export class TmpFsOperations {
  constructor(private readonly tmp: TmpFs) {}

  private isDir(path: string): boolean {
    if (path === "/tmp") return true;
    if (this.tmp.files.has(`${path}/`)) return true;
    for (const key of this.tmp.files.keys()) if (key.startsWith(`${path}/`)) return true;
    return false;
  }

  private isFile(path: string): boolean {
    return this.tmp.files.has(path);
  }

  private usedBytes(): number {
    let total = 0;
    for (const value of this.tmp.files.values()) total += value.length;
    return total;
  }

  /** Runs one operation; `data` is a binary string for writes, a flag for mkdir/rm, a path for rename. */
  run(operation: string, rawPath: string, data: string | undefined): FsResult {
    const path = resolveGuestPath(rawPath);
    const fail = (err: FsErrorCode, syscall: string, dest?: string): FsResult =>
      dest === undefined ? { err, syscall, path: rawPath } : { err, syscall, path: rawPath, dest };
    switch (operation) {
      case "exists":
        return { ok: inTmp(path) && (this.isFile(path) || this.isDir(path)) };
      case "read": {
        if (!inTmp(path)) return fail("EACCES", "open");
        if (this.isDir(path)) return fail("EISDIR", "read");
        const value = this.tmp.files.get(path);
        return value === undefined ? fail("ENOENT", "open") : { ok: value };
      }
      case "write":
      case "append": {
        if (!inTmp(path)) return fail("EROFS", "open");
        if (this.isDir(path)) return fail("EISDIR", "open");
        if (!this.isDir(parentOf(path))) return fail(this.isFile(parentOf(path)) ? "ENOTDIR" : "ENOENT", "open");
        const previous = this.tmp.files.get(path) ?? "";
        const next = operation === "append" ? previous + (data ?? "") : (data ?? "");
        if (this.usedBytes() - previous.length + next.length > TMP_MAX_BYTES) return fail("ENOSPC", "write");
        this.tmp.files.set(path, next);
        return { ok: true };
      }
      case "unlink": {
        if (!inTmp(path)) return fail(path === "/" || path.startsWith("/var/task") ? "EROFS" : "EACCES", "unlink");
        if (this.isDir(path)) return fail("EISDIR", "unlink");
        if (!this.tmp.files.delete(path)) return fail("ENOENT", "unlink");
        return { ok: true };
      }
      case "mkdir": {
        const recursive = data === "1";
        if (!inTmp(path)) return recursive && (path === "/" || "/tmp".startsWith(`${path}/`)) ? { ok: true } : fail("EROFS", "mkdir");
        if (this.isFile(path)) return fail("EEXIST", "mkdir");
        if (this.isDir(path)) return recursive ? { ok: true } : fail("EEXIST", "mkdir");
        if (!recursive && !this.isDir(parentOf(path))) return fail(this.isFile(parentOf(path)) ? "ENOTDIR" : "ENOENT", "mkdir");
        // Recursive: create every missing ancestor below /tmp (a file in the way is ENOTDIR).
        const missing: string[] = [];
        for (let dir = path; dir !== "/tmp"; dir = parentOf(dir)) {
          if (this.isFile(dir)) return fail("ENOTDIR", "mkdir");
          if (this.isDir(dir)) break;
          missing.push(dir);
        }
        for (const dir of missing) this.tmp.files.set(`${dir}/`, "");
        return { ok: true };
      }
      case "readdir": {
        if (!inTmp(path)) return fail("EACCES", "scandir");
        if (this.isFile(path)) return fail("ENOTDIR", "scandir");
        if (!this.isDir(path)) return fail("ENOENT", "scandir");
        const names = new Set<string>();
        const prefix = `${path}/`;
        for (const key of this.tmp.files.keys()) {
          if (!key.startsWith(prefix)) continue;
          const rest = key.slice(prefix.length);
          const name = rest.split("/")[0];
          if (name) names.add(name);
        }
        // Sorted so that the same /tmp lists the same way on every run.
        return { ok: [...names].sort() };
      }
      case "stat": {
        if (!inTmp(path)) return fail("EACCES", "stat");
        if (this.isFile(path)) return { ok: { type: "file", size: this.tmp.files.get(path)!.length } };
        if (this.isDir(path)) return { ok: { type: "directory", size: 4096 } };
        return fail("ENOENT", "stat");
      }
      case "rm": {
        const recursive = data === "1";
        if (!inTmp(path) || path === "/tmp") return fail(path === "/tmp" ? "EACCES" : "EROFS", "rm");
        if (this.isFile(path)) {
          this.tmp.files.delete(path);
          return { ok: true };
        }
        if (!this.isDir(path)) return fail("ENOENT", "stat");
        const prefix = `${path}/`;
        const inside = [...this.tmp.files.keys()].filter((key) => key.startsWith(prefix));
        if (!recursive && inside.some((key) => key !== prefix)) return fail("ENOTEMPTY", "rmdir");
        if (!recursive && !this.tmp.files.has(prefix)) return fail("EISDIR", "rm");
        for (const key of inside) this.tmp.files.delete(key);
        return { ok: true };
      }
      case "rename": {
        const destination = resolveGuestPath(data ?? "");
        if (!inTmp(path) || !inTmp(destination)) return fail("EROFS", "rename", data);
        if (!this.isFile(path)) return fail(this.isDir(path) ? "EISDIR" : "ENOENT", "rename", data);
        if (this.isDir(destination)) return fail("EISDIR", "rename", data);
        if (!this.isDir(parentOf(destination))) return fail("ENOENT", "rename", data);
        const value = this.tmp.files.get(path)!;
        this.tmp.files.delete(path);
        this.tmp.files.set(destination, value);
        return { ok: true };
      }
      default:
        return fail("EINVAL", operation);
    }
  }
}
