/** Where `assay init` and `assay user reset-password` read a password instead of generating one. */
export const ADMIN_PASSWORD_ENV = 'ASSAY_ADMIN_PASSWORD';
export const NEW_PASSWORD_ENV = 'ASSAY_NEW_PASSWORD';
