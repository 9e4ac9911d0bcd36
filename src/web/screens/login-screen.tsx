/** Sign in with email and password; the server sets an HttpOnly session cookie. */
import { type FormEvent, useState } from 'react';
import { sessionApi } from '../api/session.ts';
import { FormError } from '../components/form-error.tsx';
import { useSession } from '../state/session.tsx';

export function LoginScreen({ returnTo }: { returnTo: string }) {
  const { reload } = useSession();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

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
    </main>
  );
}
