/**
 * AUDIT8 (action names) and AUDIT9 (metadata keys): the one place that decides whether a name is
 * acceptable. Spec validation, `add-event`, registration and `check` all call these.
 */

const SNAKE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

const AUDIT8_RULE = "actions are named <resource>.<verb>: singular lower-case resource, past-tense verb, snake case (space.created, api_key.revoked, user.login_failed)";

/**
 * Session events that real registries name `user.login` / `user.logout`.
 * They are accepted as they are: an action name is permanent once events were sent under it
 * (renaming splits the audit trail and needs a new WorkOS schema), so `check` must not demand a fix
 * nobody can make. Every other name follows the rule.
 */
export const ESTABLISHED_ACTIONS: ReadonlySet<string> = new Set(["user.login", "user.logout"]);

/** Singular words ending in "s" that the plural heuristic would otherwise reject. */
const SINGULAR_ENDING_IN_S = new Set(["alias", "canvas", "dns", "sms", "saas", "gas", "bonus", "atlas", "lens", "news", "series", "species", "analytics", "settings"]);

/** Irregular past participles (regular ones end in "ed"). */
const IRREGULAR_PAST = new Set([
  "begun", "bound", "bought", "broken", "brought", "built", "chosen", "cut", "dealt", "done", "drawn", "found", "frozen",
  "given", "got", "gotten", "held", "hidden", "kept", "known", "led", "left", "lost", "made", "met", "overridden", "paid",
  "put", "quit", "read", "rebuilt", "reset", "rerun", "rewritten", "run", "sent", "set", "shown", "shut", "sold", "spent",
  "split", "taken", "thrown", "unbound", "undone", "unfrozen", "upset", "withdrawn", "won", "written",
]);

/** Particles of phrasal verbs: `user.signed_in`, `user.logged_out`, `trigger.turned_off`. */
const PARTICLES = new Set(["in", "out", "up", "down", "off", "on", "over", "back", "away"]);

function isPastTense(word: string): boolean {
  return (word.length > 3 && word.endsWith("ed")) || IRREGULAR_PAST.has(word);
}

/** A heuristic, since English plurals are irregular: a last word ending in "s" (not "ss", "us", "is") is plural. */
function isPlural(resource: string): boolean {
  const last = resource.split("_").pop()!;
  if (SINGULAR_ENDING_IN_S.has(last)) return false;
  return /[^sui]s$/.test(last);
}

/** The verb part must end in a past tense (`created`, `login_failed`), possibly followed by a particle (`signed_in`). */
function verbIsPastTense(verb: string): boolean {
  const words = verb.split("_");
  const last = words[words.length - 1];
  if (isPastTense(last)) return true;
  return words.length > 1 && PARTICLES.has(last) && isPastTense(words[words.length - 2]);
}

/** Why `name` breaks AUDIT8, as one line naming the rule, or null when it is a good action name. */
export function actionNameProblem(name: string): string | null {
  if (ESTABLISHED_ACTIONS.has(name)) return null;
  const fail = (why: string) => `AUDIT8: action "${name}" ${why}; ${AUDIT8_RULE}`;
  const parts = name.split(".");
  if (parts.length !== 2 || parts[0] === "" || parts[1] === "") return fail("is not <resource>.<verb> (exactly one dot between two names)");
  const [resource, verb] = parts;
  if (!SNAKE.test(resource)) return fail(`has a resource "${resource}" that is not lower snake case`);
  if (!SNAKE.test(verb)) return fail(`has a verb "${verb}" that is not lower snake case`);
  if (isPlural(resource)) return fail(`has a plural resource "${resource}"`);
  if (!verbIsPastTense(verb)) return fail(`has a verb "${verb}" that is not in the past tense`);
  return null;
}

/** Why a metadata key breaks AUDIT9 (snake case), or null. */
export function metadataKeyProblem(key: string): string | null {
  return SNAKE.test(key) ? null : `AUDIT9: metadata key "${key}" is not snake case; metadata keys are lower snake case (space_kind, member_count)`;
}

/** Why a target type is not a resource name (AUDIT7: typed resources such as `space`, `api_key`), or null. */
export function targetTypeProblem(type: string): string | null {
  return SNAKE.test(type) ? null : `AUDIT7: target type "${type}" is not a lower snake case resource name (space, api_key, user)`;
}

/**
 * Why `name` cannot be an action at all (exit 2), or null. Only the shape is checked here: a
 * registered action is a fact whatever AUDIT8 says, and a new one that breaks it is a warning.
 */
export function malformedActionProblem(name: string): string | null {
  const fail = (why: string) => `"${name}" cannot be an action: ${why}; an action is <resource>.<verb> in lower case (space.created)`;
  if (name === "") return fail("it is empty");
  if (/\s/.test(name)) return fail("it contains white space");
  if (/[A-Z]/.test(name)) return fail("it contains upper case");
  if (!name.includes(".")) return fail("it has no dot between a resource and a verb");
  if (name.split(".").some((part) => part === "")) return fail("it has an empty part around a dot");
  const bad = /[^a-z0-9_.-]/.exec(name);
  if (bad) return fail(`it contains "${bad[0]}"`);
  return null;
}

/** Why `key` cannot be a metadata key at all (exit 2), or null; a key that merely breaks AUDIT9 is a warning. */
export function malformedMetadataKeyProblem(key: string): string | null {
  if (key.trim() === "") return "a metadata key cannot be empty";
  if (/\s/.test(key)) return `metadata key "${key}" contains white space`;
  return null;
}

/** `previousRole`, `previous-role` -> `previous_role`. */
function toSnake(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/[-\s]+/g, "_")
    .replace(/_+/g, "_")
    .toLowerCase();
}

/** The singular of a plural resource's last word, by the common English endings. */
function singular(resource: string): string {
  if (!isPlural(resource)) return resource;
  const words = resource.split("_");
  const last = words.pop()!;
  const one = last.endsWith("ies") ? `${last.slice(0, -3)}y` : /(ch|sh|x|ss)es$/.test(last) ? last.slice(0, -2) : last.slice(0, -1);
  return [...words, one].join("_");
}

/** The past tense of a present-tense verb (`delete` -> `deleted`, `add` -> `added`, `copy` -> `copied`). */
function pastTense(word: string): string {
  if (word.endsWith("e")) return `${word}d`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ied`;
  return `${word}ed`;
}

/** A verb whose past-tense word is last: `deleted_admin` -> `admin_deleted`, `delete` -> `deleted`. */
function conformingVerb(verb: string): string {
  if (verbIsPastTense(verb)) return verb;
  const words = verb.split("_");
  const past = words.findIndex(isPastTense);
  if (past !== -1) return [...words.slice(0, past), ...words.slice(past + 1), words[past]].join("_");
  return [...words.slice(0, -1), pastTense(words[words.length - 1])].join("_");
}

/** The AUDIT8-conforming name closest to `name` (`credentials.created` -> `credential.created`), or null when none can be made. */
export function suggestActionName(name: string): string | null {
  const parts = toSnake(name).split(".");
  if (parts.length !== 2 || parts.some((p) => p === "")) return null;
  const suggestion = `${singular(parts[0])}.${conformingVerb(parts[1])}`;
  return actionNameProblem(suggestion) === null && suggestion !== name ? suggestion : null;
}

/** The snake-case form of a metadata key (`previousRole` -> `previous_role`), or null when none can be made. */
export function suggestMetadataKey(key: string): string | null {
  const suggestion = toSnake(key).replace(/^_+|_+$/g, "");
  return metadataKeyProblem(suggestion) === null && suggestion !== key ? suggestion : null;
}
