/** The sync planner and applier: a zone file against a live zone, as a plan, applied through the batch endpoint. */
export {
  applyPlan,
  deleteGuardMessage,
  formatRefusedChange,
  type ApplyProgress,
  type ApplyReport,
  type RefusedChange,
} from './apply';
export { preflightMessage, preflightProblems, type PreflightProblem } from './preflight';
export { chunkPlan, chunkSize, type PlanChunk } from './chunk';
export { convertZoneRecord } from './plan-convert';
export { loadZoneForSync, type LoadZoneOptions, type ZoneFileSource, type ZoneForSync } from './load-zone';
export { formatPlanText, formatRecordLine, formatSummary, planToJson } from './plan-format';
export { desiredRecordsOf, liveRecordOf, type ApiRecordInput } from './plan-records';
export { batchLimitOfPlan, isPaidPlan, planSync, syncApiOf, type SyncApi } from './plan-sync';
export {
  isEmptyPlan,
  summarizePlan,
  type DesiredRecord,
  type LiveRecord,
  type Plan,
  type PlanRecordBody,
  type PlanSkip,
  type PlanSummary,
  type SyncRecord,
} from './plan-types';
export { computePlan } from './planner';
