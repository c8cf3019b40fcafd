import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadConfig } from "../../src/config/config";
import { runSteps, type RunReport, type RunRequest } from "../../src/engine/run";
import { BIN } from "../helpers/cli";

/** mulberry32: a small seeded PRNG, so every generated tree and kill schedule is the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

export const AUDIT_IMPORT = `import { emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";`;

const RESOURCES = ["space", "agent", "trigger", "api_key", "group", "tool"];
const VERBS = ["created", "updated", "deleted", "archived"];

/** One Next.js handler with `count` awaited emits on the success paths of its mutations (what await-to-void rewrites). */
export function nextHandler(random: () => number, index: number, count: number): string {
  const resource = pick(random, RESOURCES);
  const cases = Array.from({ length: count }, (_, k) => {
    const verb = VERBS[k % VERBS.length];
    const method = ["POST", "PATCH", "DELETE", "PUT"][k % 4];
    const comment = random() < 0.5 ? `      // Audit once the ${resource} is ${verb}.\n` : "";
    return `    case "${method}": {
      const r = await ${resource}.${verb === "created" ? "create" : "update"}${k}(auth, req.body);
      if (r.isErr()) {
        return apiError(req, res, { status_code: 400, api_error: { type: "invalid_request_error", message: r.error.message } });
      }
${comment}      await emitAuditLogEvent({
        auth,
        action: "${resource}.${verb}",
        targets: [{ type: "${resource}", id: ${resource}.sId, name: ${resource}.name }],
        context: getAuditLogContext(auth, req),
        metadata: { request_id: String(req.headers["x-request-id"] ?? "${index}") },
      });
      return res.status(200).json({ ok: true });
    }
`;
  });
  return `import type { NextApiRequest, NextApiResponse } from "next";

${AUDIT_IMPORT}
import { apiError } from "@app/logger/withlogging";
import type { Authenticator } from "@app/lib/auth";

// Handler ${index}: generated for the reliability suite.
async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator) {
  const ${resource} = await fetch${index}(auth, req.query.id as string);
  switch (req.method) {
${cases.join("")}    default:
      return apiError(req, res, { status_code: 405, api_error: { type: "method_not_supported_error", message: "Method not supported." } });
  }
}

export default handler;
`;
}

/** A plain module: no emit, never parsed (the prefilter skips it). */
export function plainModule(index: number): string {
  return `export function format${index}(value: number): string {\n  return (value * ${index}).toFixed(2);\n}\n`;
}

/** A short handler with one awaited emit: cheap to parse, so a kill test spends its time writing. */
export function smallHandler(random: () => number, index: number): string {
  const resource = pick(random, RESOURCES);
  return `${AUDIT_IMPORT}

export async function handle${index}(req: NextApiRequest, res: NextApiResponse, auth: Authenticator) {
  const r = await ${resource}.update(auth, req.body);
  if (r.isErr()) {
    return apiError(req, res, { status_code: 400, api_error: { type: "invalid_request_error", message: r.error.message } });
  }
  await emitAuditLogEvent({ auth, action: "${resource}.${pick(random, VERBS)}", targets: [{ type: "${resource}", id: ${resource}.sId, name: ${resource}.name }], context: getAuditLogContext(auth, req) });
  return res.status(200).json({ ok: true });
}
`;
}

/** A tree of `count` files, most with awaited emits to rewrite; root-relative path → text. */
export function generateHandlerTree(seed: number, count: number, shape: "small" | "full" = "full"): Record<string, string> {
  const random = seededRandom(seed);
  const files: Record<string, string> = { "lib/api/audit/workos_audit.ts": "export async function emitAuditLogEvent(_e: unknown): Promise<void> {}\n" };
  for (let i = 0; i < count; i++) {
    const dir = `pages/api/w/[wId]/r${Math.floor(i / 25)}`;
    if (random() < 0.1) files[`${dir}/h${i}.ts`] = plainModule(i);
    else files[`${dir}/h${i}.ts`] = shape === "small" ? smallHandler(random, i) : nextHandler(random, i, 1 + Math.floor(random() * 3));
  }
  return files;
}

export function tempDir(prefix: string): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
}

export function writeTree(dir: string, files: Record<string, string | Buffer>): void {
  for (const [rel, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
  }
}

/** Every path under `dir` (files, links, folders' contents; not `.git`), relative, sorted. */
export function listTree(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      if (entry.name === ".git") continue;
      const p = path.join(d, entry.name);
      out.push(path.relative(dir, p));
      if (entry.isDirectory()) walk(p);
    }
  };
  walk(dir);
  return out.sort();
}

/** Temp files auditmod writes beside a target before renaming it (marker `.auditmod-tmp-`). */
export function tempFilesIn(dir: string): string[] {
  return listTree(dir).filter((p) => p.includes(".auditmod-tmp-"));
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  pid: number;
}

/** When to SIGKILL a spawned CLI: `afterMs` once `when()` first holds (polled; default: at spawn). */
export interface KillSchedule {
  afterMs: number;
  when?: () => boolean;
}

/** Starts the built CLI; `done` resolves when it exits. */
export function startCli(args: string[], cwd: string): { child: ChildProcess; done: Promise<Exit> } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
  const done = new Promise<Exit>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr, pid: child.pid ?? -1 }));
  });
  return { child, done };
}

/** Runs the built CLI; with a schedule, sends it SIGKILL then (if it is still running). */
export async function spawnCli(args: string[], cwd: string, kill?: KillSchedule): Promise<Exit> {
  const { child, done } = startCli(args, cwd);
  let timer: NodeJS.Timeout | null = null;
  const arm = () => (timer = setTimeout(() => child.kill("SIGKILL"), kill!.afterMs));
  const poll = kill?.when ? setInterval(() => kill.when!() && (clearInterval(poll!), arm()), 2) : null;
  if (kill && !kill.when) arm();
  try {
    return await done;
  } finally {
    if (poll) clearInterval(poll);
    if (timer) clearTimeout(timer);
  }
}

/** Resolves once `condition()` holds, checking every few milliseconds (an event to wait for, not a timing). */
export function waitUntil(condition: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const poll = setInterval(() => {
      if (!condition()) return;
      clearInterval(poll);
      resolve();
    }, 2);
  });
}

/** A pid that belonged to a process which has exited: what a killed run leaves in its lock. */
export function deadPid(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
    child.on("error", reject);
    child.on("close", () => resolve(child.pid!));
  });
}

export interface CapturedRun {
  report: RunReport;
  stdout: string;
  stderr: string;
}

/** `runSteps` in this process, as the CLI would call it for `run <steps>` on `root` (writing, --allow-dirty). */
export async function runInProcess(root: string, steps: string[], overrides: Partial<RunRequest> = {}): Promise<CapturedRun> {
  let stdout = "";
  let stderr = "";
  const request: RunRequest = {
    command: `run ${steps.join(" ")}`,
    config: loadConfig(root),
    paths: [],
    steps: steps.map((name) => ({ name })),
    dry: false,
    print: false,
    jobs: 1,
    allowDirty: true,
    failOnError: false,
    prefilter: true,
    io: { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), color: false, progress: false },
    ...overrides,
  };
  const report = await runSteps(request);
  return { report, stdout, stderr };
}
