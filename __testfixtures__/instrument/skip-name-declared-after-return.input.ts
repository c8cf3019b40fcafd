import type { Authenticator } from "@app/lib/auth";
import { FrameResource } from "@app/lib/resources/frame_resource";
import type { Result } from "@app/types/shared/result";
import { Err, Ok } from "@app/types/shared/result";

export async function renameFrame(
  auth: Authenticator,
  frameId: string,
  { title, dryRun }: { title: string; dryRun: boolean }
): Promise<Result<string, Error>> {
  const frame = await FrameResource.fetchById(auth, frameId);
  if (!frame) {
    return new Err(new Error("Frame not found"));
  }
  const r = await frame.rename(auth, title);
  if (r.isErr()) {
    return r;
  }
  await frame.touch();
  if (dryRun) {
    return new Ok(frame.title);
  }
  const frameName = r.value.title;
  return new Ok(frameName);
}
