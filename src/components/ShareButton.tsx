/**
 * The "Share / Embed" button. The dialog behind it (the snippet builder, the embed preview, the
 * poster) is loaded on the first click: most visits never open it, so it stays out of the
 * first render's bytes.
 */
import { Suspense, lazy, useState } from 'react';

const ShareDialog = lazy(() => import('./ShareDialog.tsx').then((m) => ({ default: m.ShareDialog })));

export function ShareButton() {
  // How many times the button was pressed: 0 = the dialog is not loaded yet.
  const [openRequest, setOpenRequest] = useState(0);
  return (
    <>
      <button type="button" onClick={() => setOpenRequest((k) => k + 1)}>
        Share / Embed
      </button>
      {openRequest > 0 && (
        <Suspense fallback={null}>
          <ShareDialog openRequest={openRequest} />
        </Suspense>
      )}
    </>
  );
}
