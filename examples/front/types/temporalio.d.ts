// Minimal stand-in for "@temporalio/activity".

declare module "@temporalio/activity" {
  export interface ActivityLogger {
    info(message: string, attrs?: Record<string, unknown>): void;
    warn(message: string, attrs?: Record<string, unknown>): void;
    error(message: string, attrs?: Record<string, unknown>): void;
  }

  export const log: ActivityLogger;

  export function heartbeat(details?: unknown): void;

  export class Context {
    static current(): Context;
    readonly info: { activityId: string; attempt: number; workflowExecution: { workflowId: string } };
  }
}
