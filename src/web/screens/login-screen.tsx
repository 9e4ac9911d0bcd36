/** Sign in with email and password; the server sets an HttpOnly session cookie. */
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { accountApi } from '../api/account.ts';
import { sessionApi } from '../api/session.ts';
import { FormError } from '../components/form-error.tsx';
import { useSession } from '../state/session.tsx';

/** Why single sign-on sent the browser back (the server sends a code, never text of its own). */
const SSO_ERRORS: Record<string, string> = {
  no_account: 'There is no Cairn account for that sign-in yet: ask an admin to add you with your e-mail.',
  disabled: 'Your Cairn account is disabled.',
  expired: 'The sign-in took too long or began in another window: try again.',
  failed: 'Single sign-on did not work: try again, or sign in with your password.',
};

export function LoginScreen({ returnTo }: { returnTo: string }) {
  const { reload } = useSession();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // Single sign-on's button, when configured; a failed sign-in comes back here with its reason.
  const sso = useQuery({ queryKey: ['auth', 'sso'], queryFn: accountApi.sso });
  const ssoError = SSO_ERRORS[new URLSearchParams(window.location.search).get('sso_error') ?? ''];

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await sessionApi.logIn({ email: String(form.get('email')), password: String(form.get('password')) });
      await reload();
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <main className="centered auth">
      <h1>Sign in to Cairn</h1>
      {returnTo !== '/' && <p className="hint">You will go back to {returnTo} afterwards.</p>}
      <form onSubmit={submit} className="stack">
        <label>
          Email
          <input name="email" type="email" required autoComplete="username" />
        </label>
        <label>
          Password
          <input name="password" type="password" required autoComplete="current-password" />
        </label>
        <FormError error={error} />
        <button type="submit" className="primary" disabled={busy}>
          Sign in
        </button>
      </form>
      {ssoError && (
        <p className="form-error" role="alert">
          {ssoError}
        </p>
      )}
      {sso.data && (
        <p>
          {/* A navigation, not a fetch: the provider's pages take over the window. */}
          <a className="button" href={sso.data.startUrl}>
            Sign in with {sso.data.name}
          </a>
        </p>
      )}
    </main>
  );
}
