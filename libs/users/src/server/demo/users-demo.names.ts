/** Given and family names of one naming culture, for demo users; given names carry F or M. */
export interface DemoNameCulture {
  readonly country: string;
  /** A city there, for the home address of students from abroad. */
  readonly city: string;
  readonly given: readonly (readonly [name: string, sex: 'F' | 'M'])[];
  readonly family: readonly string[];
  /** Anglicised names some people of this culture go by. */
  readonly preferred?: readonly string[];
}

/** Names from several cultures, diacritics included, so that search and sorting meet real data. */
export const demoNameCultures: readonly DemoNameCulture[] = [
  {
    country: 'USA',
    city: 'Buffalo',
    given: [
      ['James', 'M'],
      ['Emily', 'F'],
      ['Michael', 'M'],
      ['Olivia', 'F'],
      ['William', 'M'],
      ['Madison', 'F'],
      ['Tyler', 'M'],
      ['Hannah', 'F'],
    ],
    family: ['Smith', 'Johnson', 'Williams', 'Brown', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Moore'],
  },
  {
    country: 'IRL',
    city: 'Cork',
    given: [
      ['Siobhán', 'F'],
      ['Seán', 'M'],
      ['Aoife', 'F'],
      ['Pádraig', 'M'],
      ['Niamh', 'F'],
      ['Ciarán', 'M'],
    ],
    family: ["O'Brien", "O'Connor", 'Murphy', 'Ó Súilleabháin', 'Kelly', "O'Neill", 'Byrne'],
  },
  {
    country: 'NOR',
    city: 'Bergen',
    given: [
      ['Ingrid', 'F'],
      ['Håkon', 'M'],
      ['Solveig', 'F'],
      ['Bjørn', 'M'],
      ['Åse', 'F'],
      ['Ørjan', 'M'],
    ],
    family: ['Ødegård', 'Kristiansen', 'Haugen', 'Bråten', 'Lie', 'Sæther', 'Løvås'],
  },
  {
    country: 'DEU',
    city: 'Leipzig',
    given: [
      ['Jürgen', 'M'],
      ['Käthe', 'F'],
      ['Lukas', 'M'],
      ['Lea', 'F'],
      ['Matthias', 'M'],
      ['Jörg', 'M'],
    ],
    family: ['Müller', 'Schröder', 'Weiß', 'Schmidt', 'Groß', 'Köhler', 'Fischer'],
  },
  {
    country: 'ESP',
    city: 'Salamanca',
    given: [
      ['José', 'M'],
      ['María', 'F'],
      ['Lucía', 'F'],
      ['Andrés', 'M'],
      ['Inés', 'F'],
      ['Álvaro', 'M'],
    ],
    family: ['García', 'Núñez', 'Fernández', 'López', 'Martínez', 'Ibáñez', 'Sánchez'],
  },
  {
    country: 'VNM',
    city: 'Huế',
    given: [
      ['Minh', 'M'],
      ['Thảo', 'F'],
      ['Huy', 'M'],
      ['Ngọc', 'F'],
      ['Dũng', 'M'],
      ['Phương', 'F'],
    ],
    family: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Võ', 'Đặng'],
    preferred: ['Kevin', 'Lily', 'Tony', 'Anna', 'David', 'Vivian'],
  },
  {
    country: 'POL',
    city: 'Kraków',
    given: [
      ['Łukasz', 'M'],
      ['Zofia', 'F'],
      ['Paweł', 'M'],
      ['Małgorzata', 'F'],
      ['Wojciech', 'M'],
      ['Agnieszka', 'F'],
    ],
    family: ['Kowalski', 'Wiśniewska', 'Wójcik', 'Zieliński', 'Nowak', 'Lewandowska', 'Dąbrowski'],
  },
  {
    country: 'NGA',
    city: 'Ibadan',
    given: [
      ['Chiamaka', 'F'],
      ['Adebayo', 'M'],
      ['Ngozi', 'F'],
      ['Oluwaseun', 'M'],
      ['Folake', 'F'],
      ['Emeka', 'M'],
    ],
    family: ['Okafor', 'Adeyemi', 'Eze', 'Okonkwo', 'Balogun', 'Nwosu'],
    preferred: ['Seun', 'Chi', 'Bayo'],
  },
  {
    country: 'CHN',
    city: 'Chengdu',
    given: [
      ['Wei', 'M'],
      ['Xiaoling', 'F'],
      ['Jun', 'M'],
      ['Mei', 'F'],
      ['Hao', 'M'],
      ['Yan', 'F'],
    ],
    family: ['Zhang', 'Wang', 'Chen', 'Liu', 'Zhao', 'Huang'],
    preferred: ['Kevin', 'Grace', 'Jason', 'Cindy'],
  },
  {
    country: 'IND',
    city: 'Chennai',
    given: [
      ['Priya', 'F'],
      ['Arjun', 'M'],
      ['Ananya', 'F'],
      ['Rohan', 'M'],
      ['Lakshmi', 'F'],
      ['Vikram', 'M'],
    ],
    family: ['Patel', 'Raghunathan', 'Iyer', 'Sharma', 'Reddy', 'Chatterjee'],
  },
  {
    country: 'TUR',
    city: 'İzmir',
    given: [
      ['Ayşe', 'F'],
      ['Mehmet', 'M'],
      ['Çağla', 'F'],
      ['Oğuz', 'M'],
      ['Gülşen', 'F'],
      ['İbrahim', 'M'],
    ],
    family: ['Yılmaz', 'Çelik', 'Şahin', 'Öztürk', 'Kılıç', 'Doğan'],
  },
  {
    country: 'FRA',
    city: 'Lyon',
    given: [
      ['Zoé', 'F'],
      ['Benoît', 'M'],
      ['Hélène', 'F'],
      ['Jérôme', 'M'],
      ['Chloé', 'F'],
      ['François', 'M'],
    ],
    family: ['Lefèvre', 'Dubois', 'Moreau', 'Girard', 'Bérard', 'Rousseau'],
  },
  {
    country: 'LBN',
    city: 'Beirut',
    given: [
      ['Fatima', 'F'],
      ['Karim', 'M'],
      ['Layla', 'F'],
      ['Rami', 'M'],
      ['Nour', 'F'],
      ['Ziad', 'M'],
    ],
    family: ['Haddad', 'Al-Khouri', 'Nassar', 'Khalil', 'Saad'],
  },
  {
    country: 'JPN',
    city: 'Sendai',
    given: [
      ['Yuki', 'F'],
      ['Haruto', 'M'],
      ['Sakura', 'F'],
      ['Kenji', 'M'],
      ['Aiko', 'F'],
      ['Takumi', 'M'],
    ],
    family: ['Tanaka', 'Satō', 'Suzuki', 'Takahashi', 'Itō', 'Watanabe'],
  },
];

/** Middle names a few users have. */
export const demoMiddleNames: readonly string[] = [
  'Anne',
  'Marie',
  'José',
  'Lee',
  'Elisabeth',
  'Thanh',
  'Kofi',
  'Rose',
  'Alexander',
];

/** Streets, towns and postcodes near the demo university (fictional, in New York State). */
export const demoStreets: readonly string[] = [
  'Maple Avenue',
  'College Street',
  'Elm Street',
  'Riverside Drive',
  'Library Lane',
  'Hillcrest Road',
  'Oak Court',
  'Main Street',
];
export const demoTowns: readonly (readonly [town: string, postalCode: string])[] = [
  ['Ithaca', '14850'],
  ['Albany', '12203'],
  ['Syracuse', '13210'],
  ['Rochester', '14607'],
  ['Binghamton', '13902'],
];

/** Fictional vendors whose contacts the library keeps. */
export const demoVendors: readonly (readonly [name: string, domain: string])[] = [
  ['Northwind Books', 'northwind-books.example'],
  ['Fjord Subscriptions', 'fjord-subscriptions.example'],
  ['Atlas Periodicals', 'atlas-periodicals.example'],
  ['Meridian Databases', 'meridian-db.example'],
  ['Harbor Binding Co.', 'harbor-binding.example'],
];
