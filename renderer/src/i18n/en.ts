import type { ErrorCode } from '../../../shared/errors.ts';
import type { WipeReason } from '../../../shared/ipc.ts';
import type { PrivacyFindingKind } from '../../../shared/privacy.ts';

/** What the UI says about one error code: what happened, and what the person can do. */
export interface ErrorText {
  title: string;
  action: string;
}

/**
 * Every string the UI shows, in English. `Dictionary` is this object's type, so the Spanish one
 * (`es.ts`) must have exactly the same keys and the same parameters — the compiler checks it.
 * Error codes and wipe reasons are typed as complete records: a new code without a message does
 * not compile.
 */
export const en = {
  app: {
    name: 'idlens',
    starting: 'Starting…',
    noBridge: 'idlens could not reach its main process. Quit and start the app again.',
    skipToContent: 'Skip to content',
    signedInAs: (who: string) => `Signed in as ${who}`,
    demoRibbon: 'Demo backend · synthetic specimen documents, not a real person',
    settingsRepaired: (keptAs: string | null) =>
      keptAs === null
        ? 'The settings file could not be read as it was. The settings that were still valid were kept; the rest are back to their defaults.'
        : `The settings file could not be read as it was and was set aside as ${keptAs}. The settings that were still valid were kept; the rest are back to their defaults.`,
  },
  lang: {
    label: 'Language',
    system: 'System language',
    en: 'English',
    es: 'Español',
  },
  env: {
    label: 'Environment',
    legend: 'Where to sign in',
    badgeLabel: (name: string) => `Environment: ${name}`,
    production: 'Production',
    staging: 'Staging',
    demo: 'Demo',
    custom: 'Custom',
    hintProduction: 'portal.eprospera.com — real accounts and real documents.',
    hintStaging: 'staging-portal.eprospera.com — e-Próspera’s test portal.',
    hintDemo: 'The local demo backend on this computer — synthetic specimens only.',
    hintCustom: 'The issuer and API set in Settings.',
    customMissing: 'Custom needs an issuer URL. Set it in Settings first.',
  },
  capture: {
    on: 'Screen capture blocked',
    onShort: 'Capture blocked',
    offShort: 'Capture not blocked',
    onDetail:
      'This operating system honours capture protection: screenshots and screen sharing show this window blank.',
    off: 'No screen-capture protection',
    offLinux:
      'Linux offers no way to keep this window out of screenshots or screen sharing. Make sure nothing is recording.',
    offOther:
      'This system offers no way to keep this window out of screenshots or screen sharing. Make sure nothing is recording.',
  },
  signIn: {
    title: 'Sign in to e-Próspera',
    lead: 'idlens opens your web browser to sign in, then shows the identity-verification documents e-Próspera holds for the account.',
    promise:
      'Images stay in this window’s memory only. They are erased when you wipe, sign out, step away or close the window.',
    button: 'Sign in with browser',
    settings: 'Sign-in settings',
    starting: 'Opening your browser…',
    waitingTitle: 'Finish signing in in your browser',
    waitingBody:
      'Your browser was opened at the e-Próspera sign-in page. Approve access there, then come back to this window.',
    remaining: (time: string) => `Time left: ${time}`,
    cancel: 'Cancel sign-in',
    waitingHint:
      'No browser tab appeared? Check your default browser, then cancel and sign in again.',
    errorHeading: 'Sign-in did not complete',
    errorCode: (code: string) => `Error code: ${code}`,
    tryAgain: 'Sign in again',
  },
  docs: {
    selfTitle: 'What e-Próspera holds about you',
    selfBody:
      'The identity verification of the signed-in account, exactly as e-Próspera returned it. Shown from this window’s memory; nothing is saved on this computer.',
    notLoadedTitle: 'Documents are not loaded',
    notLoadedBody:
      'Load them to view them here. They are erased on wipe, sign-out, inactivity and when the window closes.',
    load: 'Load documents',
    loading: 'Loading documents…',
    loadErrorTitle: 'Could not load the documents',
    retry: 'Try again',
    signInAgain: 'Sign in again',
    imagesHeading: 'Images',
    notVerifiedTitle: 'Not verified',
    notVerifiedBody:
      'e-Próspera holds no approved identity verification for this account, so there are no documents to show.',
    notVerifiedAction: 'Identity verification is completed in the e-Próspera portal.',
  },
  session: {
    heading: 'Verification session',
    id: 'Session ID',
    type: 'Provider',
    date: 'Created',
    status: 'Status',
    localTime: 'Local',
    utc: 'UTC',
    copyId: 'Copy session ID',
    copied: 'Session ID copied',
    copyFailed: 'Could not copy. Select the ID and copy it by hand.',
    notProvided: 'Not provided',
    approved: 'Approved',
    verified: 'Verified',
    notVerified: 'Not verified',
  },
  slots: {
    documentFront: 'ID front',
    documentBack: 'ID back',
    face: 'Selfie',
  },
  card: {
    select: (slot: string) => `Show ${slot} in the viewer`,
    waiting: 'Waiting…',
    downloading: 'Downloading…',
    progress: (received: string, total: string) => `${received} of ${total}`,
    received: (received: string) => `${received} received`,
    preparing: 'Preparing…',
    noBackTitle: 'No back side',
    noBackBody: 'Passports and other single-sided documents have no back image.',
    notVerifiedTitle: 'Not verified',
    notVerifiedBody: 'No approved verification, so no image exists.',
    missingTitle: 'Not provided',
    missingBody: 'e-Próspera returned no image for this part.',
    refusedTitle: 'Image refused',
    dimensions: 'Dimensions',
    size: 'Size',
    sha256: 'SHA-256',
    pixels: (w: number, h: number) => `${w} × ${h} px`,
    shaMatches: 'Matches the bytes received',
    shaMismatch: 'Does not match the bytes received',
  },
  registry: {
    heading: 'Registry record',
    givenName: 'Given name',
    surname: 'Surname',
    name: 'Full name',
    dateOfBirth: 'Date of birth',
    sex: 'Sex',
    countryOfBirth: 'Country of birth',
    citizenships: 'Citizenships',
    residentPermitNumber: 'Resident permit no.',
    address: 'Address',
    phoneNumber: 'Phone',
    notRequested:
      'Registry details were not requested. Add the scope eprospera:person.details.read in Settings and sign in again to see them.',
    empty: 'The registry holds no details for this account.',
  },
  checklist: {
    heading: 'Review checklist',
    note: 'For your eyes only: not saved, cleared on wipe.',
    corners: 'All four corners of the document visible',
    glare: 'No glare or shadow over printed data',
    legible: 'Text and numbers legible',
    portrait: 'Document portrait clear and unobstructed',
    match: 'Selfie matches the document portrait',
    sameDocument: 'Front and back belong to the same document',
  },
  viewer: {
    region: 'Image viewer',
    toolbar: 'Viewer tools',
    stageLabel: (slot: string) => `${slot} — use arrow keys to pan, plus and minus to zoom`,
    empty: 'Choose a loaded image to view it here.',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    fit: 'Fit',
    fitLong: 'Fit to window',
    actual: '100 %',
    actualLong: 'Actual size (100 %)',
    zoomValue: (percent: number) => `${percent} %`,
    zoomAnnounce: (percent: number) => `Zoom ${percent} percent`,
    rotateLeft: 'Rotate left',
    rotateRight: 'Rotate right',
    rotationAnnounce: (degrees: number) => `Rotated ${degrees} degrees`,
    rotationNote: 'Rotation changes the view only; the image bytes stay untouched.',
    loupe: 'Loupe',
    loupeAnnounceOn: 'Loupe on: move the pointer over the image',
    loupeAnnounceOff: 'Loupe off',
    adjust: 'Adjust',
    brightness: 'Brightness',
    contrast: 'Contrast',
    invert: 'Invert',
    percentValue: (percent: number) => `${percent} %`,
    resetAdjust: 'Reset adjustments',
    compare: 'Compare',
    compareOff: 'Single',
    compareFaceFront: 'Selfie + front',
    compareFrontBack: 'Front + back',
    compareLinked: 'Zoom, pan and rotation are linked',
    compareUnavailable: 'Needs both images loaded',
  },
  wipe: {
    button: 'Wipe now',
    buttonHint: 'Erase every image from memory now',
    wiping: 'Wiping…',
    receiptTitle: 'Wiped from memory',
    receiptBody: (count: number, time: string) =>
      count === 1 ? `1 image cleared at ${time}.` : `${count} images cleared at ${time}.`,
    bytesZeroed: (size: string) => `${size} of image data overwritten with zeros.`,
    reasonLabel: 'Trigger',
    reasons: {
      button: 'Wipe button',
      shortcut: 'Keyboard shortcut',
      idle: 'No activity',
      'sign-out': 'Signed out',
      'window-close': 'Window closed',
      'lock-screen': 'Screen locked',
      suspend: 'Computer went to sleep',
    } satisfies Record<WipeReason, string>,
    replaced: 'The viewer page is replaced after a wipe, so no decoded picture outlives it.',
    unconfirmed:
      'The main process did not confirm the wipe. This window’s copies were cleared; quit idlens to be sure.',
    dismiss: 'Dismiss',
  },
  idle: {
    title: 'Still there?',
    body: (time: string) =>
      `Nothing has happened for a while. For privacy, the documents will be wiped in ${time}.`,
    extend: 'Keep viewing',
    hint: 'Press any key to keep viewing.',
  },
  settings: {
    title: 'Settings',
    open: 'Settings',
    connection: 'Sign-in and API',
    privacy: 'Privacy and behaviour',
    issuer: 'Issuer URL',
    issuerHelp: 'Used with the Custom environment, e.g. https://portal.eprospera.com',
    apiBase: 'API base URL',
    apiBaseHelp: 'Leave empty to use the issuer’s address.',
    clientId: 'Client ID',
    redirectPort: 'Redirect port',
    redirectPortHelp:
      '0 lets the system pick a free port; use a fixed port when the provider registered one.',
    redirectPath: 'Redirect path',
    scopes: 'Scopes',
    scopesHelp: 'Separated by spaces.',
    includeDetails: 'Also read registry details (name, date of birth, citizenships…)',
    idleMinutes: 'Wipe after inactivity (minutes)',
    signInTimeout: 'Sign-in time limit (seconds)',
    language: 'Language',
    singleKey: 'Single-key shortcuts',
    singleKeyHelp:
      'Turn off if you use speech input or assistive software that types letters. Shortcuts with Ctrl keep working.',
    save: 'Save',
    cancel: 'Cancel',
    saving: 'Saving…',
    saved: 'Settings saved.',
    notSaved: 'Settings were not saved',
    lockedWhileSignedIn: 'Sign out to change where and how you sign in.',
    wholeNumber: (min: number, max: number) => `Enter a whole number from ${min} to ${max}.`,
    urlNeeded: 'Enter a full address starting with https://',
    required: 'Required.',
    secret: 'Client secret',
    secretHelp:
      'Only for a confidential client. Stored encrypted with the system keychain; idlens never shows it again. IDLENS_CLIENT_SECRET, if set, wins.',
    secretStored: 'A client secret is stored (encrypted).',
    secretNone: 'No client secret is stored.',
    secretUnavailable:
      'This system offers no keychain to encrypt a secret: use IDLENS_CLIENT_SECRET instead.',
    secretSave: 'Store secret',
    secretClear: 'Remove secret',
    secretSaved: 'Client secret stored.',
    secretCleared: 'Client secret removed.',
  },
  help: {
    open: 'Keyboard shortcuts',
    title: 'Keyboard shortcuts',
    close: 'Close',
    sectionViewer: 'Viewer',
    sectionImages: 'Images',
    sectionApp: 'App',
    singleKeyOff:
      'Single-key shortcuts are turned off in Settings. Shortcuts with Ctrl keep working.',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    fit: 'Fit to window',
    actual: 'Actual size (100 %)',
    pan: 'Pan',
    panFast: 'Pan faster',
    wheel: 'Zoom at the pointer (wheel, pinch or Ctrl + wheel)',
    drag: 'Pan by dragging',
    rotate: 'Rotate right / left',
    loupe: 'Loupe on / off',
    invert: 'Invert colours',
    resetAdjust: 'Reset brightness and contrast',
    nextImage: 'Next / previous image',
    compare: 'Cycle compare mode',
    wipe: 'Wipe now',
    help: 'Show this list',
    closeDialog: 'Close a dialog',
    keyWheel: 'Wheel',
    keyDrag: 'Drag',
    limitsTitle: 'What idlens cannot stop',
    limitCamera: 'A camera or phone pointed at the screen.',
    limitCapture: 'Screenshots and screen sharing where the system has no capture protection.',
    limitSwap: 'The operating system moving memory to swap or a hibernation file.',
    privacyTitle: 'What idlens does',
    privacyMemory:
      'Images travel from e-Próspera to this window’s memory only — never to disk, the clipboard or a print queue.',
    privacyWipe:
      'A wipe revokes every image link, zero-fills the bytes and replaces the viewer page.',
  },
  privacy: {
    open: 'What idlens left on this computer',
    title: 'What idlens left on this computer',
    intro:
      'A scan of every folder idlens and its browser engine use, looking inside each file for a JPEG image, a token, a signed-URL part or a hash of the documents shown in this run.',
    scanning: 'Scanning the app’s folders…',
    rescan: 'Scan again',
    generated: (time: string) => `Scanned at ${time}`,
    verdictTitle: {
      clean: 'Clean',
      sensitive: 'Sensitive data found',
      unreadable: 'Some files could not be read',
    },
    verdictBody: {
      clean: 'No JPEG image, token, Bearer header, signed-URL part or document hash was found.',
      sensitive: 'The files marked below hold data of a person. Quit idlens and delete them.',
      unreadable:
        'Nothing sensitive was found in what could be read; the files marked below could not be read.',
    },
    files: 'Files',
    folders: 'Folders',
    size: 'On disk',
    sessionFolders: 'Temporary session folders',
    hashes: 'Document hashes looked for',
    locations: 'Locations',
    present: 'present',
    absent: 'absent',
    roles: {
      userData: 'App data',
      sessionDir: 'Session (temporary)',
      logs: 'Logs',
      cache: 'Cache',
      scanned: 'Scanned on request',
    },
    entries: 'Files and folders',
    nothing: 'Nothing on disk.',
    folder: 'folder',
    link: 'link',
    socket: 'socket',
    expected: 'kept on purpose',
    canHold: 'Anything of a person?',
    unreadableFile: (error: string) => `Could not be read (${error})`,
    truncated: (count: number) => `${count} more entries not listed (scan limit).`,
    findings: {
      jpeg: 'JPEG image',
      jwt: 'token (JWT)',
      'bearer-token': 'Bearer header',
      'amz-signature': 'signed-URL signature',
      'amz-credential': 'signed-URL credential',
      'document-hash': 'hash of a shown document',
      'document-file': 'a shown document itself',
    } satisfies Record<PrivacyFindingKind, string>,
  },
  signOut: 'Sign out',
  errors: {
    config_invalid: {
      title: 'The settings are not valid.',
      action: 'Open Settings and correct the value shown, or choose a preset environment.',
    },
    settings_invalid: {
      title: 'A setting was not accepted.',
      action: 'Correct the setting named above and save again; nothing else was changed.',
    },
    settings_locked: {
      title: 'These settings cannot change while you are signed in.',
      action: 'Sign out (or cancel the sign-in) first, then change where and how you sign in.',
    },
    insecure_url: {
      title: 'An address in the settings is not secure.',
      action: 'Use an https:// address. Plain http is only accepted for the local demo backend.',
    },
    bad_sender: {
      title: 'A request was refused because it did not come from this window.',
      action: 'Quit and restart idlens. If it happens again, report it: it may mean tampering.',
    },
    bad_argument: {
      title: 'A value was not accepted.',
      action: 'Check what you entered and try again.',
    },
    internal: {
      title: 'Something went wrong inside idlens.',
      action: 'Try again. If it keeps happening, quit and restart the app.',
    },
    auth_required: {
      title: 'You are not signed in.',
      action: 'Sign in to continue.',
    },
    auth_cancelled: {
      title: 'Sign-in was cancelled.',
      action: 'Sign in again whenever you are ready.',
    },
    auth_superseded: {
      title: 'A newer sign-in replaced this one.',
      action: 'Finish in the most recent browser tab and close the older ones.',
    },
    auth_timeout: {
      title: 'Sign-in took too long and was stopped.',
      action:
        'Sign in again and finish in the browser within the time shown. The limit can be raised in Settings.',
    },
    auth_denied: {
      title: 'Access was not granted in the browser.',
      action: 'Sign in again and approve the access idlens asks for.',
    },
    auth_state_mismatch: {
      title: 'The browser’s answer did not belong to this sign-in.',
      action:
        'Close other sign-in tabs and sign in again. If it repeats, something may be interfering with the sign-in.',
    },
    auth_iss_mismatch: {
      title: 'The answer came from a different sign-in server than the one selected.',
      action: 'Check the environment and issuer in Settings, then sign in again.',
    },
    auth_nonce_mismatch: {
      title: 'The identity token did not belong to this sign-in.',
      action: 'Sign in again. If it repeats, report it.',
    },
    auth_token_rejected: {
      title: 'e-Próspera did not accept the sign-in.',
      action:
        'Check the client ID and that its redirect address is registered for it, then sign in again.',
    },
    auth_port_in_use: {
      title: 'The redirect port is in use by another program.',
      action: 'Close that program, or choose another redirect port in Settings.',
    },
    auth_discovery_failed: {
      title: 'Could not read the sign-in server’s configuration.',
      action: 'Check your connection and the issuer URL in Settings.',
    },
    auth_browser_failed: {
      title: 'Could not open your web browser.',
      action: 'Set a default web browser in your system settings, then sign in again.',
    },
    missing_token: {
      title: 'The request had no access token.',
      action: 'Sign in again.',
    },
    invalid_token: {
      title: 'Your session is no longer valid: it expired or was revoked.',
      action: 'Sign in again.',
    },
    missing_scope: {
      title: 'Access to identity-verification data was not granted.',
      action:
        'Sign in again and approve identity-verification access. Settings must include the scope eprospera:person.id_verification.read.',
    },
    rate_limited: {
      title: 'e-Próspera is receiving too many requests.',
      action: 'Wait a minute, then try again.',
    },
    server_error: {
      title: 'e-Próspera had a problem answering.',
      action: 'Try again in a few minutes.',
    },
    network_error: {
      title: 'Could not reach e-Próspera.',
      action: 'Check your internet connection, VPN or firewall, then try again.',
    },
    malformed_body: {
      title: 'e-Próspera answered with data idlens does not understand.',
      action: 'Try again later. If it persists, update idlens.',
    },
    url_refused: {
      title: 'The image link failed idlens’ safety checks.',
      action: 'Nothing was downloaded. Report it to e-Próspera support if it repeats.',
    },
    host_not_allowed: {
      title: 'The image is stored on a server that is not allowed.',
      action:
        'Nothing was downloaded. If the server is legitimate, an administrator can allow it in the settings file.',
    },
    url_expired: {
      title: 'The image link expired before the download.',
      action: 'Load the documents again to get fresh links.',
    },
    download_failed: {
      title: 'The image could not be downloaded.',
      action: 'Check your connection and load the documents again.',
    },
    download_timeout: {
      title: 'The image download took too long.',
      action: 'Check your connection and load the documents again.',
    },
    image_too_large: {
      title: 'The image is larger than idlens accepts.',
      action: 'It was not downloaded. Report it to e-Próspera support.',
    },
    image_not_jpeg: {
      title: 'The file is not a JPEG image.',
      action: 'For safety it is not shown. Report it to e-Próspera support.',
    },
    image_truncated: {
      title: 'The image arrived incomplete.',
      action: 'Load the documents again.',
    },
    image_dimensions: {
      title: 'The image’s dimensions are outside what idlens accepts.',
      action: 'It is not shown. Report it to e-Próspera support.',
    },
  } satisfies Record<ErrorCode, ErrorText>,
};

export type Dictionary = typeof en;
