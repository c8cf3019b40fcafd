import * as fs from "node:fs";
import * as path from "node:path";
import { defaultConventions, emitFunctionCandidates, learnConventions, withOverrides, type LearnedConventions } from "../audit/conventions";
import { emitNames } from "../audit/emit";
import type { AuditConventions } from "../audit/types";
import { CONFIG_FILE, type AuditmodConfig } from "../config/config";
import { lineColumnAt } from "../registry/position";

/** The audit module's conventions for a run: what was learned, and a notice when the module could not be used. */
export interface LoadedConventions extends LearnedConventions {
  /** Set once when the module cannot be read or parsed: the run says so and goes on with the defaults. */
  notice: string | null;
}

// Parsing the module loads ts-morph: once per module text, shared by a run, its registration and check.
const parsed = new Map<string, LearnedConventions>();

function readModule(root: string, file: string): LoadedConventions {
  let text: string;
  try {
    text = fs.readFileSync(path.join(root, file), "utf8").replace(/^\uFEFF/, "");
  } catch (error) {
    const reason = `cannot read the audit module ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
    return { ...defaultConventions(reason), notice: `${reason}; using the default conventions` };
  }
  const key = `${file}\0${text}`;
  const cached = parsed.get(key);
  if (cached) return { ...cached, notice: null };
  const { Project, ts } = require("ts-morph") as typeof import("ts-morph");
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { noLib: true, allowJs: true } });
  const sf = project.createSourceFile(/\.[cm]?tsx?$/.test(file) ? file : `${file}.ts`, text, { overwrite: true });
  const syntax = project.getProgram().compilerObject.getSyntacticDiagnostics(sf.compilerNode)[0];
  if (syntax) {
    const at = lineColumnAt(text, syntax.start ?? 0);
    const reason = `cannot parse the audit module ${file}:${at.line}:${at.column}: ${ts.flattenDiagnosticMessageText(syntax.messageText, " ")}`;
    return { ...defaultConventions(reason), notice: `${reason}; using the default conventions` };
  }
  const learned = learnConventions(sf, file);
  parsed.set(key, learned);
  return { ...learned, notice: null };
}

/**
 * The conventions of `config`'s audit module (its `registry` file) with the config's overrides. The
 * caller says `notice` once, when it is set.
 */
export function loadConventions(config: AuditmodConfig): LoadedConventions {
  const read = readModule(config.root, config.registry);
  return { ...withOverrides(read, config.moduleOverrides, CONFIG_FILE), notice: read.notice };
}

/** `config` completed from its audit module; `say` hears the notice, once, when the module could not be used. */
export function withLearnedConventions(config: AuditmodConfig, say: (line: string) => void): AuditmodConfig {
  const loaded = loadConventions(config);
  if (loaded.notice) say(`auditmod: ${loaded.notice}\n`);
  return withModuleConventions(config, loaded);
}

/** `config` with its conventions completed from the audit module. */
export function withModuleConventions(config: AuditmodConfig, loaded: LoadedConventions): AuditmodConfig {
  const conventions: AuditConventions = { ...config.conventions, module: loaded.facts };
  return { ...config, conventions };
}

/** The emit names a run reads files with before the audit module is learned, and whether learning may change them. */
export interface EmitNamesBeforeLearning {
  names: string[];
  /** True when the module may name its emits otherwise: the run then learns them at the first file that may match. */
  learn: boolean;
}

/**
 * Without ts-morph: the configured emit names (the config's, else the standard ones), plus the
 * functions of the module text that could be emits, when it has any other (`emitFunctionCandidates`).
 */
export function emitNamesBeforeLearning(config: AuditmodConfig): EmitNamesBeforeLearning {
  const configured = emitNames(config.conventions.module.emitFunctions);
  if (config.moduleOverrides.emitFunctions) return { names: configured, learn: false };
  let text: string;
  try {
    text = fs.readFileSync(path.join(config.root, config.registry), "utf8");
  } catch {
    return { names: configured, learn: false }; // learning would fall back to the defaults too
  }
  const others = emitFunctionCandidates(text).filter((name) => !configured.includes(name));
  return others.length === 0 ? { names: configured, learn: false } : { names: [...configured, ...others], learn: true };
}
