export type AuditAction =
    'space.created' |
    'space.updated' |
    'space.deleted' |
    'api_key.created' |
    'tool.approved';

export type AuditLogContext = { location: string };
