import { Project } from "ts-morph";
import { learnConventions, withOverrides } from "../../src/audit/conventions";
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
      ],
      moduleMetadataKeys: ["actor_type", "source"],
      targetTypes: ["workspace", "space", "agent"],
      targetBuilders: ["buildSpaceTarget"],
      metadataStringOnly: true,
    });
    expect(learned.sources).toEqual({
      emitFunctions: [`${FILE}:5`, `${FILE}:6`],
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
