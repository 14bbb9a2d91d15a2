//! The given-name equivalence dictionary: one name in its Belarusian, Russian, Ukrainian,
//! Polish and English forms (Аляксандр = Александр = Алесь = Alexander …), and the short
//! and familiar forms people are called by in the press and in letters (Саша, Sasha, Sania,
//! Валодзя, Volodia, Kasia, Sveta, Mascha …), each short form with the page it is from.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::{normalise, token};

/// Given names that are one name in another language or form. Each line is one class; a
/// token joins a class when one of its skeleton keys equals a key of a form listed. The
/// full-form lines are the team's, after NAMES.md §2.2 and §6.5.
pub const GIVEN_NAMES: &[&str] = &[
    "Аляксандр Александр Алесь Алесь Алексанр Alexander Aleksandr Aliaksandr Alyaksandr Ales Aleś Alaksandr Саша Sasha Олександр Oleksandr Alexandre",
    "Дзмітрый Дмитрий Зміцер Змiцер Dzmitry Dzmitryi Dmitry Dmitri Dmitriy Zmitser Zmicier Дмитро Dmytro",
    "Уладзімір Владимир Uladzimir Vladimir Uładzimir Władzimir Володимир Volodymyr Валодзя",
    "Мікалай Николай Mikalai Mikalaj Nikolai Nikolay Мікола Микола Mikola Mykola Nicholas",
    "Янка Ян Иван Іван Ivan Ian Yan Jan Janka Yanka Ivan",
    "Алег Олег Aleh Aleg Oleg Oleh",
    "Сяргей Сергей Siarhei Siarhiej Syarhey Sergei Sergey Serhii Сергій Serhiy",
    "Ігар Игорь Ihar Igor Ігор Ihor",
    "Міхаіл Міхась Михаил Mikhail Michael Mikhas Michaś Міхал Mikhal Михайло Mykhailo",
    "Павел Павал Pavel Paval Paul Павло Pavlo Pavał",
    "Марыя Мария Maria Maryia Mariya Марія Mariia Maryja",
    "Святлана Светлана Sviatlana Svetlana Sviatłana Sviatlana Sveta Света",
    "Віктар Виктор Viktar Viktor Victor Віктор",
    "Юрый Юрий Yury Yuri Yurii Yuriy Jury Jurij Юрась Yuras Юрій",
    "Андрэй Андрей Andrei Andrey Andrew Andrej Андрій Andrii Andrzej Анджэй",
    "Анастасія Анастасия Anastasia Anastasiya Nastya Настя Наста Nasta",
    "Кацярына Екатерина Katsiaryna Katsyaryna Kaciaryna Ekaterina Yekaterina Katerina Katya Каця Катерина Kateryna",
    "Максім Максим Maksim Maxim Maksym Максім",
    "Васіль Василий Vasil Vasily Vasiliy Vasyl Васіль Василь",
    "Аляксей Алексей Aliaksei Alyaksey Alexei Alexey Aleksei Aleksey Олексій Oleksii",
    "Ілья Илья Ilya Illia Ілля Ilja",
    "Яўген Евгений Yauhen Jaŭhien Evgeny Evgenii Yevgeny Yevgeniy Eugene Євген Yevhen",
    "Яўгенія Евгения Yevgenia Evgenia Evgeniya Yauheniya Jaŭhienija Yevheniia Zhenya Женя",
    "Наталля Наталья Natallia Natalia Natalya Natallja Наталія Nataliia",
    "Вольга Ольга Volha Olga Volga Вольга Olha",
    "Таццяна Татьяна Tatsiana Tatsyana Tatiana Tatyana Tacciana Тетяна Tetiana",
    "Алена Елена Alena Alyona Elena Yelena Helen Helena Олена Olena",
    "Ірына Ирина Iryna Irina Iryna",
    "Марына Марина Maryna Marina",
    "Сцяпан Степан Stsiapan Styapan Stepan Sciapan",
    "Раман Роман Raman Roman",
    "Уладзіслаў Владислав Uladzislau Vladislav Uładzisłaŭ",
    "Эдуард Eduard Edward Edvard",
    "Рыгор Григорий Ryhor Grigory Grigoriy Hryhoriy Рыгор",
    "Валянцін Валентин Valiantsin Valyantsin Valentin Valentyn",
    "Паліна Полина Palina Polina",
    "Людміла Людмила Liudmila Lyudmila Ludmila Ludmiła",
    "Вераніка Вероника Veranika Veronika",
    "Кірыл Кирилл Kiryl Kirill Kyrylo",
    "Дзяніс Денис Dzianis Dzyanis Denis Denys",
    "Антон Anton",
    // Ганна/Анна, for the short form Аня below.
    "Ганна Анна Hanna Anna",
    "Яна Yana Jana",
    "Ксенія Ксения Kseniya Ksenia Ksenija Ксенія",
    "Лявон Леонид Лёня Lyavon Liavon Leanid Leonid",
    "Мікіта Никита Mikita Nikita Mykyta",
    "Вадзім Вадим Vadzim Vadim Vadym",
    "Станіслаў Станислав Stanislau Stanislav",
    "Генадзь Геннадий Henadz Hienadz Gennady Gennadiy",
    "Францішак Франтишек Frantsishak Franciszek",
    // Javier is the Spanish form of Xavier (French, Catalan, English), Xabier the Basque:
    // http://the-uncensored-wiki.com:20072/j/a/v/Javier_%28name%29.html (Wikipedia's
    // "Javier (name)"); https://legitbabenames.wordpress.com/category/javier/ (Ksawery,
    // Ксавьер). Venezuela's press writes Javier Tarazona as "Xavier Tarazona".
    "Хавьер Javier Xavier Xabier Ксавье Ксавьер Ksawery",
];

/// Short and familiar forms: (a form of the class they join, the short forms, the source).
/// A short form whose skeleton is shorter than three letters ("Vova", "Dima", "Kasia")
/// joins its class only when spelled as listed (folded): its skeleton alone would match
/// too much.
pub const SHORT_FORMS: &[(&str, &str, &str)] = &[
    ("Аляксандр", "Саша Sasha Sashka Сашка Шура Shura", "https://www.gw2ru.com/education/244213-russian_ltext/amp; http://www.babynamesfromyesteryear.com/2012/05/name-loves-fabulous-russians.html"),
    ("Аляксандр", "Саня Sanya Sania Sania", "https://behindthename.com/bb/nav.php?board=all&dir=prev&id=3276696"),
    ("Аляксандр", "Алелька Алехна Alehna", "http://takzovut.ru/belorus-names-all.html"),
    ("Аляксандр", "Alex Olek Алесь", "https://allthetropes.fandom.com/wiki/Russian_Naming_Convention; https://mamotoja.pl/rodzina/imiona/zdrobnienia-imion-zenskich-i-meskich-28240-r1/"),
    ("Сяргей", "Серёжа Seryozha Seriozha Сяржук Siarzhuk", "https://www.gw2ru.com/education/244213-russian_ltext/amp; https://kurjer.info/2013/07/11/nazavu-dzicya-pa-belarusku-11-17-lipenya/"),
    ("Иван", "Ваня Vanya Vania Ясь Yas", "https://www.gw2ru.com/education/244213-russian_ltext/amp; https://kurjer.info/2013/07/11/nazavu-dzicya-pa-belarusku-11-17-lipenya/"),
    ("Уладзімір", "Вова Vova Володя Volodya Volodia Валодзя Valodzia", "https://www.gw2ru.com/education/244213-russian_ltext/amp; http://goeasteurope.about.com/od/russianculture/a/russiannicknamesanddiminutives.htm"),
    ("Міхаіл", "Миша Misha Міша Місь", "https://www.gw2ru.com/education/244213-russian_ltext/amp; http://www2.polskieradio.pl/eo/dokument.aspx?iid=31949"),
    ("Марыя", "Маша Masha Mascha Маруся Marusya Manya", "https://www.gw2ru.com/education/244213-russian_ltext/amp; https://claudia-roth.de/vier-jahre-haft-volle-solidaritaet-mit-maria-kalesnikava/"),
    ("Наталля", "Наташа Natasha Natascha", "https://www.gw2ru.com/education/244213-russian_ltext/amp; https://community.lingopie.com/t/russian-diminutives/1330"),
    ("Анастасія", "Стася Stasya", "https://community.lingopie.com/t/russian-diminutives/1330"),
    ("Вольга", "Оля Olya Olia", "https://www.gw2ru.com/education/244213-russian_ltext/amp"),
    ("Дзмітрый", "Дима Dima Дзіма Митя Mitya Mitia", "https://community.lingopie.com/t/russian-diminutives/1330; http://goeasteurope.about.com/od/russianculture/a/russiannicknamesanddiminutives.htm"),
    ("Таццяна", "Таня Tania Tanya", "https://community.lingopie.com/t/russian-diminutives/1330"),
    ("Павел", "Паша Pasha Pavlik Паўлік", "https://community.lingopie.com/t/russian-diminutives/1330; https://kurjer.info/2013/07/11/nazavu-dzicya-pa-belarusku-11-17-lipenya/"),
    ("Максім", "Max Макс Maks", "https://community.lingopie.com/t/russian-diminutives/1330"),
    ("Кацярына", "Катя Katya Katia Kasia Кася Kaśka", "https://allthetropes.fandom.com/wiki/Russian_Naming_Convention; http://www.xn--kaka-m5a.waw.pl/zdrobnienia-skroty-przezwiska/"),
    ("Алена", "Лена Lena Alyona Aliona Аленка", "http://momfromanothercountry.blogspot.com/2010/03/nickname-from-russia.html; http://www.babynamesfromyesteryear.com/2012/05/name-loves-fabulous-russians.html"),
    ("Святлана", "Svyeta Света Sveta", "http://devushkadiary.blogspot.com/2011/03/name-game.html"),
    ("Аляксей", "Алёша Alyosha Aliosha Lyosha", "http://devushkadiary.blogspot.com/2011/03/name-game.html; https://behindthename.com/bb/nav.php?board=all&dir=prev&id=3276696"),
    ("Андрэй", "Андруша Andrusha Андрусь Андруш Andrus", "http://devushkadiary.blogspot.com/2011/03/name-game.html; https://kurjer.info/2013/07/11/nazavu-dzicya-pa-belarusku-11-17-lipenya/"),
    ("Юрый", "Юрка Yurka Юрцік", "http://www2.polskieradio.pl/eo/dokument.aspx?iid=31949"),
    ("Антон", "Анцік Антук Antuk", "http://www2.polskieradio.pl/eo/dokument.aspx?iid=31949"),
    ("Антон", "Антось Antos", "https://www.svaboda.org/a/1603370.html"),
    ("Ганна", "Аня Anya Ania", "https://www.gw2ru.com/education/244213-russian_ltext/amp"),
];

fn class_of(form: &str) -> Option<u16> {
    GIVEN_NAMES
        .iter()
        .position(|line| line.split_whitespace().any(|f| f == form))
        .map(|c| c as u16)
}

fn forms() -> impl Iterator<Item = (u16, &'static str)> {
    GIVEN_NAMES
        .iter()
        .enumerate()
        .flat_map(|(class, line)| line.split_whitespace().map(move |f| (class as u16, f)))
        .chain(SHORT_FORMS.iter().flat_map(|(full, short, _)| {
            let class = class_of(full).expect("a short form names a listed full form");
            short.split_whitespace().map(move |f| (class, f))
        }))
}

fn push(map: &mut HashMap<String, Vec<u16>>, key: String, class: u16) {
    let v = map.entry(key).or_default();
    if !v.contains(&class) {
        v.push(class);
    }
}

/// Skeleton key → given-name classes.
pub(super) fn dictionary() -> &'static HashMap<String, Vec<u16>> {
    static DICT: OnceLock<HashMap<String, Vec<u16>>> = OnceLock::new();
    DICT.get_or_init(|| {
        let mut map: HashMap<String, Vec<u16>> = HashMap::new();
        for (class, form) in forms() {
            let t = token(&normalise(form));
            if t.keys.iter().all(|k| k.chars().count() < 3) {
                continue;
            }
            for key in t.keys {
                push(&mut map, key, class);
            }
        }
        map
    })
}

/// Folded reading → given-name classes, for the forms too short to match by skeleton.
pub(super) fn exact() -> &'static HashMap<String, Vec<u16>> {
    static EXACT: OnceLock<HashMap<String, Vec<u16>>> = OnceLock::new();
    EXACT.get_or_init(|| {
        let mut map: HashMap<String, Vec<u16>> = HashMap::new();
        for (class, form) in forms() {
            let t = token(&normalise(form));
            if t.keys.iter().all(|k| k.chars().count() < 3) {
                for r in t.readings {
                    push(&mut map, r, class);
                }
            }
        }
        map
    })
}
