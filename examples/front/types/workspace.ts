export type RoleType = "admin" | "builder" | "user" | "none";

export interface WorkspaceType {
  id: number;
  sId: string;
  name: string;
  // The role of the current user in this workspace.
  role: RoleType;
  verifiedDomain: string | null;
  workOSOrganizationId: string | null;
}

export interface UserType {
  id: number;
  sId: string;
  email: string;
  firstName: string;
  lastName: string | null;
  fullName: string;
}

export function isRoleType(value: unknown): value is RoleType {
  return (
    value === "admin" ||
    value === "builder" ||
    value === "user" ||
    value === "none"
  );
}
