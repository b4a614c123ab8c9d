/** The effort and fraud flag of one annotation, as the signals route and an item's annotations in Results carry it. */
import { z } from 'zod';
import { SIGNAL_KINDS } from '../../core/signals.js';

export const signalFlag = z.object({
  kind: z.enum(SIGNAL_KINDS),
  detail: z.string().describe('What fired, in a sentence'),
  value: z.number().describe('The measured figure (a share of the median, a pasted share, a similarity, an answer share, a streak)'),
  threshold: z.number().describe('The threshold in force it was compared with'),
});
