import logger from '@app/lib/logger';

export type AuditAction =
	| 'space.created' // since v1
	| 'space.deleted'
	| 'group.member_added'
	| 'group.member_removed'
	| 'group.deleted';

export function logAction(action: AuditAction): void {
	logger.info({ action }, 'audit');
}
