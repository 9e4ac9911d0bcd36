/** Your API tokens: create one (name, read or write, optionally some products), see its secret once, revoke. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { LIMITS } from '../../../schemas/limits.ts';
import { accountApi, accountKeys, type CreatedTokenT } from '../../api/account.ts';
import { FormError } from '../../components/form-error.tsx';
import { useSignedIn } from '../../state/session.tsx';
import { SecretField } from './secret-field.tsx';

export function ApiTokensSection() {
  const { products } = useSignedIn();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<CreatedTokenT | null>(null);
  const [restrict, setRestrict] = useState(false);
  const tokens = useQuery({
    queryKey: accountKeys.tokens,
    queryFn: ({ signal }) => accountApi.tokens(signal),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: accountKeys.tokens });
  const create = useMutation({
    mutationFn: accountApi.createToken,
    onSuccess: (token) => {
      setCreated(token);
      void refresh();
    },
  });
  const revoke = useMutation({ mutationFn: accountApi.revokeToken, onSuccess: () => void refresh() });
  const productName = (id: string) => products.find((p) => p.id === id)?.key ?? 'a product';

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    create.mutate({
      name: String(form.get('name')),
      scope: form.get('scope') === 'read' ? 'read' : 'write',
      productIds: restrict ? form.getAll('productIds').map(String) : null,
    });
  };

  const live = (tokens.data ?? []).filter((t) => t.revokedAt === null);
  return (
    <section aria-labelledby="tokens-heading" className="account-section">
      <h2 id="tokens-heading">API tokens</h2>
      <p className="hint">
        For scripts, the MCP server and other tools: send a token as <code>Authorization: Bearer …</code>.
      </p>
      <FormError error={tokens.error ?? revoke.error} />
      {live.length === 0 ? (
        <p>No tokens yet.</p>
      ) : (
        <ul className="token-list">
          {live.map((token) => (
            <li key={token.id}>
              <strong>{token.name}</strong> <code>{token.prefix}…</code>{' '}
              <span className="hint">
                {token.scope === 'read' ? 'read only' : 'read and write'} ·{' '}
                {token.productIds ? token.productIds.map(productName).join(', ') : 'every product'}
                {token.lastUsedAt ? ` · last used ${token.lastUsedAt.slice(0, 10)}` : ' · never used'}
              </span>{' '}
              <button type="button" className="link-button" onClick={() => revoke.mutate(token.id)}>
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit} className="stack narrow" aria-label="New API token">
        <label>
          Name
          <input name="name" required maxLength={LIMITS.tokenName} />
        </label>
        <fieldset>
          <legend>Access</legend>
          <label>
            <input type="radio" name="scope" value="read" defaultChecked /> Read only
          </label>
          <label>
            <input type="radio" name="scope" value="write" /> Read and write (as your role allows)
          </label>
        </fieldset>
        <label>
          <input type="checkbox" checked={restrict} onChange={(event) => setRestrict(event.target.checked)} />{' '}
          Only some products
        </label>
        {restrict && (
          <fieldset>
            <legend>Products</legend>
            {products.map((p) => (
              <label key={p.id}>
                <input type="checkbox" name="productIds" value={p.id} /> {p.name}{' '}
                <span className="key">{p.key}</span>
              </label>
            ))}
          </fieldset>
        )}
        <FormError error={create.error} />
        <button type="submit" className="primary" disabled={create.isPending}>
          Create token
        </button>
      </form>
      {created && <SecretField label={`Token “${created.name}”`} value={created.token} />}
    </section>
  );
}
