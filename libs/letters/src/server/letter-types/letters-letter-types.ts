import { defineLetterType } from '../../contracts/letter-type.js';

const signOff = '<p>{{ institution.name }}</p>';

/** The letter a staff member writes to one user (the reference's General mail: not customizable). */
export const generalMail = defineLetterType({
  id: 'letters.generalMail',
  name: 'General mail',
  description: 'A message a staff member writes to one user, or to every user of a search (bulk messaging).',
  optOut: false,
  customizable: false,
  sample: { subject: 'Your library account', body: 'Dear reader,\n\nYour card is ready at the front desk.' },
  templates: {
    en: {
      subject: '{{ letter.subject }}',
      // Escaped first, then the line breaks added as markup (`raw`: not escaped a second time).
      html: '<p>{{ letter.body | escape | newline_to_br | raw }}</p>',
      text: '{{ letter.body }}',
    },
  },
});

/** Everything kept about a patron, as XML with their attachments (the reference's Personal Information Letter). */
export const personalInformation = defineLetterType({
  id: 'letters.personalInformation',
  name: 'Patron Personal Information letter',
  description:
    'The complete record kept about the patron, attached as XML with their attachments, sent to their preferred email.',
  optOut: false,
  customizable: true,
  sample: { attachmentCount: 2 },
  templates: {
    en: {
      subject: 'The personal information {{ institution.name }} keeps about you',
      html:
        '<p>Dear {{ user.fullName }},</p><p>As you asked, attached is the complete record we keep about you (user.xml)' +
        '{% if letter.attachmentCount > 0 %} and the {{ letter.attachmentCount }} files attached to your account{% endif %}.</p>' +
        signOff,
    },
    fr: {
      subject: 'Les données personnelles que {{ institution.name }} conserve à votre sujet',
      html:
        '<p>Bonjour {{ user.fullName }},</p><p>Vous trouverez en pièce jointe l’ensemble des données que nous conservons à votre sujet (user.xml)' +
        '{% if letter.attachmentCount > 0 %} et les {{ letter.attachmentCount }} fichiers joints à votre compte{% endif %}.</p>' +
        signOff,
    },
  },
});

/** A generated PIN: the only place it appears in clear. */
export const pinNumberGeneration = defineLetterType({
  id: 'letters.pinNumberGeneration',
  name: 'PIN Number Generation letter',
  description: 'Sent when a PIN is generated for a user; the only place the PIN is shown.',
  optOut: false,
  customizable: true,
  sample: { pin: '1234' },
  templates: {
    en: {
      subject: 'Your new library PIN',
      html:
        '<p>Dear {{ user.fullName }},</p><p>Your new PIN for the self-check machines is <strong>{{ letter.pin }}</strong>.</p>' +
        '<p>Keep it to yourself: the library cannot show it to you again.</p>' +
        signOff,
    },
    fr: {
      subject: 'Votre nouveau code PIN',
      html:
        '<p>Bonjour {{ user.fullName }},</p><p>Votre nouveau code PIN pour les automates de prêt est <strong>{{ letter.pin }}</strong>.</p>' +
        signOff,
    },
  },
});

/** A balance stands in the way of deleting the user (the reference's "Notify User"); a copy goes to their attachments. */
export const userDeletion = defineLetterType({
  id: 'letters.userDeletion',
  name: 'User Deletion letter',
  description: 'Tells a user that their account is to be deleted and that a balance is still due.',
  optOut: false,
  customizable: true,
  sample: { balance: '25.50', currency: 'USD' },
  templates: {
    en: {
      subject: 'Your library account is to be closed',
      html:
        '<p>Dear {{ user.fullName }},</p><p>Your library account is to be closed, but a balance of ' +
        '{{ letter.balance }} {{ letter.currency }} is still due. Please settle it at any library desk.</p>' +
        signOff,
    },
  },
});

/** An invitation to sign in with a social or email account (the reference's Social Login Invite Letter). */
export const socialLoginInvitation = defineLetterType({
  id: 'letters.socialLoginInvitation',
  name: 'Social Login Invitation letter',
  description: 'Invites a user to link a social network or email account to sign in to the library.',
  optOut: false,
  customizable: true,
  sample: { signInUrl: 'https://library.example.org/sign-in' },
  templates: {
    en: {
      subject: 'Sign in to {{ institution.name }} with your own account',
      html:
        '<p>Dear {{ user.fullName }},</p><p>You can now sign in to the library with a social network or email account. ' +
        'Follow <a href="{{ letter.signInUrl }}">{{ letter.signInUrl }}</a> and choose the account to link.</p>' +
        signOff,
    },
  },
});
