// The words of a postmortem review: its sections in the order a team reads them, and what an action item holds.
// Pure data, shared by the event schemas, the drafts, the CLI and the report.

export const REVIEW_SECTIONS = [
  'summary',
  'impact',
  'detection',
  'response',
  'root-cause',
  'contributing-factors',
  'resolution',
  'went-well',
  'went-wrong',
  'lucky',
  'lessons',
  'action-items',
] as const;
export type ReviewSection = (typeof REVIEW_SECTIONS)[number];
export const isReviewSection = (x: string): x is ReviewSection => (REVIEW_SECTIONS as readonly string[]).includes(x);

export const SECTION_TITLES: Record<ReviewSection, string> = {
  summary: 'Summary',
  impact: 'Impact',
  detection: 'Detection',
  response: 'Response',
  'root-cause': 'Root cause and trigger',
  'contributing-factors': 'Contributing factors',
  resolution: 'Resolution and recovery',
  'went-well': 'What went well',
  'went-wrong': 'What went wrong',
  lucky: 'Where we got lucky',
  lessons: 'Lessons',
  'action-items': 'Action items',
};

export const ACTION_PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type ActionPriority = (typeof ACTION_PRIORITIES)[number];
/** What an action item does about the incident: stop it recurring, soften it, see it sooner, or fix how we work. */
export const ACTION_TYPES = ['prevent', 'mitigate', 'detect', 'process'] as const;
export type ActionType = (typeof ACTION_TYPES)[number];
export const ACTION_STATUSES = ['open', 'in-progress', 'done', 'wont-do'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const isOpenStatus = (s: ActionStatus) => s === 'open' || s === 'in-progress';

export const POST_CHECK_RESULTS = ['passed', 'failed', 'not-checked'] as const;
export type PostCheckResult = (typeof POST_CHECK_RESULTS)[number];
