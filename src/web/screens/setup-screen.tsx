/** First run: create the owner account. */
import { type FormEvent, useState } from 'react';
import { LIMITS } from '../../schemas/limits.ts';
import { sessionApi } from '../api/session.ts';
import { FormError } from '../components/form-error.tsx';
import { useSession } from '../state/session.tsx';

export function SetupScreen() {
  const { reload } = useSession();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const input = {
        name: String(form.get('name')),
        email: String(form.get('email')),
        password: String(form.get('password')),
      };
      await sessionApi.setUp(input);
      await sessionApi.logIn({ email: input.email, password: input.password });
      await reload();
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <main className="centered auth">
      <h1>Welcome to Cairn</h1>
      <p>Create the owner account of this workspace. You can invite the rest of your team afterwards.</p>
      <form onSubmit={submit} className="stack">
        <label>
          Your name
          <input name="name" required autoComplete="name" maxLength={LIMITS.userName} />
        </label>
        <label>
          Email
          <input name="email" type="email" required autoComplete="email" />
        </label>
        <label>
          Password <span className="hint">(at least {LIMITS.passwordMin} characters, hard to guess)</span>
          <input
            name="password"
            type="password"
            required
            minLength={LIMITS.passwordMin}
            autoComplete="new-password"
          />
        </label>
        <FormError error={error} />
        <button type="submit" className="primary" disabled={busy}>
          Create owner account
        </button>
      </form>
    </main>
  );
}
