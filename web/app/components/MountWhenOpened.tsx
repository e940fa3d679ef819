import { Spin } from 'antd';
import { type ReactNode, Suspense, useState } from 'react';

/**
 * Renders a dialog, drawer or form only from the first time it opens. With the dialog imported by
 * React.lazy, its code is then fetched on that first opening, not with the page:
 *
 *   const IncomingForm = lazy(() => import('../components/IncomingForm'));
 *   <MountWhenOpened open={creating}><IncomingForm open={creating} onClose={close} /></MountWhenOpened>
 *
 * Once opened it stays mounted, so it closes with its animation and opens again at once.
 */
export default function MountWhenOpened({ open, children }: { open: boolean; children: ReactNode }) {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  if (!open && !opened) return null;
  return <Suspense fallback={open ? <DialogLoading /> : null}>{children}</Suspense>;
}

/** Shown over the page while an opened dialog's code is on its way. */
function DialogLoading() {
  return (
    <div className="vp-dialog-loading" role="status">
      <Spin size="large" />
    </div>
  );
}
