import { z } from 'zod';

/**
 * The privacy report's shape: what the app's folders hold, and whether any of it is sensitive.
 * Safe to send to the renderer and to print: paths, sizes, times, verdicts, the *names* of what
 * was found and fixed explanatory notes — never a byte of a file's content, never a matched
 * token or URL.
 */

export const PRIVACY_FINDING_KINDS = [
  /** `FF D8 FF` followed by a JPEG marker byte: the start of a JPEG image. */
  'jpeg',
  /** A JWT-shaped string (`eyJ….eyJ….…`): an access or ID token. */
  'jwt',
  /** `Bearer <token>`: an Authorization header value. */
  'bearer-token',
  /** `X-Amz-Signature`: part of a pre-signed S3 URL. */
  'amz-signature',
  /** `X-Amz-Credential`: part of a pre-signed S3 URL. */
  'amz-credential',
  /** One of this session's document SHA-256 hashes, as hex text or as raw bytes. */
  'document-hash',
  /** The file itself is one of this session's documents (its SHA-256 equals one). */
  'document-file',
] as const;
export const PrivacyFindingKindSchema = z.enum(PRIVACY_FINDING_KINDS);
export type PrivacyFindingKind = z.infer<typeof PrivacyFindingKindSchema>;

export const PrivacyFindingSchema = z.object({
  kind: PrivacyFindingKindSchema,
  /** Matches of this kind in the file. */
  count: z.int().positive(),
  /** Byte offset of the first match. */
  firstOffset: z.int().nonnegative(),
});
export type PrivacyFinding = z.infer<typeof PrivacyFindingSchema>;

export const FILE_VERDICTS = ['clean', 'sensitive', 'unreadable'] as const;
export const FileVerdictSchema = z.enum(FILE_VERDICTS);
export type FileVerdict = z.infer<typeof FileVerdictSchema>;

/** `scanned`: a folder the user asked to scan as well (e.g. `idlens audit --dir`). */
export const LOCATION_ROLES = ['userData', 'sessionDir', 'logs', 'cache', 'scanned'] as const;
export const LocationRoleSchema = z.enum(LOCATION_ROLES);
export type LocationRole = z.infer<typeof LocationRoleSchema>;

/** Files and folders the report recognises and explains (Chromium's own, and idlens's). */
export const KNOWN_ITEMS = [
  'settings',
  'client-secret',
  'chromium-preferences',
  'chromium-local-state',
  'chromium-singleton',
  'chromium-crashpad',
  'chromium-gpu-cache',
  'chromium-dawn-cache',
  'chromium-shader-cache',
  'chromium-dictionaries',
  'chromium-cookies',
  'chromium-network-state',
  'chromium-transport-security',
  'chromium-code-cache',
  'chromium-blob-storage',
  'chromium-http-cache',
  'chromium-web-storage',
  'chromium-lock',
  'session-folder',
  'session-crash',
  'session-logs',
] as const;
export const KnownItemSchema = z.enum(KNOWN_ITEMS);
export type KnownItem = z.infer<typeof KnownItemSchema>;

export const ENTRY_TYPES = ['file', 'directory', 'symlink', 'other'] as const;
/** What an `other` entry is: never opened (it holds nothing at rest, and opening one can block). */
export const SPECIAL_TYPES = ['fifo', 'socket', 'block-device', 'char-device'] as const;

export const PrivacyEntrySchema = z.object({
  path: z.string(),
  /** Path relative to its location's root ('' for the root itself). */
  relativePath: z.string(),
  location: LocationRoleSchema,
  type: z.enum(ENTRY_TYPES),
  /** With type `other`: which kind of special file. */
  special: z.enum(SPECIAL_TYPES).optional(),
  size: z.int().nonnegative(),
  /** Modification time, epoch ms. */
  mtime: z.number(),
  /** Folders are always `clean` (their files carry the verdicts). */
  verdict: FileVerdictSchema,
  findings: z.array(PrivacyFindingSchema),
  /** Why a file could not be read (an errno name such as `EACCES`). */
  error: z.string().optional(),
  /** What this is, when the report recognises it. */
  known: KnownItemSchema.optional(),
  /** The settings file: the one file idlens itself means to keep. */
  expected: z.boolean(),
});
export type PrivacyEntry = z.infer<typeof PrivacyEntrySchema>;

export const PrivacyLocationSchema = z.object({
  role: LocationRoleSchema,
  path: z.string(),
  exists: z.boolean(),
});
export type PrivacyLocation = z.infer<typeof PrivacyLocationSchema>;

export const PrivacyReportSchema = z.object({
  generatedAt: z.number(),
  platform: z.enum(['linux', 'darwin', 'win32']),
  /** `sensitive` if any file is; otherwise `unreadable` if any file could not be read; else `clean`. */
  verdict: FileVerdictSchema,
  locations: z.array(PrivacyLocationSchema),
  settingsFile: z.string(),
  entries: z.array(PrivacyEntrySchema),
  summary: z.object({
    files: z.int().nonnegative(),
    directories: z.int().nonnegative(),
    bytes: z.int().nonnegative(),
    sensitive: z.int().nonnegative(),
    unreadable: z.int().nonnegative(),
    /** Temporary session folders present (one while the app runs; none after a clean quit). */
    sessionFolders: z.int().nonnegative(),
    /** Files other than the settings file and Chromium's lock files. */
    unexpectedFiles: z.int().nonnegative(),
  }),
  /** How many document hashes the scan looked for. */
  documentHashesChecked: z.int().nonnegative(),
  /** Entries not listed because the walk stopped (limits); 0 normally. */
  truncated: z.int().nonnegative(),
});
export type PrivacyReport = z.infer<typeof PrivacyReportSchema>;

export type ReportLanguage = 'en' | 'es';

interface Explanation {
  /** What the item is and what it holds. */
  holds: string;
  /** Whether anything of a person can end up in it, and why (not). */
  personal: string;
}

/**
 * What each known item is, in plain words, for the report's readers. Honest about Chromium:
 * these files exist even though the app keeps everything of a person in memory.
 */
export const KNOWN_ITEM_EXPLANATIONS: Record<ReportLanguage, Record<KnownItem, Explanation>> = {
  en: {
    settings: {
      holds:
        "idlens's settings (JSON): environment, issuer, API base, client id, redirect port and path, scopes, idle minutes, language, image hosts, shortcuts, and which checks run on this computer (documents and faces, documents only — no face comparison —, or off).",
      personal:
        'No: the settings schema has no field for anything about a person, a token or a secret.',
    },
    'client-secret': {
      holds:
        "Only if a client secret was stored in the app: the OAuth client's secret, encrypted with the OS keychain (safeStorage); never in clear.",
      personal:
        'No: it identifies the app to e-Próspera, not a person, and can only be decrypted by this OS account.',
    },
    'chromium-preferences': {
      holds:
        "Chromium's per-profile preferences (JSON). Opened for every browser context, the in-memory one too: spellcheck language list, partition and zoom settings.",
      personal:
        'No page content. It can name origins the app loaded (only app://bundle here), never an image, token or URL query.',
    },
    'chromium-local-state': {
      holds:
        "Chromium's browser-wide preferences (JSON), always opened at start: hardware and variations state, and the OS-crypt key (encrypted) when cookie encryption is on.",
      personal: 'No: nothing from pages or the network is stored here.',
    },
    'chromium-singleton': {
      holds:
        'The single-instance lock (SingletonLock/Cookie/Socket): links naming the host name and process id, and a socket for a second instance to reach the first.',
      personal: "No: it names this computer's host name and a process id, nothing else.",
    },
    'chromium-crashpad': {
      holds:
        "Crashpad's crash database. idlens never starts the crash reporter, so it should be empty or absent.",
      personal:
        'Yes, if a dump were written: a minidump copies process memory, which can hold images or tokens. The scan checks any file found here.',
    },
    'chromium-gpu-cache': {
      holds: "Chromium's GPU program cache: compiled shaders.",
      personal: 'No: shader programs, not the pixels they drew.',
    },
    'chromium-dawn-cache': {
      holds: "Dawn's (WebGPU/Graphite) pipeline and shader cache.",
      personal: 'No: compiled GPU programs, not page content.',
    },
    'chromium-shader-cache': {
      holds: "Skia's shader caches (GrShaderCache/ShaderCache).",
      personal: 'No: compiled GPU programs, not page content.',
    },
    'chromium-dictionaries': {
      holds:
        'Hunspell spellcheck dictionaries that Chromium may download on Windows and Linux even with the spellchecker off.',
      personal: 'No: public word lists.',
    },
    'chromium-cookies': {
      holds:
        "The persistent session's cookie database. idlens blocks every request of the persistent session and keeps its own in memory.",
      personal:
        'Possible only if a page used the persistent session (idlens allows none): cookies of the sites it visited.',
    },
    'chromium-network-state': {
      holds:
        'Network Persistent State: which servers speak HTTP/2 or QUIC (server properties) for the persistent session.',
      personal: 'Host names at most; never a path, query or signed URL.',
    },
    'chromium-transport-security': {
      holds: 'TransportSecurity: HSTS and certificate-pinning state (hashed host names).',
      personal: 'No: hashed host names only.',
    },
    'chromium-code-cache': {
      holds: "V8's compiled-code cache for scripts loaded in a persistent session.",
      personal: "No: compiled code of the app's own bundle, not data.",
    },
    'chromium-blob-storage': {
      holds:
        'Blob data Chromium paged out to disk. It pages only for persistent sessions; the viewer is in memory.',
      personal:
        'Yes, if any blob were paged: images are shown from blobs. The scan checks any file found here.',
    },
    'chromium-http-cache': {
      holds:
        "The persistent session's HTTP cache. idlens downloads images with Node's fetch, which has no disk cache, and turns the HTTP cache off.",
      personal: 'Yes, if any download went through it. The scan checks any file found here.',
    },
    'chromium-web-storage': {
      holds:
        'Web storage of a persistent session (Local/Session Storage, IndexedDB, Service Worker, Shared Dictionary, …). The app uses none.',
      personal: 'Possible only if a page stored data there; idlens stores nothing.',
    },
    'chromium-lock': {
      holds: 'A lock file Chromium creates while a database is open.',
      personal: 'No: empty.',
    },
    'session-folder': {
      holds:
        "idlens's private (0700) temporary folder for Chromium's session data, crash dumps and logs. Removed at quit; leftovers swept at the next start.",
      personal: 'Only through the files inside it, which the scan checks one by one.',
    },
    'session-crash': {
      holds: 'Where Chromium would put crash dumps. The crash reporter is never started.',
      personal: 'Yes, if a dump were written (process memory). Checked file by file.',
    },
    'session-logs': {
      holds: 'Where Chromium would write logs. Logging is off in the app.',
      personal: 'Not by design: idlens never logs tokens, URLs or bytes. Checked file by file.',
    },
  },
  es: {
    settings: {
      holds:
        'Los ajustes de idlens (JSON): entorno, emisor, base de la API, id de cliente, puerto y ruta de redirección, alcances, minutos de inactividad, idioma, hosts de imágenes, atajos y qué comprobaciones se hacen en este equipo (documentos y rostros, solo documentos —sin comparar rostros— o ninguna).',
      personal:
        'No: el esquema de ajustes no tiene ningún campo para datos de una persona, un token o un secreto.',
    },
    'client-secret': {
      holds:
        'Solo si se guardó un secreto de cliente en la app: el secreto del cliente OAuth, cifrado con el llavero del sistema (safeStorage); nunca en claro.',
      personal:
        'No: identifica la app ante e-Próspera, no a una persona, y solo esta cuenta del sistema puede descifrarlo.',
    },
    'chromium-preferences': {
      holds:
        'Preferencias de perfil de Chromium (JSON). Se abren para cada contexto, también el de memoria: idiomas del corrector, ajustes de partición y zoom.',
      personal:
        'Sin contenido de páginas. Puede nombrar orígenes cargados (aquí solo app://bundle), nunca una imagen, un token o la consulta de una URL.',
    },
    'chromium-local-state': {
      holds:
        'Preferencias globales de Chromium (JSON), abiertas siempre al inicio: estado de hardware y variaciones, y la clave de cifrado del sistema (cifrada) si el cifrado de cookies está activo.',
      personal: 'No: aquí no se guarda nada de páginas ni de la red.',
    },
    'chromium-singleton': {
      holds:
        'El bloqueo de instancia única (SingletonLock/Cookie/Socket): enlaces con el nombre del equipo y el id de proceso, y un socket para que una segunda instancia avise a la primera.',
      personal: 'No: solo el nombre de este equipo y un id de proceso.',
    },
    'chromium-crashpad': {
      holds:
        'La base de datos de fallos de Crashpad. idlens nunca inicia el informe de fallos, así que debería estar vacía o no existir.',
      personal:
        'Sí, si se escribiera un volcado: copia memoria del proceso, que puede contener imágenes o tokens. El análisis revisa cada archivo.',
    },
    'chromium-gpu-cache': {
      holds: 'La caché de programas de GPU de Chromium: shaders compilados.',
      personal: 'No: programas de GPU, no los píxeles que dibujaron.',
    },
    'chromium-dawn-cache': {
      holds: 'La caché de pipelines y shaders de Dawn (WebGPU/Graphite).',
      personal: 'No: programas de GPU compilados, no contenido de páginas.',
    },
    'chromium-shader-cache': {
      holds: 'Las cachés de shaders de Skia (GrShaderCache/ShaderCache).',
      personal: 'No: programas de GPU compilados, no contenido de páginas.',
    },
    'chromium-dictionaries': {
      holds:
        'Diccionarios Hunspell que Chromium puede descargar en Windows y Linux aun con el corrector desactivado.',
      personal: 'No: listas públicas de palabras.',
    },
    'chromium-cookies': {
      holds:
        'La base de cookies de la sesión persistente. idlens bloquea toda petición de esa sesión y usa una sesión en memoria.',
      personal:
        'Solo si una página usara la sesión persistente (idlens no lo permite): cookies de los sitios visitados.',
    },
    'chromium-network-state': {
      holds:
        'Network Persistent State: qué servidores hablan HTTP/2 o QUIC, para la sesión persistente.',
      personal: 'Como mucho nombres de host; nunca una ruta, una consulta o una URL firmada.',
    },
    'chromium-transport-security': {
      holds:
        'TransportSecurity: estado HSTS y de fijación de certificados (hosts cifrados con hash).',
      personal: 'No: solo hashes de nombres de host.',
    },
    'chromium-code-cache': {
      holds: 'La caché de código compilado de V8 para scripts de una sesión persistente.',
      personal: 'No: código compilado de la propia aplicación, no datos.',
    },
    'chromium-blob-storage': {
      holds:
        'Datos de blobs que Chromium paginó a disco. Solo ocurre en sesiones persistentes; el visor está en memoria.',
      personal:
        'Sí, si se paginara algún blob: las imágenes se muestran desde blobs. Se revisa cada archivo.',
    },
    'chromium-http-cache': {
      holds:
        'La caché HTTP de la sesión persistente. idlens descarga las imágenes con fetch de Node, sin caché en disco, y desactiva la caché HTTP.',
      personal: 'Sí, si alguna descarga pasara por ella. Se revisa cada archivo.',
    },
    'chromium-web-storage': {
      holds:
        'Almacenamiento web de una sesión persistente (Local/Session Storage, IndexedDB, Service Worker, …). La aplicación no usa ninguno.',
      personal: 'Solo si una página guardara datos; idlens no guarda nada.',
    },
    'chromium-lock': {
      holds: 'Un archivo de bloqueo que Chromium crea mientras una base de datos está abierta.',
      personal: 'No: está vacío.',
    },
    'session-folder': {
      holds:
        'La carpeta temporal privada (0700) de idlens para los datos de sesión, volcados y registros de Chromium. Se borra al salir; los restos se limpian al siguiente inicio.',
      personal: 'Solo a través de los archivos que contiene, que se revisan uno a uno.',
    },
    'session-crash': {
      holds: 'Donde Chromium pondría volcados de fallos. El informe de fallos nunca se inicia.',
      personal: 'Sí, si se escribiera un volcado (memoria del proceso). Se revisa cada archivo.',
    },
    'session-logs': {
      holds: 'Donde Chromium escribiría registros. El registro está desactivado en la aplicación.',
      personal:
        'No por diseño: idlens nunca registra tokens, URLs ni bytes. Se revisa cada archivo.',
    },
  },
};
