import type { EndpointProblem } from '../endpoint-rules.ts';
import type {
  AgreementField,
  CannotTellDetail,
  CannotTellReason,
  Consistency,
  ConsistencyFieldName,
  ConsistencyReason,
  ExpiryStatus,
  Tone,
} from '../analysis.ts';
import type { ErrorCode, NetDetail, TlsProblem } from '../errors.ts';
import type {
  FaceMatchBand,
  FaceMatchReason,
  FaceNotRunReason,
  MeasuredRates,
} from '../face-match.ts';
import type { ChecksSetting } from '../settings.ts';
import type { WipeReason } from '../ipc.ts';
import type { KnownItem, PrivacyFindingKind } from '../privacy.ts';
import { rateOf, type NoteWords } from './words.ts';

/** What the UI says about one error code: what happened, and what the person can do. */
export interface ErrorText {
  title: string;
  action: string;
}

const TLS: Record<TlsProblem, string> = {
  expired: 'has expired',
  not_yet_valid: 'is not valid yet (check this computer’s clock)',
  self_signed: 'is self-signed',
  untrusted: 'is not issued by an authority this computer trusts',
  wrong_host: 'was issued for another host name',
  other: 'was not accepted',
};

/**
 * Every text idlens shows or prints, in English: the app's windows (top-level keys), the face
 * comparison's words (`faceMatch`, both sides) and the `idlens` command's (`cli`). `Dictionary` is
 * this object's type, so the Spanish one (`es.ts`) must have exactly the same keys and the same
 * parameters — the compiler checks it. Error codes, wipe reasons, cannot-tell reasons and details,
 * notes and bands are typed as complete records: a new code without words does not compile. The
 * analysis and the errors below the UI carry codes and values; their words are here.
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
    settingsRepairedFields: (reset: string, ignored: string) =>
      [reset && `Reset: ${reset}.`, ignored && `Not settings, ignored: ${ignored}.`]
        .filter(Boolean)
        .join(' '),
    demoBadge: 'Demo backend',
  },
  /** The app shell's live region: what changed on screen, for those who cannot see it. */
  announce: {
    loading: 'Loading documents…',
    arrived: (images: number) =>
      images === 1
        ? 'Documents loaded: 1 image shown.'
        : `Documents loaded: ${images} images shown.`,
    loadFailed: 'The documents could not be loaded.',
    checksDone: 'Checks done. The results are in the Checks panel.',
    checksFailed: 'The checks could not run. The documents are still shown.',
    wiped: (images: number) =>
      images === 1
        ? 'Wiped: 1 image cleared from this window.'
        : `Wiped: ${images} images cleared from this window.`,
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
    redirectUri: 'Redirect URI',
    clientId: 'Client ID',
    checkTitle: 'Does the browser show an error instead of a sign-in page?',
    checkBody:
      'Then the provider does not know this client ID, or has not registered this exact redirect URI for it, and this window would wait until the time limit. Cancel, compare both with the client’s registration, and correct them in Settings (client ID, redirect port and path).',
    technicalDetail: 'Technical detail',
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
    scopeNotRequestedTitle: 'Your settings do not ask for identity-verification access',
    scopeNotRequestedBody: (scope: string) =>
      `The scope ${scope} is not in Settings, so e-Próspera was never asked for it. Add it under Scopes, then sign in again.`,
    scopeWithheldTitle: 'Identity-verification access was not granted at sign-in',
    scopeWithheldBody: (scope: string) =>
      `idlens asked for ${scope}, but the consent given in the browser did not include it. Sign in again and approve identity-verification access.`,
    openSettings: 'Open Settings',
    panelHide: 'Hide side panel',
    panelShow: 'Show side panel',
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
    shaMatches: 'Same bytes as downloaded',
    shaMatchesHint:
      'This window hashed the bytes it shows and got the SHA-256 idlens computed on the download. It is not compared with anything e-Próspera published.',
    shaMismatch: 'Differs from the download: the bytes changed on the way to this window',
    copySha: (slot: string) => `Copy the SHA-256 of ${slot}`,
    shaCopied: 'SHA-256 copied',
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
  checks: {
    heading: 'Checks',
    ranHere: 'Checked on this computer, in a separate process. Nothing was sent anywhere.',
    aid: 'An aid with its evidence, never a verdict: you decide.',
    idle: 'The checks start when the documents are loaded.',
    off: 'Checks are off. Turn them on in Settings, “Checks on this computer”.',
    running: 'Checking the documents on this computer…',
    failed: 'The checks stopped before they finished.',
    failedReasons: {
      cancelled: 'They were cancelled: the documents changed.',
      analysis_failed: 'The checking process on this computer could not complete them.',
    },
    cannotTell: 'Cannot tell',
    reasons: {
      no_image: 'There is no image to check.',
      image_not_decodable: 'The image could not be decoded.',
      no_mrz: 'No machine-readable zone was found on the document.',
      mrz_unreadable: 'A machine-readable zone was found but could not be read.',
      // Captures as phones make them.
      mrz_implausible:
        'What was read is not a machine-readable zone (characters out of place, check digits failing); it is not reported as read.',
      upside_down_unresolved:
        'A machine-readable zone was seen but read neither way up; it is not reported as read.',
      no_registry: 'No registry record to compare with (not requested, or empty).',
      registry_field_missing: 'The registry record does not have this field.',
      mrz_field_missing: 'The machine-readable zone does not give this field.',
      unknown_country: 'The country code is not one idlens knows.',
      no_session_date: 'The verification session has no date.',
      no_metadata: 'The file carries no readable capture metadata.',
      cancelled: 'The checks were cancelled.',
      analysis_failed: 'The checks could not be completed.',
    } satisfies Record<CannotTellReason, string>,
    show: 'Show on the image',
    markLabel: (what: string, slot: string) => `${what}, marked on ${slot}`,
    slotOf: (slot: string) => `On ${slot}`,
    document: {
      heading: 'Document',
      type: 'Type',
      types: { passport: 'Passport', id_card: 'Identity card', other: 'Other travel document' },
      typeUnknown: 'Not known',
      country: 'Issuing country',
      expiry: 'Expiry date',
      today: 'Today',
      atSession: 'At the verification session',
      back: 'Back side',
      backMissing: 'Missing: an identity card carries its machine-readable zone on the back.',
      backFine: 'Not needed, or provided',
    },
    expiry: {
      valid: 'Valid',
      expired: 'Expired',
      expires_within_90_days: 'Expires within 90 days',
    } satisfies Record<ExpiryStatus, string>,
    mrz: {
      heading: 'Machine-readable zone',
      zone: 'The machine-readable zone',
      where: (format: string, slot: string) => `Format ${format}, read on ${slot}`,
      lines: 'Lines as read',
      confidence: (value: number) => `Reading confidence ${value} of 100`,
      fields: 'Fields',
      checkDigits: 'Check digits',
      digitHolds: 'check digit holds',
      digitFails: 'check digit does not match',
      allHold: 'Every check digit holds, the composite one included.',
      notAllHold: 'At least one check digit does not match: a misread or an altered field.',
      corrections: 'Characters corrected',
      correction: (line: number, column: number, from: string, to: string) =>
        to === ''
          ? `Line ${line}, position ${column}: “${from}” read as an extra character and dropped`
          : `Line ${line}, position ${column}: read “${from}”, corrected to “${to}”`,
      noCorrections: 'None',
      // Captures as phones make them: the document found in the photo, each character's certainty.
      capture: {
        outline: (turn: number, angle: number) =>
          `Document found in the photo, turned ${angle.toFixed(1)}°: read turned back by ${turn}°.`,
        frame: (turn: number) =>
          `No document outline found in the photo: the whole image was read, turned back by ${turn}°.`,
        corners: 'Corners found (pixels: top-left, top-right, bottom-right, bottom-left)',
        document: 'The document',
        runnerUp: (runnerUp: string) => `the next likeliest glyph was “${runnerUp}”`,
        causes: {
          format: 'by the zone’s format',
          check_digit: 'by its check digit (the only glyph that makes it hold)',
          glare: 'under glare, by its check digit (the only glyph that makes it hold)',
        },
        doubtful: 'Least certain characters',
        doubtfulChar: (
          line: number,
          column: number,
          char: string,
          confidence: number,
          runnerUp: string,
        ) =>
          runnerUp === '?'
            ? `Line ${line}, position ${column}: “${char}”, confidence ${confidence} of 100`
            : `Line ${line}, position ${column}: “${char}”, confidence ${confidence} of 100, else “${runnerUp}”`,
        noDoubtful: 'Every character was read with confidence.',
      },
      notParsed: 'not understood',
      fieldNames: {
        documentCode: 'Document code',
        issuingState: 'Issuing state',
        documentNumber: 'Document number',
        birthDate: 'Date of birth',
        sex: 'Sex',
        expirationDate: 'Expiry date',
        nationality: 'Nationality',
        lastName: 'Surname',
        firstName: 'Given names',
        optional1: 'Optional data',
        optional2: 'More optional data',
        personalNumber: 'Personal number',
        composite: 'Composite',
      } as Record<string, string>,
    },
    registry: {
      heading: 'Agreement with the registry',
      fields: {
        name: 'Name',
        birthDate: 'Date of birth',
        sex: 'Sex',
        nationality: 'Nationality',
      } satisfies Record<AgreementField, string>,
      verdicts: { agrees: 'Agrees', differs: 'Differs', cannot_tell: 'Cannot tell' },
      onDocument: 'Document',
      inRegistry: 'Registry',
      none: 'none',
    },
    quality: {
      heading: 'Capture quality',
      dimensions: 'Size',
      size: (width: number, height: number) => `${width} × ${height} pixels`,
      sharpness: 'Sharpness',
      sharpnessValue: (value: string) => `variance of the Laplacian ${value}`,
      sharpnessVerdicts: { sharp: 'Sharp', soft: 'Soft', blurred: 'Blurred' },
      glare: 'Glare',
      glareValue: (share: string) => `${share} of the image washed out`,
      glareVerdicts: { none: 'None', some: 'Some', strong: 'Strong' },
      exposure: 'Exposure',
      exposureValue: (mean: string) => `mean brightness ${mean} of 255`,
      exposureVerdicts: { good: 'Good', underexposed: 'Too dark', overexposed: 'Too bright' },
    },
    metadata: {
      heading: 'Capture metadata',
      camera: 'Camera',
      notInFile: 'Not in the file',
      taken: 'Taken',
      daysFromSession: (days: number) =>
        days === 0
          ? 'the day of the session'
          : days < 0
            ? `${-days} ${-days === 1 ? 'day' : 'days'} before the session`
            : `${days} ${days === 1 ? 'day' : 'days'} after the session`,
      software: 'Software',
      editor: 'Photo editor named in the file',
      noEditor: 'No editor named',
      thumbnail: 'Embedded thumbnail',
      thumbnails: {
        none: 'None',
        matches: 'Matches the image',
        differs: 'Differs from the image: the picture may have been changed after it was taken',
        unreadable: 'Could not be read',
      },
      gps: 'GPS location',
      gpsPresent: 'Present: the file carries where it was taken (personal data; not shown here)',
      gpsAbsent: 'Not in the file',
    },
    // ── the document agrees with itself (consistency, tone, thumbnail region) ──
    consistency: {
      heading: 'Consistency',
      intro: 'What the document prints, against what its machine-readable zone states.',
      fields: {
        surname: 'Surname',
        givenNames: 'Given names',
        documentNumber: 'Document number',
        birthDate: 'Date of birth',
        expiryDate: 'Date of expiry',
        sex: 'Sex',
        nationality: 'Nationality',
      } satisfies Record<ConsistencyFieldName, string>,
      verdicts: { agrees: '✓ Agrees', differs: '✗ Differs', cannot_tell: 'Cannot tell' },
      printed: 'Printed',
      inMrz: 'In the MRZ',
      notFound: 'Not found',
      showPrinted: 'Show the printed value',
      showMrz: 'Show the MRZ',
      printedMark: (field: string) => `${field}, as printed`,
      mrzMark: 'The machine-readable zone',
      notCompared: 'The printed data was not compared.',
      reasons: {
        printed_side_missing: 'The printed side (the front) was not provided.',
        printed_side_unreadable: 'The printed side could not be read.',
        mrz_not_read: 'The MRZ was not read: there is nothing to compare the printed data with.',
        nothing_found: 'None of the MRZ’s values was found in the printed data.',
        not_found: 'Neither its label nor the value was found in the printed text.',
        unclear: 'The printed value was not read clearly enough to compare.',
        no_value_at_label: 'Its label was found but no value was read beside or under it.',
        readings_disagree: 'Two readings of the printed value did not agree on it.',
      } satisfies Record<ConsistencyReason, string>,
      sides: 'Front and back',
      sidesVerdicts: {
        same_document: '✓ One document: the front agrees with the back',
        different_documents: '✗ Different documents: the front and the back do not belong together',
        cannot_tell: 'Cannot tell whether the front and the back are of one document',
        not_applicable: 'Not applicable: a passport page carries both',
      } satisfies Record<Consistency['sides'], string>,
      tone: 'Colour',
      tones: {
        colour: 'In colour',
        greyscale: 'Greyscale: a black-and-white copy, not the colour document',
        cannot_tell: 'Cannot tell',
      } satisfies Record<Tone['verdict'], string>,
      showThumbnailRegion: 'Show where the thumbnail differs',
      thumbnailRegionMark: 'Where the image differs from its thumbnail',
    },
    // ── end of the consistency block ──
    /** The finer `detail` of a cannot-tell, where the report gives one (shared/analysis.ts). */
    details: {
      metadata_unreadable: 'The file’s metadata could not be read.',
      metadata_malformed: 'The file’s metadata is not in a readable form.',
      expiry_unreadable: 'The expiry date in the MRZ could not be read.',
      back_not_provided:
        'No machine-readable zone was found; on an ID card it is on the back, which was not provided.',
      registry_not_requested:
        'Registry data was not available (the details scope was not granted).',
      registry_empty: 'The registry profile is empty.',
      nothing_to_compare:
        'Nothing from the document to compare with the registry: its MRZ was not read.',
      glyphs_contradict:
        'What was read is not what the OCR-B glyphs show: several characters differ from glyphs read with confidence.',
      name_under_glare:
        'Glare washes out letters of the name, which has no check digit: the name cannot be read for sure.',
      not_a_zone:
        'What was read does not have the structure of a machine-readable zone (characters, fillers or check digits in impossible places).',
    } satisfies Record<CannotTellDetail, string>,
    /** A quality or metadata note, by its code; `noteText` (shared/i18n) fills in the values. */
    notes: {
      blurred: 'The image is blurred: fine print and edges are not readable.',
      soft: 'The image is somewhat soft: small print may be hard to read.',
      glare: (share: string) => `Glare hides ${share} of the image (blown-out areas).`,
      underexposed: 'The image is too dark.',
      overexposed: 'The image is too bright.',
      editor: (software: string) => `The file names an image editor (${software}).`,
      thumbnail_differs:
        'The embedded thumbnail shows a different picture than the image: it was altered after capture.',
      gps: 'The file carries GPS coordinates: personal data about where it was taken.',
      far_from_session: (days: number) =>
        `It was captured ${Math.abs(days)} days ${days < 0 ? 'before' : 'after'} the verification session.`,
    } satisfies NoteWords,
    /** Why one registry comparison cannot tell, by field and reason (else `reasons`). */
    agreement: {
      name: {
        registry_field_missing: 'The registry has no name.',
        mrz_field_missing: 'The MRZ name could not be read.',
      },
      birthDate: {
        registry_field_missing: 'The registry has no date of birth.',
        mrz_field_missing: 'The MRZ date of birth is not fully known.',
      },
      sex: {
        registry_field_missing: 'The registry has no sex the MRZ can state.',
        mrz_field_missing: 'The MRZ sex could not be read.',
      },
      nationality: {
        registry_field_missing: 'The registry lists no citizenship.',
        mrz_field_missing: 'The MRZ nationality could not be read.',
        unknown_country: 'A registry citizenship is not a country this computer knows.',
      },
    } satisfies Record<AgreementField, Partial<Record<CannotTellReason, string>>>,
    face: {
      showSelfie: 'Show the face found in the selfie',
      showPortrait: 'Show the face found on the document',
      selfieFace: 'The face in the selfie',
      portraitFace: 'The face on the document',
      compare: 'Compare the faces',
      foundTurned: (which: string, degrees: number) =>
        `${which} was found with the picture turned ${degrees}° clockwise: it is stored on its side or upside down.`,
      notRun: {
        turned_off: 'Not run — turned off in Settings.',
      } satisfies Record<FaceNotRunReason, string>,
    },
  },
  viewer: {
    region: 'Image viewer',
    toolbar: 'Viewer tools',
    stageLabel: (slot: string) => `${slot} — use arrow keys to pan, plus and minus to zoom`,
    empty: 'Choose a loaded image to view it here.',
    noImages: 'No images to view: e-Próspera returned none for this account.',
    fullWindow: 'Full-window viewer',
    leaveFullWindow: 'Leave full-window viewer',
    minimap: 'Navigator: the frame shows the part of the image in view. Click or drag to move it.',
    loupeValue: (times: number) => `${times}×`,
    loupeWithValue: (times: number) => `Loupe, ${times}× magnification`,
    comparePortrait: 'Portrait + selfie',
    comparePortraitHint:
      'The ID’s portrait beside the selfie at the same face scale; zoom and pan are linked',
    portraitBox: 'Portrait area of the ID front',
    portraitBoxHint: 'Drag the box to frame the face on the ID; drag its corner to resize it.',
    portraitReset: 'Reset portrait area',
    portraitAdjust: 'Adjust portrait area',
    portraitFromFaces:
      'Boxes placed on the faces found by the face comparison, run on this computer. Adjust them if they are off.',
    portraitLevelled: 'Turned so the eyes are level',
    turnedClockwise: 'clockwise',
    turnedAnticlockwise: 'anticlockwise',
    notTurned: 'not turned',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    fit: 'Fit',
    fitLong: 'Fit to window',
    actual: '100 %',
    /** Begins with the button's visible text, so speech input can press it by what it shows. */
    actualLong: '100 %, actual size',
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
    buttonIdle: 'No images are loaded: a wipe now only replaces the viewer page',
    wiping: 'Wiping…',
    receiptTitle: 'Wiped from memory',
    receiptBody: (count: number) => (count === 1 ? '1 image cleared.' : `${count} images cleared.`),
    whenLabel: 'When',
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
    checks: 'Checks on this computer',
    checksChoices: {
      all: 'Documents and faces',
      documents: 'Documents only',
      off: 'Off',
    } satisfies Record<ChecksSetting, string>,
    checksHelp: {
      all: 'Reads the machine-readable zone, expiry, registry agreement, image quality and metadata, and compares the face in the selfie with the portrait on the document. Comparing faces is biometric processing: it happens only on this computer, in a separate process that is ended when you wipe.',
      documents:
        'The same document checks without the face comparison: the face models are never loaded and nothing of a face is measured.',
      off: 'No checks: the checking process is not started at all.',
    } satisfies Record<ChecksSetting, string>,
    checksWhen:
      'A change applies from the next document load; checks already running finish as they started.',
    save: 'Save',
    cancel: 'Cancel',
    saving: 'Saving…',
    saved: 'Settings saved.',
    notSaved: 'Settings were not saved',
    lockedWhileSignedIn: 'Sign out to change where and how you sign in.',
    confirmedOutside:
      'Saving a change here opens a separate idlens message that names where sign-in, your token and the ID images will go. Nothing changes until you confirm it there.',
    endpoint: {
      not_a_url: 'Enter a full address starting with https://',
      url_parts: 'Leave out user names, passwords, “?” queries and “#” fragments.',
      not_https: 'Use an https:// address.',
      http_not_loopback: 'Plain http is refused here: use an https:// address.',
      http_needs_demo: 'Plain http is only for the local demo backend: use an https:// address.',
      api_base_off_issuer:
        'Use an address on the issuer’s own server (same scheme, host and port): your access token goes here.',
      demo_needs_demo_mode:
        'The demo environment is only there when idlens runs with the demo backend.',
      custom_needs_issuer: 'Required.',
    } satisfies Record<EndpointProblem, string>,
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
    fullWindow: 'Full-window viewer on / off',
    panel: 'Side panel on / off',
    wipe: 'Wipe now',
    pageZoom: 'Zoom the whole window in / out / back to 100 % (larger text)',
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
    generated: (time: string) => `Scanned ${time}`,
    copyText: 'Copy as text',
    copyJson: 'Copy as JSON',
    copied: 'Report copied to the clipboard',
    copyFailed: 'Could not copy the report',
    modified: 'Modified',
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
    special: {
      fifo: 'named pipe (FIFO)',
      socket: 'socket',
      'block-device': 'block device',
      'char-device': 'character device',
      unknown: 'special file',
    },
    expected: 'kept on purpose',
    known: {
      settings: 'idlens settings file',
      'client-secret': 'Encrypted client secret',
      'chromium-preferences': 'Browser-engine preferences',
      'chromium-local-state': 'Browser-engine local state',
      'chromium-singleton': 'Single-instance lock',
      'chromium-crashpad': 'Crash-report folder',
      'chromium-gpu-cache': 'GPU program cache',
      'chromium-dawn-cache': 'WebGPU pipeline cache',
      'chromium-shader-cache': 'Shader cache',
      'chromium-dictionaries': 'Spell-check dictionaries',
      'chromium-cookies': 'Cookie store',
      'chromium-network-state': 'Network state',
      'chromium-transport-security': 'HTTPS security state',
      'chromium-code-cache': 'Compiled-script cache',
      'chromium-blob-storage': 'Blob storage',
      'chromium-http-cache': 'HTTP cache',
      'chromium-web-storage': 'Web storage',
      'chromium-lock': 'Database lock file',
      'session-folder': 'Temporary session folder',
      'session-crash': 'Session crash-dump folder',
      'session-logs': 'Session log folder',
    } satisfies Record<KnownItem, string>,
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
    connection_declined: {
      title: 'The connection change was not confirmed: nothing was changed.',
      action:
        'idlens asked in its own window where sign-in and the ID images would go, and the answer was no. Check the addresses and save again to be asked again.',
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
        'If the browser showed an error page, the provider does not accept this client ID or redirect URI: compare them with the client’s registration and correct them in Settings. Otherwise sign in again and finish within the time shown; the limit can be raised in Settings.',
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
  /**
   * What the UI and the CLI say about a face comparison. Honest by construction: every reading is
   * called an aid, names the model, gives the error rates measured on synthetic pairs, and says
   * what the score cannot detect.
   */
  faceMatch: {
    heading: 'Selfie and document portrait',
    bands: {
      same: 'Likely the same person',
      uncertain: 'Uncertain',
      different: 'Likely different people',
      'cannot-tell': 'Cannot tell',
    } satisfies Record<FaceMatchBand, string>,
    reasons: {
      'selfie-unreadable': 'The selfie could not be decoded as a JPEG image.',
      'document-unreadable': "The document's front could not be decoded as a JPEG image.",
      'no-face-in-selfie': 'No face was found in the selfie.',
      'no-face-on-document': "No face was found on the document's front.",
      'several-faces-in-selfie':
        'The selfie shows more than one face, so it is unclear whose to compare.',
      'several-faces-on-document': "The document's front shows more than one face of similar size.",
      'selfie-face-too-small': 'The face in the selfie is too small to compare.',
      'portrait-too-small': 'The portrait on the document is too small to compare.',
      'comparison-failed': 'The face comparison could not be run on this computer.',
    } satisfies Record<FaceMatchReason, string>,
    /** Shown under the score. */
    score: (score: number) => `Similarity ${score.toFixed(2)} (0 to 1)`,
    /** Where and how it was computed, with the model and the measured rates. */
    aid: (model: string, r: MeasuredRates) =>
      `An aid, not a verdict: computed on this computer by ${model}. On ${r.genuinePairs} same-person ` +
      `and ${r.impostorPairs} different-person synthetic pairs, it read different people as "likely the same" ` +
      `${rateOf(r.falseAcceptRate, r.impostorPairs, 'en')} of the time and the same person as "likely different" ` +
      `${rateOf(r.falseRejectRate, r.genuinePairs, 'en')} of the time. Real captures can do worse.`,
    /** What the score does not do. */
    notLiveness:
      'It does not detect presentation attacks: a mask, a photo of a screen or a printed photo can score as the same person.',
    /** Beside the two crops. */
    cropsCaption: 'The two faces as compared: eyes levelled, at the same scale.',
  },
  cli: {
    help: {
      usage: 'Usage: idlens <command> [options]',
      commandUsage: (name: string) => `Usage: idlens ${name} [options]`,
      commands: 'Commands:',
      signInOptions: 'Sign-in options (whoami, check):',
      commandOptions: (name: string) => `Options of ${name}:`,
      generalOptions: 'General options (every command):',
      environment: 'Environment:',
      exitCodes: 'Exit codes:',
      examples: 'Examples:',
      more: 'Run idlens <command> --help for the options of one command.',
    },
    commands: {
      whoami: 'sign in through the browser and show who is signed in and the granted scopes',
      check:
        'sign in, fetch the ID-verification documents, and print their size, dimensions and SHA-256',
      audit:
        'list what idlens left on disk and scan it for images, tokens and signed-URL parts (no sign-in)',
      help: "show this help, or one command's: idlens help check",
    } satisfies Record<string, string>,
    flags: {
      env: 'where to sign in (default production; custom needs --issuer)',
      issuer: 'issuer of a custom environment',
      'api-base': "API origin of a custom environment (default: the issuer's origin)",
      'client-id': 'OAuth client id (or IDLENS_CLIENT_ID; the demo has a default)',
      scope: (defaults: string) => `scopes to ask for (default "${defaults}")`,
      'redirect-port': 'loopback port of the redirect URI; 0 = any free port (default)',
      'redirect-path': (path: string) => `path of the redirect URI (default ${path})`,
      'timeout-seconds': 'give up waiting for the browser after N seconds (default 300)',
      json: 'print one JSON object on stdout',
      'insecure-loopback':
        'allow http:// issuers and APIs on 127.0.0.1, localhost, [::1] only (needed by --env demo)',
      verbose: 'print sign-in events and network details on stderr',
      lang: 'language of the output (default: from LANG, else en)',
      help: 'show help',
      version: 'print the version',
      'allow-image-host':
        'also download images from this exact host name or IP, on port 443 or the :port it names (repeatable; default: Amazon S3 hosts only)',
      'download-timeout-seconds':
        'give up on an image download after N seconds in all (default 300); one that brings less than 16 KB in 15 s is abandoned sooner',
      'save-dir':
        'write the valid images to DIR as <slot>-<sha256 prefix>.jpg, mode 0600 (otherwise nothing is written)',
      analyze:
        'also check the documents on this computer: MRZ, check digits, expiry, registry agreement, capture quality and metadata, and compare the selfie with the document portrait (biometric processing, in a worker that ends with the command)',
      'no-face':
        'with --analyze: documents only — leave out the face comparison (the face models are not loaded, nothing of a face is computed)',
      'user-data': "look at DIR instead of this platform's idlens folder (must exist)",
      tmp: 'look for temporary session folders (idlens-session-*) in DIR (must exist)',
      hash: 'also look for this document hash (repeatable; idlens check prints them)',
      dir: 'also scan DIR, e.g. a --save-dir folder (repeatable; must exist)',
    },
    environment: {
      IDLENS_CLIENT_ID: 'client id (instead of --client-id)',
      IDLENS_CLIENT_SECRET: 'client secret of a confidential client (never a flag)',
      IDLENS_CLIENT_SECRET_ISSUER: 'the only issuer IDLENS_CLIENT_SECRET may be sent to',
      BROWSER: 'command that opens the sign-in page (gets the address as its one argument)',
      LANG: 'LANG / LC_ALL starting with "es" makes Spanish the default',
    },
    exitCodes: {
      0: 'ok (audit: nothing sensitive found)',
      1: 'unexpected failure inside idlens (a bug; please report it)',
      2: 'usage or configuration: bad option, missing client id, http issuer, port in use, missing folder',
      3: 'check: the person has no approved ID verification',
      4: 'sign-in or authorization failed: denied, rejected client, missing scope',
      5: 'network or server: host unreachable, TLS, timeout, 5xx, expired image link',
      6: 'check: invalid data (an image that is not a JPEG, truncated, too large, …)',
      7: 'sign-in timed out or was cancelled (Ctrl-C)',
      8: 'audit: sensitive data found on disk',
      9: 'audit: nothing sensitive found, but some files could not be read',
    } satisfies Record<number, string>,
    examples: {
      main: [
        ['idlens whoami --env demo --insecure-loopback', 'try it against the demo backend'],
        ['idlens check --client-id ID --json', 'check the signed-in person on e-Próspera'],
        ['idlens check --save-dir ./docs', 'also keep the images (mode 0600)'],
        ['idlens audit --dir ./docs', 'look for anything left on disk'],
      ],
      whoami: [
        ['idlens whoami --env demo --insecure-loopback', 'sign in to the demo backend'],
        ['idlens whoami --client-id ID --scope "openid profile"', 'ask for more scopes'],
      ],
      check: [
        ['idlens check --env demo --insecure-loopback', 'the demo backend'],
        ['idlens check --client-id ID --json', 'e-Próspera, one JSON object'],
        ['idlens check --save-dir ./docs', 'keep the images'],
        ['idlens check --analyze --no-face', 'check the documents, without comparing faces'],
      ],
      audit: [
        ['idlens audit', "this computer's idlens folders"],
        ['idlens audit --dir ./docs --hash SHA256', 'also a folder of saved images'],
      ],
      help: [['idlens help check', 'the options of check']],
    } satisfies Record<string, readonly (readonly [string, string])[]>,
    /** What a flag's value must be, for "Invalid value for --flag: …". */
    reasons: {
      env: 'expected one of production, staging, demo, custom',
      issuer: 'expected an address of at most 2000 characters',
      'api-base': 'expected an address of at most 2000 characters',
      'client-id': 'expected printable ASCII without spaces (at most 200 characters)',
      scope: 'expected 1 to 50 scopes separated by spaces, without quotes or backslashes',
      'redirect-port': 'expected a whole number from 0 to 65535',
      'redirect-path': 'expected a path such as /callback (letters, digits, - _ . /)',
      'timeout-seconds': 'expected a whole number of seconds from 1 to 86400',
      lang: 'expected en or es',
      'allow-image-host': 'expected a host name or IP address, with an optional :port',
      'download-timeout-seconds': 'expected a whole number of seconds from 1 to 86400',
      'save-dir': 'expected a folder path',
      analyze: 'a switch: it takes no value',
      'no-face': 'only with --analyze (it leaves out the face comparison of the checks)',
      'user-data': 'expected a folder path',
      tmp: 'expected a folder path',
      hash: 'expected a SHA-256 digest (64 hexadecimal characters)',
      dir: 'expected a folder path',
    } as Record<string, string>,
    errors: {
      unknownOption: (flag: string) => `Unknown option ${flag}. See idlens --help.`,
      unknownOptionFor: (flag: string, command: string) =>
        `Unknown option ${flag} for ${command}. See idlens ${command} --help.`,
      missingValue: (flag: string) => `${flag} needs a value.`,
      switchWithValue: (flag: string) => `${flag} is a switch and takes no value.`,
      unreadable: 'The command line could not be read. See idlens --help.',
      repeated: (flag: string) => `${flag} was given more than once.`,
      invalidValue: (flag: string, reason: string) => `Invalid value for ${flag}: ${reason}.`,
      notValid: 'not a valid value',
      noCommand: 'Name a command, e.g. idlens whoami. See idlens --help.',
      unknownCommand: (name: string, known: string) =>
        `Unknown command ${name}. The commands are: ${known}.`,
      stray: (command: string, arg: string) =>
        `${command} takes no arguments, but got ${arg}. Options start with --; see idlens ${command} --help.`,
      notForCommand: (flag: string, command: string) =>
        `${flag} does not apply to ${command}. See idlens ${command} --help.`,
      clientSecretFlag:
        '--client-secret is not accepted: a secret on the command line ends up in shell history and in the process list. Set IDLENS_CLIENT_SECRET in the environment instead.',
      customNeedsIssuer: '--env custom needs --issuer URL.',
      presetHasIssuer: (env: string) =>
        `--issuer and --api-base belong to --env custom; --env ${env} is preset.`,
      needsClientId:
        'A client id is needed: pass --client-id ID or set IDLENS_CLIENT_ID (e-Próspera issues it when the client is registered; see the README).',
      badClientIdEnv: 'IDLENS_CLIENT_ID must be printable ASCII without spaces.',
      demoNeedsInsecure: (env: string) =>
        `--env ${env} talks to the demo backend over plain http on 127.0.0.1: add --insecure-loopback.`,
      httpNeedsInsecure: (flag: string) =>
        `${flag} uses plain http on a loopback host: add --insecure-loopback (demo and tests only).`,
      httpNotLoopback: (flag: string) =>
        `${flag} uses plain http; http is refused for any host other than 127.0.0.1, localhost or [::1].`,
      badUrl: (flag: string) => `${flag} is not a valid https address.`,
      urlParts: (flag: string) => `${flag} must not contain credentials, a query or a fragment.`,
      apiBaseOffIssuer:
        "--api-base must be on the issuer's origin (scheme, host and port), as e-Próspera's is: the access token goes there.",
      secretForOtherIssuer:
        'IDLENS_CLIENT_SECRET is set for the issuer in IDLENS_CLIENT_SECRET_ISSUER, not for this one; it was not sent.',
      saveExists: (file: string) =>
        `--save-dir: ${file} already exists; it was not overwritten. Choose an empty folder or remove the file.`,
      saveFailed: (file: string) => `--save-dir: ${file} could not be written.`,
      missingFolder: (flag: string, path: string) => `${flag}: there is no folder at ${path}.`,
      notAFolder: (flag: string, path: string) => `${flag}: ${path} is not a folder.`,
      revokeFailed: (code: string) => `the refresh token could not be revoked (${code}).`,
    },
    /** Per error code, for errors raised below the CLI (core); English uses core's own message. */
    codes: {
      config_invalid: 'The configuration is not valid.',
      settings_invalid: 'A setting is not valid.',
      settings_locked: 'Connection settings cannot change while signed in.',
      connection_declined: 'The connection change was not confirmed, so nothing changed.',
      insecure_url: 'An address is not https, so it was refused.',
      bad_sender: 'A request came from an unexpected sender.',
      bad_argument: 'An argument is not valid.',
      internal: 'An unexpected error occurred.',
      auth_required: 'Sign in to continue.',
      auth_cancelled: 'The sign-in was cancelled.',
      auth_superseded: 'A newer sign-in replaced this one.',
      auth_timeout:
        'The sign-in was not completed in time. If the browser showed an error, check the client id and the redirect URI shown above against the client’s registration.',
      auth_denied: 'The sign-in was denied or cancelled at the provider.',
      auth_state_mismatch: 'The sign-in response does not match this sign-in.',
      auth_iss_mismatch: 'The sign-in response names a different issuer.',
      auth_nonce_mismatch: 'The ID token was not issued for this sign-in.',
      auth_token_rejected: 'The provider rejected the client or the authorization code.',
      auth_port_in_use: 'The redirect port is in use by another program.',
      auth_discovery_failed: "The provider's discovery document could not be used.",
      auth_browser_failed: 'The browser could not be opened.',
      missing_token: 'Not signed in: there is no access token to send.',
      invalid_token: 'The API rejected the access token.',
      missing_scope: 'The sign-in did not grant access to identity-verification data.',
      rate_limited: 'The server is limiting requests. Try again in a minute.',
      server_error: 'The server answered with an error.',
      network_error: 'The server could not be reached.',
      malformed_body: 'The server answered with data idlens does not understand.',
      url_refused: 'An image address was refused.',
      host_not_allowed: 'The image host is not allowed.',
      url_expired: 'The image link has expired.',
      download_failed: 'The image could not be downloaded.',
      download_timeout: 'The image download took too long.',
      image_too_large: 'The image is larger than the size limit.',
      image_not_jpeg: 'The file is not a JPEG image.',
      image_truncated: 'The image is cut off.',
      image_dimensions: 'The image has dimensions idlens does not accept.',
    } satisfies Record<ErrorCode, string>,
    net: {
      dns: (host: string) => `the name ${host} could not be resolved (DNS)`,
      refused: (host: string) => `${host} refused the connection (nothing listens on that port)`,
      reset: (host: string) => `${host} closed the connection`,
      timeout: (host: string) => `${host} did not answer in time`,
      tls: (host: string, problem: TlsProblem) => `the TLS certificate of ${host} ${TLS[problem]}`,
      unreachable: (host: string) => `${host} cannot be reached from this network`,
      other: (host: string) => `the connection to ${host} failed`,
      verbose: (detail: NetDetail) =>
        `network: host ${detail.host}, cause ${detail.cause}${detail.tls ? ` (${detail.tls})` : ''}`,
    },
    signIn: {
      visit: 'Sign in with your browser. If it does not open, visit this address:',
      badAddress: 'the sign-in address looks wrong; it was not opened.',
      couldNotStart: (which: string) =>
        `could not start ${which}; open the address above yourself.`,
      waiting: (clientId: string, redirectUri: string, seconds: number) => [
        `Waiting for the browser (up to ${seconds} s). Signing in with:`,
        `  client id     ${clientId}`,
        `  redirect URI  ${redirectUri}`,
        'If the browser shows an error instead of the sign-in page, the client id or the redirect URI',
        "is not in the client's registration at the provider: compare both with it (see the README,",
        '"Troubleshooting"), then press Ctrl-C.',
      ],
    },
    whoami: {
      signedIn: (issuer: string, env: string) => `Signed in to ${issuer} (${env})`,
      sub: 'sub',
      name: 'name',
      email: 'email',
      scopes: 'scopes',
      noIdToken: '(no ID token: ask for the openid scope)',
      noScopes: '(none reported)',
      notGranted: 'not granted',
      expires: 'access expires',
      idvNotGranted: (scope: string) =>
        `${scope} was not granted: the identity documents cannot be read with this sign-in.`,
    },
    check: {
      title: 'Identity verification',
      documents: 'Documents',
      fields: { id: 'id', type: 'type', date: 'date', status: 'status' },
      slots: { documentFront: 'front', documentBack: 'back', face: 'selfie' },
      none: '(none)',
      image: (bytes: number, width: number, height: number, sha256: string, extra: string) =>
        `${bytes} bytes, ${width}×${height}${extra}, sha256 ${sha256}`,
      turned: (storedWidth: number, storedHeight: number, orientation: number) =>
        ` (stored ${storedWidth}×${storedHeight}, EXIF orientation ${orientation})`,
      trailer: (bytes: number) => `, ${bytes} bytes after the image`,
      noBack: 'none: a single-sided document (only a front)',
      noImage: 'not provided by the API',
      refused: (message: string, code: string) => `refused: ${message} (${code})`,
      notVerified: 'No approved identity verification: there is nothing to show.',
      saved: (file: string) => `Saved ${file}`,
      /** The face comparison's block under --analyze (its readings come from shared wording). */
      face: {
        label: 'face',
        detected: (selfie: string, portrait: string) =>
          `face found: selfie ${selfie}, document ${portrait} (detector confidence)`,
        notFound: 'none',
        notRun: {
          turned_off: 'not run — left out with --no-face (documents only)',
        } satisfies Record<FaceNotRunReason, string>,
      },
    },
    /** The checks block of `idlens check --analyze` (its findings' words are `checks`). */
    analysis: {
      heading: 'Checks (computed on this computer; an aid, not a verdict)',
      labels: {
        mrz: 'MRZ',
        checkDigits: 'check digits',
        document: 'document',
        expiry: 'expiry',
        back: 'back',
        registry: 'registry',
      },
      cannotTell: (why: string, reason: string) => `cannot tell — ${why} (${reason})`,
      mrzRead: (format: string, slot: string, confidence: number) =>
        `${format} on the ${slot}, OCR confidence ${confidence}`,
      digitOk: 'ok',
      digitWrong: 'WRONG',
      documentType: {
        passport: 'passport',
        id_card: 'identity card',
        other: 'other travel document',
      },
      unknownType: 'unknown type',
      issuedBy: (country: string) => `issued by ${country}`,
      unknownState: 'unknown state',
      unknownCountry: 'unknown',
      expiry: (date: string, today: string, atSession: string) =>
        `${date}: today ${today}, at the session ${atSession}`,
      expiryStatus: {
        valid: 'valid',
        expired: 'expired',
        expires_within_90_days: 'expires within 90 days',
      } satisfies Record<ExpiryStatus, string>,
      cannotTellShort: 'cannot tell',
      backMissing: 'MISSING (an ID card’s zone is on its back)',
      verdicts: { agrees: 'agrees', differs: 'differs', cannot_tell: 'cannot tell' },
      registryItem: (verdict: string, document: string, registry: string) =>
        `${verdict}: document ${document} / registry ${registry}`,
      quality: (sharpness: string, glare: string, exposure: string) =>
        `${sharpness}, glare ${glare}, exposure ${exposure}`,
      sharpness: { sharp: 'sharp', soft: 'soft', blurred: 'blurred' },
      glare: { none: 'none', some: 'some', strong: 'strong' },
      exposure: { good: 'good', underexposed: 'underexposed', overexposed: 'overexposed' },
    },
    version: (version: string) => `idlens ${version}`,
  },
};

export type Dictionary = typeof en;
