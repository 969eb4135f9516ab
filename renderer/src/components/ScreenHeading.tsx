import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The heading of a screen. It takes focus when the screen opens so keyboard and screen-reader
 * users land at the top of the new content instead of on a button that no longer exists.
 */
export function ScreenHeading({ id, children }: { id: string; children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h2 id={id} ref={ref} tabIndex={-1} className="screen-heading">
      {children}
    </h2>
  );
}
