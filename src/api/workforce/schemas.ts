import { z } from 'zod';
import { ROLES } from '../../core/permissions.js';
import { PAY_MODELS, VENDOR_KINDS } from '../../core/vendor.js';

export const userView = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  vendorId: z.string().nullable(),
  pseudonym: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
});

export const createUserBody = z.object({
  email: z.string().email(),
  name: z.string().min(1).max(200),
  role: z.enum(ROLES),
  password: z.string().min(8).max(200).optional().describe('Omit to create a user who can only use API tokens'),
  vendorId: z.string().nullable().optional(),
  domains: z.array(z.string().min(1)).optional().describe('Annotator domains, e.g. medicine/cardiology'),
  credentials: z.array(z.string()).optional(),
  languages: z.array(z.string()).optional(),
  payRateMinor: z.number().int().min(0).nullable().optional().describe('Pay per hour in minor units'),
  currency: z.string().length(3).nullable().optional(),
});

export const updateUserBody = z.object({
  name: z.string().min(1).max(200).optional(),
  role: z.enum(ROLES).optional(),
  vendorId: z.string().nullable().optional(),
  active: z.boolean().optional(),
  password: z.string().min(8).max(200).optional(),
});

export const payTermsView = z.object({
  model: z.enum(PAY_MODELS).describe('per_task: the rate per submitted judgment; per_hour: the rate per hour of active time'),
  rateMinor: z.number().int().describe('The rate in integer minor units of the currency (cents for USD)'),
  currency: z.string().describe('ISO 4217 code'),
});
export const vendorView = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(VENDOR_KINDS),
  payTerms: payTermsView.nullable().describe('Null until set'),
  createdAt: z.string(),
});
export const updateVendorBody = z.object({
  name: z.string().min(1).max(200).optional(),
  kind: z.enum(VENDOR_KINDS).optional(),
  payModel: z.enum(PAY_MODELS).nullable().optional(),
  payRateMinor: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable().optional().describe('Integer minor units (cents for USD)'),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'an ISO 4217 code of three capital letters, e.g. USD')
    .nullable()
    .optional(),
});
export const createVendorBody = z.object({ name: z.string().min(1).max(200), kind: z.enum(VENDOR_KINDS) });
