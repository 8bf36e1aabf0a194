import type {
  AgreementField,
  CannotTellReason,
  Consistency,
  ConsistencyFieldName,
  ExpiryStatus,
  Tone,
} from '../analysis.ts';
import type { Dictionary } from './en.ts';
import type { TlsProblem, NetDetail } from '../errors.ts';
import { rateOf } from './words.ts';

const TLS: Record<TlsProblem, string> = {
  expired: 'está vencido',
  not_yet_valid: 'todavía no es válido (revise el reloj de esta computadora)',
  self_signed: 'está autofirmado',
  untrusted: 'no lo emitió una autoridad en la que confíe esta computadora',
  wrong_host: 'se emitió para otro nombre de host',
  other: 'no fue aceptado',
};

/**
 * Español latinoamericano (es-419), trato de usted: todo lo que idlens muestra o imprime. Mismas
 * claves que `en.ts`, por tipo.
 */
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
    settingsRepairedFields: (reset: string, ignored: string) =>
      [reset && `Restablecidos: ${reset}.`, ignored && `No son ajustes, se ignoraron: ${ignored}.`]
        .filter(Boolean)
        .join(' '),
    demoBadge: 'Demostración',
  },
  announce: {
    loading: 'Cargando documentos…',
    arrived: (images: number) =>
      images === 1
        ? 'Documentos cargados: se muestra 1 imagen.'
        : `Documentos cargados: se muestran ${images} imágenes.`,
    loadFailed: 'No se pudieron cargar los documentos.',
    checksDone: 'Comprobaciones terminadas. Los resultados están en el panel Comprobaciones.',
    checksFailed: 'No se pudieron hacer las comprobaciones. Los documentos siguen a la vista.',
    wiped: (images: number) =>
      images === 1
        ? 'Borrado: se eliminó 1 imagen de esta ventana.'
        : `Borrado: se eliminaron ${images} imágenes de esta ventana.`,
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
      'Las imágenes permanecen solo en la memoria de esta ventana. Se borran al pulsar Borrar ahora, al cerrar sesión, tras un rato de inactividad o al cerrar la ventana.',
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
    redirectUri: 'URI de redirección',
    clientId: 'ID de cliente',
    checkTitle: '¿El navegador muestra un error en lugar de la página de inicio de sesión?',
    checkBody:
      'Entonces el proveedor no reconoce este ID de cliente o no tiene registrada exactamente esta URI de redirección para él, y esta ventana esperaría hasta el tiempo límite. Cancele, compare ambos datos con el registro del cliente y corríjalos en Configuración (ID de cliente, puerto y ruta de redirección).',
    technicalDetail: 'Detalle técnico (en inglés)',
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
      'Cárguelos para verlos aquí. Se borran al pulsar Borrar ahora, al cerrar sesión, por inactividad y al cerrar la ventana.',
    load: 'Cargar documentos',
    loading: 'Cargando documentos…',
    loadErrorTitle: 'No se pudieron cargar los documentos',
    retry: 'Intentar de nuevo',
    signInAgain: 'Iniciar sesión de nuevo',
    imagesHeading: 'Imágenes',
    scopeNotRequestedTitle: 'Su configuración no solicita acceso a la verificación de identidad',
    scopeNotRequestedBody: (scope: string) =>
      `El alcance ${scope} no está en Configuración, así que nunca se solicitó a e-Próspera. Agréguelo en Alcances e inicie sesión de nuevo.`,
    scopeWithheldTitle: 'No se concedió acceso a la verificación de identidad al iniciar sesión',
    scopeWithheldBody: (scope: string) =>
      `idlens solicitó ${scope}, pero el consentimiento dado en el navegador no lo incluyó. Inicie sesión de nuevo y autorice el acceso a la verificación de identidad.`,
    openSettings: 'Abrir Configuración',
    panelHide: 'Ocultar panel lateral',
    panelShow: 'Mostrar panel lateral',
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
    shaMatches: 'Mismos bytes que la descarga',
    shaMatchesHint:
      'Esta ventana calculó el hash de los bytes que muestra y obtuvo el SHA-256 que idlens calculó al descargar. No se compara con nada publicado por e-Próspera.',
    shaMismatch: 'Distinto de la descarga: los bytes cambiaron de camino a esta ventana',
    copySha: (slot: string) => `Copiar el SHA-256 de ${slot}`,
    shaCopied: 'SHA-256 copiado',
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
    note: 'Solo para usted: no se guarda y se borra con Borrar ahora.',
    corners: 'Las cuatro esquinas del documento son visibles',
    glare: 'Sin reflejos ni sombras sobre los datos impresos',
    legible: 'Textos y números legibles',
    portrait: 'Foto del documento nítida y sin obstrucciones',
    match: 'La selfi coincide con la foto del documento',
    sameDocument: 'Anverso y reverso son del mismo documento',
  },
  checks: {
    heading: 'Comprobaciones',
    ranHere: 'Comprobado en este equipo, en un proceso aparte. No se envió nada a ningún sitio.',
    aid: 'Una ayuda con su evidencia, nunca un veredicto: la decisión es suya.',
    idle: 'Las comprobaciones empiezan al cargar los documentos.',
    off: 'Las comprobaciones están desactivadas. Actívelas en Configuración, «Comprobaciones en este equipo».',
    running: 'Comprobando los documentos en este equipo…',
    failed: 'Las comprobaciones se detuvieron antes de terminar.',
    failedReasons: {
      cancelled: 'Se cancelaron: los documentos cambiaron.',
      analysis_failed: 'El proceso de comprobación de este equipo no pudo completarlas.',
    },
    cannotTell: 'No se puede saber',
    reasons: {
      no_image: 'No hay imagen que comprobar.',
      image_not_decodable: 'No se pudo decodificar la imagen.',
      no_mrz: 'No se encontró ninguna zona de lectura mecánica en el documento.',
      mrz_unreadable: 'Se encontró una zona de lectura mecánica, pero no se pudo leer.',
      // Capturas como las hacen los teléfonos.
      mrz_implausible:
        'Lo leído no es una zona de lectura mecánica (caracteres fuera de lugar, dígitos de control que fallan); no se da como leído.',
      upside_down_unresolved:
        'Se vio una zona de lectura mecánica, pero no se pudo leer en ningún sentido; no se da como leída.',
      no_registry: 'No hay registro con el que comparar (no se solicitó, o está vacío).',
      registry_field_missing: 'El registro no tiene este dato.',
      mrz_field_missing: 'La zona de lectura mecánica no da este dato.',
      unknown_country: 'idlens no conoce este código de país.',
      no_session_date: 'La sesión de verificación no tiene fecha.',
      no_metadata: 'El archivo no lleva metadatos de captura legibles.',
      cancelled: 'Se cancelaron las comprobaciones.',
      analysis_failed: 'No se pudieron completar las comprobaciones.',
    } satisfies Record<CannotTellReason, string>,
    show: 'Mostrar en la imagen',
    markLabel: (what: string, slot: string) => `${what}, marcada en ${slot}`,
    slotOf: (slot: string) => `En ${slot}`,
    document: {
      heading: 'Documento',
      type: 'Tipo',
      types: {
        passport: 'Pasaporte',
        id_card: 'Documento de identidad',
        other: 'Otro documento de viaje',
      },
      typeUnknown: 'Desconocido',
      country: 'País emisor',
      expiry: 'Fecha de vencimiento',
      today: 'Hoy',
      atSession: 'En la sesión de verificación',
      back: 'Reverso',
      backMissing:
        'Falta: un documento de identidad lleva su zona de lectura mecánica en el reverso.',
      backFine: 'No hace falta, o se recibió',
    },
    expiry: {
      valid: 'Vigente',
      expired: 'Vencido',
      expires_within_90_days: 'Vence en menos de 90 días',
    } satisfies Record<ExpiryStatus, string>,
    mrz: {
      heading: 'Zona de lectura mecánica',
      zone: 'La zona de lectura mecánica',
      where: (format: string, slot: string) => `Formato ${format}, leída en ${slot}`,
      lines: 'Líneas tal como se leyeron',
      confidence: (value: number) => `Confianza de la lectura: ${value} de 100`,
      fields: 'Datos',
      checkDigits: 'Dígitos de control',
      digitHolds: 'el dígito de control cuadra',
      digitFails: 'el dígito de control no cuadra',
      allHold: 'Todos los dígitos de control cuadran, también el compuesto.',
      notAllHold: 'Al menos un dígito de control no cuadra: una mala lectura o un dato alterado.',
      corrections: 'Caracteres corregidos',
      correction: (line: number, column: number, from: string, to: string) =>
        to === ''
          ? `Línea ${line}, posición ${column}: «${from}» se leyó de más y se quitó`
          : `Línea ${line}, posición ${column}: se leyó «${from}» y se corrigió a «${to}»`,
      noCorrections: 'Ninguno',
      // Capturas como las hacen los teléfonos: el documento hallado en la foto, la certeza de cada carácter.
      capture: {
        outline: (turn: number, angle: number) =>
          `Documento hallado en la foto, girado ${angle.toFixed(1)}°: se leyó girándolo ${turn}° de vuelta.`,
        frame: (turn: number) =>
          `No se halló el contorno del documento en la foto: se leyó la imagen entera, girada ${turn}° de vuelta.`,
        corners:
          'Esquinas halladas (píxeles: arriba izquierda, arriba derecha, abajo derecha, abajo izquierda)',
        document: 'El documento',
        runnerUp: (runnerUp: string) => `el siguiente glifo más probable era «${runnerUp}»`,
        causes: {
          format: 'por el formato de la zona',
          check_digit: 'por su dígito de control (el único glifo con el que cuadra)',
          glare: 'bajo un reflejo, por su dígito de control (el único glifo con el que cuadra)',
        },
        doubtful: 'Caracteres menos seguros',
        doubtfulChar: (
          line: number,
          column: number,
          char: string,
          confidence: number,
          runnerUp: string,
        ) =>
          runnerUp === '?'
            ? `Línea ${line}, posición ${column}: «${char}», confianza ${confidence} de 100`
            : `Línea ${line}, posición ${column}: «${char}», confianza ${confidence} de 100, si no «${runnerUp}»`,
        noDoubtful: 'Todos los caracteres se leyeron con confianza.',
      },
      notParsed: 'no se entendió',
      fieldNames: {
        documentCode: 'Código del documento',
        issuingState: 'Estado emisor',
        documentNumber: 'Número del documento',
        birthDate: 'Fecha de nacimiento',
        sex: 'Sexo',
        expirationDate: 'Fecha de vencimiento',
        nationality: 'Nacionalidad',
        lastName: 'Apellidos',
        firstName: 'Nombres',
        optional1: 'Datos opcionales',
        optional2: 'Más datos opcionales',
        personalNumber: 'Número personal',
        composite: 'Compuesto',
      },
    },
    registry: {
      heading: 'Coincidencia con el registro',
      fields: {
        name: 'Nombre',
        birthDate: 'Fecha de nacimiento',
        sex: 'Sexo',
        nationality: 'Nacionalidad',
      } satisfies Record<AgreementField, string>,
      verdicts: { agrees: 'Coincide', differs: 'Difiere', cannot_tell: 'No se puede saber' },
      onDocument: 'Documento',
      inRegistry: 'Registro',
      none: 'ninguno',
    },
    quality: {
      heading: 'Calidad de la captura',
      dimensions: 'Tamaño',
      size: (width: number, height: number) => `${width} × ${height} píxeles`,
      sharpness: 'Nitidez',
      sharpnessValue: (value: string) => `varianza del laplaciano ${value}`,
      sharpnessVerdicts: { sharp: 'Nítida', soft: 'Algo borrosa', blurred: 'Borrosa' },
      glare: 'Reflejos',
      glareValue: (share: string) => `${share} de la imagen quemada por la luz`,
      glareVerdicts: { none: 'Ninguno', some: 'Algunos', strong: 'Fuertes' },
      exposure: 'Exposición',
      exposureValue: (mean: string) => `brillo medio ${mean} de 255`,
      exposureVerdicts: {
        good: 'Buena',
        underexposed: 'Demasiado oscura',
        overexposed: 'Demasiado clara',
      },
    },
    metadata: {
      heading: 'Metadatos de la captura',
      camera: 'Cámara',
      notInFile: 'No figura en el archivo',
      taken: 'Tomada',
      daysFromSession: (days: number) =>
        days === 0
          ? 'el día de la sesión'
          : days < 0
            ? `${-days} ${-days === 1 ? 'día' : 'días'} antes de la sesión`
            : `${days} ${days === 1 ? 'día' : 'días'} después de la sesión`,
      software: 'Programa',
      editor: 'Editor de fotos que figura en el archivo',
      noEditor: 'No figura ningún editor',
      thumbnail: 'Miniatura incrustada',
      thumbnails: {
        none: 'Ninguna',
        matches: 'Coincide con la imagen',
        differs: 'Difiere de la imagen: puede que la foto se cambiara después de tomarla',
        unreadable: 'No se pudo leer',
      },
      gps: 'Ubicación GPS',
      gpsPresent: 'Presente: el archivo lleva dónde se tomó (dato personal; no se muestra aquí)',
      gpsAbsent: 'No figura en el archivo',
    },
    // ── el documento concuerda consigo mismo (coherencia, tono, región de la miniatura) ──
    consistency: {
      heading: 'Coherencia',
      intro: 'Lo que el documento imprime, frente a lo que dice su zona de lectura mecánica.',
      fields: {
        surname: 'Apellidos',
        givenNames: 'Nombre',
        documentNumber: 'Número de documento',
        birthDate: 'Fecha de nacimiento',
        expiryDate: 'Fecha de caducidad',
        sex: 'Sexo',
        nationality: 'Nacionalidad',
      } satisfies Record<ConsistencyFieldName, string>,
      verdicts: { agrees: '✓ Coincide', differs: '✗ Difiere', cannot_tell: 'No se puede saber' },
      printed: 'Impreso',
      inMrz: 'En la MRZ',
      notFound: 'No encontrado',
      showPrinted: 'Mostrar el valor impreso',
      showMrz: 'Mostrar la MRZ',
      printedMark: (field: string) => `${field}, impreso`,
      mrzMark: 'La zona de lectura mecánica',
      notCompared: 'No se comparó lo impreso.',
      reasons: {
        printed_side_missing: 'No se entregó el lado impreso (el anverso).',
        printed_side_unreadable: 'No se pudo leer el lado impreso.',
        mrz_not_read: 'No se leyó la zona de lectura mecánica: no hay con qué comparar lo impreso.',
        nothing_found: 'Ninguno de los valores de la zona de lectura mecánica se encontró impreso.',
        not_found: 'No se encontró ni su etiqueta ni su valor en el texto impreso.',
        unclear: 'El valor impreso no se leyó con claridad suficiente para compararlo.',
        no_value_at_label: 'Se encontró su etiqueta, pero ningún valor al lado ni debajo.',
        readings_disagree: 'Dos lecturas del valor impreso no coincidieron.',
      },
      sides: 'Anverso y reverso',
      sidesVerdicts: {
        same_document: '✓ Un solo documento: el anverso concuerda con el reverso',
        different_documents: '✗ Documentos distintos: el anverso y el reverso no son del mismo',
        cannot_tell: 'No se puede saber si el anverso y el reverso son del mismo documento',
        not_applicable: 'No procede: la página de un pasaporte lleva ambos',
      } satisfies Record<Consistency['sides'], string>,
      tone: 'Color',
      tones: {
        colour: 'En color',
        greyscale: 'En escala de grises: una copia en blanco y negro, no el documento en color',
        cannot_tell: 'No se puede saber',
      } satisfies Record<Tone['verdict'], string>,
      showThumbnailRegion: 'Mostrar dónde difiere la miniatura',
      thumbnailRegionMark: 'Donde la imagen difiere de su miniatura',
    },
    // ── fin del bloque de coherencia ──
    details: {
      metadata_unreadable: 'No se pudieron leer los metadatos del archivo.',
      metadata_malformed: 'Los metadatos del archivo no tienen una forma legible.',
      expiry_unreadable: 'No se pudo leer la fecha de vencimiento en la zona de lectura mecánica.',
      back_not_provided:
        'No se encontró una zona de lectura mecánica; en una cédula está en el reverso, que no se entregó.',
      registry_not_requested: 'No había datos del registro (no se otorgó el permiso de detalles).',
      registry_empty: 'El perfil del registro está vacío.',
      nothing_to_compare:
        'No hay nada del documento que comparar con el registro: no se leyó su zona de lectura mecánica.',
      glyphs_contradict:
        'Lo leído no es lo que muestran los glifos OCR-B: varios caracteres difieren de glifos leídos con seguridad.',
      name_under_glare:
        'Un reflejo borra letras del nombre, que no tiene dígito de control: el nombre no se puede leer con seguridad.',
      not_a_zone:
        'Lo leído no tiene la estructura de una zona de lectura mecánica (caracteres, rellenos o dígitos de control en lugares imposibles).',
    },
    notes: {
      blurred: 'La imagen está borrosa: la letra pequeña y los bordes no se pueden leer.',
      soft: 'La imagen está algo desenfocada: la letra pequeña puede costar leerse.',
      glare: (share) => `Los reflejos ocultan el ${share} de la imagen (zonas quemadas).`,
      underexposed: 'La imagen está demasiado oscura.',
      overexposed: 'La imagen está demasiado clara.',
      editor: (software) => `El archivo nombra un editor de imágenes (${software}).`,
      thumbnail_differs:
        'La miniatura incrustada muestra otra imagen: se alteró después de la captura.',
      gps: 'El archivo lleva coordenadas GPS: datos personales sobre dónde se tomó.',
      far_from_session: (days) =>
        `Se capturó ${Math.abs(days)} días ${days < 0 ? 'antes' : 'después'} de la sesión de verificación.`,
    },
    agreement: {
      name: {
        registry_field_missing: 'El registro no tiene nombre.',
        mrz_field_missing: 'No se pudo leer el nombre en la zona de lectura mecánica.',
      },
      birthDate: {
        registry_field_missing: 'El registro no tiene fecha de nacimiento.',
        mrz_field_missing:
          'La fecha de nacimiento de la zona de lectura mecánica no se conoce entera.',
      },
      sex: {
        registry_field_missing:
          'El registro no tiene un sexo que la zona de lectura mecánica pueda indicar.',
        mrz_field_missing: 'No se pudo leer el sexo en la zona de lectura mecánica.',
      },
      nationality: {
        registry_field_missing: 'El registro no indica ninguna ciudadanía.',
        mrz_field_missing: 'No se pudo leer la nacionalidad en la zona de lectura mecánica.',
        unknown_country: 'Una ciudadanía del registro no es un país que este equipo conozca.',
      },
    },
    face: {
      showSelfie: 'Mostrar el rostro encontrado en la selfi',
      showPortrait: 'Mostrar el rostro encontrado en el documento',
      selfieFace: 'El rostro de la selfi',
      foundTurned: (which: string, degrees: number) =>
        `${which} se encontró con la imagen girada ${degrees}° en sentido horario: está guardada de lado o al revés.`,
      portraitFace: 'El rostro del documento',
      compare: 'Comparar los rostros',
      notRun: {
        turned_off: 'No se ejecutó: desactivada en Configuración.',
      },
    },
  },
  viewer: {
    region: 'Visor de imágenes',
    toolbar: 'Herramientas del visor',
    stageLabel: (slot: string) =>
      `${slot} — use las flechas para desplazar, más y menos para acercar o alejar`,
    empty: 'Elija una imagen cargada para verla aquí.',
    noImages: 'No hay imágenes que ver: e-Próspera no devolvió ninguna para esta cuenta.',
    fullWindow: 'Visor a ventana completa',
    leaveFullWindow: 'Salir del visor a ventana completa',
    minimap:
      'Navegador: el marco muestra la parte de la imagen a la vista. Haga clic o arrastre para moverlo.',
    loupeValue: (times: number) => `${times}×`,
    loupeWithValue: (times: number) => `Lupa, aumento de ${times}×`,
    comparePortrait: 'Retrato + selfi',
    comparePortraitHint:
      'El retrato del documento junto a la selfi, con la cara a la misma escala; zoom y desplazamiento vinculados',
    portraitBox: 'Área del retrato en el anverso',
    portraitBoxHint:
      'Arrastre el recuadro para encuadrar la cara del documento; arrastre su esquina para cambiar el tamaño.',
    portraitReset: 'Restablecer el área del retrato',
    portraitAdjust: 'Ajustar el área del retrato',
    portraitFromFaces:
      'Recuadros colocados en los rostros que encontró la comparación facial, hecha en este equipo. Ajústelos si no coinciden.',
    portraitLevelled: 'Girados para nivelar los ojos',
    turnedClockwise: 'en sentido horario',
    turnedAnticlockwise: 'en sentido antihorario',
    notTurned: 'sin girar',
    zoomIn: 'Acercar',
    zoomOut: 'Alejar',
    fit: 'Ajustar',
    fitLong: 'Ajustar a la ventana',
    actual: '100 %',
    actualLong: '100 %, tamaño real',
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
    button: 'Borrar ahora',
    buttonHint: 'Borrar ahora todas las imágenes de la memoria',
    buttonIdle: 'No hay imágenes cargadas: borrar ahora solo reemplaza la página del visor',
    wiping: 'Borrando…',
    receiptTitle: 'Borrado de la memoria',
    receiptBody: (count: number) =>
      count === 1 ? '1 imagen borrada.' : `${count} imágenes borradas.`,
    whenLabel: 'Cuándo',
    bytesZeroed: (size: string) => `${size} de datos de imagen sobrescritos con ceros.`,
    reasonLabel: 'Motivo',
    reasons: {
      button: 'Botón Borrar ahora',
      shortcut: 'Atajo de teclado',
      idle: 'Inactividad',
      'sign-out': 'Cierre de sesión',
      'window-close': 'Ventana cerrada',
      'lock-screen': 'Pantalla bloqueada',
      suspend: 'La computadora entró en suspensión',
    },
    replaced:
      'La página del visor se reemplaza tras borrar, para que ninguna imagen decodificada sobreviva.',
    unconfirmed:
      'El proceso principal no confirmó el borrado. Se borraron las copias de esta ventana; cierre idlens para asegurarse.',
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
    idleMinutes: 'Borrar tras inactividad (minutos)',
    signInTimeout: 'Tiempo límite de inicio de sesión (segundos)',
    language: 'Idioma',
    singleKey: 'Atajos de una sola tecla',
    singleKeyHelp:
      'Desactívelos si usa dictado por voz o software de asistencia que escribe letras. Los atajos con Ctrl siguen funcionando.',
    checks: 'Comprobaciones en este equipo',
    checksChoices: {
      all: 'Documentos y rostros',
      documents: 'Solo documentos',
      off: 'Desactivadas',
    },
    checksHelp: {
      all: 'Lee la zona de lectura mecánica, el vencimiento, la coincidencia con el registro, la calidad y los metadatos de las imágenes, y compara el rostro de la selfi con el retrato del documento. Comparar rostros es un tratamiento biométrico: se hace solo en este equipo, en un proceso aparte que termina al borrar.',
      documents:
        'Las mismas comprobaciones de documentos sin la comparación de rostros: los modelos faciales nunca se cargan y no se mide nada de un rostro.',
      off: 'Sin comprobaciones: el proceso de comprobación ni siquiera se inicia.',
    },
    checksWhen:
      'Un cambio se aplica desde la próxima carga de documentos; las comprobaciones en curso terminan como empezaron.',
    save: 'Guardar',
    cancel: 'Cancelar',
    saving: 'Guardando…',
    saved: 'Configuración guardada.',
    notSaved: 'No se guardó la configuración',
    lockedWhileSignedIn: 'Cierre sesión para cambiar dónde y cómo iniciar sesión.',
    confirmedOutside:
      'Al guardar un cambio aquí se abre un mensaje aparte de idlens que indica adónde irán el inicio de sesión, su token y las imágenes del documento. Nada cambia hasta que lo confirme allí.',
    endpoint: {
      not_a_url: 'Escriba una dirección completa que empiece por https://',
      url_parts: 'Quite nombres de usuario, contraseñas, consultas con «?» y fragmentos con «#».',
      not_https: 'Use una dirección https://.',
      http_not_loopback: 'Aquí se rechaza http sin cifrar: use una dirección https://.',
      http_needs_demo:
        'http sin cifrar es solo para el backend de demostración local: use una dirección https://.',
      api_base_off_issuer:
        'Use una dirección en el mismo servidor del emisor (mismo esquema, host y puerto): allí va su token de acceso.',
      demo_needs_demo_mode:
        'El entorno de demostración solo existe cuando idlens se ejecuta con el backend de demostración.',
      custom_needs_issuer: 'Obligatorio.',
    },
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
    wheel: 'Acercar o alejar hacia el puntero (rueda, pellizco o Ctrl + rueda)',
    drag: 'Desplazar arrastrando',
    rotate: 'Girar a la derecha / izquierda',
    loupe: 'Activar o desactivar la lupa',
    invert: 'Invertir colores',
    resetAdjust: 'Restablecer brillo y contraste',
    nextImage: 'Imagen siguiente / anterior',
    compare: 'Cambiar el modo de comparación',
    fullWindow: 'Activar o desactivar el visor a ventana completa',
    panel: 'Mostrar u ocultar el panel lateral',
    wipe: 'Borrar ahora',
    pageZoom: 'Ampliar / reducir toda la ventana / volver al 100 % (texto más grande)',
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
      'Borrar revoca todos los enlaces de imagen, llena los bytes con ceros y reemplaza la página del visor.',
  },
  privacy: {
    open: 'Lo que idlens dejó en esta computadora',
    title: 'Lo que idlens dejó en esta computadora',
    intro:
      'Un análisis de cada carpeta que usan idlens y su motor de navegador, buscando dentro de cada archivo una imagen JPEG, un token, una parte de URL firmada o un hash de los documentos mostrados en esta ejecución.',
    scanning: 'Analizando las carpetas de la aplicación…',
    rescan: 'Analizar de nuevo',
    generated: (time: string) => `Analizado el ${time}`,
    copyText: 'Copiar como texto',
    copyJson: 'Copiar como JSON',
    copied: 'Informe copiado al portapapeles',
    copyFailed: 'No se pudo copiar el informe',
    modified: 'Modificado',
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
    special: {
      fifo: 'tubería con nombre (FIFO)',
      socket: 'socket',
      'block-device': 'dispositivo de bloques',
      'char-device': 'dispositivo de caracteres',
      unknown: 'archivo especial',
    },
    expected: 'se conserva a propósito',
    known: {
      settings: 'Archivo de configuración de idlens',
      'client-secret': 'Secreto de cliente cifrado',
      'chromium-preferences': 'Preferencias del motor de navegador',
      'chromium-local-state': 'Estado local del motor de navegador',
      'chromium-singleton': 'Bloqueo de instancia única',
      'chromium-crashpad': 'Carpeta de informes de fallos',
      'chromium-gpu-cache': 'Caché de programas de la GPU',
      'chromium-dawn-cache': 'Caché de canalizaciones WebGPU',
      'chromium-shader-cache': 'Caché de sombreadores',
      'chromium-dictionaries': 'Diccionarios de ortografía',
      'chromium-cookies': 'Almacén de cookies',
      'chromium-network-state': 'Estado de la red',
      'chromium-transport-security': 'Estado de seguridad HTTPS',
      'chromium-code-cache': 'Caché de scripts compilados',
      'chromium-blob-storage': 'Almacenamiento de blobs',
      'chromium-http-cache': 'Caché HTTP',
      'chromium-web-storage': 'Almacenamiento web',
      'chromium-lock': 'Archivo de bloqueo de base de datos',
      'session-folder': 'Carpeta temporal de sesión',
      'session-crash': 'Carpeta de volcados de fallos de la sesión',
      'session-logs': 'Carpeta de registros de la sesión',
    },
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
    connection_declined: {
      title: 'El cambio de conexión no se confirmó: no se cambió nada.',
      action:
        'idlens preguntó en su propia ventana adónde irían el inicio de sesión y las imágenes del documento, y la respuesta fue no. Revise las direcciones y vuelva a guardar para que se lo pregunte de nuevo.',
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
        'Si el navegador mostró una página de error, el proveedor no acepta este ID de cliente o esta URI de redirección: compárelos con el registro del cliente y corríjalos en Configuración. Si no, inicie sesión de nuevo y termine dentro del tiempo indicado; el límite se puede ampliar en Configuración.',
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
  faceMatch: {
    heading: 'Selfi y retrato del documento',
    bands: {
      same: 'Probablemente la misma persona',
      uncertain: 'Incierto',
      different: 'Probablemente personas distintas',
      'cannot-tell': 'No se puede saber',
    },
    reasons: {
      'selfie-unreadable': 'No se pudo decodificar la selfi como imagen JPEG.',
      'document-unreadable': 'No se pudo decodificar el anverso del documento como imagen JPEG.',
      'no-face-in-selfie': 'No se encontró ningún rostro en la selfi.',
      'no-face-on-document': 'No se encontró ningún rostro en el anverso del documento.',
      'several-faces-in-selfie': 'La selfi muestra más de un rostro: no está claro cuál comparar.',
      'several-faces-on-document':
        'El anverso del documento muestra más de un rostro de tamaño parecido.',
      'selfie-face-too-small': 'El rostro de la selfi es demasiado pequeño para compararlo.',
      'portrait-too-small': 'El retrato del documento es demasiado pequeño para compararlo.',
      'comparison-failed': 'No se pudo realizar la comparación de rostros en este equipo.',
    },
    score: (score) => `Similitud ${score.toFixed(2)} (de 0 a 1)`,
    aid: (model, r) =>
      `Una ayuda, no un veredicto: calculado en este equipo con ${model}. En ${r.genuinePairs} pares ` +
      `sintéticos de la misma persona y ${r.impostorPairs} de personas distintas, leyó a personas distintas ` +
      `como «probablemente la misma» el ${rateOf(r.falseAcceptRate, r.impostorPairs, 'es')} de las veces y a la misma persona ` +
      `como «probablemente distintas» el ${rateOf(r.falseRejectRate, r.genuinePairs, 'es')} de las veces. Con capturas reales ` +
      `puede acertar menos.`,
    notLiveness:
      'No detecta ataques de presentación: una máscara, la foto de una pantalla o una foto impresa pueden puntuar como la misma persona.',
    cropsCaption: 'Los dos rostros tal como se compararon: ojos nivelados, a la misma escala.',
  },
  cli: {
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
      'api-base':
        'origen de la API de un entorno personalizado (por defecto: el origen del emisor)',
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
      missing_scope:
        'El inicio de sesión no otorgó acceso a los datos de verificación de identidad.',
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
    analysis: {
      heading: 'Comprobaciones (hechas en esta computadora; una ayuda, no un veredicto)',
      labels: {
        mrz: 'ZLM',
        checkDigits: 'dígitos de control',
        document: 'documento',
        expiry: 'vencimiento',
        back: 'reverso',
        registry: 'registro',
      },
      cannotTell: (why, reason) => `no se puede saber — ${why} (${reason})`,
      mrzRead: (format, slot, confidence) =>
        `${format} en el ${slot}, confianza del OCR ${confidence}`,
      digitOk: 'correcto',
      digitWrong: 'ERRÓNEO',
      documentType: {
        passport: 'pasaporte',
        id_card: 'cédula de identidad',
        other: 'otro documento de viaje',
      },
      unknownType: 'tipo desconocido',
      issuedBy: (country) => `emitido por ${country}`,
      unknownState: 'Estado desconocido',
      unknownCountry: 'desconocido',
      expiry: (date, today, atSession) => `${date}: hoy ${today}, en la sesión ${atSession}`,
      expiryStatus: {
        valid: 'vigente',
        expired: 'vencido',
        expires_within_90_days: 'vence en menos de 90 días',
      },
      cannotTellShort: 'no se puede saber',
      backMissing: 'FALTA (la zona de una cédula está en su reverso)',
      verdicts: { agrees: 'coincide', differs: 'difiere', cannot_tell: 'no se puede saber' },
      registryItem: (verdict, document, registry) =>
        `${verdict}: documento ${document} / registro ${registry}`,
      quality: (sharpness, glare, exposure) =>
        `${sharpness}, reflejos ${glare}, exposición ${exposure}`,
      sharpness: { sharp: 'nítida', soft: 'algo desenfocada', blurred: 'borrosa' },
      glare: { none: 'ninguno', some: 'algunos', strong: 'fuertes' },
      exposure: { good: 'buena', underexposed: 'subexpuesta', overexposed: 'sobreexpuesta' },
    },
    version: (version) => `idlens ${version}`,
  },
};
