import { buildWorkspaceTarget, emitAuditLogEvent, getAuditLogContext } from "@app/lib/api/audit/workos_audit";
import type { Authenticator } from "@app/lib/auth";
import { FrameResource } from "@app/lib/resources/frame_resource";
import type { Result } from "@app/types/shared/result";
import { Err, Ok } from "@app/types/shared/result";

export async function renameFrame(
  auth: Authenticator,
  { frameId, title }: { frameId: string; title: string }
): Promise<Result<{ sId: string; title: string }, Error>> {
  const frame = await FrameResource.fetchById(auth, frameId);
  if (!frame) {
    return new Err(new Error(`Frame ${frameId} not found`));
  }
  if (!frame.canWrite(auth)) {
    return new Err(new Error("Not allowed to rename this frame"));
  }

  const previousName = frame.title;
  const r = await frame.rename(auth, title.trim());
  if (r.isErr()) {
    return r;
  }
  const frameName = r.value.title;

  void emitAuditLogEvent({
    auth,
    action: "frame.renamed",
    targets: [
      buildWorkspaceTarget(auth.getNonNullableWorkspace()),
      { type: "frame", id: frame.sId, name: frame.name },
    ],
    context: getAuditLogContext(auth),
    metadata: {
      frame_name: String(frameName),
      previous_name: String(previousName),
    },
  });

  return new Ok({ sId: frame.sId, title: frameName });
}
