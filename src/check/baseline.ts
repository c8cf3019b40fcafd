import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { z } from "zod";
import { formatIssues } from "../config/config";
import type { Diagnostic } from "./types";

/** One accepted finding: where it was when recorded, and the fingerprint that finds it again after lines move. */
export interface BaselineEntry {
  file: string;
  rule: string;
  fingerprint: string;
  /** The line when recorded: informational, never used to match. */
  line: number;
  message: string;
}

export interface Baseline {
  version: 1;
  findings: BaselineEntry[];
}

const BaselineSchema = z
  .object({
    version: z.literal(1),
    findings: z.array(z.object({ file: z.string(), rule: z.string(), fingerprint: z.string(), line: z.number().int(), message: z.string() }).strict()),
  })
  .strict();

/**
 * What identifies a finding whatever line it sits on: its rule, the offending line's text with its
 * whitespace collapsed, and its message with numbers blanked (messages may name a line).
 */
export function fingerprintOf(diagnostic: Pick<Diagnostic, "rule" | "message">, lineText: string): string {
  const code = lineText.trim().replace(/\s+/g, " ");
  const message = diagnostic.message.replace(/\d+/g, "#");
  return createHash("sha256").update(`${diagnostic.rule}\0${code}\0${message}`).digest("hex").slice(0, 16);
}

/** The text of each diagnostic's line, each file read once; a file that cannot be read gives "". */
export function lineTextsFor(root: string): (d: Diagnostic) => string {
  const lines = new Map<string, string[]>();
  return (d) => {
    let fileLines = lines.get(d.file);
    if (!fileLines) {
      try {
        fileLines = fs.readFileSync(path.join(root, d.file), "utf8").split(/\r\n|\r|\n/);
      } catch {
        fileLines = [];
      }
      lines.set(d.file, fileLines);
    }
    return fileLines[d.line - 1] ?? "";
  };
}

/** A baseline holding every diagnostic, in report order. */
export function buildBaseline(diagnostics: readonly Diagnostic[], lineText: (d: Diagnostic) => string): Baseline {
  return { version: 1, findings: diagnostics.map((d) => ({ file: d.file, rule: d.rule, fingerprint: fingerprintOf(d, lineText(d)), line: d.line, message: d.message })) };
}

export function serializeBaseline(baseline: Baseline): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

/** A baseline file's content, or the problems that make it unusable (one line each). */
export function parseBaseline(text: string): { ok: true; baseline: Baseline } | { ok: false; problems: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`not JSON: ${(error as Error).message}`] };
  }
  const parsed = BaselineSchema.safeParse(json);
  return parsed.success ? { ok: true, baseline: parsed.data } : { ok: false, problems: formatIssues(parsed.error.issues) };
}

export interface BaselineComparison {
  /** Findings the baseline does not hold: the only ones that count. */
  fresh: Diagnostic[];
  /** Findings the baseline holds. */
  known: Diagnostic[];
  /** Baseline entries no finding matches any more: removable. */
  fixed: BaselineEntry[];
}

/**
 * Matches findings to baseline entries by file, rule and fingerprint, each entry at most once. Only
 * entries `checked` covers (the paths and rules of this check) can be fixed: the others were not looked at.
 */
export function compareWithBaseline(diagnostics: readonly Diagnostic[], baseline: Baseline, lineText: (d: Diagnostic) => string, checked: (entry: BaselineEntry) => boolean = () => true): BaselineComparison {
  const key = (file: string, rule: string, fingerprint: string) => `${file}\0${rule}\0${fingerprint}`;
  const unmatched = new Map<string, BaselineEntry[]>();
  for (const entry of baseline.findings) {
    const k = key(entry.file, entry.rule, entry.fingerprint);
    unmatched.set(k, [...(unmatched.get(k) ?? []), entry]);
  }
  const fresh: Diagnostic[] = [];
  const known: Diagnostic[] = [];
  for (const d of diagnostics) {
    const entries = unmatched.get(key(d.file, d.rule, fingerprintOf(d, lineText(d))));
    if (entries && entries.length > 0) {
      entries.shift();
      known.push(d);
    } else {
      fresh.push(d);
    }
  }
  const fixed = baseline.findings.filter((e) => checked(e) && unmatched.get(key(e.file, e.rule, e.fingerprint))!.includes(e));
  return { fresh, known, fixed };
}
