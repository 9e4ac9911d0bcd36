/** Single sign-on through OpenID Connect: off unless CAIRN_OIDC_ISSUER is set. Local accounts keep working. */

export interface OidcSettings {
  /** The provider's issuer URL (its discovery document is at /.well-known/openid-configuration). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The sign-in button's label: "Sign in with <name>". */
  name: string;
  /**
   * Create a viewer for a verified e-mail that matches no user. Off by default: only users an admin has
   * added (matched by verified e-mail, then by the provider's subject) may sign in.
   */
  autoCreate: boolean;
}

/** The settings from the environment, null when single sign-on is off; throws naming a missing setting. */
export function oidcSettingsFromEnv(env: NodeJS.ProcessEnv): OidcSettings | null {
  const issuer = env.CAIRN_OIDC_ISSUER?.trim();
  if (!issuer) return null;
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new Error(
      'invalid configuration: CAIRN_OIDC_ISSUER must be a URL such as https://login.example.com',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error('invalid configuration: CAIRN_OIDC_ISSUER must be an https:// URL');
  }
  const clientId = env.CAIRN_OIDC_CLIENT_ID?.trim();
  const clientSecret = env.CAIRN_OIDC_CLIENT_SECRET?.trim();
  if (!clientId)
    throw new Error('invalid configuration: CAIRN_OIDC_CLIENT_ID must be set with CAIRN_OIDC_ISSUER');
  if (!clientSecret) {
    throw new Error('invalid configuration: CAIRN_OIDC_CLIENT_SECRET must be set with CAIRN_OIDC_ISSUER');
  }
  return {
    issuer,
    clientId,
    clientSecret,
    name: env.CAIRN_OIDC_NAME?.trim() || 'single sign-on',
    autoCreate: env.CAIRN_OIDC_AUTO_CREATE === 'true' || env.CAIRN_OIDC_AUTO_CREATE === '1',
  };
}
