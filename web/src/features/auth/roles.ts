/** What each role sees first and which areas of the app it may open (the server checks every call regardless). */
import type { Role } from '../../api/types';

export const canManage = (role: Role): boolean => role === 'admin' || role === 'manager';
export const canReview = (role: Role): boolean => role === 'admin' || role === 'manager' || role === 'reviewer';
export const canAdminister = (role: Role): boolean => role === 'admin';
export const canLabel = (role: Role): boolean => role !== 'vendor_manager';

export function homePathOf(role: Role): string {
  return canManage(role) ? '/manage' : role === 'reviewer' ? '/review' : '/annotate';
}
