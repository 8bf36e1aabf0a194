import type { Dictionary } from './en.ts';

/** Español latinoamericano (es-419), trato de usted. Mismas claves que `en.ts`, por tipo. */
export const es: Dictionary = {
  app: {
    name: 'idlens',
    starting: 'Iniciando…',
    noBridge:
      'idlens no pudo comunicarse con su proceso principal. Cierre la aplicación y ábrala de nuevo.',
    skipToContent: 'Ir al contenido',
    signedInAs: (who: string) => `Sesión iniciada como ${who}`,
    settingsRepaired: (keptAs: string | null) =>
      keptAs === null
        ? 'No se pudo leer el archivo de configuración tal como estaba. Se conservaron los ajustes que seguían siendo válidos; los demás volvieron a sus valores predeterminados.'
        : `No se pudo leer el archivo de configuración tal como estaba y se guardó aparte como ${keptAs}. Se conservaron los ajustes que seguían siendo válidos; los demás volvieron a sus valores predeterminados.`,
    demoRibbon:
      'Servidor de demostración · documentos de muestra sintéticos, no de una persona real',
  },
  lang: {
    label: 'Idioma',
    system: 'Idioma del sistema',
    en: 'English',
    es: 'Español',
  },
  env: {
    label: 'Entorno',
    legend: 'Dónde iniciar sesión',
    badgeLabel: (name: string) => `Entorno: ${name}`,
    production: 'Producción',
    staging: 'Pruebas',
    demo: 'Demostración',
    custom: 'Personalizado',
    hintProduction: 'portal.eprospera.com — cuentas y documentos reales.',
    hintStaging: 'staging-portal.eprospera.com — el portal de pruebas de e-Próspera.',
    hintDemo: 'El servidor de demostración local en esta computadora — solo muestras sintéticas.',
    hintCustom: 'El emisor y la API definidos en Configuración.',
    customMissing: 'Personalizado necesita la URL del emisor. Defínala antes en Configuración.',
  },
  capture: {
    on: 'Captura de pantalla bloqueada',
    onShort: 'Captura bloqueada',
    offShort: 'Captura no bloqueada',
    onDetail:
      'Este sistema operativo respeta la protección contra capturas: las capturas y el uso compartido de pantalla muestran esta ventana en blanco.',
    off: 'Sin protección contra capturas de pantalla',
    offLinux:
      'Linux no permite excluir esta ventana de capturas ni del uso compartido de pantalla. Asegúrese de que nada esté grabando.',
    offOther:
      'Este sistema no permite excluir esta ventana de capturas ni del uso compartido de pantalla. Asegúrese de que nada esté grabando.',
  },
  signIn: {
    title: 'Inicie sesión en e-Próspera',
    lead: 'idlens abre su navegador para iniciar sesión y luego muestra los documentos de verificación de identidad que e-Próspera guarda de la cuenta.',
    promise:
      'Las imágenes permanecen solo en la memoria de esta ventana. Se borran al limpiar, al cerrar sesión, tras un rato de inactividad o al cerrar la ventana.',
    button: 'Iniciar sesión con el navegador',
    settings: 'Configuración de inicio de sesión',
    starting: 'Abriendo su navegador…',
    waitingTitle: 'Termine de iniciar sesión en su navegador',
    waitingBody:
      'Se abrió su navegador en la página de inicio de sesión de e-Próspera. Autorice el acceso allí y luego vuelva a esta ventana.',
    remaining: (time: string) => `Tiempo restante: ${time}`,
    cancel: 'Cancelar inicio de sesión',
    waitingHint:
      '¿No apareció una pestaña del navegador? Revise su navegador predeterminado, cancele e inicie sesión de nuevo.',
    errorHeading: 'No se completó el inicio de sesión',
    errorCode: (code: string) => `Código de error: ${code}`,
    tryAgain: 'Iniciar sesión de nuevo',
  },
  docs: {
    selfTitle: 'Lo que e-Próspera guarda sobre usted',
    selfBody:
      'La verificación de identidad de la cuenta con sesión iniciada, tal como la devolvió e-Próspera. Se muestra desde la memoria de esta ventana; nada se guarda en esta computadora.',
    notLoadedTitle: 'Los documentos no están cargados',
    notLoadedBody:
      'Cárguelos para verlos aquí. Se borran al limpiar, al cerrar sesión, por inactividad y al cerrar la ventana.',
    load: 'Cargar documentos',
    loading: 'Cargando documentos…',
    loadErrorTitle: 'No se pudieron cargar los documentos',
    retry: 'Intentar de nuevo',
    signInAgain: 'Iniciar sesión de nuevo',
    imagesHeading: 'Imágenes',
    notVerifiedTitle: 'Sin verificar',
    notVerifiedBody:
      'e-Próspera no tiene una verificación de identidad aprobada para esta cuenta, así que no hay documentos que mostrar.',
    notVerifiedAction: 'La verificación de identidad se completa en el portal de e-Próspera.',
  },
  session: {
    heading: 'Sesión de verificación',
    id: 'ID de sesión',
    type: 'Proveedor',
    date: 'Creada',
    status: 'Estado',
    localTime: 'Local',
    utc: 'UTC',
    copyId: 'Copiar ID de sesión',
    copied: 'ID de sesión copiado',
    copyFailed: 'No se pudo copiar. Seleccione el ID y cópielo a mano.',
    notProvided: 'No indicado',
    approved: 'Aprobada',
    verified: 'Verificada',
    notVerified: 'Sin verificar',
  },
  slots: {
    documentFront: 'Anverso del documento',
    documentBack: 'Reverso del documento',
    face: 'Selfi',
  },
  card: {
    select: (slot: string) => `Mostrar ${slot} en el visor`,
    waiting: 'En espera…',
    downloading: 'Descargando…',
    progress: (received: string, total: string) => `${received} de ${total}`,
    received: (received: string) => `${received} recibidos`,
    preparing: 'Preparando…',
    noBackTitle: 'Sin reverso',
    noBackBody: 'Los pasaportes y otros documentos de una sola cara no tienen imagen del reverso.',
    notVerifiedTitle: 'Sin verificar',
    notVerifiedBody: 'No hay una verificación aprobada, así que no existe imagen.',
    missingTitle: 'No disponible',
    missingBody: 'e-Próspera no devolvió imagen para esta parte.',
    refusedTitle: 'Imagen rechazada',
    dimensions: 'Dimensiones',
    size: 'Tamaño',
    sha256: 'SHA-256',
    pixels: (w: number, h: number) => `${w} × ${h} px`,
    shaMatches: 'Coincide con los bytes recibidos',
    shaMismatch: 'No coincide con los bytes recibidos',
  },
  registry: {
    heading: 'Datos del registro',
    givenName: 'Nombres',
    surname: 'Apellidos',
    name: 'Nombre completo',
    dateOfBirth: 'Fecha de nacimiento',
    sex: 'Sexo',
    countryOfBirth: 'País de nacimiento',
    citizenships: 'Nacionalidades',
    residentPermitNumber: 'N.º de permiso de residencia',
    address: 'Dirección',
    phoneNumber: 'Teléfono',
    notRequested:
      'No se solicitaron los datos del registro. Agregue el alcance eprospera:person.details.read en Configuración e inicie sesión de nuevo para verlos.',
    empty: 'El registro no tiene datos para esta cuenta.',
  },
  checklist: {
    heading: 'Lista de revisión',
    note: 'Solo para usted: no se guarda y se borra al limpiar.',
    corners: 'Las cuatro esquinas del documento son visibles',
    glare: 'Sin reflejos ni sombras sobre los datos impresos',
    legible: 'Textos y números legibles',
    portrait: 'Foto del documento nítida y sin obstrucciones',
    match: 'La selfi coincide con la foto del documento',
    sameDocument: 'Anverso y reverso son del mismo documento',
  },
  viewer: {
    region: 'Visor de imágenes',
    toolbar: 'Herramientas del visor',
    stageLabel: (slot: string) =>
      `${slot} — use las flechas para desplazar, más y menos para acercar o alejar`,
    empty: 'Elija una imagen cargada para verla aquí.',
    zoomIn: 'Acercar',
    zoomOut: 'Alejar',
    fit: 'Ajustar',
    fitLong: 'Ajustar a la ventana',
    actual: '100 %',
    actualLong: 'Tamaño real (100 %)',
    zoomValue: (percent: number) => `${percent} %`,
    zoomAnnounce: (percent: number) => `Zoom al ${percent} por ciento`,
    rotateLeft: 'Girar a la izquierda',
    rotateRight: 'Girar a la derecha',
    rotationAnnounce: (degrees: number) => `Girada ${degrees} grados`,
    rotationNote: 'El giro solo cambia la vista; los bytes de la imagen no se modifican.',
    loupe: 'Lupa',
    loupeAnnounceOn: 'Lupa activada: mueva el puntero sobre la imagen',
    loupeAnnounceOff: 'Lupa desactivada',
    adjust: 'Ajustes',
    brightness: 'Brillo',
    contrast: 'Contraste',
    invert: 'Invertir',
    percentValue: (percent: number) => `${percent} %`,
    resetAdjust: 'Restablecer ajustes',
    compare: 'Comparar',
    compareOff: 'Una',
    compareFaceFront: 'Selfi + anverso',
    compareFrontBack: 'Anverso + reverso',
    compareLinked: 'Zoom, desplazamiento y giro están vinculados',
    compareUnavailable: 'Requiere ambas imágenes cargadas',
  },
  wipe: {
    button: 'Limpiar ahora',
    buttonHint: 'Borrar ahora todas las imágenes de la memoria',
    wiping: 'Limpiando…',
    receiptTitle: 'Borrado de la memoria',
    receiptBody: (count: number, time: string) =>
      count === 1 ? `1 imagen borrada a las ${time}.` : `${count} imágenes borradas a las ${time}.`,
    bytesZeroed: (size: string) => `${size} de datos de imagen sobrescritos con ceros.`,
    reasonLabel: 'Motivo',
    reasons: {
      button: 'Botón Limpiar',
      shortcut: 'Atajo de teclado',
      idle: 'Inactividad',
      'sign-out': 'Cierre de sesión',
      'window-close': 'Ventana cerrada',
      'lock-screen': 'Pantalla bloqueada',
      suspend: 'La computadora entró en suspensión',
    },
    replaced:
      'La página del visor se reemplaza tras limpiar, para que ninguna imagen decodificada sobreviva.',
    unconfirmed:
      'El proceso principal no confirmó la limpieza. Se borraron las copias de esta ventana; cierre idlens para asegurarse.',
    dismiss: 'Descartar',
  },
  idle: {
    title: '¿Sigue ahí?',
    body: (time: string) =>
      `No ha habido actividad durante un rato. Por privacidad, los documentos se borrarán en ${time}.`,
    extend: 'Seguir viendo',
    hint: 'Pulse cualquier tecla para seguir viendo.',
  },
  settings: {
    title: 'Configuración',
    open: 'Configuración',
    connection: 'Inicio de sesión y API',
    privacy: 'Privacidad y comportamiento',
    issuer: 'URL del emisor',
    issuerHelp: 'Se usa con el entorno Personalizado, p. ej. https://portal.eprospera.com',
    apiBase: 'URL base de la API',
    apiBaseHelp: 'Déjela vacía para usar la dirección del emisor.',
    clientId: 'ID de cliente',
    redirectPort: 'Puerto de redirección',
    redirectPortHelp:
      '0 deja que el sistema elija un puerto libre; use un puerto fijo si el proveedor registró uno.',
    redirectPath: 'Ruta de redirección',
    scopes: 'Alcances',
    scopesHelp: 'Separados por espacios.',
    includeDetails:
      'Leer también los datos del registro (nombre, fecha de nacimiento, nacionalidades…)',
    idleMinutes: 'Limpiar tras inactividad (minutos)',
    signInTimeout: 'Tiempo límite de inicio de sesión (segundos)',
    language: 'Idioma',
    singleKey: 'Atajos de una sola tecla',
    singleKeyHelp:
      'Desactívelos si usa dictado por voz o software de asistencia que escribe letras. Los atajos con Ctrl siguen funcionando.',
    save: 'Guardar',
    cancel: 'Cancelar',
    saving: 'Guardando…',
    saved: 'Configuración guardada.',
    notSaved: 'No se guardó la configuración',
    lockedWhileSignedIn: 'Cierre sesión para cambiar dónde y cómo iniciar sesión.',
    wholeNumber: (min: number, max: number) => `Escriba un número entero de ${min} a ${max}.`,
    urlNeeded: 'Escriba una dirección completa que empiece por https://',
    required: 'Obligatorio.',
    secret: 'Secreto de cliente',
    secretHelp:
      'Solo para un cliente confidencial. Se guarda cifrado con el llavero del sistema; idlens no vuelve a mostrarlo. Si existe IDLENS_CLIENT_SECRET, tiene prioridad.',
    secretStored: 'Hay un secreto de cliente guardado (cifrado).',
    secretNone: 'No hay ningún secreto de cliente guardado.',
    secretUnavailable:
      'Este sistema no ofrece un llavero para cifrar un secreto: use IDLENS_CLIENT_SECRET.',
    secretSave: 'Guardar secreto',
    secretClear: 'Quitar secreto',
    secretSaved: 'Secreto de cliente guardado.',
    secretCleared: 'Secreto de cliente quitado.',
  },
  help: {
    open: 'Atajos de teclado',
    title: 'Atajos de teclado',
    close: 'Cerrar',
    sectionViewer: 'Visor',
    sectionImages: 'Imágenes',
    sectionApp: 'Aplicación',
    singleKeyOff:
      'Los atajos de una sola tecla están desactivados en Configuración. Los atajos con Ctrl siguen funcionando.',
    zoomIn: 'Acercar',
    zoomOut: 'Alejar',
    fit: 'Ajustar a la ventana',
    actual: 'Tamaño real (100 %)',
    pan: 'Desplazar',
    panFast: 'Desplazar más rápido',
    wheel: 'Zoom en el puntero (rueda, pellizco o Ctrl + rueda)',
    drag: 'Desplazar arrastrando',
    rotate: 'Girar a la derecha / izquierda',
    loupe: 'Activar o desactivar la lupa',
    invert: 'Invertir colores',
    resetAdjust: 'Restablecer brillo y contraste',
    nextImage: 'Imagen siguiente / anterior',
    compare: 'Cambiar el modo de comparación',
    wipe: 'Limpiar ahora',
    help: 'Mostrar esta lista',
    closeDialog: 'Cerrar un diálogo',
    keyWheel: 'Rueda',
    keyDrag: 'Arrastrar',
    limitsTitle: 'Lo que idlens no puede impedir',
    limitCamera: 'Una cámara o un teléfono apuntando a la pantalla.',
    limitCapture:
      'Capturas y uso compartido de pantalla donde el sistema no ofrece protección contra capturas.',
    limitSwap: 'Que el sistema operativo pase memoria al archivo de intercambio o de hibernación.',
    privacyTitle: 'Lo que idlens hace',
    privacyMemory:
      'Las imágenes viajan de e-Próspera solo a la memoria de esta ventana: nunca al disco, al portapapeles ni a una cola de impresión.',
    privacyWipe:
      'Limpiar revoca todos los enlaces de imagen, llena los bytes con ceros y reemplaza la página del visor.',
  },
  privacy: {
    open: 'Lo que idlens dejó en esta computadora',
    title: 'Lo que idlens dejó en esta computadora',
    intro:
      'Un análisis de cada carpeta que usan idlens y su motor de navegador, buscando dentro de cada archivo una imagen JPEG, un token, una parte de URL firmada o un hash de los documentos mostrados en esta ejecución.',
    scanning: 'Analizando las carpetas de la aplicación…',
    rescan: 'Analizar de nuevo',
    generated: (time: string) => `Analizado a las ${time}`,
    verdictTitle: {
      clean: 'Limpio',
      sensitive: 'Se encontraron datos sensibles',
      unreadable: 'Algunos archivos no se pudieron leer',
    },
    verdictBody: {
      clean:
        'No se encontró ninguna imagen JPEG, token, encabezado Bearer, parte de URL firmada ni hash de documento.',
      sensitive:
        'Los archivos marcados abajo contienen datos de una persona. Cierre idlens y bórrelos.',
      unreadable:
        'No se encontró nada sensible en lo que se pudo leer; los archivos marcados abajo no se pudieron leer.',
    },
    files: 'Archivos',
    folders: 'Carpetas',
    size: 'En disco',
    sessionFolders: 'Carpetas temporales de sesión',
    hashes: 'Hashes de documentos buscados',
    locations: 'Ubicaciones',
    present: 'existe',
    absent: 'no existe',
    roles: {
      userData: 'Datos de la aplicación',
      sessionDir: 'Sesión (temporal)',
      logs: 'Registros',
      cache: 'Caché',
      scanned: 'Revisada a pedido',
    },
    entries: 'Archivos y carpetas',
    nothing: 'Nada en disco.',
    folder: 'carpeta',
    link: 'enlace',
    socket: 'socket',
    expected: 'se conserva a propósito',
    canHold: '¿Algo de una persona?',
    unreadableFile: (error: string) => `No se pudo leer (${error})`,
    truncated: (count: number) => `${count} entradas más sin listar (límite del análisis).`,
    findings: {
      jpeg: 'imagen JPEG',
      jwt: 'token (JWT)',
      'bearer-token': 'encabezado Bearer',
      'amz-signature': 'firma de URL firmada',
      'amz-credential': 'credencial de URL firmada',
      'document-hash': 'hash de un documento mostrado',
      'document-file': 'un documento mostrado',
    },
  },
  signOut: 'Cerrar sesión',
  errors: {
    config_invalid: {
      title: 'La configuración no es válida.',
      action: 'Abra Configuración y corrija el valor indicado, o elija un entorno predefinido.',
    },
    settings_invalid: {
      title: 'No se aceptó un ajuste.',
      action: 'Corrija el ajuste indicado arriba y vuelva a guardar; no se cambió nada más.',
    },
    settings_locked: {
      title: 'Estos ajustes no se pueden cambiar con la sesión iniciada.',
      action:
        'Primero cierre sesión (o cancele el inicio de sesión) y luego cambie dónde y cómo iniciar sesión.',
    },
    insecure_url: {
      title: 'Una dirección de la configuración no es segura.',
      action:
        'Use una dirección https://. Solo se acepta http para el servidor de demostración local.',
    },
    bad_sender: {
      title: 'Se rechazó una solicitud porque no venía de esta ventana.',
      action:
        'Cierre y vuelva a abrir idlens. Si vuelve a ocurrir, repórtelo: podría indicar una manipulación.',
    },
    bad_argument: {
      title: 'No se aceptó un valor.',
      action: 'Revise lo que escribió e inténtelo de nuevo.',
    },
    internal: {
      title: 'Algo falló dentro de idlens.',
      action: 'Inténtelo de nuevo. Si sigue ocurriendo, cierre y vuelva a abrir la aplicación.',
    },
    auth_required: {
      title: 'No ha iniciado sesión.',
      action: 'Inicie sesión para continuar.',
    },
    auth_cancelled: {
      title: 'Se canceló el inicio de sesión.',
      action: 'Inicie sesión de nuevo cuando esté listo.',
    },
    auth_superseded: {
      title: 'Un inicio de sesión más reciente reemplazó a este.',
      action: 'Termine en la pestaña del navegador más reciente y cierre las anteriores.',
    },
    auth_timeout: {
      title: 'El inicio de sesión tardó demasiado y se detuvo.',
      action:
        'Inicie sesión de nuevo y termine en el navegador dentro del tiempo indicado. El límite se puede ampliar en Configuración.',
    },
    auth_denied: {
      title: 'No se concedió el acceso en el navegador.',
      action: 'Inicie sesión de nuevo y autorice el acceso que solicita idlens.',
    },
    auth_state_mismatch: {
      title: 'La respuesta del navegador no corresponde a este inicio de sesión.',
      action:
        'Cierre otras pestañas de inicio de sesión e inténtelo de nuevo. Si se repite, algo podría estar interfiriendo con el inicio de sesión.',
    },
    auth_iss_mismatch: {
      title: 'La respuesta vino de un servidor de inicio de sesión distinto del seleccionado.',
      action: 'Revise el entorno y el emisor en Configuración e inicie sesión de nuevo.',
    },
    auth_nonce_mismatch: {
      title: 'El token de identidad no corresponde a este inicio de sesión.',
      action: 'Inicie sesión de nuevo. Si se repite, repórtelo.',
    },
    auth_token_rejected: {
      title: 'e-Próspera no aceptó el inicio de sesión.',
      action:
        'Revise el ID de cliente y que su dirección de redirección esté registrada, e inicie sesión de nuevo.',
    },
    auth_port_in_use: {
      title: 'Otro programa está usando el puerto de redirección.',
      action: 'Cierre ese programa o elija otro puerto de redirección en Configuración.',
    },
    auth_discovery_failed: {
      title: 'No se pudo leer la configuración del servidor de inicio de sesión.',
      action: 'Revise su conexión y la URL del emisor en Configuración.',
    },
    auth_browser_failed: {
      title: 'No se pudo abrir su navegador.',
      action:
        'Defina un navegador predeterminado en la configuración del sistema e inicie sesión de nuevo.',
    },
    missing_token: {
      title: 'La solicitud no llevaba token de acceso.',
      action: 'Inicie sesión de nuevo.',
    },
    invalid_token: {
      title: 'Su sesión ya no es válida: venció o fue revocada.',
      action: 'Inicie sesión de nuevo.',
    },
    missing_scope: {
      title: 'No se concedió acceso a los datos de verificación de identidad.',
      action:
        'Inicie sesión de nuevo y autorice el acceso a la verificación de identidad. La configuración debe incluir el alcance eprospera:person.id_verification.read.',
    },
    rate_limited: {
      title: 'e-Próspera está recibiendo demasiadas solicitudes.',
      action: 'Espere un minuto e inténtelo de nuevo.',
    },
    server_error: {
      title: 'e-Próspera tuvo un problema al responder.',
      action: 'Inténtelo de nuevo en unos minutos.',
    },
    network_error: {
      title: 'No se pudo conectar con e-Próspera.',
      action: 'Revise su conexión a internet, VPN o cortafuegos e inténtelo de nuevo.',
    },
    malformed_body: {
      title: 'e-Próspera respondió con datos que idlens no entiende.',
      action: 'Inténtelo más tarde. Si persiste, actualice idlens.',
    },
    url_refused: {
      title: 'El enlace de la imagen no pasó los controles de seguridad de idlens.',
      action: 'No se descargó nada. Si se repite, repórtelo al soporte de e-Próspera.',
    },
    host_not_allowed: {
      title: 'La imagen está en un servidor no permitido.',
      action:
        'No se descargó nada. Si el servidor es legítimo, un administrador puede permitirlo en el archivo de configuración.',
    },
    url_expired: {
      title: 'El enlace de la imagen venció antes de la descarga.',
      action: 'Cargue los documentos de nuevo para obtener enlaces nuevos.',
    },
    download_failed: {
      title: 'No se pudo descargar la imagen.',
      action: 'Revise su conexión y cargue los documentos de nuevo.',
    },
    download_timeout: {
      title: 'La descarga de la imagen tardó demasiado.',
      action: 'Revise su conexión y cargue los documentos de nuevo.',
    },
    image_too_large: {
      title: 'La imagen supera el tamaño que idlens acepta.',
      action: 'No se descargó. Repórtelo al soporte de e-Próspera.',
    },
    image_not_jpeg: {
      title: 'El archivo no es una imagen JPEG.',
      action: 'Por seguridad no se muestra. Repórtelo al soporte de e-Próspera.',
    },
    image_truncated: {
      title: 'La imagen llegó incompleta.',
      action: 'Cargue los documentos de nuevo.',
    },
    image_dimensions: {
      title: 'Las dimensiones de la imagen están fuera de lo que idlens acepta.',
      action: 'No se muestra. Repórtelo al soporte de e-Próspera.',
    },
  },
};
