import * as fs from "node:fs";
import * as path from "node:path";
import { DEFAULT_MAX_FILE_SIZE } from "../../src/config/config";
import { AUDIT_IMPORT, spawnCli, tempDir } from "./helpers";

/**
 * Hostile input: every file below is either transformed exactly (only the `await` of its one awaited
 * emit becomes `void`) or reported with its reason and left byte for byte; the run goes on and exits 0.
 */

const EMIT = `await emitAuditLogEvent({ auth, action: "space.updated", targets: [{ type: "space", id: space.sId, name: space.name }] });`;
const VOIDED = (text: string) => text.replace("await emitAuditLogEvent", "void emitAuditLogEvent");

/** TypeScript syntax the parser or printer may not know, each holding one awaited emit inside the construct. */
const SYNTAX: Record<string, string> = {
  "syntax/satisfies.ts": `${AUDIT_IMPORT}

const limits = { spaces: 10, agents: 50 } satisfies Record<string, number>;

export async function rename(auth: Authenticator, space: Space) {
  const patch = { name: space.name.trim() } satisfies Partial<Space>;
  await space.update(patch);
  ${EMIT}
}
`,
  "syntax/accessor.ts": `${AUDIT_IMPORT}

export class SpaceService {
  accessor cache = new Map<string, Space>();
  static accessor instances: number = 0;

  async archive(auth: Authenticator, space: Space) {
    await space.archive();
    ${EMIT}
  }
}
`,
  "syntax/using.ts": `${AUDIT_IMPORT}

export async function move(auth: Authenticator, space: Space) {
  using span = tracer.startSpan("space.move");
  await using tx = await db.transaction();
  await space.move(tx);
  ${EMIT}
}
`,
  "syntax/decorators-legacy.ts": `${AUDIT_IMPORT}

@Controller("/spaces")
export class SpacesController {
  @Patch(":id") @HttpCode(200)
  async update(@Param("id") id: string, @Body() body: UpdateSpaceDto, auth: Authenticator, space: Space) {
    await space.update(body);
    ${EMIT}
  }
}
`,
  "syntax/decorators-2023.ts": `${AUDIT_IMPORT}

export @sealed class SpaceJobs {
  @logged accessor retries = 3;

  @bound
  async run(auth: Authenticator, space: Space) {
    await space.reindex();
    ${EMIT}
  }
}
`,
  "syntax/instantiation-expressions.ts": `${AUDIT_IMPORT}

const SpaceMap = Map<string, Space>;
const parseSpace = parse<Space>;

export async function load(auth: Authenticator, space: Space) {
  const cache = new SpaceMap();
  cache.set(space.sId, parseSpace(space.raw));
  ${EMIT}
}
`,
  "syntax/const-type-params.ts": `${AUDIT_IMPORT}

function firstOf<const T extends readonly unknown[]>(items: T): T[0] {
  return items[0];
}

export async function tag<const K extends string>(auth: Authenticator, space: Space, kind: K) {
  await space.tag(firstOf([kind, "default"] as const));
  ${EMIT}
}
`,
  "syntax/enums.ts": `${AUDIT_IMPORT}

enum SpaceKind { Regular = 1, Global = Regular << 1, Conversations = "conversations".length }
const enum Visibility { Open, Restricted }
declare enum External { A }

export async function restrict(auth: Authenticator, space: Space) {
  if (space.kind === SpaceKind.Regular && space.visibility !== Visibility.Restricted) {
    await space.restrict();
    ${EMIT}
  }
}
`,
  "syntax/namespaces.ts": `${AUDIT_IMPORT}

export namespace Spaces.Admin {
  export const LIMIT = 10;

  export async function purge(auth: Authenticator, space: Space) {
    await space.purge();
    ${EMIT}
  }
}

declare module "@app/lib/resources" {
  interface Space { purgedAt?: Date }
}

declare global {
  interface Window { spaces: number }
}
`,
  "syntax/overloads.ts": `${AUDIT_IMPORT}

export function spaceLabel(space: Space): string;
export function spaceLabel(space: null): undefined;
export function spaceLabel(space: Space | null) {
  return space?.name;
}

export class SpaceWriter {
  async save(auth: Authenticator, space: Space): Promise<void>;
  async save(auth: Authenticator, space: Space, force: boolean): Promise<void>;
  async save(auth: Authenticator, space: Space, force = false) {
    await space.save({ force });
    ${EMIT}
  }
}
`,
  "syntax/abstract-classes.ts": `${AUDIT_IMPORT}

export abstract class AuditedResource<T> {
  protected abstract readonly kind: string;
  abstract load(id: string): Promise<T>;

  async remove(auth: Authenticator, space: Space) {
    await space.delete();
    ${EMIT}
  }
}
`,
  "syntax/jsx-generics.tsx": `${AUDIT_IMPORT}

export function SpaceTable<T extends { sId: string },>({ rows }: { rows: T[] }) {
  return <Table<T> rows={rows} render={(row: T) => <Row<T> key={row.sId} row={row} />} />;
}

export const onArchive = async <T,>(auth: Authenticator, space: Space, extra: T) => {
  await space.archive(extra);
  ${EMIT}
};
`,
};

const HANDLER = `${AUDIT_IMPORT}

export async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator) {
  const space = await SpaceResource.fetchById(auth, req.query.spaceId as string);
  ${EMIT}
  return res.status(200).json({ ok: true });
}
`;

const crlf = (text: string) => text.replace(/\n/g, "\r\n");
// Mixed endings: CRLF, LF and a lone CR in one file, also inside the edited statement's neighbours.
const MIXED = `${AUDIT_IMPORT}\r\n\nexport async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator) {\r\n  const space = await SpaceResource.fetchById(auth, req.query.spaceId as string);\n  ${EMIT}\r\n  return res.status(200).json({ ok: true });\r}\n// end\r\n`;
const LONE_CR = HANDLER.replace(/\n/g, "\r");
const LINE_SEPARATOR_IN_COMMENT = HANDLER.replace("export async", "// spaces\u2028handler\nexport async");
const LINE_SEPARATOR_IN_STRING = HANDLER.replace("return res", "const label = \"a\u2029b\";\n  return res");
const HUGE_SIZE = 10 * 1024 * 1024;

type Expectation = { status: "changed"; after: string } | { status: "unchanged" | "skipped" | "error"; reason?: string } | { status: "not listed" };

interface HostileFile {
  file: string;
  /** Creates the file (or link, or folder) under `dir`; `outside` is a folder beside the root. */
  make(dir: string, outside: string): void;
  expect: Expectation;
}

const isRoot = process.getuid?.() === 0;

function file(rel: string, content: string | Buffer, expect: Expectation, mode?: number): HostileFile {
  return {
    file: rel,
    make(dir) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), content);
      if (mode !== undefined) fs.chmodSync(path.join(dir, rel), mode);
    },
    expect,
  };
}

function link(rel: string, target: (dir: string, outside: string) => string, expect: Expectation): HostileFile {
  return {
    file: rel,
    make(dir, outside) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.symlinkSync(target(dir, outside), path.join(dir, rel));
    },
    expect,
  };
}

const LINK = { status: "skipped", reason: "symbolic link (not followed)" } as const;

const HOSTILE: HostileFile[] = [
  file("pages/good.ts", HANDLER, { status: "changed", after: VOIDED(HANDLER) }),
  file("bad/invalid-utf8.ts", Buffer.concat([Buffer.from(HANDLER), Buffer.from([0xc3, 0x28, 0x0a])]), { status: "skipped", reason: "not valid UTF-8" }),
  file("bad/binary.ts", Buffer.concat([Buffer.from(HANDLER), Buffer.from([0x00, 0x01, 0x02])]), { status: "skipped", reason: "binary content (NUL byte)" }),
  // An empty module is valid TypeScript: nothing to do, nothing to report.
  file("bad/empty.ts", "", { status: "unchanged" }),
  file("bad/huge.ts", Buffer.concat([Buffer.from(HANDLER), Buffer.alloc(HUGE_SIZE - HANDLER.length, "/")]), {
    status: "skipped",
    reason: `larger than the ${DEFAULT_MAX_FILE_SIZE}-byte limit (${HUGE_SIZE} bytes; see --max-file-size)`,
  }),
  file("endings/crlf.ts", crlf(HANDLER), { status: "changed", after: VOIDED(crlf(HANDLER)) }),
  file("endings/mixed.ts", MIXED, { status: "changed", after: VOIDED(MIXED) }),
  file("endings/lone-cr.ts", LONE_CR, { status: "changed", after: VOIDED(LONE_CR) }),
  file("endings/bom.ts", `\ufeff${HANDLER}`, { status: "changed", after: `\ufeff${VOIDED(HANDLER)}` }),
  file("endings/bom-crlf.ts", `\ufeff${crlf(HANDLER)}`, { status: "changed", after: `\ufeff${VOIDED(crlf(HANDLER))}` }),
  file("endings/line-separator-in-comment.ts", LINE_SEPARATOR_IN_COMMENT, { status: "changed", after: VOIDED(LINE_SEPARATOR_IN_COMMENT) }),
  file("endings/line-separator-in-string.ts", LINE_SEPARATOR_IN_STRING, {
    status: "error",
    reason: "a step failed: cannot reprint this file: it holds a raw U+2028/U+2029 line separator inside a string, which recast turns into a line break",
  }),
  file("bad/syntax-error.ts", HANDLER.replace("targets: [", "targets: [["), { status: "error", reason: 'cannot parse (line 5, column 123): Unexpected token, expected ","' }),
  link("links/loop-a.ts", () => "loop-b.ts", LINK),
  link("links/loop-b.ts", () => "loop-a.ts", LINK),
  link("links/self.ts", () => "self.ts", LINK),
  link("links/folder-loop.ts", () => "..", LINK),
  link("links/loop", () => "..", { status: "not listed" }),
  link("links/outside.ts", (_dir, outside) => path.join(outside, "secret.ts"), LINK),
  link("links/outside-folder", (_dir, outside) => outside, { status: "not listed" }),
  {
    file: "folders/x.ts",
    make: (dir) => fs.mkdirSync(path.join(dir, "folders/x.ts"), { recursive: true }),
    expect: { status: "skipped", reason: "not a regular file" },
  },
  file("folders/x.ts/inside.ts", HANDLER, { status: "changed", after: VOIDED(HANDLER) }),
  // Root reads anything, so there the file is read, and refused at the write for having no write bit.
  file("perm/no-read.ts", HANDLER, isRoot ? { status: "error", reason: "read-only file (no write permission); not written" } : { status: "error", reason: "cannot read: EACCES" }, 0o000),
  file("perm/read-only.ts", HANDLER, { status: "error", reason: "read-only file (no write permission); not written" }, 0o444),
  ...Object.entries(SYNTAX).map(([rel, text]) => file(rel, text, { status: "changed", after: VOIDED(text) })),
];

/** Bytes (or link target, or "folder") of everything a case made, to prove it was left alone. */
function fingerprint(abs: string): string {
  const stat = fs.lstatSync(abs);
  if (stat.isSymbolicLink()) return `link -> ${fs.readlinkSync(abs)}`;
  if (stat.isDirectory()) return "folder";
  fs.chmodSync(abs, stat.mode | 0o400);
  const bytes = fs.readFileSync(abs).toString("base64");
  fs.chmodSync(abs, stat.mode);
  return `${(stat.mode & 0o777).toString(8)} ${bytes}`;
}

describe("hostile input", () => {
  it(`${HOSTILE.length} hostile files and folders: each transformed exactly or reported and left byte for byte; the run goes on`, async () => {
    const dir = tempDir("auditmod-hostile-");
    const outside = tempDir("auditmod-outside-");
    fs.writeFileSync(path.join(outside, "secret.ts"), HANDLER);
    fs.writeFileSync(path.join(dir, "auditmod.config.json"), "{}\n");
    for (const h of HOSTILE) h.make(dir, outside);
    const before = new Map(HOSTILE.map((h) => [h.file, fingerprint(path.join(dir, h.file))]));
    const reportFile = path.join(outside, "report.json");

    const r = await spawnCli(["run", "await-to-void", "--root", dir, "--allow-dirty", "--json", reportFile], dir);
    expect(r.code).toBe(0);
    const report = JSON.parse(fs.readFileSync(reportFile, "utf8")) as { files: { file: string; status: string; reason?: string }[] };
    const listed = new Map(report.files.map((f) => [f.file, f]));

    for (const h of HOSTILE) {
      const abs = path.join(dir, h.file);
      const seen = listed.get(h.file);
      if (h.expect.status === "not listed") {
        expect([h.file, seen]).toEqual([h.file, undefined]);
      } else if (h.expect.status === "changed") {
        expect([h.file, seen?.status]).toEqual([h.file, "changed"]);
        expect([h.file, fs.readFileSync(abs, "latin1")]).toEqual([h.file, Buffer.from(h.expect.after).toString("latin1")]);
      } else {
        const reason = "reason" in h.expect ? h.expect.reason : undefined;
        expect([h.file, seen]).toEqual([h.file, reason ? { file: h.file, status: h.expect.status, reason } : { file: h.file, status: h.expect.status }]);
        if (reason) expect(r.stderr).toContain(`${h.file}  ${h.expect.status}: ${reason}\n`);
      }
      if (h.expect.status !== "changed") expect([h.file, fingerprint(abs)]).toEqual([h.file, before.get(h.file)]);
    }
    // Nothing was discovered through a link, and nothing outside the root changed.
    const made = new Set(HOSTILE.map((h) => h.file));
    expect(report.files.map((f) => f.file).filter((f) => !made.has(f))).toEqual([]);
    expect(fs.readFileSync(path.join(outside, "secret.ts"), "utf8")).toBe(HANDLER);
    const count = (status: string) => HOSTILE.filter((h) => h.expect.status === status).length;
    expect(r.stderr).toContain(`auditmod: ${count("changed")} changed, ${count("unchanged")} unchanged, ${count("skipped")} skipped, ${count("error")} errors (${report.files.length} files,`);
    expect(report.files.length).toBe(HOSTILE.length - count("not listed"));
    fs.chmodSync(path.join(dir, "perm/no-read.ts"), 0o600);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });
});
