import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { FIXERS as FIXER_CORES } from "../../src/audit/transforms";
import {
  matchesFiles,
  parseManifest,
  parseSpec,
  readSpecFile,
  resolveFileFilter,
  resolveSpecFiles,
  SpecError,
  specFileLocator,
  specFromOptions,
} from "../../src/config/spec";

const FIXERS = FIXER_CORES.map((t) => t.name);
const REPO_ROOT = path.join(__dirname, "..", "..");
/** Only the shape of a name is refused here; AUDIT8/AUDIT9 are judged against the registry during the run. */
const SHAPE = "an action is <resource>.<verb> in lower case (space.created)";

function tempDir(files: Record<string, string> = {}): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "auditmod-spec-")));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

/** The problems a manifest text gets, one per line, or "ok". */
function manifestProblems(text: string, ext = "yaml"): string[] | "ok" {
  const dir = tempDir({ [`batch.${ext}`]: text });
  try {
    parseManifest(readSpecFile(path.join(dir, `batch.${ext}`)), FIXERS);
    return "ok";
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    return error.problems.map((p) => p.replace(dir, "<dir>"));
  }
}

describe("batch manifest validation: one message per problem, with its path in the manifest", () => {
  it("reports every problem of a bad manifest at once", () => {
    const text = `steps:
  - instrument:
      action: Space.Deleted
      mutation: "delete(space)"
      targets: [{ type: workspace, resource: auth }, { type: space, resource: "space." }, { type: api_key }, { type: Space, resource: s }]
      metadata: { spaceKind: space.kind, count: 3, "space kind": x }
      outcome: maybe
      guard: always
      actor: { type: system }
      color: red
  - instrument:
      action: space.deleted
  - await-to-vod
  - instrument
  - { foo: 1 }
  - 42
  - instrument: { action: spaces.deleted, mutation: "*.delete", files: [] }
  - instrument: { action: space.archive, mutation: "*.archive", metadata: { note: "" } }
unknown: 1
`;
    expect(manifestProblems(text)).toEqual([
      "(top level): Unrecognized key(s) in object: 'unknown'",
      `steps[0].instrument.action: "Space.Deleted" cannot be an action: it contains upper case; ${SHAPE}`,
      'steps[0].instrument.mutation: expected "fn", "Obj.method" or "*.method", got "delete(space)"',
      "steps[0].instrument.targets[0].type: the workspace target is always added first (AUDIT7); list only the other targets",
      'steps[0].instrument.targets[1].resource: "space." is not an expression: Unexpected token',
      "steps[0].instrument.targets[2].resource: Required",
      'steps[0].instrument.targets[3].type: AUDIT7: target type "Space" is not a lower snake case resource name (space, api_key, user)',
      'steps[0].instrument.metadata.space kind: metadata key "space kind" contains white space',
      "steps[0].instrument.outcome: Invalid enum value. Expected 'success' | 'failure', received 'maybe'",
      "steps[0].instrument.actor.id: Required",
      "steps[0].instrument.guard: Invalid enum value. Expected 'required' | 'optional', received 'always'",
      "steps[0].instrument: Unrecognized key(s) in object: 'color'",
      "steps[1].instrument.mutation: Required",
      'steps[2]: unknown fixer "await-to-vod" (known: await-to-void, workspace-target, stringify-metadata, audit-context, target-builders)',
      "steps[3]: an instrument step needs a spec: write `- instrument: { action: ..., mutation: ... }`",
      'steps[4]: expected a fixer name, `instrument: { ... }` or `migrate-call: { ... }`, got an object with keys "foo"',
      "steps[5]: expected a fixer name, `instrument: { ... }` or `migrate-call: { ... }`, got number 42",
      "steps[6].instrument.files: expected at least one path or glob (leave `files` out to look everywhere)",
      "steps[7].instrument.metadata.note: expected an expression, got an empty string",
    ]);
  });

  it.each([
    ["a list at the top", "- await-to-void\n", ["(top level): Expected object, received array"]],
    ["no steps", "root: front\n", ["steps: Required"]],
    ["an empty step list", "steps: []\n", ["steps: a batch needs at least one step"]],
    ["steps that are not a list", "steps: await-to-void\n", ["steps: Expected array, received string"]],
    ["a root that is not a string", "root: 3\nsteps: [await-to-void]\n", ["root: Expected string, received number"]],
    ["an instrument spec that is a string", "steps:\n  - instrument: space.deleted\n", ["steps[0].instrument: Expected object, received string"]],
    ["a step with two keys", "steps:\n  - instrument: { action: space.deleted, mutation: x }\n    await-to-void: true\n", ['steps[0]: expected a fixer name, `instrument: { ... }` or `migrate-call: { ... }`, got an object with keys "instrument", "await-to-void"']],
  ])("%s", (_what, text, expected) => {
    expect(manifestProblems(text)).toEqual(expected);
  });

  it("tells YAML syntax errors with their line, and duplicate keys", () => {
    expect(manifestProblems("steps:\n  - instrument: { action: space.deleted\n")).toEqual([
      "<dir>/batch.yaml:3:1: not valid YAML: Flow map in block collection must be sufficiently indented and end with a }",
    ]);
    expect(manifestProblems("steps: [await-to-void]\nsteps: [audit-context]\n")).toEqual(["<dir>/batch.yaml:2:1: not valid YAML: Map keys must be unique"]);
  });

  it("reads JSON manifests as JSON, with the parser's message", () => {
    expect(manifestProblems('{ "steps": ["await-to-void"] }', "json")).toBe("ok");
    expect(manifestProblems('{ "steps": [', "json")).toEqual(["<dir>/batch.json: not valid JSON: Unexpected end of JSON input"]);
  });

  it("a missing manifest is one message", () => {
    expect(() => readSpecFile("/nonexistent/batch.yaml")).toThrow(new SpecError(["/nonexistent/batch.yaml: cannot read: ENOENT"]));
  });

  it("parses examples/front/audit-batch.yaml into specs with defaults filled in", () => {
    const manifest = parseManifest(readSpecFile(path.join(REPO_ROOT, "examples", "front", "audit-batch.yaml")), FIXERS);
    expect(manifest.root).toBeUndefined();
    expect(manifest.steps.map((s) => (s.kind === "fixer" ? s.name : s.kind === "instrument" ? s.spec.action : s.kind))).toEqual([
      "space.deleted",
      "api_key.revoked",
      "trigger.schedule_updated",
      "group.created",
      "group.renamed",
      "group.archived",
      "credentials.created",
      "frame.deleted",
      "await-to-void",
      "workspace-target",
      "stringify-metadata",
      "audit-context",
    ]);
    expect(manifest.steps[2]).toEqual({
      kind: "instrument",
      spec: {
        action: "trigger.schedule_updated",
        mutation: "*.updateSchedule",
        files: ["temporal/**/activities.ts"],
        targets: [{ type: "trigger", resource: "trigger" }],
        metadata: { cron_expression: "cron", timezone: "timezone" },
        outcome: "success",
        actor: { type: "system", id: "temporal", name: "Trigger Scheduler" },
        guard: "optional",
      },
    });
  });
});

describe("parseSpec and specFromOptions", () => {
  it("fills defaults and keeps metadata keys as written; YAML scalars become expression text", () => {
    expect(parseSpec({ action: "space.deleted", mutation: "*.delete", metadata: { count: 3, forced: true } })).toEqual({
      action: "space.deleted",
      mutation: "*.delete",
      targets: [],
      metadata: { count: "3", forced: "true" },
      outcome: "success",
      guard: "optional",
    });
  });

  it("reads only spec keys from a step's options (conventions and engine flags ride along)", () => {
    const spec = specFromOptions({ targetStyle: "builder", quote: "single", action: "space.deleted", mutation: "*.delete", parser: "tsx" });
    expect(spec).toEqual({ action: "space.deleted", mutation: "*.delete", targets: [], metadata: {}, outcome: "success", guard: "optional" });
  });

  it("keeps filters already resolved against a root", () => {
    const files = [{ literal: "pages/api/w/[wId]" }, { glob: "lib/**" }];
    expect(specFromOptions({ action: "space.deleted", mutation: "*.delete", files }).files).toEqual(files);
  });

  it("throws one line per problem, prefixed", () => {
    expect(() => parseSpec({ action: "space", mutation: "" }, "spec.json")).toThrow(
      new SpecError([
        `spec.json.action: "space" cannot be an action: it has no dot between a resource and a verb; ${SHAPE}`,
        'spec.json.mutation: expected "fn", "Obj.method" or "*.method", got ""',
      ]),
    );
  });
});

describe("files: root-relative globs, existing paths matched literally", () => {
  const root = tempDir({ "pages/api/w/[wId]/spaces/index.ts": "", "lib/api/spaces.ts": "" });

  it.each([
    ["pages/api/w/[wId]/spaces/index.ts", { literal: "pages/api/w/[wId]/spaces/index.ts" }],
    ["pages/api/w/[wId]/", { literal: "pages/api/w/[wId]" }],
    ["./lib/api/spaces.ts", { literal: "lib/api/spaces.ts" }],
    [".", { literal: "" }],
    ["pages/api/w/*/spaces/**", { glob: "pages/api/w/*/spaces/**" }],
    ["lib/**/*.ts", { glob: "lib/**/*.ts" }],
    ["../x/**", '"../x/**" lies outside the root (<root>)'],
    ["lib/../../x.ts", '"lib/../../x.ts" lies outside the root (<root>)'],
    ["/etc/passwd", '"/etc/passwd" lies outside the root (<root>)'],
    ["lib/api/space.ts", '"lib/api/space.ts" names no file or folder below the root and is not a glob'],
  ])("%s", (entry, expected) => {
    const resolved = resolveFileFilter(root, entry);
    expect(typeof resolved === "string" ? resolved.replace(root, "<root>") : resolved).toEqual(expected);
  });

  it("an absolute path inside the root is made relative", () => {
    expect(resolveFileFilter(root, path.join(root, "lib", "api"))).toEqual({ literal: "lib/api" });
  });

  it("resolveSpecFiles says which entry of which step is wrong", () => {
    const spec = parseSpec({ action: "space.deleted", mutation: "*.delete", files: ["lib/**", "../elsewhere/*.ts"] });
    const { problems } = resolveSpecFiles(spec, root, "steps[2].instrument");
    expect(problems.map((p) => p.replace(root, "<root>"))).toEqual(['steps[2].instrument.files[1]: "../elsewhere/*.ts" lies outside the root (<root>)']);
  });

  it.each([
    ["pages/api/w/[wId]/spaces/index.ts", [{ literal: "pages/api/w/[wId]/spaces/index.ts" }], true],
    // Read as a glob, [wId] would be a character class: the literal entry must not match this file.
    ["pages/api/w/w/spaces/index.ts", [{ literal: "pages/api/w/[wId]/spaces/index.ts" }], false],
    ["pages/api/w/[wId]/spaces/index.ts", [{ literal: "pages/api/w/[wId]" }], true],
    ["pages/api/w/[wId]x/a.ts", [{ literal: "pages/api/w/[wId]" }], false],
    ["anything.ts", [{ literal: "" }], true],
    ["pages/api/w/abc/spaces/index.ts", [{ glob: "pages/api/w/*/spaces/**" }], true],
    ["pages/api/w/abc/groups/index.ts", [{ glob: "pages/api/w/*/spaces/**" }], false],
    ["temporal/triggers/activities.ts", ["temporal/**/activities.ts"], true],
    ["lib/x.ts", ["lib/x.ts"], true],
    ["lib/x.ts", ["pages/**", { glob: "lib/*.ts" }], true],
  ])("%s against %j -> %s", (file, filters, expected) => {
    expect(matchesFiles(file, filters as never)).toBe(expected);
  });
});

describe("specFileLocator: where a spec's entries are written, for warnings", () => {
  it.each([
    ["YAML", "m.yaml", "steps:\n  - await-to-void\n  - instrument:\n      action: groups.archive\n      metadata: { groupName: group.name }\n", ["steps", 1, "instrument", "action"], { line: 4, column: 7 }],
    ["YAML, a metadata key", "m.yaml", "steps:\n  - instrument:\n      action: groups.archive\n      metadata: { groupName: group.name }\n", ["steps", 0, "instrument", "metadata", "groupName"], { line: 4, column: 19 }],
    ["JSON", "s.json", '{\n  "mutation": "*.archive",\n  "action": "groups.archive"\n}\n', ["action"], { line: 3, column: 3 }],
    ["an entry that is not there", "s.json", '{ "action": "x.y" }', ["metadata", "k"], null],
  ])("%s", (_what, name, text, keys, expected) => {
    const dir = tempDir({ [name]: text });
    expect(specFileLocator(path.join(dir, name))(keys)).toEqual(expected);
  });

  it("a file that cannot be read locates nothing", () => {
    expect(specFileLocator("/nonexistent/m.yaml")(["action"])).toBeNull();
  });
});
