import type { DocumentSlot, Progress } from '../../../shared/ipc.ts';
import type { ImageMemory } from '../image-memory.ts';
import { formatBytes } from '../i18n/format.ts';
import { useI18n } from '../i18n/index.tsx';
import type { ShownImage, SlotView } from '../state/app-state.ts';
import { HeldImage } from '../viewer/HeldImage.tsx';
import { CopyButton } from './CopyButton.tsx';
import { AlertIcon, CheckIcon, ImageOffIcon } from './icons.tsx';
import '../styles/card.css';

export type CardContent = { kind: 'loading'; progress: Progress | undefined } | SlotView;

/** One of the three images: its thumbnail and facts, its download progress, or why it is absent. */
export function DocumentCard({
  slot,
  content,
  selected,
  onSelect,
  memory,
}: {
  slot: DocumentSlot;
  content: CardContent;
  selected: boolean;
  onSelect: () => void;
  memory: ImageMemory;
}) {
  const { t } = useI18n();
  const name = t.slots[slot];
  const selectable = content.kind === 'image';

  return (
    <article
      className={`card card--${content.kind}${selected ? ' card--selected' : ''}`}
      aria-labelledby={`card-${slot}-title`}
      data-testid={`card-${slot}`}
      data-state={content.kind}
    >
      <div className="card__thumb">
        {content.kind === 'image' ? (
          <HeldImage memory={memory} slot={slot} alt={name} className="card__image" />
        ) : content.kind === 'loading' ? (
          <span className="spinner" aria-hidden="true" />
        ) : (
          <ImageOffIcon />
        )}
      </div>
      <div className="card__body">
        <h3 className="card__title" id={`card-${slot}-title`}>
          {selectable ? (
            <button
              type="button"
              className="card__select"
              onClick={onSelect}
              aria-pressed={selected}
              aria-label={t.card.select(name)}
            >
              {name}
            </button>
          ) : (
            name
          )}
        </h3>
        <CardDetail content={content} />
      </div>
      {content.kind === 'image' && <Sha image={content.image} />}
    </article>
  );
}

function CardDetail({ content }: { content: CardContent }) {
  const { t, lang } = useI18n();
  switch (content.kind) {
    case 'loading': {
      const p = content.progress;
      const received = p ? formatBytes(p.receivedBytes, lang) : null;
      const total = p?.totalBytes ? formatBytes(p.totalBytes, lang) : null;
      const max = p?.totalBytes ?? undefined;
      return (
        <div className="card__progress">
          <span>{p ? (p.done ? t.card.preparing : t.card.downloading) : t.card.waiting}</span>
          <progress
            value={p ? (max ? p.receivedBytes : undefined) : undefined}
            max={max}
            aria-label={t.card.downloading}
          />
          {received && (
            <span className="muted small">
              {total ? t.card.progress(received, total) : t.card.received(received)}
            </span>
          )}
        </div>
      );
    }
    case 'image': {
      const { image } = content;
      return (
        <dl className="card__facts">
          <div>
            <dt>{t.card.dimensions}</dt>
            <dd>{t.card.pixels(image.width, image.height)}</dd>
          </div>
          <div>
            <dt>{t.card.size}</dt>
            <dd>{formatBytes(image.byteLength, lang)}</dd>
          </div>
        </dl>
      );
    }
    case 'refused': {
      const text = t.errors[content.error.code];
      return (
        <div className="card__reason card__reason--error" data-reason="refused">
          <p className="card__reason-title">
            <AlertIcon size={16} /> {t.card.refusedTitle}
          </p>
          <p>{text.title}</p>
          <p className="muted">{text.action}</p>
          <p className="mono small muted">{content.error.code}</p>
        </div>
      );
    }
    case 'noBack':
      return <Reason kind="noBack" title={t.card.noBackTitle} body={t.card.noBackBody} />;
    case 'notVerified':
      return (
        <Reason kind="notVerified" title={t.card.notVerifiedTitle} body={t.card.notVerifiedBody} />
      );
    case 'missing':
      return <Reason kind="missing" title={t.card.missingTitle} body={t.card.missingBody} />;
  }
}

function Reason({ kind, title, body }: { kind: string; title: string; body: string }) {
  return (
    <div className="card__reason" data-reason={kind}>
      <p className="card__reason-title">{title}</p>
      <p className="muted">{body}</p>
    </div>
  );
}

function Sha({ image }: { image: ShownImage }) {
  const { t } = useI18n();
  const name = t.slots[image.slot];
  const hex = image.sha256;
  return (
    <div className={`card__sha card__sha--${image.digest}`}>
      <span className="card__sha-label">
        {t.card.sha256}
        {image.digest === 'match' && (
          <span className="sha-check" data-tone="ok" title={t.card.shaMatchesHint}>
            <CheckIcon size={14} />
            {t.card.shaMatches}
          </span>
        )}
        {image.digest === 'mismatch' && (
          <span className="sha-check" data-tone="danger" role="alert">
            <AlertIcon size={14} /> {t.card.shaMismatch}
          </span>
        )}
      </span>
      <span className="copyable">
        <code className="mono selectable card__sha-value">
          {hex.slice(0, 32)}
          <wbr />
          {hex.slice(32)}
        </code>
        <CopyButton
          text={hex}
          label={t.card.copySha(name)}
          copied={t.card.shaCopied}
          failed={t.session.copyFailed}
        />
      </span>
    </div>
  );
}
