import { actionNameProblem, malformedActionProblem, malformedMetadataKeyProblem, metadataKeyProblem, suggestActionName, suggestMetadataKey, targetTypeProblem } from "../../src/audit/action-name";

const RULE = "actions are named <resource>.<verb>: singular lower-case resource, past-tense verb, snake case (space.created, api_key.revoked, user.login_failed)";

describe("actionNameProblem (AUDIT8)", () => {
  it.each([
    "space.created",
    "api_key.revoked",
    "user.login_failed",
    "domain.verification_failed",
    "group.member_added",
    "workspace.sso_enforced",
    "user.signed_in",
    "user.logged_out",
    "member.invite_sent",
    "trigger.run",
    "password.reset",
    "status.updated",
    "access.granted",
    "alias.created",
    "user.login",
    "user.logout",
  ])("accepts %s", (name) => {
    expect(actionNameProblem(name)).toBeNull();
  });

  it.each([
    ["spaces.created", 'has a plural resource "spaces"'],
    ["api_keys.revoked", 'has a plural resource "api_keys"'],
    ["space.create", 'has a verb "create" that is not in the past tense'],
    ["space.delete", 'has a verb "delete" that is not in the past tense'],
    ["workspace.login", 'has a verb "login" that is not in the past tense'],
    ["user.signed_at", 'has a verb "signed_at" that is not in the past tense'],
    ["Space.created", 'has a resource "Space" that is not lower snake case'],
    ["apiKey.revoked", 'has a resource "apiKey" that is not lower snake case'],
    ["space.memberAdded", 'has a verb "memberAdded" that is not lower snake case'],
    ["space.member__added", 'has a verb "member__added" that is not lower snake case'],
    ["space-created", "is not <resource>.<verb> (exactly one dot between two names)"],
    ["space.member.added", "is not <resource>.<verb> (exactly one dot between two names)"],
    [".created", "is not <resource>.<verb> (exactly one dot between two names)"],
    ["", "is not <resource>.<verb> (exactly one dot between two names)"],
  ])("rejects %s", (name, why) => {
    expect(actionNameProblem(name)).toBe(`AUDIT8: action "${name}" ${why}; ${RULE}`);
  });
});

describe("metadataKeyProblem (AUDIT9) and targetTypeProblem", () => {
  it("accepts snake case and names the rule otherwise", () => {
    expect(metadataKeyProblem("space_kind")).toBeNull();
    expect(metadataKeyProblem("spaceKind")).toBe('AUDIT9: metadata key "spaceKind" is not snake case; metadata keys are lower snake case (space_kind, member_count)');
    expect(targetTypeProblem("api_key")).toBeNull();
    expect(targetTypeProblem("space=space")).toBe('AUDIT7: target type "space=space" is not a lower snake case resource name (space, api_key, user)');
  });
});

describe("malformedActionProblem and malformedMetadataKeyProblem: what cannot be a name at all (exit 2)", () => {
  const SHAPE = "an action is <resource>.<verb> in lower case (space.created)";
  it.each(["space.created", "credentials.created", "frame.deleted_admin", "space.archive", "workspace.sso.enabled", "api-key.created", "v2_space.created"])("%s has the shape of an action", (name) => {
    expect(malformedActionProblem(name)).toBeNull();
  });

  it.each([
    ["", "it is empty"],
    ["spacedeleted", "it has no dot between a resource and a verb"],
    ["space deleted", "it contains white space"],
    ["space.deleted ", "it contains white space"],
    ["Space.Deleted", "it contains upper case"],
    ["space.Deleted", "it contains upper case"],
    [".deleted", "it has an empty part around a dot"],
    ["space..deleted", "it has an empty part around a dot"],
    ["space.deleted!", 'it contains "!"'],
  ])("%j: %s", (name, why) => {
    expect(malformedActionProblem(name)).toBe(`"${name}" cannot be an action: ${why}; ${SHAPE}`);
  });

  it.each([
    ["previousRole", null],
    ["previous-role", null],
    ["", "a metadata key cannot be empty"],
    ["previous role", 'metadata key "previous role" contains white space'],
  ])("metadata key %j", (key, problem) => {
    expect(malformedMetadataKeyProblem(key)).toBe(problem);
  });
});

describe("suggestActionName and suggestMetadataKey: the conforming name a warning offers", () => {
  it.each([
    ["credentials.created", "credential.created"],
    ["frame.deleted_admin", "frame.admin_deleted"],
    ["space.archive", "space.archived"],
    ["space.delete", "space.deleted"],
    ["api_keys.revoke", "api_key.revoked"],
    ["policies.apply", "policy.applied"],
    ["mailboxes.created", "mailbox.created"],
    ["space.created", null],
    ["workspace.sso.enabled", null],
  ])("%s -> %s", (name, suggestion) => {
    expect(suggestActionName(name)).toBe(suggestion);
  });

  it.each([
    ["previousRole", "previous_role"],
    ["previous-role", "previous_role"],
    ["keyID", "key_id"],
    ["space_kind", null],
  ])("%s -> %s", (key, suggestion) => {
    expect(suggestMetadataKey(key)).toBe(suggestion);
  });
});
