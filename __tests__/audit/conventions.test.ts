import { Project } from "ts-morph";
import { emitFunctionCandidates, learnConventions, withOverrides } from "../../src/audit/conventions";
import { DEFAULT_MODULE_FACTS } from "../../src/audit/types";

const FILE = "lib/api/audit/workos_audit.ts";

function learn(text: string) {
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { noLib: true } });
  return learnConventions(project.createSourceFile(FILE, text), FILE);
}

describe("learnConventions", () => {
  it("arrow emit functions, a const-array target union, string-only metadata, keys beside a spread of event.metadata", () => {
    const learned = learn(
      [
        'export const AUDIT_TARGET_TYPES = ["workspace", "space", "agent"] as const;',
        "export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];",
        "export type AuditTarget = { type: AuditTargetType; id: string };",
        "interface Event { action: string; targets: AuditTarget[]; metadata?: Record<string, string> }",
        "export const emitAuditLogEvent = (event: Event & { auth: Authenticator }) => send(event);",
        "export const emitSystemAuditLogEvent = (event: Event & { workspace: W; actor: A }) => send(event);",
        "export const buildSpaceTarget = (space: S): AuditTarget => ({ type: \"space\", id: space.sId });",
        "function send(event: Event & { actor?: A }) {",
        '  return client.createEvent({ metadata: { ...(event.metadata ?? {}), "actor_type": event.actor?.type ?? "user", source: "front" } });',
        "}",
        "",
      ].join("\n"),
    );
    expect(learned.facts).toEqual({
      emitFunctions: [
        { name: "emitAuditLogEvent", kind: "auth", params: ["action", "targets", "metadata", "auth"] },
        { name: "emitSystemAuditLogEvent", kind: "direct", params: ["action", "targets", "metadata", "workspace", "actor"] },
        // The standard helpers stay emits, so their calls are never missed.
        DEFAULT_MODULE_FACTS.emitFunctions[1],
      ],
      moduleMetadataKeys: ["actor_type", "source"],
      targetTypes: ["workspace", "space", "agent"],
      targetBuilders: ["buildSpaceTarget"],
      metadataStringOnly: true,
    });
    expect(learned.sources).toEqual({
      emitFunctions: [`${FILE}:5`, `${FILE}:6`, `default (emitAuditLogEventDirect: not an emit function of ${FILE})`],
      moduleMetadataKeys: [`${FILE}:9`, `${FILE}:9`],
      targetTypes: [`${FILE}:3`, `${FILE}:2`],
      targetBuilders: [`${FILE}:7`],
      metadataStringOnly: [`${FILE}:4`],
    });
  });

  it("a module that states none of the facts: the defaults, each saying so", () => {
    const learned = learn('export type AuditAction = "space.created";\nexport function helper(x: number) {\n  return { ...x };\n}\n');
    expect(learned.facts).toEqual(DEFAULT_MODULE_FACTS);
    const why = [`default (not found in ${FILE})`];
    expect(learned.sources).toEqual({ emitFunctions: why, moduleMetadataKeys: why, targetTypes: why, targetBuilders: why, metadataStringOnly: why });
  });

  describe("target builders of a module that declares its emit functions", () => {
    const emits = "interface Event { auth: Authenticator; action: string; targets: T[] }\nexport function emitAuditLogEvent(event: Event): void {}\n";
    it.each([
      ["only buildAuditLogTarget", "export function buildAuditLogTarget(type: string, r: R): T {\n  return { type, id: r.sId };\n}\n", ["buildAuditLogTarget"], [`${FILE}:3`]],
      ["none at all: none, not the default", "export function getAuditLogContext(auth: Authenticator): C {\n  return { location: \"internal\" };\n}\n", [], [`${FILE} (declares its emit functions and exports no build...Target function)`]],
      ["one re-exported by name, one renamed by an export list", 'export { buildWorkspaceTarget } from "./targets";\nfunction target(r: R): T {\n  return r;\n}\nexport { target as buildSpaceTarget };\n', ["buildWorkspaceTarget", "buildSpaceTarget"], [`${FILE}:3`, `${FILE}:7`]],
      ["none, but a whole module re-exported: the default", 'export * from "./targets";\n', DEFAULT_MODULE_FACTS.targetBuilders, [`default (not found in ${FILE})`]],
    ])("%s", (_case, rest, builders, from) => {
      const { facts, sources } = learn(emits + rest);
      expect(facts.targetBuilders).toEqual(builders);
      expect(sources.targetBuilders).toEqual(from);
    });
  });

  it("the config overrides a fact and is named as its source; others keep theirs", () => {
    const learned = learn("export type AuditLogMetadata = Record<string, string | number>;\n");
    expect(learned.facts.metadataStringOnly).toBe(false);
    expect(learned.sources.metadataStringOnly).toEqual([`${FILE}:1`]);
    const overridden = withOverrides(learned, { metadataStringOnly: true, targetTypes: ["workspace", "space"] }, "auditmod.config.json");
    expect(overridden.facts.metadataStringOnly).toBe(true);
    expect(overridden.facts.targetTypes).toEqual(["workspace", "space"]);
    expect(overridden.sources.metadataStringOnly).toEqual(["auditmod.config.json (conventions.metadataStringOnly)"]);
    expect(overridden.sources.emitFunctions).toEqual(learned.sources.emitFunctions);
  });
});

describe("emit functions: a parameter typed by a union, and the text superset read without ts-morph", () => {
  const module = [
    "interface Base { action: string; targets: T[]; metadata?: M }",
    "interface AuthParams extends Base { auth: Authenticator }",
    "interface LegacyParams extends Base { workspace: W; actor: A }",
    "export function emitAuditEvent(params: AuthParams | LegacyParams): Promise<void> {",
    "  return send(params);",
    "}",
    "export const emitAuditLogEventForSystem = async ({ workspace, actor, action, targets }: { workspace: W; actor: A; action: string; targets: T[] }) => {};",
    "export function getAuditLogContext(auth: Authenticator, req?: Req): C {",
    "  return { location: req ? 'web' : 'internal' };",
    "}",
    "export function buildAuditActor(auth: Authenticator): A {",
    "  return { type: 'user' };",
    "}",
    "export const typed: EmitFn = (e) => send(e);",
    "function send(event: Base) {}",
    "",
  ].join("\n");

  it("learns the properties of every member of a union (`auth` in one of them: an auth emit)", () => {
    const { facts, sources } = learn(module);
    expect(facts.emitFunctions).toEqual([
      { name: "emitAuditEvent", kind: "auth", params: ["auth", "action", "targets", "metadata", "workspace", "actor"] },
      { name: "emitAuditLogEventForSystem", kind: "direct", params: ["workspace", "actor", "action", "targets"] },
      ...DEFAULT_MODULE_FACTS.emitFunctions,
    ]);
    expect(sources.emitFunctions).toEqual([
      `${FILE}:4`,
      `${FILE}:7`,
      `default (emitAuditLogEvent: not an emit function of ${FILE})`,
      `default (emitAuditLogEventDirect: not an emit function of ${FILE})`,
    ]);
  });

  it("the text superset holds every learned name, and leaves out functions of two parameters or of a type the module does not declare", () => {
    // `typed` is kept: its annotation may make it an emit; `send` is not exported.
    expect(emitFunctionCandidates(module)).toEqual(["emitAuditEvent", "emitAuditLogEventForSystem", "typed"]);
  });

  it.each([
    ["no function", "export type AuditAction = \"a.b\";\n", []],
    ["generic function", "export function emitX<E extends Ev>(event: E) {}\ninterface Ev { action: string }\n", ["emitX"]],
    ["function expression in a const", "export const emitY = function (event: { action: string }) {};\n", ["emitY"]],
    ["a parameter list too tricky to read (a template literal)", "export function emitZ(event = `${a}`) {}\n", ["emitZ"]],
    ["an untyped identifier parameter", "export const log = (x) => x;\n", []],
    ["no parameter", "export function now() {}\n", []],
    ["exported by an export list", "function emitU(event: { action: string }) {}\nexport { emitU };\n", ["emitU"]],
    ["an async default export", "export default async function emitT(event: { action: string }) {}\n", ["emitT"]],
    ["a typed constant holding an object", "interface Actor { type: string }\nconst SYSTEM: Actor = { type: \"system\" };\n", []],
    ["a typed constant holding an arrow of one bare parameter", "export const emitV: EmitFn = e => send(e);\n", ["emitV"]],
    ["a parameter whose name is a local variable elsewhere", "const workspace = 1;\nexport function buildTarget(workspace: { sId: string }) {}\n", []],
    ["a trailing comma after one parameter", "export function emitW(event: { action: string },) {}\n", ["emitW"]],
  ])("%s", (_name, text, expected) => {
    expect(emitFunctionCandidates(text)).toEqual(expected);
  });
});
