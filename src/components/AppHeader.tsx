/**
 * The page's header: the title and the tools (undo, export, share, presentation). A module of its
 * own, loaded beside the first figure rather than before it: an explorer limited to some figures
 * (an inline figure in a blog post) never loads it.
 */
import { ExportMenu } from './ExportMenu.tsx';
import { FullscreenButton, LectureTools } from './PresentationButtons.tsx';
import { MoreTools } from './MoreTools.tsx';
import { ShareButton } from './ShareButton.tsx';
import { UndoRedo } from './UndoRedo.tsx';
import { useUiStore, useView } from '../explorer/context.tsx';

export default function AppHeader({ embed }: { embed: boolean }) {
  const tools = useView((v) => !v.hide.has('tools'));
  const lecture = useUiStore((s) => s.lecture);
  // Lecture mode keeps the header on one row at 24 px: the tools a presenter rarely needs fold
  // into "More" (an embed folds all of them into its own "Tools" disclosure instead).
  const folded = lecture && !embed;
  const headerTools = (
    <div className="header-tools">
      <MoreTools folded={folded}>
        <UndoRedo />
        <ExportMenu />
        <ShareButton />
        {folded && <FullscreenButton />}
      </MoreTools>
      <LectureTools fullscreen={!folded} />
    </div>
  );
  return (
    <header className="app-header">
      <div className="app-title">
        <h1>Nash-MD explorer</h1>
        {/* One line says what the app is at every width: the variant that fits is shown (CSS). */}
        <p className="subtitle" data-testid="tagline">
          <span className="tagline-long">
            Nash learning from human feedback (Munos et al., ICML 2024): Nash-MD, OMD and RLHF on a preference matrix
            you edit.
          </span>
          <span className="tagline-short">How Nash-MD, OMD and RLHF learn from human preferences</span>
          <span className="tagline-compact">Nash learning from human feedback</span>
        </p>
      </div>
      {tools && !embed && headerTools}
      {tools && embed && (
        // An embed keeps its chrome small: the tools fold into one disclosure.
        <details className="embed-tools">
          <summary>Tools</summary>
          {headerTools}
        </details>
      )}
    </header>
  );
}
