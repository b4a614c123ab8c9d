/** How the admin screens name roles and vendor kinds, show dates, and which roles belong to a vendor. */
import type { Role } from '../../api/types';
import type { VendorKind } from './queries';

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  manager: 'Manager',
  reviewer: 'Reviewer',
  annotator: 'Annotator',
  vendor_manager: 'Vendor manager',
};
export const ROLES = Object.keys(ROLE_LABELS) as Role[];

export const VENDOR_KIND_LABELS: Record<VendorKind, string> = {
  in_house: 'In-house',
  crowd: 'Crowd',
  expert_network: 'Expert network',
};
export const VENDOR_KINDS = Object.keys(VENDOR_KIND_LABELS) as VendorKind[];

/** The workforce roles: people supplied by a vendor (a vendor manager must have one; the others may). */
export const hasVendor = (role: Role): boolean => role === 'annotator' || role === 'reviewer' || role === 'vendor_manager';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export function DateTime({ iso, withTime = false }: { iso: string; withTime?: boolean }) {
  const d = new Date(iso);
  return (
    <time dateTime={iso} title={dateTime.format(d)}>
      {(withTime ? dateTime : dateOnly).format(d)}
    </time>
  );
}
