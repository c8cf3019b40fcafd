const ACTIONS = ['user.login', 'space.created'] as const satisfies readonly `${string}.${string}`[];

export type AuditAction = (typeof ACTIONS)[number];
export { ACTIONS };
