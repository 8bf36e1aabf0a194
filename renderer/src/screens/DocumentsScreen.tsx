import { useEffect, useState } from 'react';
import type { DocumentSlot } from '../../../shared/ipc.ts';
import { isFaceComparison } from '../../../shared/face-match.ts';
import { Checklist } from '../components/Checklist.tsx';
import { ChecksPanel } from '../components/checks/ChecksPanel.tsx';
import type { FindingRegion } from '../components/checks/regions.ts';
import { DocumentCard } from '../components/DocumentCard.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { InfoIcon } from '../components/icons.tsx';
import { ReceiptCard } from '../components/ReceiptCard.tsx';
import { RegistryPanel } from '../components/RegistryPanel.tsx';
import { SessionPanel } from '../components/SessionPanel.tsx';
import { useCommands } from '../commands.tsx';
import { useI18n } from '../i18n/index.tsx';
import { SLOTS, type AppState, type LoadedDocuments } from '../state/app-state.ts';
import { useAppState, useController } from '../state/context.tsx';
import { compareAvailable, imageOf, nextCompareMode, type CompareMode } from '../viewer/compare.ts';
import { displayedBox, type Highlight } from '../viewer/finding-region.ts';
import { ViewController } from '../viewer/view-controller.ts';
import { DEFAULT_PORTRAIT_REGIONS, faceRegions, type PortraitRegions } from '../viewer/portrait.ts';
import { Viewer, ZOOM_STEP, type PortraitState, type ViewerLayout } from '../viewer/Viewer.tsx';
import '../styles/documents.css';

const selectDocs = (s: AppState) => s.docs;
const selectWipe = (s: AppState) => s.wipe;
const selectAnalysis = (s: AppState) => s.analysis;

/** The signed-in screen: not loaded yet, loading, the documents, or why they could not load. */
export function DocumentsScreen({ onOpenSettings }: { onOpenSettings: () => void }) {
  const { t } = useI18n();
  const controller = useController();
  const docs = useAppState(selectDocs);
  const wipe = useAppState(selectWipe);

  if (docs.status === 'ready') {
    return <DocumentsReady docs={docs.docs} />;
  }

  return (
    <main id="main" className="docs docs--empty" tabIndex={-1}>
      <div className="docs__column">
        {wipe && <ReceiptCard wipe={wipe} onDismiss={() => controller.dismissReceipt()} />}
        {docs.status === 'idle' && wipe?.status !== 'wiping' && (
          <section className="empty-state" aria-labelledby="not-loaded-title">
            <h1 id="not-loaded-title" tabIndex={-1}>
              {t.docs.notLoadedTitle}
            </h1>
            <p>{t.docs.notLoadedBody}</p>
            <button
              type="button"
              className="button button--primary button--large"
              onClick={() => void controller.loadDocuments()}
              data-testid="load-documents"
            >
              {t.docs.load}
            </button>
          </section>
        )}
        {docs.status === 'loading' && (
          <section className="loading-state" aria-labelledby="loading-title" aria-busy="true">
            <h1 id="loading-title" className="loading-state__title" tabIndex={-1}>
              <span className="spinner" aria-hidden="true" />
              {t.docs.loading}
            </h1>
            <div className="strip">
              {SLOTS.map((slot) => (
                <DocumentCard
                  key={slot}
                  slot={slot}
                  content={{ kind: 'loading', progress: docs.progress[slot] }}
                  selected={false}
                  onSelect={() => undefined}
                  memory={controller.memory}
                />
              ))}
            </div>
          </section>
        )}
        {docs.status === 'error' && (
          <LoadError error={docs.error} onOpenSettings={onOpenSettings} />
        )}
      </div>
    </main>
  );
}

function firstImage(docs: LoadedDocuments): DocumentSlot {
  return SLOTS.find((slot) => imageOf(docs, slot) !== null) ?? 'documentFront';
}

/** The portrait compare's boxes on the faces the comparison found, when it found both. */
function placedRegions(
  docs: LoadedDocuments,
  analysis: AppState['analysis'],
): PortraitRegions | null {
  if (analysis.status !== 'done') return null;
  const front = imageOf(docs, 'documentFront');
  const selfie = imageOf(docs, 'face');
  if (!front || !selfie) return null;
  const { face } = analysis.report;
  return faceRegions(isFaceComparison(face) ? face : null, {
    documentFront: { w: front.width, h: front.height },
    face: { w: selfie.width, h: selfie.height },
  });
}

function DocumentsReady({ docs }: { docs: LoadedDocuments }) {
  const { t } = useI18n();
  const controller = useController();
  const [view] = useState(() => new ViewController());
  const [selected, setSelected] = useState<DocumentSlot>(() => firstImage(docs));
  const [compare, setCompare] = useState<CompareMode>('off');
  const [panel, setPanel] = useState(true);
  const [fullWindow, setFullWindow] = useState(false);
  const analysis = useAppState(selectAnalysis);
  /** The reviewer's own portrait boxes; until they move one, the boxes start where `placed` says. */
  const [edited, setEdited] = useState<PortraitRegions | null>(null);
  const [adjusting, setAdjusting] = useState(false);
  const placed = placedRegions(docs, analysis);
  const regions = edited ?? placed ?? DEFAULT_PORTRAIT_REGIONS;
  /** The finding marked on its image (the MRZ zone, a face), chosen in the Checks panel. */
  const [mark, setMark] = useState<{ region: FindingRegion; of: AppState['analysis'] } | null>(
    null,
  );
  // A new report (or none) unmarks what the old one marked.
  const marked = mark && mark.of === analysis ? mark.region : null;
  const setMarked = (region: FindingRegion | null) =>
    setMark(region ? { region, of: analysis } : null);

  useEffect(() => () => view.dispose(), [view]);
  // The panes change size with the layout: fit again.
  useEffect(() => view.invalidate(), [view, panel, fullWindow]);

  const choose = (slot: DocumentSlot) => {
    setSelected(slot);
    setCompare('off');
    view.resetView();
    if (marked && marked.slot !== slot) setMarked(null);
  };
  const showFinding = (region: FindingRegion | null) => {
    setMarked(region);
    if (region && imageOf(docs, region.slot)) {
      setSelected(region.slot);
      setCompare('off');
      setAdjusting(false);
      view.resetView();
    }
  };
  const markedImage = marked ? imageOf(docs, marked.slot) : null;
  const highlight: Highlight | null =
    marked && markedImage && compare === 'off'
      ? {
          slot: marked.slot,
          label: marked.label,
          box: marked.upright
            ? marked.box
            : displayedBox(
                marked.box,
                { w: markedImage.width, h: markedImage.height },
                markedImage.orientation,
              ),
        }
      : null;
  const chooseCompare = (mode: CompareMode) => {
    if (!compareAvailable(docs, mode)) return;
    setCompare(mode);
    setAdjusting(false);
    setMarked(null);
    view.resetView();
  };
  /** The Checks panel's "Compare the faces": the portrait compare, boxed on the faces found. */
  const compareFaces = placed
    ? () => {
        setEdited(null);
        chooseCompare('portrait');
      }
    : undefined;
  const layout: ViewerLayout = {
    panel,
    fullWindow,
    onPanel: () => setPanel((on) => !on),
    onFullWindow: () => setFullWindow((on) => !on),
  };
  const portrait: PortraitState = {
    regions,
    fromFaces: edited === null && placed !== null,
    adjusting,
    onRegion: (slot, box) =>
      setEdited((own) => ({ ...(own ?? placed ?? DEFAULT_PORTRAIT_REGIONS), [slot]: box })),
    onAdjusting: setAdjusting,
    onReset: () => setEdited(null),
  };
  const shown = SLOTS.filter((slot) => imageOf(docs, slot) !== null);
  const step = (direction: 1 | -1) => {
    if (shown.length === 0) return;
    const index = shown.indexOf(selected);
    const next = shown[(index + direction + shown.length) % shown.length];
    if (next) choose(next);
  };

  useCommands({
    zoomIn: () => view.zoomBy(ZOOM_STEP),
    zoomOut: () => view.zoomBy(1 / ZOOM_STEP),
    fit: () => view.fit(),
    actual: () => view.zoomToActual(),
    rotateRight: () => view.rotate(1),
    rotateLeft: () => view.rotate(-1),
    loupe: () => view.setLoupe(!view.frame.loupe),
    invert: () => view.setAdjust({ invert: !view.frame.adjust.invert }),
    resetAdjust: () => view.resetAdjust(),
    nextImage: () => step(1),
    prevImage: () => step(-1),
    compare: () => chooseCompare(nextCompareMode(docs, compare)),
    fullWindow: layout.onFullWindow,
    leaveFullWindow: () => setFullWindow(false),
    panel: () => {
      if (!fullWindow) layout.onPanel();
    },
  });

  return (
    <main
      id="main"
      className="docs"
      tabIndex={-1}
      data-panel={panel && !fullWindow ? 'shown' : 'hidden'}
      data-full-window={fullWindow}
    >
      <aside
        className="sidebar"
        aria-label={t.docs.selfTitle}
        hidden={!panel || fullWindow}
        data-testid="side-panel"
      >
        <section className="self-view">
          <h1 id="documents-title" tabIndex={-1}>
            {t.docs.selfTitle}
          </h1>
          <p>{t.docs.selfBody}</p>
        </section>
        <SessionPanel docs={docs} />
        <RegistryPanel registry={docs.registry} />
        {docs.verified && (
          <ChecksPanel
            analysis={analysis}
            shown={marked?.key ?? null}
            onShow={showFinding}
            onCompareFaces={compareFaces}
          />
        )}
        {docs.verified && <Checklist />}
      </aside>
      <div className="workspace">
        {(!panel || fullWindow) && (
          // The side panel holds the screen's heading; without it the page keeps one, unseen.
          <h1 className="visually-hidden">{t.docs.selfTitle}</h1>
        )}
        {!docs.verified && !fullWindow && (
          <div className="notice" data-tone="warn" role="status" data-testid="not-verified">
            <InfoIcon />
            <div>
              <p className="notice__title">{t.docs.notVerifiedTitle}</p>
              <p>{t.docs.notVerifiedBody}</p>
              <p className="muted">{t.docs.notVerifiedAction}</p>
            </div>
          </div>
        )}
        <section className="strip" aria-label={t.docs.imagesHeading} hidden={fullWindow}>
          {SLOTS.map((slot) => (
            <DocumentCard
              key={slot}
              slot={slot}
              content={docs.slots[slot]}
              selected={compare === 'off' ? selected === slot : false}
              onSelect={() => choose(slot)}
              memory={controller.memory}
            />
          ))}
        </section>
        <Viewer
          docs={docs}
          selected={selected}
          compare={compare}
          onCompare={chooseCompare}
          controller={view}
          memory={controller.memory}
          layout={layout}
          portrait={portrait}
          highlight={highlight}
        />
      </div>
    </main>
  );
}
