import { useEffect } from 'react';

/** Names the page in the browser tab and history: "Find and Manage Users · ULMS". */
export function usePageTitle(title: string | undefined): void {
  useEffect(() => {
    if (title) document.title = `${title} · ULMS`;
  }, [title]);
}
