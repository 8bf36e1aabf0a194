import type { FindingRegion } from './regions.ts';

/** Marks a finding's place on its image (switching the viewer to it), or unmarks it. */
export function ShowButton({
  region,
  shown,
  onShow,
}: {
  region: FindingRegion;
  shown: string | null;
  onShow: (region: FindingRegion | null) => void;
}) {
  const active = shown === region.key;
  return (
    <button
      type="button"
      className="button button--secondary checks__show"
      aria-pressed={active}
      onClick={() => onShow(active ? null : region)}
      data-testid={`show-${region.key}`}
    >
      {region.action}
    </button>
  );
}
