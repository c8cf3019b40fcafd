import logger from '@app/lib/logger';

export type AuditAction =
	| 'space.created' // since v1
	| 'group.member_added'
	| 'group.member_removed';

export function logAction(action: AuditAction): void {
	logger.info({ action }, 'audit');
}
