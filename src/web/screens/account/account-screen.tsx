/** /account: who you are, your API tokens and your calendar feed. */
import { Link } from 'react-router';
import { useSession, useSignedIn } from '../../state/session.tsx';
import { ApiTokensSection } from './api-tokens-section.tsx';
import { CalendarFeedSection } from './calendar-feed-section.tsx';

export function AccountScreen() {
  const { user } = useSignedIn();
  const { logout } = useSession();
  return (
    <main className="page account-page">
      <header className="page-header">
        <h1>Your account</h1>
        <span>
          <Link to="/">Products</Link> ·{' '}
          <button type="button" className="link-button" onClick={() => void logout()}>
            Log out
          </button>
        </span>
      </header>
      <p>
        {user.name} · {user.email} · {user.role}
      </p>
      <ApiTokensSection />
      <CalendarFeedSection />
    </main>
  );
}
