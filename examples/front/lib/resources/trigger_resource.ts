import type { Authenticator } from "@app/lib/auth";
import { Err, Ok } from "@app/types/shared/result";
import type { Result } from "@app/types/shared/result";

export type TriggerKind = "schedule" | "webhook";

export interface ScheduleConfig {
  cron: string;
  timezone: string;
}

export interface TriggerType {
  sId: string;
  name: string;
  kind: TriggerKind;
  enabled: boolean;
  agentConfigurationId: string;
  schedule: ScheduleConfig | null;
}

interface TriggerRow {
  id: number;
  sId: string;
  workspaceId: number;
  name: string;
  kind: TriggerKind;
  enabled: boolean;
  agentConfigurationId: string;
  schedule: ScheduleConfig | null;
  consecutiveFailures: number;
}

const rows = new Map<string, TriggerRow>();

const CRON_RE = /^(\S+\s+){4}\S+$/;

export class TriggerResource {
  readonly id: number;
  readonly sId: string;
  readonly workspaceId: number;
  name: string;
  readonly kind: TriggerKind;
  enabled: boolean;
  readonly agentConfigurationId: string;
  schedule: ScheduleConfig | null;
  consecutiveFailures: number;

  private constructor(row: TriggerRow) {
    this.id = row.id;
    this.sId = row.sId;
    this.workspaceId = row.workspaceId;
    this.name = row.name;
    this.kind = row.kind;
    this.enabled = row.enabled;
    this.agentConfigurationId = row.agentConfigurationId;
    this.schedule = row.schedule;
    this.consecutiveFailures = row.consecutiveFailures;
  }

  static async fetchById(
    auth: Authenticator,
    sId: string
  ): Promise<TriggerResource | null> {
    return this.fetchByIdForWorkspace(auth.getNonNullableWorkspace(), sId);
  }

  static async fetchByIdForWorkspace(
    workspace: { id: number },
    sId: string
  ): Promise<TriggerResource | null> {
    const row = rows.get(sId);
    if (!row || row.workspaceId !== workspace.id) {
      return null;
    }
    return new TriggerResource(row);
  }

  static async listEnabledForWorkspace(workspace: {
    id: number;
  }): Promise<TriggerResource[]> {
    return [...rows.values()]
      .filter((r) => r.workspaceId === workspace.id && r.enabled)
      .map((r) => new TriggerResource(r));
  }

  static async listForWorkspace(
    auth: Authenticator
  ): Promise<TriggerResource[]> {
    const { id } = auth.getNonNullableWorkspace();
    return [...rows.values()]
      .filter((r) => r.workspaceId === id)
      .map((r) => new TriggerResource(r));
  }

  async update(
    auth: Authenticator,
    blob: Partial<{ name: string; enabled: boolean }>
  ): Promise<Result<TriggerResource, Error>> {
    if (!auth.isBuilder()) {
      return new Err(new Error("Only builders can edit triggers."));
    }
    const row = rows.get(this.sId);
    if (!row) {
      return new Err(new Error("Trigger not found."));
    }
    Object.assign(row, blob);
    Object.assign(this, blob);
    return new Ok(this);
  }

  async updateSchedule(
    workspace: { id: number },
    schedule: ScheduleConfig
  ): Promise<Result<undefined, Error>> {
    if (this.kind !== "schedule") {
      return new Err(new Error(`Trigger ${this.sId} is not a schedule trigger.`));
    }
    if (!CRON_RE.test(schedule.cron)) {
      return new Err(new Error(`Invalid cron expression: ${schedule.cron}`));
    }
    const row = rows.get(this.sId);
    if (!row || row.workspaceId !== workspace.id) {
      return new Err(new Error("Trigger not found."));
    }
    row.schedule = { ...schedule };
    this.schedule = row.schedule;
    return new Ok(undefined);
  }

  async disable(workspace: { id: number }): Promise<Result<undefined, Error>> {
    const row = rows.get(this.sId);
    if (!row || row.workspaceId !== workspace.id) {
      return new Err(new Error("Trigger not found."));
    }
    row.enabled = false;
    this.enabled = false;
    return new Ok(undefined);
  }

  toJSON(): TriggerType {
    return {
      sId: this.sId,
      name: this.name,
      kind: this.kind,
      enabled: this.enabled,
      agentConfigurationId: this.agentConfigurationId,
      schedule: this.schedule,
    };
  }
}
