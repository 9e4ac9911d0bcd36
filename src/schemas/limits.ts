/**
 * Length and size limits of fields, as plain numbers: the zod schemas use them, and the web's forms read
 * the same ones (this module holds no zod, so importing it adds nothing to the browser bundle).
 * limits.test.ts checks the schemas against this table, and that no form types a number of its own.
 */
export const LIMITS = {
  // ---- items ----
  /** Characters of an item's title. */
  itemTitle: 500,
  /** Characters of an item's description (Markdown). */
  itemDescription: 100_000,
  /** Characters of a story's "As a …". */
  storyAsA: 300,
  /** Characters of a story's "I want …". */
  storyIWant: 1_000,
  /** Characters of a story's "so that …". */
  storySoThat: 1_000,
  /** Characters of one acceptance criterion. */
  criterionText: 2_000,
  /** Acceptance criteria of one item. */
  criteria: 100,
  /** Characters of one label. */
  label: 50,
  /** Labels of one item. */
  labels: 20,
  /** Points of an item's estimate. */
  estimate: 1_000,
  /** Characters of an item reference (its id or key, CAI-42). */
  itemRef: 100,
  /** Characters of a search (the backlog's `q`, the command palette). */
  search: 200,
  /** Items one bulk update may change. */
  bulkItems: 1_000,

  // ---- dependencies ----
  /** Characters of a dependency's note. */
  dependencyNote: 2_000,
  /** Characters of an external dependency's title (what is awaited). */
  externalTitle: 300,
  /** Characters of an external dependency's owner. */
  externalOwner: 200,

  // ---- roadmap ----
  /** Characters of an initiative's title. */
  initiativeTitle: 300,
  /** Characters of an initiative's internal summary (Markdown). */
  initiativeSummary: 20_000,
  /** Characters of an initiative's public summary. */
  publicSummary: 5_000,
  /** Characters of one success metric. */
  metric: 500,
  /** Success metrics of one initiative. */
  metrics: 50,
  /** Objectives one initiative may serve. */
  initiativeObjectives: 50,
  /** Characters of an objective's title. */
  objectiveTitle: 300,
  /** Characters of a theme's name. */
  themeName: 200,

  // ---- products, releases ----
  /** Characters of a product's name. */
  productName: 200,
  /** Characters of the description of a product, theme, objective, release or team. */
  description: 10_000,
  /** Characters of a release's name. */
  releaseName: 200,
  /** Characters of a release's notes draft (Markdown). */
  releaseNotes: 200_000,

  // ---- people ----
  /** Characters of a user's name. */
  userName: 200,
  /** Characters of an email address (RFC 5321). */
  email: 254,
  /** Characters of a password, at least (NIST SP 800-63B: length, no composition rules). */
  passwordMin: 12,
  /** Characters of a password, at most: caps the key derivation's work. */
  passwordMax: 1_024,
  /** Characters of an API token's name. */
  tokenName: 100,

  // ---- execution ----
  /** Characters of a sprint's or a team's name. */
  name: 200,
  /** Characters of a sprint's goal. */
  sprintGoal: 2_000,
  /** Characters of a sprint's time zone name (IANA). */
  timeZone: 100,
  /** Points of a sprint's capacity. */
  capacity: 100_000,
  /** The greatest share (0–1) of a sprint's capacity kept for backlog refinement: half the sprint. */
  refinementShare: 0.5,
  /** Items a board column's WIP limit may allow. */
  wipLimit: 1_000,

  // ---- planning intelligence ----
  /** Characters of a strategic review's decisions (Markdown). */
  reviewDecisions: 20_000,
  /** Characters of a saved backlog view's name. */
  viewName: 80,
  /** Characters of a saved view's text filter. */
  viewQuery: 200,

  // ---- vision ----
  /** Characters of a vision's statement (Markdown). */
  visionStatement: 20_000,
  /** Characters of one entry of a vision's lists (a target customer, a problem, a differentiator). */
  visionEntry: 300,
  /** Entries of one of a vision's lists. */
  visionEntries: 20,
  /** Published versions of one product's vision. */
  visionVersions: 200,

  // ---- roadmap baselines ----
  /** Characters of a roadmap baseline's name ("Q3 plan"). */
  baselineName: 80,
  /** Characters of an announcement of a roadmap change (the team's words). */
  announcement: 500,
  /** Characters of an announcement's customer-facing words. */
  publicAnnouncement: 500,

  // ---- story maps ----
  /** Characters of a story map's name, an activity's or step's title, a slice's name. */
  storyMapName: 200,
  /** Live story maps of one product. */
  storyMaps: 100,
  /** Activities of one map's backbone. */
  storyMapActivities: 50,
  /** Steps of one activity. */
  storyMapSteps: 20,
  /** Stories placed on one map: 500 stories with room to spare. */
  storyMapStories: 2_000,
  /** Release slices of one map. */
  storyMapSlices: 20,

  // ---- PRDs ----
  /** Characters of a PRD's title. */
  prdTitle: 300,
  /** Characters of a PRD's Markdown section (problem, technical considerations, open questions). */
  prdSection: 20_000,
  /** Success metrics of one PRD (as many as an initiative may hold). */
  prdMetrics: 50,
  /** Characters of a metric's baseline, target or measured value. */
  prdMetricValue: 200,
  /** Requirements of one PRD. */
  prdRequirements: 200,
  /** Characters of one requirement. */
  prdRequirementText: 2_000,
  /** Backlog items one requirement may link to. */
  prdRequirementItems: 20,
  /** Reviewers of one PRD. */
  prdReviewers: 20,
  /** Live PRDs of one product. */
  prds: 500,
  // ---- webhooks ----
  /** Characters of a webhook's URL. */
  webhookUrl: 2_000,
} as const;
