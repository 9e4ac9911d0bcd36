/** The roadmap's audience views by name: plain values (no zod), so the web can import them too. */
export const AUDIENCE_VIEWS = ['executive', 'customer', 'team'] as const;
export type AudienceViewNameT = (typeof AUDIENCE_VIEWS)[number];
