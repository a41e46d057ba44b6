/** Name and street data for fictitious people and addresses (comma-separated to keep the file short). */

const list = (csv: string): readonly string[] => csv.split(', ');

export type Sex = 'female' | 'male';

export interface OriginNames {
  female: readonly string[];
  male: readonly string[];
  family: readonly string[];
}

/** Given names common among Dutch people born before about 1985. */
export const OLDER_DUTCH: Readonly<Record<Sex, readonly string[]>> = {
  female: list(
    'Maria, Johanna, Anna, Wilhelmina, Cornelia, Elisabeth, Petronella, Hendrika, Monique, Sandra, Petra, Ingrid, Marian, Anita, Patricia, Yvonne, Linda, Jolanda, Esther, Marjolein, Karin, Wendy, Miranda, Sabine, Bianca, Astrid, Mariska, Ilse, Daniëlle, Chantal',
  ),
  male: list(
    'Johannes, Cornelis, Hendrik, Petrus, Jan, Gerrit, Willem, Peter, Marcel, Erik, Robert, Richard, Ronald, Patrick, Edwin, René, Arjan, Dennis, Jeroen, Martin, Frank, Mark, Michel, Hans, Kees, Wim, Ton, Rob, Sander, Remco',
  ),
};

/** Names of migrant backgrounds that are common among bijstand recipients in Dutch cities. */
export const ORIGINS: Readonly<Record<string, OriginNames>> = {
  moroccan: {
    female: list(
      'Fatima, Khadija, Naima, Samira, Malika, Hanan, Nadia, Souad, Latifa, Zineb, Imane, Yasmina, Houda, Loubna, Salma',
    ),
    male: list(
      'Mohamed, Ahmed, Mustafa, Abdelkader, Rachid, Youssef, Said, Hassan, Karim, Khalid, Nordin, Bilal, Anouar, Hamza, Ilias',
    ),
    family: list(
      'El Amrani, Bouzid, Benali, Ouali, Azzouzi, El Khattabi, Boukhari, Haddouchi, Tahiri, El Ouardi, Ait Brahim, Bakkali, Chaouch, Ziani, Akhiat, El Hamdaoui, Aouragh',
    ),
  },
  turkish: {
    female: list('Ayşe, Fatma, Emine, Hatice, Zeynep, Elif, Merve, Büşra, Hülya, Sevgi, Derya, Gül'),
    male: list('Mehmet, Mustafa, Ahmet, Ali, Hüseyin, Hasan, İbrahim, Murat, Emre, Burak, Kemal, Osman'),
    family: list(
      'Yılmaz, Kaya, Demir, Şahin, Çelik, Yıldız, Öztürk, Aydın, Arslan, Doğan, Koç, Kurt, Özdemir, Aslan, Polat',
    ),
  },
  caribbean: {
    female: list(
      'Shirley, Sharon, Rachelle, Jennifer, Priscilla, Natasja, Sherida, Ghislaine, Angelique, Ruth',
    ),
    male: list('Roy, Ricardo, Glenn, Marlon, Orlando, Edson, Clarence, Rudy, Romano, Delano'),
    family: list(
      'Pinas, Wijngaarde, Sedney, Kanhai, Ramdin, Jadnanansing, Martina, Coffie, Doelwijt, Biswamitre, Pengel, Balker, Lachman, Sital, Mahabier',
    ),
  },
  middleEastern: {
    female: list('Rasha, Amal, Hiba, Nour, Lina, Rana, Huda, Maryam, Zahra, Farida'),
    male: list('Ahmad, Omar, Khaled, Mahmoud, Yasser, Ammar, Bashar, Tarek, Samer, Hamid, Reza'),
    family: list(
      'Al-Hassan, Haddad, Khalil, Hamdan, Nasser, Suleiman, Darwish, Mansour, Othman, Hosseini, Ahmadi, Rahimi, Karimi, Qasim',
    ),
  },
  eastAfrican: {
    female: list('Semhar, Selam, Helen, Yordanos, Mebrat, Saba, Hodan, Amina, Fadumo, Luula'),
    male: list('Yonas, Dawit, Tesfay, Filmon, Mehari, Biniam, Abdi, Abdirahman, Hassan, Mohamed'),
    family: list(
      'Tesfamariam, Haile, Gebremedhin, Kidane, Berhane, Tekle, Ghebreyesus, Abraha, Warsame, Farah, Hussein, Abdullahi, Mohamud',
    ),
  },
  polish: {
    female: list('Anna, Katarzyna, Magdalena, Agnieszka, Monika, Joanna, Ewa'),
    male: list('Piotr, Tomasz, Krzysztof, Paweł, Marek, Andrzej, Łukasz'),
    family: list(
      'Kowalski, Nowak, Wiśniewski, Wójcik, Kamiński, Lewandowski, Zieliński, Szymański, Dąbrowski',
    ),
  },
};

/** Share of residents by the origin of their name; 'dutch' names come from faker's Dutch locale. */
export const ORIGIN_WEIGHTS: readonly (readonly [string, number])[] = [
  ['dutch', 50],
  ['moroccan', 16],
  ['turkish', 9],
  ['caribbean', 7],
  ['middleEastern', 8],
  ['eastAfrican', 5],
  ['polish', 5],
];

export const STREET_STEMS: readonly string[] = list(
  'Merel, Lijster, Spreeuw, Kievit, Zwaluw, Reiger, Eiken, Beuken, Linden, Esdoorn, Wilgen, Populieren, Kastanje, Berken, Rozen, Tulpen, Narcissen, Jasmijn, Rembrandt, Vermeer, Frans Hals, Van Gogh, Mondriaan, Jan Steen, Vondel, Bilderdijk, Multatuli, Tollens, Bredero, Hooft, Huygens, Spinoza, Erasmus, Thorbecke, Mozart, Schubert, Chopin, Rijn, Maas, Waal, IJssel, Vecht, Amstel, Lek, Donau, Tigris, Eufraat, Theems, Wolga, Zamenhof, Kaatsbaan, Molen, Kerk, School, Stations, Haven, Sluis, Dorps, Burgemeester, Zuster',
);

export const STREET_SUFFIXES: readonly (readonly [string, number])[] = [
  ['straat', 40],
  ['laan', 20],
  ['weg', 12],
  ['plein', 5],
  ['hof', 6],
  ['singel', 5],
  ['kade', 4],
  ['dreef', 5],
  ['plantsoen', 3],
];
