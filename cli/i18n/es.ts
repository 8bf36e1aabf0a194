import type { NetDetail, TlsProblem } from '../../shared/errors.ts';
import type { CliStrings } from './en.ts';

/** Todo lo que imprime `idlens`, en español latinoamericano (mismas claves que en.ts). */

const TLS: Record<TlsProblem, string> = {
  expired: 'está vencido',
  not_yet_valid: 'todavía no es válido (revise el reloj de esta computadora)',
  self_signed: 'está autofirmado',
  untrusted: 'no lo emitió una autoridad en la que confíe esta computadora',
  wrong_host: 'se emitió para otro nombre de host',
  other: 'no fue aceptado',
};

export const es: CliStrings = {
  help: {
    usage: 'Uso: idlens <comando> [opciones]',
    commandUsage: (name) => `Uso: idlens ${name} [opciones]`,
    commands: 'Comandos:',
    signInOptions: 'Opciones de inicio de sesión (whoami, check):',
    commandOptions: (name) => `Opciones de ${name}:`,
    generalOptions: 'Opciones generales (todos los comandos):',
    environment: 'Variables de entorno:',
    exitCodes: 'Códigos de salida:',
    examples: 'Ejemplos:',
    more: 'Ejecute idlens <comando> --help para ver las opciones de un comando.',
  },
  commands: {
    whoami:
      'iniciar sesión con el navegador y mostrar quién inició sesión y qué permisos se otorgaron',
    check:
      'iniciar sesión, obtener los documentos de la verificación de identidad e imprimir su tamaño, dimensiones y SHA-256',
    audit:
      'listar lo que idlens dejó en el disco y buscar imágenes, tokens y partes de URL firmadas (sin iniciar sesión)',
    help: 'mostrar esta ayuda, o la de un comando: idlens help check',
  },
  flags: {
    env: 'dónde iniciar sesión (por defecto production; custom requiere --issuer)',
    issuer: 'emisor (issuer) de un entorno personalizado',
    'api-base': 'origen de la API de un entorno personalizado (por defecto: el origen del emisor)',
    'client-id': 'id de cliente OAuth (o IDLENS_CLIENT_ID; la demo trae uno por defecto)',
    scope: (defaults) => `permisos (scopes) que se solicitan (por defecto "${defaults}")`,
    'redirect-port':
      'puerto local de la URI de redirección; 0 = cualquier puerto libre (por defecto)',
    'redirect-path': (path) => `ruta de la URI de redirección (por defecto ${path})`,
    'timeout-seconds': 'dejar de esperar al navegador después de N segundos (por defecto 300)',
    json: 'imprimir un solo objeto JSON en stdout',
    'insecure-loopback':
      'permitir emisores y API con http:// solo en 127.0.0.1, localhost o [::1] (lo requiere --env demo)',
    verbose: 'imprimir en stderr los eventos del inicio de sesión y los detalles de red',
    lang: 'idioma de la salida (por defecto: según LANG; si no, en)',
    help: 'mostrar la ayuda',
    version: 'imprimir la versión',
    'allow-image-host':
      'descargar imágenes también desde este nombre de host o IP exacto, en el puerto 443 o el :puerto que indique (repetible; por defecto solo hosts de Amazon S3)',
    'download-timeout-seconds':
      'abandonar la descarga de una imagen después de N segundos en total (por defecto 300); una que trae menos de 16 KB en 15 s se abandona antes',
    'save-dir':
      'guardar las imágenes válidas en DIR como <ranura>-<prefijo sha256>.jpg, modo 0600 (si no, no se escribe nada)',
    analyze:
      'revisar también los documentos en esta computadora: MRZ, dígitos de control, vencimiento, coincidencia con el registro, calidad de captura y metadatos, y comparar la selfie con el retrato del documento (tratamiento biométrico, en un proceso auxiliar que termina con el comando)',
    'no-face':
      'con --analyze: solo documentos — omitir la comparación de rostros (no se cargan los modelos faciales ni se calcula nada de un rostro)',
    'user-data': 'revisar DIR en lugar de la carpeta de idlens de esta plataforma (debe existir)',
    tmp: 'buscar carpetas temporales de sesión (idlens-session-*) en DIR (debe existir)',
    hash: 'buscar también este hash de documento (repetible; idlens check los imprime)',
    dir: 'revisar también DIR, por ejemplo una carpeta de --save-dir (repetible; debe existir)',
  },
  environment: {
    IDLENS_CLIENT_ID: 'id de cliente (en lugar de --client-id)',
    IDLENS_CLIENT_SECRET: 'secreto de un cliente confidencial (nunca como opción)',
    IDLENS_CLIENT_SECRET_ISSUER: 'el único emisor al que se puede enviar IDLENS_CLIENT_SECRET',
    BROWSER:
      'comando que abre la página de inicio de sesión (recibe la dirección como único argumento)',
    LANG: 'si LANG o LC_ALL empieza con "es", el español es el idioma por defecto',
  },
  exitCodes: {
    0: 'correcto (audit: no se encontró nada sensible)',
    1: 'falla inesperada dentro de idlens (un error del programa; por favor repórtelo)',
    2: 'uso o configuración: opción incorrecta, falta el id de cliente, emisor con http, puerto ocupado, carpeta inexistente',
    3: 'check: la persona no tiene una verificación de identidad aprobada',
    4: 'falló el inicio de sesión o la autorización: denegado, cliente rechazado, falta un permiso',
    5: 'red o servidor: host inalcanzable, TLS, tiempo agotado, 5xx, enlace de imagen vencido',
    6: 'check: datos no válidos (una imagen que no es JPEG, incompleta, demasiado grande, …)',
    7: 'el inicio de sesión excedió el tiempo o se canceló (Ctrl-C)',
    8: 'audit: se encontraron datos sensibles en el disco',
    9: 'audit: no se encontró nada sensible, pero algunos archivos no se pudieron leer',
  },
  examples: {
    main: [
      ['idlens whoami --env demo --insecure-loopback', 'probar con el backend de demostración'],
      [
        'idlens check --client-id ID --json',
        'revisar a la persona que inicia sesión en e-Próspera',
      ],
      ['idlens check --save-dir ./docs', 'guardar además las imágenes (modo 0600)'],
      ['idlens audit --dir ./docs', 'buscar lo que haya quedado en el disco'],
    ],
    whoami: [
      [
        'idlens whoami --env demo --insecure-loopback',
        'iniciar sesión en el backend de demostración',
      ],
      ['idlens whoami --client-id ID --scope "openid profile"', 'solicitar más permisos'],
    ],
    check: [
      ['idlens check --env demo --insecure-loopback', 'el backend de demostración'],
      ['idlens check --client-id ID --json', 'e-Próspera, un solo objeto JSON'],
      ['idlens check --save-dir ./docs', 'guardar las imágenes'],
      ['idlens check --analyze --no-face', 'revisar los documentos sin comparar rostros'],
    ],
    audit: [
      ['idlens audit', 'las carpetas de idlens de esta computadora'],
      ['idlens audit --dir ./docs --hash SHA256', 'además, una carpeta de imágenes guardadas'],
    ],
    help: [['idlens help check', 'las opciones de check']],
  },
  reasons: {
    env: 'se espera production, staging, demo o custom',
    issuer: 'se espera una dirección de 2000 caracteres como máximo',
    'api-base': 'se espera una dirección de 2000 caracteres como máximo',
    'client-id': 'se espera ASCII imprimible sin espacios (200 caracteres como máximo)',
    scope:
      'se esperan de 1 a 50 permisos separados por espacios, sin comillas ni barras invertidas',
    'redirect-port': 'se espera un número entero de 0 a 65535',
    'redirect-path': 'se espera una ruta como /callback (letras, dígitos, - _ . /)',
    'timeout-seconds': 'se espera un número entero de segundos de 1 a 86400',
    lang: 'se espera en o es',
    'allow-image-host': 'se espera un nombre de host o una dirección IP, con un :puerto opcional',
    'download-timeout-seconds': 'se espera un número entero de segundos de 1 a 86400',
    'save-dir': 'se espera la ruta de una carpeta',
    analyze: 'es un interruptor: no lleva valor',
    'no-face': 'solo junto con --analyze (omite la comparación de rostros de la revisión)',
    'user-data': 'se espera la ruta de una carpeta',
    tmp: 'se espera la ruta de una carpeta',
    hash: 'se espera un resumen SHA-256 (64 caracteres hexadecimales)',
    dir: 'se espera la ruta de una carpeta',
  },
  errors: {
    unknownOption: (flag) => `Opción desconocida: ${flag}. Consulte idlens --help.`,
    unknownOptionFor: (flag, command) =>
      `Opción desconocida para ${command}: ${flag}. Consulte idlens ${command} --help.`,
    missingValue: (flag) => `${flag} necesita un valor.`,
    switchWithValue: (flag) => `${flag} es un interruptor y no lleva valor.`,
    unreadable: 'No se pudo leer la línea de comandos. Consulte idlens --help.',
    repeated: (flag) => `${flag} se indicó más de una vez.`,
    invalidValue: (flag, reason) => `Valor no válido para ${flag}: ${reason}.`,
    notValid: 'no es un valor válido',
    noCommand: 'Indique un comando, por ejemplo idlens whoami. Consulte idlens --help.',
    unknownCommand: (name, known) => `Comando desconocido: ${name}. Los comandos son: ${known}.`,
    stray: (command, arg) =>
      `${command} no recibe argumentos, pero recibió ${arg}. Las opciones empiezan con --; consulte idlens ${command} --help.`,
    notForCommand: (flag, command) =>
      `${flag} no se aplica a ${command}. Consulte idlens ${command} --help.`,
    clientSecretFlag:
      'No se acepta --client-secret: un secreto en la línea de comandos queda en el historial de la terminal y en la lista de procesos. Defina IDLENS_CLIENT_SECRET en el entorno.',
    customNeedsIssuer: '--env custom requiere --issuer URL.',
    presetHasIssuer: (env) =>
      `--issuer y --api-base son para --env custom; --env ${env} ya viene configurado.`,
    needsClientId:
      'Se necesita un id de cliente: use --client-id ID o defina IDLENS_CLIENT_ID (e-Próspera lo entrega al registrar el cliente; vea el README).',
    badClientIdEnv: 'IDLENS_CLIENT_ID debe ser ASCII imprimible sin espacios.',
    demoNeedsInsecure: (env) =>
      `--env ${env} se conecta al backend de demostración por http sin cifrar en 127.0.0.1: agregue --insecure-loopback.`,
    httpNeedsInsecure: (flag) =>
      `${flag} usa http sin cifrar en un host local: agregue --insecure-loopback (solo para demostración y pruebas).`,
    httpNotLoopback: (flag) =>
      `${flag} usa http sin cifrar; http se rechaza para cualquier host que no sea 127.0.0.1, localhost o [::1].`,
    badUrl: (flag) => `${flag} no es una dirección https válida.`,
    urlParts: (flag) => `${flag} no debe contener credenciales, una consulta ni un fragmento.`,
    apiBaseOffIssuer:
      '--api-base debe estar en el origen del emisor (esquema, host y puerto), como el de e-Próspera: allí va el token de acceso.',
    secretForOtherIssuer:
      'IDLENS_CLIENT_SECRET está definido para el emisor de IDLENS_CLIENT_SECRET_ISSUER, no para este; no se envió.',
    saveExists: (file) =>
      `--save-dir: ${file} ya existe; no se sobrescribió. Elija una carpeta vacía o elimine el archivo.`,
    saveFailed: (file) => `--save-dir: no se pudo escribir ${file}.`,
    missingFolder: (flag, path) => `${flag}: no hay ninguna carpeta en ${path}.`,
    notAFolder: (flag, path) => `${flag}: ${path} no es una carpeta.`,
    revokeFailed: (code) => `no se pudo revocar el token de actualización (${code}).`,
  },
  codes: {
    config_invalid: 'La configuración no es válida.',
    settings_invalid: 'Un ajuste no es válido.',
    settings_locked: 'Los ajustes de conexión no pueden cambiar con la sesión iniciada.',
    connection_declined: 'El cambio de conexión no se confirmó, así que no cambió nada.',
    insecure_url: 'Una dirección no usa https, así que se rechazó.',
    bad_sender: 'Llegó una solicitud de un remitente inesperado.',
    bad_argument: 'Un argumento no es válido.',
    internal: 'Ocurrió un error inesperado.',
    auth_required: 'Inicie sesión para continuar.',
    auth_cancelled: 'Se canceló el inicio de sesión.',
    auth_superseded: 'Un inicio de sesión más reciente reemplazó a este.',
    auth_timeout:
      'El inicio de sesión no se completó a tiempo. Si el navegador mostró un error, compare el id de cliente y la URI de redirección que se mostraron arriba con el registro del cliente.',
    auth_denied: 'El proveedor denegó o canceló el inicio de sesión.',
    auth_state_mismatch: 'La respuesta del inicio de sesión no corresponde a este intento.',
    auth_iss_mismatch: 'La respuesta del inicio de sesión indica otro emisor.',
    auth_nonce_mismatch: 'El token de identidad no se emitió para este inicio de sesión.',
    auth_token_rejected: 'El proveedor rechazó el cliente o el código de autorización.',
    auth_port_in_use: 'Otro programa está usando el puerto de redirección.',
    auth_discovery_failed: 'No se pudo usar el documento de descubrimiento del proveedor.',
    auth_browser_failed: 'No se pudo abrir el navegador.',
    missing_token: 'No hay sesión: no hay un token de acceso para enviar.',
    invalid_token: 'La API rechazó el token de acceso.',
    missing_scope: 'El inicio de sesión no otorgó acceso a los datos de verificación de identidad.',
    rate_limited: 'El servidor está limitando las solicitudes. Intente de nuevo en un minuto.',
    server_error: 'El servidor respondió con un error.',
    network_error: 'No se pudo conectar con el servidor.',
    malformed_body: 'El servidor respondió con datos que idlens no entiende.',
    url_refused: 'Se rechazó la dirección de una imagen.',
    host_not_allowed: 'El host de la imagen no está permitido.',
    url_expired: 'El enlace de la imagen venció.',
    download_failed: 'No se pudo descargar la imagen.',
    download_timeout: 'La descarga de la imagen tardó demasiado.',
    image_too_large: 'La imagen supera el tamaño máximo.',
    image_not_jpeg: 'El archivo no es una imagen JPEG.',
    image_truncated: 'La imagen está incompleta.',
    image_dimensions: 'La imagen tiene dimensiones que idlens no acepta.',
  },
  net: {
    dns: (host) => `no se pudo resolver el nombre ${host} (DNS)`,
    refused: (host) => `${host} rechazó la conexión (nada escucha en ese puerto)`,
    reset: (host) => `${host} cerró la conexión`,
    timeout: (host) => `${host} no respondió a tiempo`,
    tls: (host, problem) => `el certificado TLS de ${host} ${TLS[problem]}`,
    unreachable: (host) => `no se puede llegar a ${host} desde esta red`,
    other: (host) => `falló la conexión con ${host}`,
    verbose: (detail: NetDetail) =>
      `red: host ${detail.host}, causa ${detail.cause}${detail.tls ? ` (${detail.tls})` : ''}`,
  },
  signIn: {
    visit: 'Inicie sesión con su navegador. Si no se abre, visite esta dirección:',
    badAddress: 'la dirección de inicio de sesión no parece correcta; no se abrió.',
    couldNotStart: (which) => `no se pudo iniciar ${which}; abra usted la dirección de arriba.`,
    waiting: (clientId, redirectUri, seconds) => [
      `Esperando al navegador (hasta ${seconds} s). Se inicia sesión con:`,
      `  id de cliente         ${clientId}`,
      `  URI de redirección    ${redirectUri}`,
      'Si el navegador muestra un error en lugar de la página de inicio de sesión, el id de cliente o la',
      'URI de redirección no están en el registro del cliente en el proveedor: compare ambos con ese',
      'registro (vea "Solución de problemas" en el README) y luego presione Ctrl-C.',
    ],
  },
  whoami: {
    signedIn: (issuer, env) => `Sesión iniciada en ${issuer} (${env})`,
    sub: 'sub',
    name: 'nombre',
    email: 'correo',
    scopes: 'permisos',
    noIdToken: '(sin token de identidad: solicite el permiso openid)',
    noScopes: '(ninguno informado)',
    notGranted: 'no otorgados',
    expires: 'el acceso vence',
    idvNotGranted: (scope) =>
      `no se otorgó ${scope}: con este inicio de sesión no se pueden leer los documentos de identidad.`,
  },
  check: {
    title: 'Verificación de identidad',
    documents: 'Documentos',
    fields: { id: 'id', type: 'tipo', date: 'fecha', status: 'estado' },
    slots: { documentFront: 'frente', documentBack: 'reverso', face: 'selfie' },
    none: '(ninguno)',
    image: (bytes, width, height, sha256, extra) =>
      `${bytes} bytes, ${width}×${height}${extra}, sha256 ${sha256}`,
    turned: (storedWidth, storedHeight, orientation) =>
      ` (guardada como ${storedWidth}×${storedHeight}, orientación EXIF ${orientation})`,
    trailer: (bytes) => `, ${bytes} bytes después de la imagen`,
    noBack: 'no tiene: documento de una sola cara (solo frente)',
    noImage: 'la API no la entregó',
    refused: (message, code) => `rechazada: ${message} (${code})`,
    notVerified: 'No hay una verificación de identidad aprobada: no hay nada que mostrar.',
    saved: (file) => `Guardado ${file}`,
    face: {
      label: 'rostro',
      detected: (selfie, portrait) =>
        `rostro hallado: selfie ${selfie}, documento ${portrait} (confianza del detector)`,
      notFound: 'ninguno',
      notRun: {
        turned_off: 'no se ejecutó — omitida con --no-face (solo documentos)',
      },
    },
  },
  version: (version) => `idlens ${version}`,
};
