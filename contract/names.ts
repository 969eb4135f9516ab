/**
 * Channel and event names as plain data, for the preload and the browser bridge (which must not
 * carry zod). A unit test checks they equal the keys of the contract.
 */
export const channelNames = [
  'app:info',
  'catalog:list',
  'run:start',
  'run:answer',
  'run:consent',
  'run:cancel',
  'run:open-link',
  'settings:get',
  'settings:set',
  'history:list',
  'ticket:draft',
  'ticket:send',
  'ticket:list',
  'ticket:refresh',
  'ticket:open-mail',
  'ticket:export',
  'ticket:copy',
  'ticket:save',
  'ticket:hold',
  'support:open',
  'outage:list',
  'outage:for',
  'outage:affected',
  'policy:about',
  'article:get',
  'article:open-link',
  'article:feedback',
  'search:missed',
  'run:feedback',
] as const;
export const eventNames = ['run:event', 'app:navigate', 'ticket:changed'] as const;
