import * as path from "node:path";
import type { CommandModule } from "yargs";
import { findRoot } from "../config/config";
import { unifiedDiff } from "../engine/diff";
import { beginWritingSession, listRunJournals, NothingToUndo, selectRunToUndo, undoRun, type RunJournal, type UndoFileResult } from "../engine/journal";
import { STATE_DIR } from "../engine/lock";
import type { CliIO } from "./common";
import type { CommandResult } from "./main";

interface UndoFlags {
  run?: string;
  dry: boolean;
  list: boolean;
  root?: string;
}

/** `complete, 12 of 12 files written`, `interrupted, 40 files journaled`, `undone 2025-..., 11 restored, 1 kept`. */
export function describeRun(run: RunJournal): string {
  const files = run.entries.length;
  let state: string;
  if (run.status === "complete") state = `complete, ${run.written ?? files} of ${files} file(s) written`;
  else if (run.status === "interrupted") state = `interrupted, ${files} file(s) journaled`;
  else state = `writing (pid ${run.pid}), ${files} file(s) journaled`;
  if (run.undone) state += `; undone ${run.undone.at}: ${run.undone.restored} restored, ${run.undone.kept} kept`;
  return state;
}

function listRuns(root: string, io: CliIO): number {
  const runs = listRunJournals(root);
  if (runs.length === 0) {
    io.stdout(`no journaled runs in ${path.join(root, STATE_DIR)}\n`);
    return 0;
  }
  const width = Math.max(...runs.map((r) => r.id.length));
  for (const run of runs) io.stdout(`${run.id.padEnd(width)}  ${run.startedAt}  ${run.command}  (${describeRun(run)})\n`);
  return 0;
}

const VERB: Record<UndoFileResult["action"], { done: string; dry: string }> = {
  restored: { done: "restored", dry: "would restore" },
  deleted: { done: "removed (the run created it)", dry: "would remove (the run created it)" },
  already: { done: "already as before", dry: "already as before" },
  unwritten: { done: "not written by the run", dry: "not written by the run" },
  kept: { done: "kept", dry: "would keep" },
};

function reportUndo(root: string, run: RunJournal, results: UndoFileResult[], dry: boolean, io: CliIO): number {
  for (const r of results) {
    if (dry && r.action === "restored") io.stdout(`${unifiedDiff(r.file, r.current!.toString("utf8"), r.restored!.toString("utf8"))}\n`);
    else if (r.action === "restored" || r.action === "deleted") io.stdout(`${dry ? VERB[r.action].dry : VERB[r.action].done} ${r.file}\n`);
    if (r.action === "kept") io.stderr(`${r.file}  ${VERB.kept[dry ? "dry" : "done"]}: ${r.reason}\n`);
  }
  const count = (...actions: UndoFileResult["action"][]) => results.filter((r) => actions.includes(r.action)).length;
  const restored = count("restored", "deleted");
  const kept = count("kept");
  const unwritten = count("unwritten") > 0 ? `, ${count("unwritten")} not written by the run` : "";
  io.stderr(`auditmod: undo of run ${run.id} ("${run.command}") in ${root}: ${restored} ${dry ? "would be restored" : "restored"}, ${count("already")} already as before${unwritten}, ${kept} kept\n`);
  return kept > 0 ? 1 : 0;
}

/** `auditmod undo`: put back the files of the last (or a named) writing run, from the journal in `.auditmod/`. */
export function undoCommand(io: CliIO, result: CommandResult): CommandModule {
  return {
    command: "undo",
    describe: "restore the files of the last writing run (or --run ID) that still hold what it wrote; --list shows the journaled runs",
    builder: (y) =>
      y
        .option("run", { type: "string", describe: "the id of the run to undo (see --list); default: the newest not yet undone" })
        .option("dry", { type: "boolean", default: false, describe: "write nothing; print what would be restored as a diff" })
        .option("list", { type: "boolean", default: false, describe: "list the journaled runs: id, time, command, file counts" })
        .option("root", { type: "string", describe: "the front root (default: found from auditmod.config.json or lib/api/audit/workos_audit.ts)" }),
    handler: (argv) => {
      const flags = argv as unknown as UndoFlags;
      const root = findRoot(flags.root, io.cwd);
      if (flags.list) {
        result.exitCode = listRuns(root, io);
        return;
      }
      const command = `undo${flags.run ? ` --run ${flags.run}` : ""}${flags.dry ? " --dry" : ""}`;
      const session = flags.dry ? null : beginWritingSession(root, command);
      try {
        for (const notice of session?.notices ?? []) io.stderr(`auditmod: ${notice}\n`);
        const run = selectRunToUndo(root, flags.run);
        result.exitCode = reportUndo(root, run, undoRun(root, run, flags.dry), flags.dry, io);
      } catch (error) {
        if (!(error instanceof NothingToUndo)) throw error;
        io.stderr(`auditmod: nothing to undo: ${error.message}\n`);
        result.exitCode = 1;
      } finally {
        session?.release();
      }
    },
  };
}
