import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { BIN, copyToTempRepo, makeTempRepo, REPO_ROOT, runCli, snapshotTree } from "../helpers/cli";

// End to end through the built CLI (`npm test` builds dist/ first).

const REALISTIC = path.join(REPO_ROOT, "__tests__", "data", "realistic-front");
const MODULE = "lib/api/audit/workos_audit.ts";
const TARGET_TYPES = "workspace, space, group, user, membership, invitation, domain, api_key, agent, data_source, trigger, tool, mcp_server, webhook_source";

describe("auditmod conventions", () => {
  it("prints each fact learned from the audit module with where it came from", () => {
    const r = runCli(["conventions", "--root", REALISTIC], REPO_ROOT);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(
      [
        `conventions of ${MODULE}:`,
        "  emit functions: emitAuditLogEvent({ auth, action, targets, context, metadata }) [auth]; emitAuditLogEventDirect({ workspace, actor, action, targets, context, metadata }) [direct]",
        `    from ${MODULE}:158, ${MODULE}:163`,
        "  metadata keys the module adds: actor_type",
        `    from ${MODULE}:140`,
        `  target types: ${TARGET_TYPES}`,
        `    from ${MODULE}:82, ${MODULE}:65`,
        "  target builders: buildWorkspaceTarget, buildAuditLogTarget",
        `    from ${MODULE}:176, ${MODULE}:180`,
        "  metadata string-only: no",
        `    from ${MODULE}:100`,
        "",
      ].join("\n"),
    );
  });

  it("a fact the module does not state keeps its default and says so (examples/front has no union and adds no key)", () => {
    const r = runCli(["conventions", "--root", "examples/front", "--json"], REPO_ROOT);
    expect(r.status).toBe(0);
    const { facts, sources } = JSON.parse(r.stdout);
    expect(facts.moduleMetadataKeys).toEqual([]);
    expect(facts.targetTypes).toBeNull();
    expect(sources.moduleMetadataKeys).toEqual([`default (not found in ${MODULE})`]);
    expect(sources.targetTypes).toEqual([`default (not found in ${MODULE})`]);
  });

  it("auditmod.config.json overrides a fact, and says it did", () => {
    const dir = copyToTempRepo(REALISTIC, "auditmod-conventions-");
    fs.writeFileSync(path.join(dir, "auditmod.config.json"), JSON.stringify({ conventions: { moduleMetadataKeys: [], metadataStringOnly: true } }));
    const r = runCli(["conventions", "--root", dir, "--json"], REPO_ROOT);
    expect(r.status).toBe(0);
    const { facts, sources } = JSON.parse(r.stdout);
    expect(facts.moduleMetadataKeys).toEqual([]);
    expect(facts.metadataStringOnly).toBe(true);
    expect(sources.moduleMetadataKeys).toEqual(["auditmod.config.json (conventions.moduleMetadataKeys)"]);
    expect(sources.targetTypes).toEqual([`${MODULE}:82`, `${MODULE}:65`]);
  });

  it("an unknown conventions key in the config is exit 2 naming it", () => {
    const dir = makeTempRepo({ "auditmod.config.json": JSON.stringify({ conventions: { targetType: ["space"] } }), [MODULE]: "export type AuditAction = never;\n" });
    const r = runCli(["conventions", "--root", dir], REPO_ROOT);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`auditmod: ${path.join(dir, "auditmod.config.json")}: conventions: Unrecognized key(s) in object: 'targetType'\n`);
  });
});

describe("an audit module that cannot be read or parsed", () => {
  const handler = [
    'import { emitAuditLogEvent } from "@app/lib/api/audit/workos_audit";',
    "export function onCreated(auth: Authenticator, count: number) {",
    '  void emitAuditLogEvent({ auth, action: "space.created", targets: [], metadata: { count } });',
    "}",
    "",
  ].join("\n");

  it("a module that does not parse: the run says so once, with the position, and goes on with the defaults", () => {
    const dir = makeTempRepo({ [MODULE]: "export type AuditAction = \"space.created\" |;\nexport function (\n", "lib/spaces.ts": handler });
    const r = runCli(["run", "stringify-metadata", "--dry", "--root", dir], REPO_ROOT);
    expect(r.status).toBe(0);
    const notices = r.stderr.split("\n").filter((l) => l.includes("audit module"));
    expect(notices).toEqual([`auditmod: cannot parse the audit module ${MODULE}:1:44: Type expected.; using the default conventions`]);
    expect(r.stdout).toContain("+  void emitAuditLogEvent({ auth, action: \"space.created\", targets: [], metadata: { count: String(count) } });");
  });

  it("a module that is missing: check says so once with the path, and still checks", () => {
    const dir = makeTempRepo({ "auditmod.config.json": JSON.stringify({ registry: "lib/audit/actions.ts" }), "lib/spaces.ts": handler });
    const r = runCli(["check", "--root", dir, "--format", "json"], REPO_ROOT);
    expect(r.status).toBe(1);
    expect(r.stderr.split("\n")[0]).toBe("auditmod: cannot read the audit module lib/audit/actions.ts: ENOENT; using the default conventions");
    expect(JSON.parse(r.stdout).map((d: { rule: string; line: number }) => `${d.rule}:${d.line}`)).toEqual(["AUDIT3:1", "AUDIT7:3", "AUDIT5:3"]);
  });
});

describe("add-event with the module's conventions", () => {
  it("rejects a target type outside the module's union, listing the valid ones; nothing is written", () => {
    const dir = copyToTempRepo(REALISTIC, "auditmod-add-event-union-");
    const before = snapshotTree(dir);
    const r = runCli(["add-event", "folder.shared", "--target", "folder", "--meta", "shared_with"], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`auditmod: AUDIT7: target type "folder" is not one of the audit module's target types (${TARGET_TYPES})\n`);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it("declares the keys the module adds itself in the new schema, as the existing schemas do", () => {
    const dir = copyToTempRepo(REALISTIC, "auditmod-add-event-keys-");
    const r = runCli(["add-event", "space.archived", "--target", "space", "--meta", "archived_by"], dir);
    expect(r.status).toBe(0);
    expect(fs.readFileSync(path.join(dir, "admin/audit_log_schemas/space.archived.json"), "utf8")).toBe(
      '{\n  "action": "space.archived",\n  "targets": [\n    {\n      "type": "workspace"\n    },\n    {\n      "type": "space"\n    }\n  ],\n  "metadata": {\n    "archived_by": "string",\n    "actor_type": "string"\n  }\n}\n',
    );
  });
});

describe("ts-morph is loaded only when a run needs the audit module or types", () => {
  // Records whether ts-morph was required by the CLI process, without changing what it does.
  const hook = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "auditmod-hook-")), "hook.js");
  fs.writeFileSync(
    hook,
    'const Module = require("node:module");\nconst load = Module._load;\nModule._load = function (request, ...rest) {\n  if (request === "ts-morph") process.env.AUDITMOD_TSMORPH = "1";\n  return load.call(this, request, ...rest);\n};\nprocess.on("exit", () => process.stderr.write(`ts-morph loaded: ${process.env.AUDITMOD_TSMORPH === "1"}\\n`));\n',
  );
  const run = (args: string[]) => spawnSync(process.execPath, ["-r", hook, BIN, ...args], { cwd: REPO_ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });

  it("await-to-void over files whose emits are all voided: not loaded", () => {
    const r = run(["run", "await-to-void", "--dry", "--root", REALISTIC, path.join(REALISTIC, "pages")]);
    expect(r.status).toBe(0);
    expect(r.stderr.trim().split("\n").pop()).toBe("ts-morph loaded: false");
  });

  it("stringify-metadata, which reads the module's conventions: loaded", () => {
    const r = run(["run", "stringify-metadata", "--dry", "--root", REALISTIC, path.join(REALISTIC, "pages/api/w/[wId]/sso.ts")]);
    expect(r.status).toBe(0);
    expect(r.stderr.trim().split("\n").pop()).toBe("ts-morph loaded: true");
  });
});

describe("instrument with the module's conventions", () => {
  it("refuses a target type outside the module's union before anything runs", () => {
    const dir = copyToTempRepo(REALISTIC, "auditmod-instrument-union-");
    const before = snapshotTree(dir);
    const r = runCli(["instrument", "--action", "folder.shared", "--mutation", "*.share", "--target", "folder=folder"], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`auditmod: instrument folder.shared: AUDIT7: target type "folder" is not one of the audit module's target types (${TARGET_TYPES}); nothing was run\n`);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it("the schema it creates declares the keys the module adds itself", () => {
    const dir = copyToTempRepo(REALISTIC, "auditmod-instrument-keys-");
    // A restore route not instrumented yet: only an action a site emits is registered.
    const route = path.join(dir, "pages/api/w/[wId]/assistant/agent_configurations/[aId]/restore.ts");
    fs.writeFileSync(
      route,
      [
        'import type { NextApiRequest, NextApiResponse } from "next";',
        "",
        "async function handler(req: NextApiRequest, res: NextApiResponse, auth: Authenticator) {",
        '  const agent = await getAgentConfiguration(auth, { agentId: req.query.aId as string, variant: "light" });',
        "  if (!agent) {",
        '    return apiError(req, res, { status_code: 404, api_error: { type: "agent_configuration_not_found", message: "Agent not found." } });',
        "  }",
        "  const restored = await restoreAgentConfiguration(auth, agent.sId);",
        "  if (!restored) {",
        '    return apiError(req, res, { status_code: 500, api_error: { type: "internal_server_error", message: "The agent could not be restored." } });',
        "  }",
        "  return res.status(200).json({ restored: true });",
        "}",
        "",
      ].join("\n"),
    );
    const r = runCli(["instrument", "--action", "agent.restored", "--mutation", "restoreAgentConfiguration", "--target", "agent=agent", "--dry", "--allow-dirty"], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(
      '+{\n+  "action": "agent.restored",\n+  "targets": [\n+    {\n+      "type": "workspace"\n+    },\n+    {\n+      "type": "agent"\n+    }\n+  ],\n+  "metadata": {\n+    "actor_type": "string"\n+  }\n+}\n',
    );
  });
});

describe("an audit module that names its emits otherwise (emitAuditEvent, emitAuditLogEventForSystem)", () => {
  const RENAMED = path.join(REPO_ROOT, "__tests__", "data", "renamed-emit-front");
  const SPACES = "pages/api/w/[wId]/spaces/index.ts";
  const ACTIVITY = "temporal/data_retention/activities.ts";

  it("check finds their calls (one through a renamed import) and reports them by the module's names", () => {
    const r = runCli(["check", "--root", RENAMED, "--format", "json"], REPO_ROOT);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).map((d: { file: string; line: number; rule: string; severity: string; message: string }) => `${d.file}:${d.line} ${d.rule} ${d.severity} ${d.message}`)).toEqual([
      `${SPACES}:33 AUDIT1 error emitAuditEvent is awaited; emit with \`void\` so the request does not wait on the audit log`,
      `${SPACES}:33 AUDIT6 error emitAuditEvent has no context while the Next.js request \`req\` is in scope; pass \`context: getAuditLogContext(auth, req)\``,
      `${SPACES}:36 AUDIT7 error targets have no workspace target; the workspace must be the first target`,
      `${SPACES}:37 AUDIT5 info 1 metadata value(s) may not be strings: "space_kind" (line 37); cannot tell without types: use \`auditmod run stringify-metadata --typecheck\``,
      `${SPACES}:37 AUDIT5 error metadata "member_count" is \`memberIds.length\`, not a string; wrap it in String(...)`,
      `${ACTIVITY}:18 AUDIT1 error emitAuditLogEventForSystem is awaited; emit with \`void\` so the request does not wait on the audit log`,
      `${ACTIVITY}:22 AUDIT7 error targets have no workspace target; the workspace must be the first target`,
      `${ACTIVITY}:23 AUDIT5 error metadata "purged_documents" is \`purged.length\`, not a string; wrap it in String(...)`,
    ]);
  });

  it("await-to-void, workspace-target, stringify-metadata and audit-context fix them; check then reports no error", () => {
    const dir = copyToTempRepo(RENAMED, "auditmod-renamed-emit-");
    const spacesBefore = fs.readFileSync(path.join(dir, SPACES), "utf8");
    const activityBefore = fs.readFileSync(path.join(dir, ACTIVITY), "utf8");
    const run = runCli(["run", "await-to-void", "workspace-target", "stringify-metadata", "audit-context", "--allow-dirty"], dir);
    expect(run.status).toBe(0);
    expect(fs.readFileSync(path.join(dir, SPACES), "utf8")).toBe(
      spacesBefore
        .replace('import { emitAuditEvent as emitAudit } from "@app/lib/api/audit/workos_audit";', 'import { buildWorkspaceTarget, emitAuditEvent as emitAudit, getAuditLogContext } from "@app/lib/api/audit/workos_audit";')
        .replace("      await emitAudit({", "      void emitAudit({")
        .replace(
          '        targets: [{ type: "space", id: space.sId, name: space.name }],\n        metadata: { space_kind: space.kind, member_count: memberIds.length },',
          '        targets: [buildWorkspaceTarget(auth.getNonNullableWorkspace()), { type: "space", id: space.sId, name: space.name }],\n        context: getAuditLogContext(auth, req),\n        metadata: { space_kind: space.kind, member_count: String(memberIds.length) },',
        ),
    );
    expect(fs.readFileSync(path.join(dir, ACTIVITY), "utf8")).toBe(
      activityBefore
        .replace('import { emitAuditLogEventForSystem } from "@app/lib/api/audit/workos_audit";', 'import { buildWorkspaceTarget, emitAuditLogEventForSystem } from "@app/lib/api/audit/workos_audit";')
        .replace("    await emitAuditLogEventForSystem({", "    void emitAuditLogEventForSystem({")
        .replace(
          '      targets: [{ type: "data_source", id: dataSource.sId, name: dataSource.name }],\n      metadata: { purged_documents: purged.length },',
          '      targets: [buildWorkspaceTarget(workspace), { type: "data_source", id: dataSource.sId, name: dataSource.name }],\n      context: { location: "internal" },\n      metadata: { purged_documents: String(purged.length) },',
        ),
    );
    const check = runCli(["check", "--root", dir, "--format", "json"], REPO_ROOT);
    expect(check.status).toBe(0);
    expect(JSON.parse(check.stdout).map((d: { rule: string; severity: string; line: number }) => `${d.rule}:${d.severity}:${d.line}`)).toEqual(["AUDIT5:info:38"]);
  });

  it("instrument inserts the module's own auth emit, and a second run finds it already instrumented", () => {
    const dir = copyToTempRepo(RENAMED, "auditmod-renamed-emit-instrument-");
    const file = path.join(dir, "lib/api/spaces.ts");
    const body = [
      "export async function archiveSpace(auth: Authenticator, space: SpaceResource): Promise<Result<void, Error>> {",
      "  const archived = await space.archive(auth);",
      "  if (archived.isErr()) {",
      "    return new Err(archived.error);",
      "  }",
    ];
    const imports = ['import type { Authenticator } from "@app/lib/auth";', 'import type { SpaceResource } from "@app/lib/resources/space_resource";', 'import { Err, Ok, type Result } from "@app/types/shared/result";'];
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, [...imports, "", ...body, "  return new Ok(undefined);", "}", ""].join("\n"));
    const args = ["instrument", "--action", "space.archived", "--mutation", "*.archive", "--target", "space=space", "--allow-dirty"];
    const first = runCli(args, dir);
    expect(first.status).toBe(0);
    expect(fs.readFileSync(file, "utf8")).toBe(
      [
        'import { buildWorkspaceTarget, emitAuditEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";',
        ...imports,
        "",
        ...body,
        "",
        "  void emitAuditEvent({",
        "    auth,",
        '    action: "space.archived",',
        "    targets: [",
        "      buildWorkspaceTarget(auth.getNonNullableWorkspace()),",
        '      { type: "space", id: space.sId, name: space.name },',
        "    ],",
        "    context: getAuditLogContext(auth),",
        "  });",
        "",
        "  return new Ok(undefined);",
        "}",
        "",
      ].join("\n"),
    );
    const second = runCli(args, dir);
    expect(second.status).toBe(0);
    expect(second.stderr.split("\n")[0]).toBe("lib/api/spaces.ts:7:26  info  [instrument] already instrumented: this function emits space.archived (line 12)");
  });

  it("check --typecheck without a tsconfig.json says why once per run on stderr and keeps the values the syntax cannot tell as info", () => {
    const dir = copyToTempRepo(RENAMED, "auditmod-renamed-emit-typecheck-");
    // A second file with a value the syntax cannot tell: the reason is still said once.
    const renamed = "pages/api/w/[wId]/spaces/[spaceId]/rename.ts";
    fs.mkdirSync(path.dirname(path.join(dir, renamed)), { recursive: true });
    fs.writeFileSync(
      path.join(dir, renamed),
      [
        'import { buildWorkspaceTarget, emitAuditEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";',
        "",
        "export async function renameSpace(req: NextApiRequest, auth: Authenticator, space: SpaceResource, name: string) {",
        "  await space.updateName(auth, name);",
        "  void emitAuditEvent({",
        "    auth,",
        '    action: "space.created",',
        '    targets: [buildWorkspaceTarget(auth.getNonNullableWorkspace()), { type: "space", id: space.sId, name: space.name }],',
        "    context: getAuditLogContext(auth, req),",
        "    metadata: { space_name: space.name },",
        "  });",
        "}",
        "",
      ].join("\n"),
    );
    const r = runCli(["check", path.join(dir, "pages"), "--root", dir, "--typecheck", "--format", "json", "--rule", "AUDIT5"], REPO_ROOT);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).map((d: { file: string; line: number; severity: string; message: string }) => `${d.file}:${d.line} ${d.severity} ${d.message}`)).toEqual([
      `${renamed}:10 info 1 metadata value(s) may not be strings: "space_name" (line 10); the TypeScript checker could not answer for them`,
      `${SPACES}:37 info 1 metadata value(s) may not be strings: "space_kind" (line 37); the TypeScript checker could not answer for them`,
      `${SPACES}:37 error metadata "member_count" is \`memberIds.length\`, not a string; wrap it in String(...)`,
    ]);
    expect(r.stderr).toBe(
      `auditmod: --typecheck: no tsconfig.json at ${dir}; values the syntax cannot tell stay info\nauditmod: --typecheck loaded 0 files into the TypeScript checker in 0.00s\n3 problems (1 error, 0 warnings, 2 info) in 2 files; 2 files checked\n`,
    );
  });

  it("a module exporting no target builder: workspace-target and instrument write the workspace target as a literal", () => {
    const dir = copyToTempRepo(RENAMED, "auditmod-renamed-emit-no-builder-");
    const modulePath = path.join(dir, MODULE);
    const moduleText = fs.readFileSync(modulePath, "utf8");
    const withoutBuilder = moduleText.replace(/export function buildWorkspaceTarget\([^]*?\n}\n\n/, "");
    expect(withoutBuilder).not.toContain("buildWorkspaceTarget");
    fs.writeFileSync(modulePath, withoutBuilder);
    const learned = runCli(["conventions", "--root", dir, "--json"], REPO_ROOT);
    expect(JSON.parse(learned.stdout).sources.targetBuilders).toEqual([`${MODULE} (declares its emit functions and exports no build...Target function)`]);

    const spacesBefore = fs.readFileSync(path.join(dir, SPACES), "utf8");
    const activityBefore = fs.readFileSync(path.join(dir, ACTIVITY), "utf8");
    const run = runCli(["run", "workspace-target", "--allow-dirty"], dir);
    expect(run.status).toBe(0);
    expect(fs.readFileSync(path.join(dir, SPACES), "utf8")).toBe(
      spacesBefore.replace(
        '        targets: [{ type: "space", id: space.sId, name: space.name }],',
        '        targets: [{ type: "workspace", id: auth.getNonNullableWorkspace().sId, name: auth.getNonNullableWorkspace().name }, { type: "space", id: space.sId, name: space.name }],',
      ),
    );
    expect(fs.readFileSync(path.join(dir, ACTIVITY), "utf8")).toBe(
      activityBefore.replace(
        '      targets: [{ type: "data_source", id: dataSource.sId, name: dataSource.name }],',
        '      targets: [{ type: "workspace", id: workspace.sId, name: workspace.name }, { type: "data_source", id: dataSource.sId, name: dataSource.name }],',
      ),
    );
    const check = runCli(["check", "--root", dir, "--format", "json", "--rule", "AUDIT7"], REPO_ROOT);
    expect(check.status).toBe(0);
    expect(JSON.parse(check.stdout)).toEqual([]);

    const file = path.join(dir, "lib/api/spaces.ts");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const body = [
      'import type { Authenticator } from "@app/lib/auth";',
      'import type { SpaceResource } from "@app/lib/resources/space_resource";',
      'import { Err, Ok, type Result } from "@app/types/shared/result";',
      "",
      "export async function archiveSpace(auth: Authenticator, space: SpaceResource): Promise<Result<void, Error>> {",
      "  const archived = await space.archive(auth);",
      "  if (archived.isErr()) {",
      "    return new Err(archived.error);",
      "  }",
    ];
    fs.writeFileSync(file, [...body, "  return new Ok(undefined);", "}", ""].join("\n"));
    const instrument = runCli(["instrument", "--action", "space.archived", "--mutation", "*.archive", "--target", "space=space", "--allow-dirty"], dir);
    expect(instrument.status).toBe(0);
    expect(fs.readFileSync(file, "utf8")).toBe(
      [
        'import { emitAuditEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";',
        ...body,
        "",
        "  void emitAuditEvent({",
        "    auth,",
        '    action: "space.archived",',
        "    targets: [",
        '      { type: "workspace", id: auth.getNonNullableWorkspace().sId, name: auth.getNonNullableWorkspace().name },',
        '      { type: "space", id: space.sId, name: space.name },',
        "    ],",
        "    context: getAuditLogContext(auth),",
        "  });",
        "",
        "  return new Ok(undefined);",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("the config can name them instead; then the module is not read for them", () => {
    const dir = copyToTempRepo(RENAMED, "auditmod-renamed-emit-config-");
    fs.writeFileSync(
      path.join(dir, "auditmod.config.json"),
      JSON.stringify({ conventions: { emitFunctions: [{ name: "emitAuditLogEventForSystem", kind: "direct", params: ["workspace", "actor", "action", "targets"] }] } }),
    );
    const r = runCli(["run", "await-to-void", "--dry", "--root", dir], REPO_ROOT);
    expect(r.status).toBe(0);
    // Only the configured function is an emit: the awaited emitAuditEvent is someone else's function now.
    expect(r.stdout.split("\n").filter((l) => /^[-+] /.test(l))).toEqual(["-    await emitAuditLogEventForSystem({", "+    void emitAuditLogEventForSystem({"]);
  });
});

describe("ts-morph for emit names: loaded only when the module may name its emits otherwise", () => {
  const hook = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "auditmod-hook-")), "hook.js");
  fs.writeFileSync(
    hook,
    'const Module = require("node:module");\nconst load = Module._load;\nModule._load = function (request, ...rest) {\n  if (request === "ts-morph") process.env.AUDITMOD_TSMORPH = "1";\n  return load.call(this, request, ...rest);\n};\nprocess.on("exit", () => process.stderr.write(`ts-morph loaded: ${process.env.AUDITMOD_TSMORPH === "1"}\\n`));\n',
  );
  const run = (args: string[]) => spawnSync(process.execPath, ["-r", hook, BIN, ...args], { cwd: REPO_ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });

  it("await-to-void where the only emit is emitAuditLogEventForSystem: learned, and its file is fixed", () => {
    const root = path.join(REPO_ROOT, "__tests__", "data", "renamed-emit-front");
    const r = run(["run", "await-to-void", "--dry", "--root", root, path.join(root, "temporal")]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("+    void emitAuditLogEventForSystem({");
    expect(r.stderr.trim().split("\n").pop()).toBe("ts-morph loaded: true");
  });

  it("await-to-void with standard names (examples/front, awaited emits included): not loaded", () => {
    const r = run(["run", "await-to-void", "--dry", "--root", "examples/front"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("+  void emitAuditLogEvent({");
    expect(r.stderr.trim().split("\n").pop()).toBe("ts-morph loaded: false");
  });
});
