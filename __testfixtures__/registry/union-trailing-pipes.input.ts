export type AuditAction =
    'space.created' |
    'space.updated' |
    'api_key.created';

export type AuditLogContext = { location: string };
