import { emitAction, emitNames, findEmitCalls, mayContainEmit, type EmitFunctions } from "../audit/emit";
import { positionOf } from "../audit/location";
import { parseForProbe, parserFor } from "./parse";

/** Where code already emits an action: the first emit found, in run file order. */
export interface ActionUse {
  file: string;
  line: number;
}

/** True when the text holds `action` as a string literal in any quote. */
function quotes(text: string, action: string): boolean {
  return text.includes(`"${action}"`) || text.includes(`'${action}'`) || text.includes(`\`${action}\``);
}

/**
 * The `actions` that existing emits in `files` already use. Cheap: only a file whose text holds both
 * an emit name and one of the actions as a string literal is parsed (a plain probe parse), and the
 * emit recogniser then confirms it; a file that does not parse proves nothing.
 */
export function findActionsInCode(files: Iterable<{ file: string; text: string }>, actions: readonly string[], functions: EmitFunctions): Map<string, ActionUse> {
  const found = new Map<string, ActionUse>();
  const names = emitNames(functions);
  for (const { file, text } of files) {
    const wanted = actions.filter((a) => !found.has(a) && quotes(text, a));
    if (wanted.length === 0 || !mayContainEmit(text, names)) continue;
    let calls;
    try {
      const { j, root } = parseForProbe(text, parserFor(file));
      calls = findEmitCalls(j, root, functions);
    } catch {
      continue;
    }
    for (const call of calls) {
      const action = emitAction(call.event);
      if (action !== null && wanted.includes(action) && !found.has(action)) found.set(action, { file, line: positionOf(call.path.node).line });
    }
  }
  return found;
}
