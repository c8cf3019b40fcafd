import { actionNameProblem, metadataKeyProblem, targetTypeProblem } from "../../src/audit/action-name";

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
