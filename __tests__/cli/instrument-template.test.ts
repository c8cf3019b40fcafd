import * as path from "node:path";
import { copyToTempRepo, REPO_ROOT, runCli, snapshotTree } from "../helpers/cli";

// `auditmod instrument --template` end to end (built CLI) on a temp git copy of examples/front.

const FRONT = path.join(REPO_ROOT, "examples", "front");
const FILE = "pages/api/w/[wId]/triggers/[tId]/disable.ts";

const EXPECTED_DIFF = `diff --git a/${FILE} b/${FILE}
--- a/${FILE}
+++ b/${FILE}
@@ -10,6 +10,7 @@
 import { withSessionAuthenticationForWorkspace } from "@app/lib/api/auth_wrappers";
 import { apiError } from "@app/lib/api/errors";
 import type { WithAPIErrorResponse } from "@app/lib/api/errors";
+import { trackEvent } from "@app/lib/analytics";
 import type { Authenticator } from "@app/lib/auth";
 import { TriggerResource } from "@app/lib/resources/trigger_resource";
 import type { TriggerType } from "@app/lib/resources/trigger_resource";
@@ -62,6 +63,8 @@
         });
       }
 
+      void trackEvent({ event: "trigger_disabled", triggerId: trigger.sId });
+
       void emitAuditLogEvent({
         workspace: owner,
         action: "trigger.disabled",
`;

const FLAGS = ["instrument", "--mutation", "*.disable", "--template", 'void trackEvent({ event: "trigger_disabled", triggerId: trigger.sId })', "--import", "@app/lib/analytics=trackEvent"];

function summary(stderr: string): string {
  return stderr.replace(/, [\d.]+s\)/g, ", Ns)");
}

describe("auditmod instrument --template", () => {
  it("places the call at the success point with its import, reports the skipped site, and registers nothing", () => {
    const dir = copyToTempRepo(FRONT);
    const r = runCli([...FLAGS, "--dry"], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(EXPECTED_DIFF);
    expect(summary(r.stderr)).toBe(
      "temporal/triggers/activities.ts:38:26  warning  [instrument] not instrumented (trackEvent): the mutation is inside a loop (line 32): one event per iteration would be a guess; instrument it by hand\n" +
        "auditmod: 1 would change, 35 unchanged, 0 skipped, 0 errors (36 files, 5 parsed, Ns)\n",
    );
  });

  it("a second run finds the call already there", () => {
    const dir = copyToTempRepo(FRONT);
    expect(runCli(FLAGS, dir).status).toBe(0);
    const written = snapshotTree(dir);
    const again = runCli([...FLAGS, "--allow-dirty"], dir);
    expect(again.status).toBe(0);
    expect(summary(again.stderr)).toBe(
      `${FILE}:58:32  info  [instrument] already instrumented: this function calls trackEvent after the mutation (line 66)\n` +
        "temporal/triggers/activities.ts:38:26  warning  [instrument] not instrumented (trackEvent): the mutation is inside a loop (line 32): one event per iteration would be a guess; instrument it by hand\n" +
        "auditmod: 0 changed, 36 unchanged, 0 skipped, 0 errors (36 files, 5 parsed, Ns)\n",
    );
    expect(snapshotTree(dir)).toEqual(written);
  });

  it("bad flags are exit 2 with one line per problem", () => {
    const dir = copyToTempRepo(FRONT);
    const r = runCli(["instrument", "--mutation", "*.disable", "--template", "a + b", "--import", "trackEvent"], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('auditmod: --import expects module=name[,name...], got "trackEvent"\n');
    const both = runCli(["instrument", "--mutation", "*.disable", "--template", "a + b", "--target", "trigger=trigger"], dir);
    expect(both.status).toBe(2);
    expect(both.stderr).toBe(
      "auditmod: instrument spec: 2 problems, nothing was run:\n" +
        '  (top level): a template is one call, such as `void trackEvent({ ... })`, so that a function already making it is recognised; got "a + b"\n' +
        "  (top level): targets describes an audit emit; a template writes its call in full\n",
    );
  });
});
