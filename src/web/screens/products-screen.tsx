/** The products you can see, and a form to create one. */
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { LIMITS } from '../../schemas/limits.ts';
import { productsApi } from '../api/products.ts';
import { FormError } from '../components/form-error.tsx';
import { paths } from '../routes.ts';
import { useSession, useSignedIn } from '../state/session.tsx';

export function ProductsScreen() {
  const { user, products, reload } = useSignedIn();
  const { logout } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const [key, setKey] = useState('');
  const canCreate = user.role === 'owner' || user.role === 'admin' || user.role === 'editor';

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    try {
      const product = await productsApi.create({
        name: String(form.get('name')),
        key: String(form.get('key')),
        description: String(form.get('description')),
      });
      await reload();
      navigate(paths.backlog(product.key));
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <main className="page products-page">
      <header className="page-header">
        <h1>Products</h1>
        <span>
          <Link to={paths.account()}>{user.name}</Link> ·{' '}
          <button type="button" className="link-button" onClick={() => void logout()}>
            Log out
          </button>
        </span>
      </header>
      {products.length === 0 ? (
        <p>
          No products yet{canCreate ? ': create the first one below.' : '. Ask an admin to add you to one.'}
        </p>
      ) : (
        <ul className="product-list">
          {products.map((p) => (
            <li key={p.id}>
              <Link to={paths.backlog(p.key)}>
                <strong>{p.name}</strong> <span className="key">{p.key}</span>
              </Link>
              {p.description && <p>{p.description}</p>}
            </li>
          ))}
        </ul>
      )}
      {canCreate && (
        <section aria-labelledby="new-product">
          <h2 id="new-product">New product</h2>
          <form onSubmit={submit} className="stack narrow">
            <label>
              Name
              <input name="name" required maxLength={LIMITS.productName} />
            </label>
            <label>
              Key <span className="hint">(2–10 capital letters; prefixes item keys, e.g. CHK-42)</span>
              <input
                name="key"
                required
                pattern="[A-Z]{2,10}"
                value={key}
                onChange={(event) => setKey(event.target.value.toUpperCase().replace(/[^A-Z]/g, ''))}
              />
            </label>
            <label>
              Description
              <textarea name="description" rows={3} maxLength={LIMITS.description} />
            </label>
            <FormError error={error} />
            <button type="submit" className="primary">
              Create product
            </button>
          </form>
        </section>
      )}
    </main>
  );
}
