import type { ReactNode } from 'react';

/** Small stroke icons (24 × 24 grid), decorative: the controls carry their own labels. */
function Icon({ children, size = 18 }: { children: ReactNode; size?: number }) {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export const ZoomInIcon = () => (
  <Icon>
    <circle cx="11" cy="11" r="6.5" />
    <path d="M20.5 20.5 16 16M11 8v6M8 11h6" />
  </Icon>
);
export const ZoomOutIcon = () => (
  <Icon>
    <circle cx="11" cy="11" r="6.5" />
    <path d="M20.5 20.5 16 16M8 11h6" />
  </Icon>
);
export const RotateLeftIcon = () => (
  <Icon>
    <path d="M4 4v5h5" />
    <path d="M4.6 9A8 8 0 1 1 6 17.7" />
  </Icon>
);
export const RotateRightIcon = () => (
  <Icon>
    <path d="M20 4v5h-5" />
    <path d="M19.4 9A8 8 0 1 0 18 17.7" />
  </Icon>
);
export const LoupeIcon = () => (
  <Icon>
    <circle cx="10.5" cy="10.5" r="6.5" />
    <path d="M20.5 20.5 15.5 15.5" />
    <circle cx="10.5" cy="10.5" r="2.5" />
  </Icon>
);
export const SunIcon = () => (
  <Icon size={16}>
    <circle cx="12" cy="12" r="4" />
    <path d="M12 2.5v2M12 19.5v2M4.6 4.6l1.4 1.4M18 18l1.4 1.4M2.5 12h2M19.5 12h2M4.6 19.4 6 18M18 6l1.4-1.4" />
  </Icon>
);
export const ContrastIcon = () => (
  <Icon size={16}>
    <circle cx="12" cy="12" r="8.5" />
    <path d="M12 3.5v17a8.5 8.5 0 0 0 0-17Z" fill="currentColor" />
  </Icon>
);
export const InvertIcon = () => (
  <Icon>
    <rect x="4" y="4" width="16" height="16" rx="2" />
    <path d="M4 20 20 4v14a2 2 0 0 1-2 2Z" fill="currentColor" />
  </Icon>
);
export const ResetIcon = () => (
  <Icon>
    <path d="M3.5 12a8.5 8.5 0 1 0 2.6-6.1L3.5 8.5" />
    <path d="M3.5 3.5v5h5" />
  </Icon>
);
export const CompareIcon = () => (
  <Icon>
    <rect x="3" y="4" width="7.5" height="16" rx="1.5" />
    <rect x="13.5" y="4" width="7.5" height="16" rx="1.5" />
  </Icon>
);
export const SingleIcon = () => (
  <Icon>
    <rect x="4" y="4" width="16" height="16" rx="1.5" />
  </Icon>
);
export const WipeIcon = () => (
  <Icon>
    <path d="M4 7h16M9.5 7V4.5h5V7M6 7l1 12.5a1.5 1.5 0 0 0 1.5 1.5h7a1.5 1.5 0 0 0 1.5-1.5L18 7" />
    <path d="M10 11v6M14 11v6" />
  </Icon>
);
export const CopyIcon = () => (
  <Icon size={16}>
    <rect x="8.5" y="8.5" width="12" height="12" rx="2" />
    <path d="M15.5 8.5V5a1.5 1.5 0 0 0-1.5-1.5H5A1.5 1.5 0 0 0 3.5 5v9A1.5 1.5 0 0 0 5 15.5h3.5" />
  </Icon>
);
export const GearIcon = () => (
  <Icon>
    <circle cx="12" cy="12" r="3" />
    <path d="M19.4 15a1.7 1.7 0 0 0 .3 1.8l.1.1a2 2 0 1 1-2.8 2.8l-.1-.1a1.7 1.7 0 0 0-1.8-.3 1.7 1.7 0 0 0-1 1.5V21a2 2 0 1 1-4 0v-.1a1.7 1.7 0 0 0-1.1-1.5 1.7 1.7 0 0 0-1.8.3l-.1.1a2 2 0 1 1-2.8-2.8l.1-.1a1.7 1.7 0 0 0 .3-1.8 1.7 1.7 0 0 0-1.5-1H3a2 2 0 1 1 0-4h.1a1.7 1.7 0 0 0 1.5-1.1 1.7 1.7 0 0 0-.3-1.8l-.1-.1a2 2 0 1 1 2.8-2.8l.1.1a1.7 1.7 0 0 0 1.8.3H9a1.7 1.7 0 0 0 1-1.5V3a2 2 0 1 1 4 0v.1a1.7 1.7 0 0 0 1 1.5 1.7 1.7 0 0 0 1.8-.3l.1-.1a2 2 0 1 1 2.8 2.8l-.1.1a1.7 1.7 0 0 0-.3 1.8V9a1.7 1.7 0 0 0 1.5 1H21a2 2 0 1 1 0 4h-.1a1.7 1.7 0 0 0-1.5 1Z" />
  </Icon>
);
export const KeyboardIcon = () => (
  <Icon>
    <rect x="2.5" y="6" width="19" height="12" rx="2" />
    <path d="M6.5 10h.01M10 10h.01M14 10h.01M17.5 10h.01M7.5 14h9" />
  </Icon>
);
export const SignOutIcon = () => (
  <Icon>
    <path d="M9.5 20.5H5A1.5 1.5 0 0 1 3.5 19V5A1.5 1.5 0 0 1 5 3.5h4.5M16 16.5 20.5 12 16 7.5M20.5 12H9.5" />
  </Icon>
);
export const CheckIcon = ({ size = 18 }: { size?: number }) => (
  <Icon size={size}>
    <path d="m4.5 12.5 5 5 10-11" />
  </Icon>
);
export const AlertIcon = ({ size = 18 }: { size?: number }) => (
  <Icon size={size}>
    <path d="M12 3.5 2.5 20h19Z" />
    <path d="M12 10v4.5M12 17.5v.01" />
  </Icon>
);
export const InfoIcon = ({ size = 18 }: { size?: number }) => (
  <Icon size={size}>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 11v5.5M12 7.5v.01" />
  </Icon>
);
export const ShieldIcon = ({ size = 18 }: { size?: number }) => (
  <Icon size={size}>
    <path d="M12 2.5 4 5.5v6c0 5 3.4 8.6 8 10 4.6-1.4 8-5 8-10v-6Z" />
    <path d="m8.5 12 2.5 2.5 4.5-5" />
  </Icon>
);
export const ShieldOffIcon = ({ size = 18 }: { size?: number }) => (
  <Icon size={size}>
    <path d="M12 2.5 4 5.5v6c0 5 3.4 8.6 8 10 4.6-1.4 8-5 8-10v-6Z" />
    <path d="M12 8v5M12 16v.01" />
  </Icon>
);
export const CloseIcon = () => (
  <Icon>
    <path d="M6 6l12 12M18 6 6 18" />
  </Icon>
);
export const ImageOffIcon = ({ size = 28 }: { size?: number }) => (
  <Icon size={size}>
    <rect x="3.5" y="4.5" width="17" height="15" rx="2" />
    <path d="m3.5 16 5-5 4 4M14 13l2-2 4.5 4.5M3 3l18 18" />
  </Icon>
);
export const DiskIcon = () => (
  <Icon>
    <rect x="3" y="13" width="18" height="7" rx="1.5" />
    <path d="M5 13 7.5 5h9L19 13M7 16.5h.01M10 16.5h.01" />
  </Icon>
);
export const LockIcon = ({ size = 18 }: { size?: number }) => (
  <Icon size={size}>
    <rect x="4.5" y="10.5" width="15" height="10" rx="2" />
    <path d="M8 10.5V7.5a4 4 0 0 1 8 0v3" />
  </Icon>
);
export const BrowserIcon = ({ size = 40 }: { size?: number }) => (
  <Icon size={size}>
    <rect x="2.5" y="4" width="19" height="16" rx="2" />
    <path d="M2.5 8.5h19M6 6.3h.01M8.5 6.3h.01M11 6.3h.01" />
    <path d="M9 14.5h6M13 12.5l2 2-2 2" />
  </Icon>
);
export const PanelIcon = () => (
  <Icon>
    <rect x="3.5" y="4.5" width="17" height="15" rx="2" />
    <path d="M9 4.5v15" />
  </Icon>
);
export const ExpandIcon = () => (
  <Icon>
    <path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5" />
  </Icon>
);
export const CollapseIcon = () => (
  <Icon>
    <path d="M9 4v5H4M15 4v5h5M9 20v-5H4M15 20v-5h5" />
  </Icon>
);
export const PortraitIcon = () => (
  <Icon>
    <rect x="4" y="3.5" width="16" height="17" rx="2" />
    <circle cx="12" cy="10" r="3" />
    <path d="M7 18c1-2.6 3-3.6 5-3.6s4 1 5 3.6" />
  </Icon>
);
export const CropIcon = () => (
  <Icon>
    <path d="M6 2.5V18h15.5M2.5 6H18v15.5" />
  </Icon>
);
export const FrontBackIcon = () => (
  <Icon>
    <rect x="2.5" y="6" width="11" height="8" rx="1.5" />
    <rect x="10.5" y="10" width="11" height="8" rx="1.5" />
  </Icon>
);
