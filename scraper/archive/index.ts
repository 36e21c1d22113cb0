// The archive's public entry: the content format (schema, text rules, dates, links), reading
// and writing day files and the ledger under the guards, and the coverage they add up to. The
// site and the scripts import the archive from here only (a lint rule holds them to it), so
// what lies behind this file can change without touching them.
export { InputError, UsageError } from '../errors.ts';
export {
  type ArchiveDayOptions,
  archiveDay,
  type DayOutcome,
  type DayReport,
  fallbackProblem,
  isFallbackProblem,
} from './archive-day.ts';
export { isAlive } from './atomic-write.ts';
export { type Coverage, computeCoverage, type HeldDay, heldDay, type MissingWhy } from './coverage.ts';
export {
  addDays,
  dateRange,
  fromUtcMs,
  isIsoDate,
  isoWeek,
  isoWeekDates,
  isWeekend,
  toUtcMs,
  utcToday,
  weekday,
  weekdayName,
} from './dates.ts';
export { aliasPath, DayFileError, dayFilePath, MAX_DAY_FILE_BYTES, parseDayFile, renderDayFile } from './day-file.ts';
export { dayFileProblems } from './day-files.ts';
export { type ArchiveDigest, archiveDigest, archiveFolderKey } from './fingerprint.ts';
export { describeRejection, papersFromItems, type Rejection } from './from-api.ts';
export {
  HISTORY_FOLDER,
  type HistoryDay,
  historyFilePath,
  MAX_HISTORY_FILE_BYTES,
  mergeHistories,
  normalizeHistory,
  observationsOf,
  observe,
  parseHistory,
  readHistories,
  readHistory,
  recordHistory,
  renderHistory,
} from './history.ts';
export { checkInside, type InsideFile, InsideFileError, openInside, readInside } from './inside-file.ts';
export {
  emptyLedger,
  entryForHeldDay,
  LEDGER_FILE,
  LedgerError,
  ledgerPath,
  parseLedger,
  readLedger,
  recordAttempt,
  renderLedger,
  writeLedger,
} from './ledger.ts';
export {
  arxivAbsUrl,
  arxivPdfUrl,
  HF_ORIGIN,
  hfAccountUrl,
  hfApiDayUrl,
  hfDayUrl,
  hfPaperUrl,
  isHttpUrl,
  normalizeBasePath,
} from './links.ts';
export {
  type Account,
  ARXIV_ID,
  DAY_STATUSES,
  type Day,
  DaySchema,
  type DayStatus,
  describeIssues,
  FORMAT_VERSION,
  type HistoryEntry,
  HistoryEntrySchema,
  LEDGER_STATUSES,
  type Ledger,
  type LedgerEntry,
  LedgerEntrySchema,
  LedgerSchema,
  type LedgerStatus,
  type Paper,
  PaperSchema,
  VIAS,
  type Via,
} from './schema.ts';
export { SEARCH_BUILT_FROM_FILE, SNAPSHOT_LABEL } from './site-files.ts';
export {
  type ArchiveRead,
  type DayFileRef,
  type DayParser,
  listDayFiles,
  readArchive,
  readDay,
  type WriteOptions,
  type WriteResult,
  writeDay,
} from './store.ts';
export { cleanText, isCleanText, oneLine, unwrapParagraphs } from './text.ts';
