import type { SpaceResource } from "@app/lib/resources/space_resource";
import { serializeSpace } from "@app/lib/serializers/space";
import type { SpaceType } from "@app/types/space";

// Declared here: renaming it means renaming the declaration too, which a call-site migration does not do.
function toSpaceJSON(space: SpaceResource): SpaceType {
  return space.toJSON();
}

export function listSpacesResponse(spaces: SpaceResource[]): { spaces: SpaceType[]; legacy: SpaceType[]; next: SpaceType[] } {
  return {
    spaces: spaces.map((s) => toSpaceJSON(s)),
    // The imported one, renamed in this file: migrated.
    legacy: spaces.map((s) => serializeSpace(s)),
    next: spaces.map((s) => serializeSpace(s)),
  };
}
