import type { Authenticator } from "@app/lib/auth";
import type { TriggerResource } from "@app/lib/resources/trigger_resource";

export async function applyTriggerAction(auth: Authenticator, trigger: TriggerResource, action: "pause" | "restart") {
  switch (action) {
    case "restart":
      await trigger.updateStatus(auth, "disabled");
    // falls through: a restart re-enables the trigger once it is stopped
    case "pause":
      await trigger.updateStatus(auth, action === "pause" ? "disabled" : "enabled");
      break;
  }
}
