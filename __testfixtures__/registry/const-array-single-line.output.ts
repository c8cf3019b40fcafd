const ACTIONS = ['user.login', 'user.logout', 'space.created', 'space.deleted', 'agent.created'] as const satisfies readonly `${string}.${string}`[];

export type AuditAction = (typeof ACTIONS)[number];
export { ACTIONS };
