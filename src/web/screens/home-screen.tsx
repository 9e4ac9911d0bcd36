/** `/`: straight to the product used last, or the product list. */
import { Navigate } from 'react-router';
import { paths } from '../routes.ts';
import { useSignedIn } from '../state/session.tsx';
import { ProductsScreen } from './products-screen.tsx';

export const LAST_PRODUCT_KEY = 'cairn:lastProduct';

export function HomeScreen() {
  const { products } = useSignedIn();
  const last = localStorage.getItem(LAST_PRODUCT_KEY);
  const product = products.find((p) => p.key === last) ?? (products.length === 1 ? products[0] : undefined);
  if (product) return <Navigate to={paths.backlog(product.key)} replace />;
  return <ProductsScreen />;
}
