/**
 * Turns probe results into the one thing the employee needs: which layer is broken, in one plain
 * sentence. Ordered from the bottom of the stack up, because a lower failure explains the ones
 * above it (no address → no gateway → no DNS → no website).
 */
import type { Lang } from '../../kernel/lang.ts';
import { say, type Texts } from '../shared/text.ts';
import { captiveMarker, type ProbeId, type ProbeResult } from './probes.ts';

export const problems = [
  'none',
  'adapter-down',
  'wifi-disconnected',
  'self-assigned-ip',
  'no-ip',
  'gateway-unreachable',
  'dns-failed',
  'captive-portal',
  'proxy-blocking',
  'internet-unreachable',
  'internal-unreachable',
  'no-internet',
  'nothing-reachable',
] as const;
export type Problem = (typeof problems)[number];

export const problemSentences: Record<Problem, Texts> = {
  none: {
    en: 'Your network connection works: the company network and the internet can both be reached.',
    nl: 'Je netwerkverbinding werkt: het bedrijfsnetwerk en het internet zijn allebei bereikbaar.',
    fr: 'Votre connexion réseau fonctionne : le réseau de l’entreprise et Internet sont tous deux accessibles.',
    de: 'Ihre Netzwerkverbindung funktioniert: Firmennetz und Internet sind beide erreichbar.',
  },
  'adapter-down': {
    en: 'Your computer is not connected to any network: the network cable is unplugged or Wi-Fi is switched off.',
    nl: 'Je computer is met geen enkel netwerk verbonden: de netwerkkabel zit er niet in of wifi staat uit.',
    fr: 'Votre ordinateur n’est connecté à aucun réseau : le câble réseau est débranché ou le Wi-Fi est désactivé.',
    de: 'Ihr Computer ist mit keinem Netzwerk verbunden: Das Netzwerkkabel steckt nicht oder WLAN ist ausgeschaltet.',
  },
  'wifi-disconnected': {
    en: 'Your computer is not connected to a Wi-Fi network.',
    nl: 'Je computer is niet verbonden met een wifinetwerk.',
    fr: 'Votre ordinateur n’est connecté à aucun réseau Wi-Fi.',
    de: 'Ihr Computer ist mit keinem WLAN verbunden.',
  },
  'self-assigned-ip': {
    en: 'Your computer is connected but did not get an address from the network ({detail}).',
    nl: 'Je computer is verbonden, maar kreeg geen adres van het netwerk ({detail}).',
    fr: 'Votre ordinateur est connecté mais n’a pas reçu d’adresse du réseau ({detail}).',
    de: 'Ihr Computer ist verbunden, hat aber vom Netzwerk keine Adresse erhalten ({detail}).',
  },
  'no-ip': {
    en: 'Your computer is connected but has no network address.',
    nl: 'Je computer is verbonden, maar heeft geen netwerkadres.',
    fr: 'Votre ordinateur est connecté mais n’a pas d’adresse réseau.',
    de: 'Ihr Computer ist verbunden, hat aber keine Netzwerkadresse.',
  },
  'gateway-unreachable': {
    en: 'Your computer cannot reach the router of the network it is connected to.',
    nl: 'Je computer kan de router van het netwerk waarmee hij verbonden is niet bereiken.',
    fr: 'Votre ordinateur ne parvient pas à joindre le routeur du réseau auquel il est connecté.',
    de: 'Ihr Computer erreicht den Router des Netzwerks nicht, mit dem er verbunden ist.',
  },
  'dns-failed': {
    en: 'The connection works, but website names cannot be looked up.',
    nl: 'De verbinding werkt, maar namen van websites kunnen niet worden opgezocht.',
    fr: 'La connexion fonctionne, mais les noms des sites web ne peuvent pas être résolus.',
    de: 'Die Verbindung funktioniert, aber Namen von Websites können nicht aufgelöst werden.',
  },
  'captive-portal': {
    en: 'This network wants you to sign in first (as hotel and guest Wi-Fi do): open your web browser and follow the sign-in page.',
    nl: 'Dit netwerk vraagt je eerst aan te melden (zoals hotel- en gastenwifi): open je webbrowser en volg de aanmeldpagina.',
    fr: 'Ce réseau vous demande d’abord de vous connecter (comme le Wi-Fi des hôtels et des invités) : ouvrez votre navigateur et suivez la page de connexion.',
    de: 'Dieses Netzwerk verlangt zuerst eine Anmeldung (wie Hotel- und Gast-WLAN): Öffnen Sie Ihren Webbrowser und folgen Sie der Anmeldeseite.',
  },
  'proxy-blocking': {
    en: 'The internet cannot be reached, probably because of the proxy server set on this computer ({detail}).',
    nl: 'Het internet is niet bereikbaar, waarschijnlijk door de proxyserver die op deze computer is ingesteld ({detail}).',
    fr: 'Internet est inaccessible, probablement à cause du serveur proxy configuré sur cet ordinateur ({detail}).',
    de: 'Das Internet ist nicht erreichbar, vermutlich wegen des auf diesem Computer eingestellten Proxyservers ({detail}).',
  },
  'internet-unreachable': {
    en: 'The company network works, but the internet cannot be reached.',
    nl: 'Het bedrijfsnetwerk werkt, maar het internet is niet bereikbaar.',
    fr: 'Le réseau de l’entreprise fonctionne, mais Internet est inaccessible.',
    de: 'Das Firmennetz funktioniert, aber das Internet ist nicht erreichbar.',
  },
  'internal-unreachable': {
    en: 'The internet works, but the company network cannot be reached (are you connected to the VPN?).',
    nl: 'Het internet werkt, maar het bedrijfsnetwerk is niet bereikbaar (ben je met de VPN verbonden?).',
    fr: 'Internet fonctionne, mais le réseau de l’entreprise est inaccessible (êtes-vous connecté au VPN ?).',
    de: 'Das Internet funktioniert, aber das Firmennetz ist nicht erreichbar (sind Sie mit dem VPN verbunden?).',
  },
  'no-internet': {
    en: 'Your computer has a network address, but the internet cannot be reached.',
    nl: 'Je computer heeft een netwerkadres, maar het internet is niet bereikbaar.',
    fr: 'Votre ordinateur a une adresse réseau, mais Internet est inaccessible.',
    de: 'Ihr Computer hat eine Netzwerkadresse, aber das Internet ist nicht erreichbar.',
  },
  'nothing-reachable': {
    en: 'Your computer has a network address, but neither the company network nor the internet can be reached.',
    nl: 'Je computer heeft een netwerkadres, maar het bedrijfsnetwerk en het internet zijn allebei niet bereikbaar.',
    fr: 'Votre ordinateur a une adresse réseau, mais ni le réseau de l’entreprise ni Internet ne sont accessibles.',
    de: 'Ihr Computer hat eine Netzwerkadresse, aber weder das Firmennetz noch das Internet sind erreichbar.',
  },
};

const failed = (p: ProbeResult | undefined) => p !== undefined && (p.status === 'fail' || p.status === 'timeout');
const passed = (p: ProbeResult | undefined) => p?.status === 'pass';

export type Diagnosis = { problem: Problem; ok: boolean; finding: string };

export function diagnose(probes: readonly ProbeResult[], lang: Lang, proxyServers: readonly string[] = []): Diagnosis {
  const by = new Map<ProbeId, ProbeResult>(probes.map((p) => [p.id, p]));
  const problem = pickProblem(by, proxyServers);
  const viaProxy = [by.get('external')?.via, by.get('internal')?.via].find((v) => v !== undefined);
  const detail = problem === 'self-assigned-ip' ? (by.get('ip')?.detail ?? '').replace(/^self-assigned /, '') : (viaProxy ?? proxyServers.join(', '));
  return { problem, ok: problem === 'none', finding: say(problemSentences[problem], lang, { detail }) };
}

function pickProblem(by: Map<ProbeId, ProbeResult>, proxyServers: readonly string[]): Problem {
  if (failed(by.get('adapter'))) return 'adapter-down';
  const ip = by.get('ip');
  const noWiredAddress = failed(ip);
  if (failed(by.get('wifi')) && noWiredAddress) return 'wifi-disconnected';
  if (noWiredAddress) return ip?.detail?.startsWith('self-assigned') ? 'self-assigned-ip' : 'no-ip';
  if (failed(by.get('gateway'))) return 'gateway-unreachable';
  const internal = by.get('internal');
  const external = by.get('external');
  // The proxy the apps use is down or refuses: that is the broken layer, whatever DNS says
  // (through a proxy, names are looked up by the proxy).
  if ((failed(external) && external?.proxyFault) || (failed(internal) && internal?.proxyFault)) return 'proxy-blocking';
  if (failed(by.get('dns'))) return 'dns-failed';
  if (external?.detail?.startsWith(captiveMarker)) return 'captive-portal';
  if (failed(internal) && failed(external)) return 'nothing-reachable';
  if (failed(external)) return proxyServers.length > 0 ? 'proxy-blocking' : passed(internal) ? 'internet-unreachable' : 'no-internet';
  if (failed(internal)) return 'internal-unreachable';
  return 'none';
}
