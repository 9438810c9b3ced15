import { useLocation } from '@tanstack/react-router';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { AppHeader } from './app-header.js';
import { SideNav } from './side-nav.js';

const navId = 'main-navigation';

/**
 * The signed-in frame: header, side navigation and the page; focus moves to the page title on navigation.
 * On narrow screens the navigation folds behind the header's Menu button and closes again on navigation.
 */
export function AppLayout({ children }: { readonly children: ReactNode }) {
  const path = useLocation({ select: (location) => location.pathname });
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const [navOpen, setNavOpen] = useState(false);

  useEffect(() => {
    setNavOpen(false);
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [path]);

  // The unfolded navigation covers part of the page: a tap or click anywhere else folds it again.
  useEffect(() => {
    if (!navOpen) return;
    const closeOnOutside = (event: PointerEvent) => {
      const target = event.target as Element;
      if (!target.closest(`#${navId}, [aria-controls="${navId}"]`)) setNavOpen(false);
    };
    document.addEventListener('pointerdown', closeOnOutside);
    return () => document.removeEventListener('pointerdown', closeOnOutside);
  }, [navOpen]);

  const closeNav = () => {
    setNavOpen(false);
    document.querySelector<HTMLElement>(`[aria-controls="${navId}"]`)?.focus();
  };

  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <AppHeader navId={navId} navOpen={navOpen} onToggleNav={() => setNavOpen((open) => !open)} />
      <div className="shell__body">
        <SideNav id={navId} open={navOpen} onClose={closeNav} onChoose={() => setNavOpen(false)} />
        <main id="main" className="shell__main" ref={mainRef} tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}
