/**
 * The roadmap's flags by initiative: the forecast, the alignment report and the dependency map read once
 * per screen (each refreshed live on any plan change) and turned into one Map whenever one of them changes.
 */
import { useMemo } from 'react';
import { useAlignment, useDependencyGraph, useForecast } from '../../state/use-analysis.ts';
import { type InitiativeFlag, initiativeFlags } from './initiative-flags.ts';

export function useInitiativeFlags(productId: string): ReadonlyMap<string, readonly InitiativeFlag[]> {
  const alignment = useAlignment(productId).data;
  const forecast = useForecast(productId).data;
  const graph = useDependencyGraph(productId).data;
  return useMemo(() => initiativeFlags({ alignment, forecast, graph }), [alignment, forecast, graph]);
}
