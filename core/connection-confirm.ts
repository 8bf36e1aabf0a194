import type { Environment } from '../shared/environments.ts';
import type { SettingName } from '../shared/settings.ts';

/**
 * Where a connection change sends the person's sign-in, tokens and ID images, told to the person
 * by main (the app: a native message box on the window, which the page can neither draw nor
 * answer) before the change takes effect. Only hosts and names, never a token or a secret.
 */

/** Whether the provider says its sign-in responses name it (RFC 9207 `iss`). */
export type IssParameter = 'supported' | 'not-supported' | 'unknown';

export interface ConnectionSummary {
  /** What asks: a settings change, a client-secret change, or a sign-in to an unconfirmed issuer. */
  reason: 'settings' | 'secret' | 'sign-in';
  environment: Environment;
  /** The issuer is one of idlens's built-in presets. */
  preset: boolean;
  /** Host (and port, when not the default) of the sign-in page and token endpoint's issuer. */
  issuerHost: string;
  /** Host of the API that receives the access token. */
  apiHost: string;
  /** Image hosts besides Amazon S3 that the ID images may be downloaded from. */
  imageHosts: string[];
  clientId: string;
  /** Whether a client secret would be sent to the issuer. */
  secretSent: boolean;
  /** With reason `secret`: whether a secret is stored or the stored one cleared. */
  secretChange?: 'store' | 'clear' | undefined;
  /** Without `iss`, a look-alike provider could forward the sign-in (mix-up, RFC 9700 §4.4). */
  issParameter: IssParameter;
  /** The connection settings the change touches. */
  changes: SettingName[];
  /** The language the person reads idlens in. */
  language: 'en' | 'es';
}

/** The host's confirmation: true only when the person said yes; a dismissed dialog is no. */
export type ConfirmConnection = (summary: ConnectionSummary) => Promise<boolean>;

export interface ConnectionWording {
  title: string;
  message: string;
  detail: string;
  confirm: string;
  cancel: string;
}

interface Catalogue {
  title: Record<ConnectionSummary['reason'], string>;
  message: Record<ConnectionSummary['reason'], string>;
  issuer: (host: string, preset: boolean) => string;
  api: (host: string) => string;
  images: (hosts: string[]) => string;
  clientId: (id: string) => string;
  secret: (sent: boolean, change: ConnectionSummary['secretChange']) => string;
  iss: Record<IssParameter, string>;
  changes: (names: string[]) => string;
  confirm: string;
  cancel: string;
}

const EN: Catalogue = {
  title: {
    settings: 'Change where idlens connects?',
    secret: 'Change the client secret?',
    'sign-in': 'Sign in to this provider?',
  },
  message: {
    settings:
      'A change of the connection settings asks to send your sign-in and your ID documents to the places below. Confirm only if you made this change yourself.',
    secret:
      'A change of the client secret was asked for. Confirm only if you made this change yourself.',
    'sign-in':
      'The settings name a provider that is not one of idlens’s own and that you have not confirmed since idlens started. Sign in there only if you chose it yourself.',
  },
  issuer: (host, preset) => `Sign-in goes to: ${host}${preset ? ' (built into idlens)' : ''}`,
  api: (host) => `Your access token and the document request go to: ${host}`,
  images: (hosts) =>
    hosts.length === 0
      ? 'ID images are downloaded from: Amazon S3 only'
      : `ID images are downloaded from: Amazon S3 and ${hosts.join(', ')}`,
  clientId: (id) => `Client id: ${id}`,
  secret: (sent, change) =>
    change === 'clear'
      ? 'The stored client secret will be deleted.'
      : change === 'store'
        ? 'The new client secret will be sent to the sign-in provider above.'
        : sent
          ? 'A client secret will be sent to the sign-in provider above.'
          : 'No client secret will be sent.',
  iss: {
    supported: 'The provider names itself in its sign-in responses (RFC 9207).',
    'not-supported':
      'Warning: this provider does not name itself in its sign-in responses (RFC 9207). A look-alike provider could pass your sign-in on to the real one and keep what comes back (a mix-up attack). Confirm only an address you trust.',
    unknown:
      'Whether this provider names itself in its sign-in responses (RFC 9207) is checked when you sign in, before anything is sent to it; if it does not, idlens asks you again.',
  },
  changes: (names) => `Settings that change: ${names.join(', ')}`,
  confirm: 'Confirm',
  cancel: 'Cancel',
};

const ES: Catalogue = {
  title: {
    settings: '¿Cambiar adónde se conecta idlens?',
    secret: '¿Cambiar el secreto de cliente?',
    'sign-in': '¿Iniciar sesión con este proveedor?',
  },
  message: {
    settings:
      'Un cambio de los ajustes de conexión pide enviar su inicio de sesión y sus documentos de identidad a los lugares siguientes. Confirme solo si hizo este cambio usted.',
    secret: 'Se pidió cambiar el secreto de cliente. Confirme solo si hizo este cambio usted.',
    'sign-in':
      'Los ajustes nombran un proveedor que no es uno de los de idlens y que usted no ha confirmado desde que se abrió idlens. Inicie sesión allí solo si lo eligió usted.',
  },
  issuer: (host, preset) =>
    `El inicio de sesión va a: ${host}${preset ? ' (incluido en idlens)' : ''}`,
  api: (host) => `Su token de acceso y la solicitud de documentos van a: ${host}`,
  images: (hosts) =>
    hosts.length === 0
      ? 'Las imágenes del documento se descargan de: solo Amazon S3'
      : `Las imágenes del documento se descargan de: Amazon S3 y ${hosts.join(', ')}`,
  clientId: (id) => `Id. de cliente: ${id}`,
  secret: (sent, change) =>
    change === 'clear'
      ? 'Se borrará el secreto de cliente guardado.'
      : change === 'store'
        ? 'El nuevo secreto de cliente se enviará al proveedor de inicio de sesión indicado.'
        : sent
          ? 'Se enviará un secreto de cliente al proveedor de inicio de sesión indicado.'
          : 'No se enviará ningún secreto de cliente.',
  iss: {
    supported: 'El proveedor se nombra en sus respuestas de inicio de sesión (RFC 9207).',
    'not-supported':
      'Atención: este proveedor no se nombra en sus respuestas de inicio de sesión (RFC 9207). Un proveedor imitador podría pasar su inicio de sesión al verdadero y quedarse con lo que vuelve (un ataque de confusión). Confirme solo una dirección de confianza.',
    unknown:
      'Si este proveedor se nombra en sus respuestas de inicio de sesión (RFC 9207) se comprueba al iniciar sesión, antes de enviarle nada; si no lo hace, idlens se lo vuelve a preguntar.',
  },
  changes: (names) => `Ajustes que cambian: ${names.join(', ')}`,
  confirm: 'Confirmar',
  cancel: 'Cancelar',
};

/** The dialog's text, in the person's language: every host, the client id, the secret, `iss`. */
export function connectionWording(summary: ConnectionSummary): ConnectionWording {
  const c = summary.language === 'es' ? ES : EN;
  const lines = [
    c.issuer(summary.issuerHost, summary.preset),
    c.api(summary.apiHost),
    c.images(summary.imageHosts),
    c.clientId(summary.clientId),
    c.secret(summary.secretSent, summary.secretChange),
    c.iss[summary.issParameter],
    ...(summary.changes.length > 0 ? [c.changes(summary.changes)] : []),
  ];
  return {
    title: c.title[summary.reason],
    message: c.message[summary.reason],
    detail: lines.join('\n'),
    confirm: c.confirm,
    cancel: c.cancel,
  };
}
