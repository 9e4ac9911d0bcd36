/**
 * The OpenID Connect authorization code flow with PKCE, state and nonce, through openid-client: `begin`
 * makes the provider's address and the values to keep until the browser comes back; `finish` exchanges
 * the code (checking state, nonce, the ID token's signature, issuer and audience) and returns its claims.
 */
import * as oidc from 'openid-client';
import { AppError } from '../errors.ts';
import type { OidcSettings } from './oidc-settings.ts';

/** What the browser carries (in a signed, short-lived cookie) from `begin` to `finish`. */
export interface OidcPending {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** The identity claims Cairn reads from the ID token. */
export interface OidcClaims {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
}

const configurations = new WeakMap<OidcSettings, Promise<oidc.Configuration>>();

function isLoopback(url: URL): boolean {
  return url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
}

/** The provider's configuration, discovered once per settings (again after a failure). */
function configuration(settings: OidcSettings): Promise<oidc.Configuration> {
  const known = configurations.get(settings);
  if (known) return known;
  const issuer = new URL(settings.issuer);
  // Plain http only to a provider on this machine (development, tests); anything else must be https.
  const options =
    issuer.protocol === 'http:' && isLoopback(issuer) ? { execute: [oidc.allowInsecureRequests] } : {};
  const discovered = oidc.discovery(issuer, settings.clientId, settings.clientSecret, undefined, options);
  configurations.set(settings, discovered);
  discovered.catch(() => configurations.delete(settings));
  return discovered;
}

/** The provider's sign-in address and the values to keep for `finish`. */
export async function beginOidcSignIn(
  settings: OidcSettings,
  redirectUri: string,
): Promise<{ url: string; pending: OidcPending }> {
  const config = await unavailableOnFailure(configuration(settings));
  const pending = {
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    codeVerifier: oidc.randomPKCECodeVerifier(),
  };
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid email profile',
    code_challenge: await oidc.calculatePKCECodeChallenge(pending.codeVerifier),
    code_challenge_method: 'S256',
    state: pending.state,
    nonce: pending.nonce,
  });
  return { url: url.href, pending };
}

/** Exchanges the code in `callbackUrl` and returns the ID token's claims; `unauthorized` on every failure. */
export async function finishOidcSignIn(
  settings: OidcSettings,
  callbackUrl: URL,
  pending: OidcPending,
): Promise<OidcClaims> {
  const config = await unavailableOnFailure(configuration(settings));
  let claims: oidc.IDToken | undefined;
  let profile: Record<string, unknown> = {};
  try {
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims();
    if (!claims) throw new Error('the provider sent no ID token');
    profile = claims;
    // Providers that follow the core spec strictly put the e-mail only in the UserInfo response.
    if (typeof claims.email !== 'string') {
      profile = { ...(await oidc.fetchUserInfo(config, tokens.access_token, claims.sub)), ...claims };
    }
  } catch (error) {
    throw new AppError('unauthorized', `single sign-on failed: ${(error as Error).message}`);
  }
  return {
    issuer: claims.iss,
    subject: claims.sub,
    email: typeof profile.email === 'string' ? profile.email.trim().toLowerCase() : null,
    emailVerified: profile.email_verified === true,
    name: typeof profile.name === 'string' ? profile.name : null,
  };
}

async function unavailableOnFailure<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    throw new AppError(
      'internal_error',
      `the sign-in provider cannot be reached: ${(error as Error).message}`,
    );
  }
}
