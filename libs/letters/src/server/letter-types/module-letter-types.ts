import { defineLetterType } from '../../contracts/letter-type.js';

const signOff = '<p>{{ institution.name }}</p>';

/** A fee added to the user's account (the fines module's fee notification). */
export const feeNotification = defineLetterType({
  id: 'letters.feeNotification',
  name: 'Fine/Fee Notification letter',
  description: 'Tells a user that a fine or fee was added to their account, with their balance.',
  requiresModule: 'fines',
  optOut: true,
  customizable: true,
  sample: { amount: '12.00', balance: '37.00', currency: 'USD' },
  templates: {
    en: {
      subject: 'A fee of {{ letter.amount }} {{ letter.currency }} was added to your library account',
      html:
        '<p>Dear {{ user.fullName }},</p><p>A fee of {{ letter.amount }} {{ letter.currency }} was added to your ' +
        'account. You now owe {{ letter.balance }} {{ letter.currency }}.</p>' +
        signOff,
    },
    fr: {
      subject: 'Des frais de {{ letter.amount }} {{ letter.currency }} ont été ajoutés à votre compte',
      html:
        '<p>Bonjour {{ user.fullName }},</p><p>Des frais de {{ letter.amount }} {{ letter.currency }} ont été ajoutés ' +
        'à votre compte. Votre solde est de {{ letter.balance }} {{ letter.currency }}.</p>' +
        signOff,
    },
  },
});

/** A proxy relation made: the proxy and the patron acted for each hear of it (the proxies module's notification). */
export const proxyNotification = defineLetterType({
  id: 'letters.proxyNotification',
  name: 'Proxy notification letter',
  description: 'Tells a proxy whom they may now act for, and the patron (the sponsor) who may now act for them.',
  requiresModule: 'proxies',
  optOut: true,
  customizable: true,
  sample: { role: 'proxy', otherName: 'Ada Lovelace', fulfillment: false },
  templates: {
    en: {
      subject:
        '{% if letter.role == "proxy" %}You may now act for {{ letter.otherName }}{% else %}{{ letter.otherName }} may now act for you{% endif %}',
      html:
        '<p>Dear {{ user.fullName }},</p><p>{% if letter.role == "proxy" %}You may now borrow and request items for ' +
        '{{ letter.otherName }}{% else %}{{ letter.otherName }} may now borrow and request items for you' +
        '{% endif %}{% if letter.fulfillment %}, on the sponsor’s account{% endif %}.</p>' +
        signOff,
    },
  },
});
