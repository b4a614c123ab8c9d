/** Option values as numbers; anything else becomes NaN, which the command rejects with the option's name. */

export const toInt = (v: string) => (/^-?\d+$/.test(v) ? Number(v) : NaN);

export const toNumber = (v: string) => (v.trim() === '' ? NaN : Number(v));
