/**
 * The quality engine: label aggregation, agreement and interval statistics over integer-coded typed arrays.
 * Pure: no I/O, no clock, no global randomness (seeded generators come in through options), no dependencies.
 * One model per file; each file's comment gives the model, its update equations, its citation and its cost.
 */
export type { CategoricalResult, GoldLabels, IterativeOptions, Observations } from './types.js';
export { createEncoder, encodeTriples, sortClassIds, type EncodedObservations, type Encoder } from './encode.js';
export { createRng, type Rng } from './random.js';
export { checkObservations, countPerWorker, indexByItem, type ItemIndex } from './observations.js';

export { majorityVote, type MajorityVoteOptions } from './aggregate/majority-vote.js';
export { wawa } from './aggregate/wawa.js';
export { dawidSkene, RECOMMENDED_DS_OPTIONS, type DawidSkeneOptions, type DawidSkeneResult } from './aggregate/dawid-skene.js';
export { dawidSkeneReference } from './aggregate/dawid-skene-reference.js';
export { bayesianDawidSkene, RECOMMENDED_BDS_OPTIONS, type BayesianDawidSkeneOptions } from './aggregate/bayesian-dawid-skene.js';
export {
  calibratedFit,
  calibratedFitAsync,
  MIN_CALIBRATION_GOLD,
  type CalibratedResult,
  type CalibrationOptions,
  type ConfidenceBasis,
  type OutOfFoldPairs,
} from './aggregate/calibrated.js';
export { oneCoinDawidSkene, type OneCoinOptions, type OneCoinResult } from './aggregate/one-coin.js';
export { glad, type GladOptions, type GladResult } from './aggregate/glad.js';
export { mace, type MaceOptions, type MaceResult } from './aggregate/mace.js';
export { CATEGORICAL_METHODS, CLAMPING_METHODS, runCategorical, type CategoricalMethod, type RunOptions } from './aggregate/methods.js';
export {
  gaussianAnnotators,
  meanAggregate,
  medianAggregate,
  type GaussianAnnotatorOptions,
  type GaussianAnnotatorResult,
  type NumericObservations,
  type NumericResult,
} from './aggregate/numeric.js';
export { aggregateMultiLabel, type MultiLabelObservations, type MultiLabelResult } from './aggregate/multi-label.js';
export { aggregateSpans, type ConsensusSpan, type SpanAggregationOptions, type SpanObservations } from './aggregate/spans.js';

export { bradleyTerry, type BradleyTerryOptions } from './pairwise/bradley-terry.js';
export { crowdBt, type CrowdBtOptions, type CrowdBtResult } from './pairwise/crowd-bt.js';
export type { PairwiseObservations, PairwiseResult } from './pairwise/types.js';

export {
  krippendorffAlpha,
  krippendorffAlphaInterval,
  MEASUREMENT_LEVELS,
  type AlphaBootstrapOptions,
  type AlphaInterval,
  type AlphaResult,
  type MeasurementLevel,
  type ReliabilityData,
} from './agreement/krippendorff.js';
export { fleissKappa, type FleissResult } from './agreement/fleiss.js';
export { cohenKappa, cohenKappaFromTable, type CohenResult, type KappaWeights } from './agreement/cohen.js';
export { percentAgreement, type PercentAgreementResult } from './agreement/percent-agreement.js';

export { wilsonInterval, type ProportionInterval } from './stats/wilson.js';
export { clopperPearsonInterval, jeffreysInterval } from './stats/beta-interval.js';
export { expectedCalibrationError, type CalibrationBin, type CalibrationResult } from './stats/calibration.js';
export { applyIsotonic, fitIsotonicCalibration, fitIsotonicCalibrationCV, poolAdjacentViolators, type IsotonicMap } from './stats/isotonic.js';
export { inverseRegularizedBeta, normalCdf, normalQuantile, regularizedBeta } from './stats/special.js';
