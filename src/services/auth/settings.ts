/** Security settings that an operator may tune; defaults are safe. */
export interface AuthSettings {
  /** A session ends after this many minutes without a request. */
  sessionIdleMinutes: number;
  /** A session ends this many hours after login, however active. */
  sessionMaxHours: number;
  /** Login attempts per client IP per window. */
  loginAttemptsPerIp: number;
  /** Failed logins per account per window. */
  loginFailuresPerAccount: number;
  loginWindowMinutes: number;
}

export const defaultAuthSettings: AuthSettings = {
  sessionIdleMinutes: 60 * 24,
  sessionMaxHours: 24 * 14,
  loginAttemptsPerIp: 30,
  loginFailuresPerAccount: 10,
  loginWindowMinutes: 15,
};
