import { useLocation } from '@tanstack/react-router';
import { type ReactNode, useEffect, useRef } from 'react';
import { AppHeader } from './app-header.js';
import { SideNav } from './side-nav.js';

/** The signed-in frame: header, side navigation and the page; focus moves to the page title on navigation. */
export function AppLayout({ children }: { readonly children: ReactNode }) {
  const path = useLocation({ select: (location) => location.pathname });
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [path]);

  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <AppHeader />
      <div className="shell__body">
        <SideNav />
        <main id="main" className="shell__main" ref={mainRef} tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}
