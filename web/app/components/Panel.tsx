import { type ReactNode, useId } from 'react';

/**
 * A titled block that looks like antd's Card, in plain markup. antd's Card brings its Tabs
 * with it (about 10 KB on the wire); the pages a phone opens first (home) use this instead.
 */
export default function Panel({
  title,
  extra,
  className,
  children,
}: {
  title: ReactNode;
  extra?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section className={className ? `vp-panel ${className}` : 'vp-panel'} aria-labelledby={id}>
      <div className="vp-panel-head">
        <h2 id={id} className="vp-panel-title">
          {title}
        </h2>
        {extra ? <div className="vp-panel-extra">{extra}</div> : null}
      </div>
      <div className="vp-panel-body">{children}</div>
    </section>
  );
}
