import { WorkspaceResource } from "@app/lib/resources/workspace_resource";
import { UserResource } from "@app/lib/resources/user_resource";

// WorkOS Directory Sync webhook: a user was removed from the customer's directory.
export async function handleDirectoryUserDeleted(event: { organizationId: string; userId: string }) {
  const workspace = await WorkspaceResource.fetchByWorkOSOrganizationId(event.organizationId);
  if (!workspace) {
    return;
  }
  const user = await UserResource.fetchByWorkOSUserId(event.userId);
  if (!user) {
    return;
  }
  await user.revokeMembership(workspace);
}
