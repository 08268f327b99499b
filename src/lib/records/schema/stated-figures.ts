import { z } from 'zod';
import { amountSchema } from './amount.ts';

/**
 * Figures that the 情况说明 states in prose, kept with the sentence they come
 * from, so that the checks can compare the text against the tables.
 */
export const statedFigureKeys = [
  'income.total',
  'income.generalBudget',
  'income.governmentFund',
  'income.stateCapital',
  'income.specialAccount',
  'income.unitFunds',
  'income.carriedOver',
  'expenditure.total',
  'expenditure.basic',
  'expenditure.personnel',
  'expenditure.publicFunds',
  'expenditure.project',
  'operatingCosts',
  'threePublic.total',
  'threePublic.abroad',
  'threePublic.vehicles',
  'threePublic.vehiclePurchase',
  'threePublic.vehicleOperation',
  'threePublic.reception',
  'assets.total',
] as const;
export type StatedFigureKey = (typeof statedFigureKeys)[number];

export const statedFigureSchema = z
  .object({
    value: amountSchema,
    /** Section id where the sentence stands. */
    section: z.string(),
    /** The sentence as published, for the reader and the checks report. */
    quote: z.string().min(1),
  })
  .strict();
export type StatedFigure = z.infer<typeof statedFigureSchema>;

export const statedFiguresSchema = z.partialRecord(z.enum(statedFigureKeys), statedFigureSchema);
