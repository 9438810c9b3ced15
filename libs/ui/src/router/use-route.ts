import { useMemo, useSyncExternalStore } from 'react';
import { currentLocation, subscribeToLocation } from './location-store.js';
import { parseLocation, type Route } from './parse-location.js';

/** The current route; re-renders the caller when the location changes. */
export function useRoute(): Route {
  const location = useSyncExternalStore(subscribeToLocation, currentLocation, () => '/');
  return useMemo(() => parseLocation(location), [location]);
}
