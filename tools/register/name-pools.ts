// Name pools for synthetic residents and candidates. Earlier entries are drawn more often
// (roughly Zipf, see `rankWeights`), so frequent names like Müller or Yılmaz dominate as in reality.

export type Sex = 'm' | 'w';

/** Given names by birth cohort, so that a pensioner is called Helga and a pupil Mia. */
export type Cohort = 'born-before-1960' | 'born-1960-1989' | 'born-1990-or-later';

export type NamePool = {
  readonly familyNames: readonly string[];
  readonly givenNames: Readonly<Record<Sex, readonly string[]>>;
};

export const GERMAN_FAMILY_NAMES: readonly string[] = [
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann',
  'Schäfer', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann',
  'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Schmitt', 'Werner', 'Schmid', 'Krause', 'Maier',
  'Lehmann', 'Schulze', 'Köhler', 'Herrmann', 'König', 'Walter', 'Mayer', 'Huber', 'Kaiser', 'Fuchs',
  'Peters', 'Lang', 'Scholz', 'Möller', 'Weiß', 'Jung', 'Hahn', 'Schubert', 'Vogel', 'Friedrich',
  'Keller', 'Günther', 'Frank', 'Berger', 'Winkler', 'Roth', 'Beck', 'Lorenz', 'Baumann', 'Franke',
  'Albrecht', 'Schuster', 'Simon', 'Ludwig', 'Böhm', 'Winter', 'Kraus', 'Martin', 'Schumacher', 'Krämer',
  'Vogt', 'Stein', 'Jäger', 'Otto', 'Sommer', 'Groß', 'Seidel', 'Heinrich', 'Brandt', 'Haas',
  'Schreiber', 'Graf', 'Dietrich', 'Ziegler', 'Kuhn', 'Kühn', 'Pohl', 'Engel', 'Horn', 'Busch',
  'Bergmann', 'Thomas', 'Voigt', 'Sauer', 'Arnold', 'Wolff', 'Pfeiffer', 'Frey', 'Maurer', 'Bühler',
  'Eisele', 'Haug', 'Rapp', 'Dürr', 'Kienzle', 'Häberle', 'Wöhrle', 'Bäuerle', 'Schwäble', 'Nägele',
  'Straub', 'Götz', 'Hölzle', 'Kächele', 'Jäckle', 'Mößner', 'Riedle', 'Reichle', 'Knödler', 'Rößler',
  'Späth', 'Strauß', 'Voß', 'Meißner', 'Nußbaum', 'Preuß', 'Fritz', 'Glück', 'Würth', 'Schöllkopf',
];

/** Family names with the particle `von`; German registers keep it as part of the family name. */
export const GERMAN_NOBLE_FAMILY_NAMES: readonly string[] = [
  'von Stetten', 'von Gemmingen', 'von Hohenberg', 'von Berg', 'von der Au', 'von Lindenfels', 'von Wöllwarth', 'von Hornstein',
];

export const GERMAN_GIVEN_NAMES: Readonly<Record<Cohort, Readonly<Record<Sex, readonly string[]>>>> = {
  'born-before-1960': {
    m: [
      'Hans', 'Karl', 'Heinz', 'Günter', 'Werner', 'Helmut', 'Walter', 'Horst', 'Klaus', 'Dieter', 'Manfred', 'Gerhard',
      'Wolfgang', 'Jürgen', 'Rolf', 'Kurt', 'Erich', 'Siegfried', 'Rudolf', 'Otto', 'Friedrich', 'Hermann', 'Ernst',
      'Karl-Heinz', 'Hans-Peter', 'Hans-Jürgen', 'Eberhard', 'Gottlieb', 'Götz',
    ],
    w: [
      'Ursula', 'Helga', 'Gisela', 'Ingrid', 'Renate', 'Monika', 'Christa', 'Erika', 'Karin', 'Brigitte', 'Hannelore',
      'Elisabeth', 'Gertrud', 'Inge', 'Marianne', 'Edith', 'Waltraud', 'Rosemarie', 'Hildegard', 'Margarete', 'Irmgard',
      'Bärbel', 'Anneliese', 'Käthe', 'Liselotte', 'Marlies', 'Eva-Maria',
    ],
  },
  'born-1960-1989': {
    m: [
      'Thomas', 'Michael', 'Andreas', 'Stefan', 'Frank', 'Markus', 'Christian', 'Martin', 'Matthias', 'Jörg', 'Uwe',
      'Ralf', 'Oliver', 'Sven', 'Tobias', 'Daniel', 'Alexander', 'Florian', 'Sebastian', 'Jan', 'Björn', 'Dirk',
      'Torsten', 'Jens', 'Sören', 'Timo', 'Jörn', 'Kai-Uwe',
    ],
    w: [
      'Sabine', 'Petra', 'Andrea', 'Claudia', 'Susanne', 'Birgit', 'Nicole', 'Stefanie', 'Julia', 'Katrin', 'Anja',
      'Sandra', 'Melanie', 'Tanja', 'Christine', 'Kerstin', 'Silke', 'Heike', 'Nadine', 'Jessica', 'Daniela',
      'Simone', 'Anke', 'Bettina', 'Jana', 'Annegret', 'Ann-Kathrin',
    ],
  },
  'born-1990-or-later': {
    m: [
      'Lukas', 'Leon', 'Jonas', 'Finn', 'Paul', 'Luca', 'Elias', 'Noah', 'Ben', 'Felix', 'Maximilian', 'Niklas', 'Tim',
      'Moritz', 'Jakob', 'Emil', 'Julian', 'Philipp', 'Henry', 'Matteo', 'Theo', 'Anton', 'Louis', 'Till', 'Jannik',
      'Jan-Luca', 'Jörn-Ole',
    ],
    w: [
      'Marie', 'Sophie', 'Emma', 'Mia', 'Hannah', 'Lena', 'Lea', 'Emilia', 'Anna', 'Laura', 'Lina', 'Clara', 'Leonie',
      'Johanna', 'Lara', 'Ella', 'Sarah', 'Amelie', 'Charlotte', 'Mila', 'Greta', 'Paula', 'Anna-Lena', 'Lea-Sophie',
      'Zoë', 'Jördis', 'Smilla',
    ],
  },
};

/** Name pools of foreign nationals, keyed by pool id (see NATIONALITIES). */
export const FOREIGN_NAME_POOLS: Readonly<Record<string, NamePool>> = {
  tr: {
    familyNames: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Yıldırım', 'Öztürk', 'Aydın', 'Özdemir', 'Arslan', 'Doğan', 'Kılıç', 'Aslan', 'Çetin', 'Koç', 'Kurt', 'Özkan'],
    givenNames: {
      m: ['Mehmet', 'Mustafa', 'Ahmet', 'Ali', 'Hüseyin', 'Emre', 'Can', 'Murat', 'Yusuf', 'Burak', 'Hakan', 'Serkan', 'Ömer', 'Kerem'],
      w: ['Ayşe', 'Fatma', 'Emine', 'Zeynep', 'Elif', 'Hatice', 'Merve', 'Esra', 'Leyla', 'Derya', 'Büşra', 'Gül', 'Özlem', 'Sevgi'],
    },
  },
  it: {
    familyNames: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno', 'Gallo', 'Conti', 'De Luca', 'Costa', 'Lombardi'],
    givenNames: {
      m: ['Giuseppe', 'Giovanni', 'Antonio', 'Marco', 'Luca', 'Francesco', 'Alessandro', 'Andrea', 'Matteo', 'Salvatore', 'Niccolò'],
      w: ['Maria', 'Anna', 'Giulia', 'Francesca', 'Chiara', 'Sara', 'Laura', 'Valentina', 'Alessia', 'Elena', 'Lucrezia'],
    },
  },
  pl: {
    familyNames: ['Nowak', 'Wójcik', 'Kowalczyk', 'Woźniak', 'Mazur', 'Krawczyk', 'Kaczmarek', 'Zając', 'Król', 'Wieczorek', 'Wróbel', 'Dudek'],
    givenNames: {
      m: ['Piotr', 'Krzysztof', 'Tomasz', 'Paweł', 'Michał', 'Marcin', 'Jakub', 'Łukasz', 'Grzegorz', 'Wojciech'],
      w: ['Anna', 'Katarzyna', 'Małgorzata', 'Agnieszka', 'Magdalena', 'Joanna', 'Monika', 'Ewa', 'Zofia', 'Aleksandra'],
    },
  },
  ro: {
    familyNames: ['Popescu', 'Ionescu', 'Popa', 'Pop', 'Radu', 'Dumitru', 'Stan', 'Stoica', 'Gheorghe', 'Matei', 'Munteanu', 'Constantin', 'Șerban'],
    givenNames: {
      m: ['Andrei', 'Alexandru', 'Ion', 'Mihai', 'Gheorghe', 'Constantin', 'Adrian', 'Florin', 'Ștefan', 'Bogdan'],
      w: ['Maria', 'Elena', 'Ioana', 'Andreea', 'Mihaela', 'Ana', 'Cristina', 'Alina', 'Roxana', 'Gabriela'],
    },
  },
  balkan: {
    familyNames: ['Horvat', 'Kovačević', 'Babić', 'Marić', 'Jurić', 'Novak', 'Knežević', 'Vuković', 'Marković', 'Petrović', 'Jovanović', 'Hodžić', 'Ivanov', 'Georgiev', 'Dimitrov'],
    givenNames: {
      m: ['Ivan', 'Marko', 'Josip', 'Luka', 'Ante', 'Tomislav', 'Nikola', 'Stefan', 'Emir', 'Dragan', 'Georgi'],
      w: ['Ana', 'Ivana', 'Marija', 'Petra', 'Katarina', 'Maja', 'Jelena', 'Amra', 'Milica', 'Desislava'],
    },
  },
  gr: {
    familyNames: ['Papadopoulos', 'Georgiou', 'Nikolaidis', 'Dimitriou', 'Konstantinidis', 'Ioannidis', 'Vlachos', 'Oikonomou', 'Papageorgiou'],
    givenNames: {
      m: ['Georgios', 'Dimitrios', 'Konstantinos', 'Ioannis', 'Nikolaos', 'Christos', 'Panagiotis'],
      w: ['Maria', 'Eleni', 'Aikaterini', 'Vasiliki', 'Sofia', 'Georgia', 'Despoina'],
    },
  },
  arab: {
    familyNames: ['Ahmad', 'Hussein', 'Ali', 'Mohammad', 'Khalil', 'Haddad', 'Ibrahim', 'Hamdan', 'Saleh', 'Nasser', 'Al-Hassan', 'Karimi', 'Rahimi', 'Hashemi'],
    givenNames: {
      m: ['Mohammed', 'Ahmad', 'Omar', 'Khaled', 'Hassan', 'Yousef', 'Ali', 'Mahmoud', 'Mustafa', 'Farid', 'Jawad'],
      w: ['Fatima', 'Aisha', 'Maryam', 'Noor', 'Rania', 'Layla', 'Amina', 'Huda', 'Zahra', 'Samira'],
    },
  },
  ua: {
    familyNames: ['Kovalenko', 'Bondarenko', 'Tkachenko', 'Shevchenko', 'Kravchenko', 'Melnyk', 'Boyko', 'Koval', 'Oliynyk', 'Lysenko', 'Ivanov', 'Smirnov', 'Popov'],
    givenNames: {
      m: ['Oleksandr', 'Serhii', 'Andrii', 'Dmytro', 'Volodymyr', 'Maksym', 'Artem', 'Sergej', 'Dmitri'],
      w: ['Olena', 'Tetiana', 'Nataliia', 'Iryna', 'Oksana', 'Yuliia', 'Anastasiia', 'Swetlana', 'Jelena'],
    },
  },
  iberian: {
    familyNames: ['García', 'Fernández', 'González', 'Rodríguez', 'López', 'Martínez', 'Silva', 'Santos', 'Ferreira', 'Pereira', 'Oliveira', 'Costa'],
    givenNames: {
      m: ['José', 'Antonio', 'Manuel', 'Javier', 'João', 'Pedro', 'Miguel', 'Tiago'],
      w: ['María', 'Carmen', 'Lucía', 'Ana', 'Inês', 'Beatriz', 'Sofía', 'Mariana'],
    },
  },
  fr: {
    familyNames: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Lefèvre', 'Moreau'],
    givenNames: {
      m: ['Jean', 'Pierre', 'Louis', 'Hugo', 'Mathieu', 'Julien', 'Théo', 'François'],
      w: ['Marie', 'Camille', 'Léa', 'Chloé', 'Manon', 'Élodie', 'Céline', 'Amélie'],
    },
  },
  en: {
    familyNames: ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Taylor', 'Wilson', 'Evans', "O'Brien"],
    givenNames: {
      m: ['James', 'John', 'Robert', 'Michael', 'David', 'William', 'Thomas', 'Oliver', 'Harry'],
      w: ['Mary', 'Jennifer', 'Emily', 'Sarah', 'Jessica', 'Olivia', 'Charlotte', 'Amelia'],
    },
  },
  in: {
    familyNames: ['Sharma', 'Patel', 'Kumar', 'Singh', 'Reddy', 'Iyer', 'Nair', 'Gupta', 'Rao'],
    givenNames: {
      m: ['Rahul', 'Arjun', 'Vikram', 'Amit', 'Sanjay', 'Rohan', 'Karthik'],
      w: ['Priya', 'Ananya', 'Lakshmi', 'Divya', 'Kavya', 'Neha', 'Pooja'],
    },
  },
  cn: {
    familyNames: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou'],
    givenNames: {
      m: ['Wei', 'Jun', 'Hao', 'Lei', 'Tao', 'Yong', 'Jie'],
      w: ['Xiu Ying', 'Li Na', 'Fang', 'Jing', 'Min', 'Yan', 'Ling'],
    },
  },
  hu: {
    familyNames: ['Nagy', 'Kovács', 'Tóth', 'Szabó', 'Horváth', 'Varga', 'Kiss', 'Molnár', 'Németh'],
    givenNames: {
      m: ['László', 'István', 'József', 'Zoltán', 'Gábor', 'Péter', 'Bence'],
      w: ['Mária', 'Erzsébet', 'Katalin', 'Éva', 'Zsófia', 'Anna', 'Réka'],
    },
  },
  nl: {
    familyNames: ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Janssen', 'Visser', 'Smit'],
    givenNames: {
      m: ['Daan', 'Sem', 'Bram', 'Lucas', 'Jeroen', 'Pieter', 'Thijs'],
      w: ['Emma', 'Julia', 'Sanne', 'Fleur', 'Anouk', 'Lotte', 'Femke'],
    },
  },
};

/** Weights that fall with the rank: the first name of a pool about 4× as often as the last of 30. */
export function rankWeights(count: number): number[] {
  return Array.from({ length: count }, (_, rank) => 1 / (rank + 8));
}

export function cohortOf(birthYear: number): Cohort {
  if (birthYear < 1960) return 'born-before-1960';
  if (birthYear < 1990) return 'born-1960-1989';
  return 'born-1990-or-later';
}
