# Беларускі каталог vigil. Тыя самыя ключы, што ў en/main.ftl і ru/main.ftl. Лікі
# прыходзяць ужо адфарматаванымі ($NAME), іх форма множнага ліку, выбраная ICU4X, —
# у $NAME_form (one, few, many, other).

## Рамка кожнай старонкі

nav-dashboard = Зводка
nav-persons = Людзі
nav-editors = Рэдактарам
language = Мова
footer-computed = Разлічана па запісе журнала { $entries }, хэш { $head }…. Любую лічбу можна ўзнавіць з { $asof }.

## Зводка

held-today-title = Палітвязні ў зняволенні сёння
held-bounds = ад { $min } дакладна да { $max } магчыма ў зняволенні, дзе даты вядомыя толькі да месяца або года
# Без кропкі напрыканцы: дата заканчваецца на «г.».
held-today-note = Прызнаныя палітвязні пад вартай на { $day }
reported-figures = Апублікаваныя лічбы
figure-in-country = у краіне: { $country }
figure-as-of = на { $date }
held-over-time = Колькасць у зняволенні па часе
chart-legend = Лінія: асноўная лічба. Паласа: ад дакладна да магчыма ў зняволенні. Меткі: аб'явы (памілаванні, амністыі); выберыце метку, каб адкрыць аб'яву.
chart-title = Палітвязні ў зняволенні, з { $from } па { $to }
chart-label = Колькасць палітвязняў у зняволенні па часе
chart-empty = Для графіка не хапае даных.
waves-in-year = Хвалі памілаванняў у { $year } годзе
count-waves = { $n_form ->
    [one] { $n } хваля
    [few] { $n } хвалі
    [many] { $n } хваляў
   *[other] { $n } хвалі
}
count-persons = { $n_form ->
    [one] { $n } чалавек
    [few] { $n } чалавекі
    [many] { $n } чалавек
   *[other] { $n } чалавека
}
col-ordinal = №
col-date = дата
col-count = колькасць
col-running-total = усяго з пачатку года
col-breakdown = склад
col-identified = апазнаныя
col-month = месяц
col-name = імя
col-country = краіна
col-status = статус
col-event = падзея
col-details = падрабязнасці
col-sources = крыніцы
in-and-out = Затрыманыя і вызваленыя
flow-summary = З { $from } па { $to }: затрыманыя — { $detained }, прызнаныя — { $recognized }, памілаваныя — { $pardoned }
flow-ratio = на аднаго памілаванага прызнана { $ratio }
from = з
to = па
show = Паказаць
who-held-today = Хто ў зняволенні сёння
by-sex = Па полу
by-age = Па ўзросце
by-role = Па родзе заняткаў
by-region = Па рэгіёне
fewer-than = менш за { $n }
previous-year = ← { $year }
next-year = { $year } →

## Людзі

persons-title = Людзі
filter-name = Імя
filter-name-hint = у любым напісанні
filter-country = Краіна
filter-status = Статус
filter-role = Род заняткаў
filter-role-hint = напрыклад, журналіст
filter-any = любы
filter-button = Адабраць
status-today = Статус сёння:
names = Імёны
timeline = Храналогія
roles-none = няма
link-announcement = аб'ява
term-months = { $n_form ->
    [one] { $n } месяц
    [few] { $n } месяцы
    [many] { $n } месяцаў
   *[other] { $n } месяца
}
yes = так
no = не
name-transliterated = транслітарацыя

## Аб'явы

announcement-title = { $kind } ад { $date }
issued-by = Абвясціў(-ла): { $issuer }.
names-not-disclosed = імёны не раскрытыя
breakdown = Склад
official-claims = Афіцыйныя заявы
claims-note = Заявы таго, хто абвясціў, запісаныя як заявы, а не як правераныя факты.
identified-so-far = Апазнаныя пакуль: { $n }
identified-of-total = Апазнаныя пакуль: { $n } з { $total }
identified-not-shown = { $n_form ->
    [one] { $n } апазнаны чалавек не паказаны публічна.
    [few] { $n } апазнаныя чалавекі не паказаныя публічна.
    [many] { $n } апазнаных чалавек не паказаныя публічна.
   *[other] { $n } апазнанага чалавека не паказаныя публічна.
}
sources = Крыніцы

## Звесткі пра чалавека

fact-sex = пол
fact-birth_date = дата нараджэння
fact-country = краіна
fact-region = рэгіён
fact-roles = род заняткаў

## Слоўнік: кожнае значэнне перакладзена адзін раз і ўжываецца ўсюды

status-held = у зняволенні
status-released = вызвалены(-ая)
status-not_detained = не затрымліваўся(-лася)
step-day = дзень
step-week = тыдзень
step-month = месяц
sex-female = жаночы
sex-male = мужчынскі
sex-other = іншы
sex-unknown = невядомы
visibility-public = адкрыта
visibility-restricted = абмежавана
visibility-confidential = канфідэнцыйна
health-disability = інваліднасць
health-chronic_illness = хранічная хвароба
event-kind-detained = затрыманне
event-kind-charged = абвінавачанне
event-kind-sentenced = прысуд
event-kind-recognized = прызнаны(-ая) палітвязнем
event-kind-recognition_withdrawn = статус палітвязня зняты
event-kind-transferred = этапаванне
event-kind-conditions = умовы ўтрымання
event-kind-released = вызваленне
event-kind-pardoned = памілаванне
event-kind-exiled = высылка
event-kind-harassed = пераслед
event-kind-died_in_custody = смерць пад вартай
event-kind-disappeared = знікненне
release-reason-end_of_term = сканчэнне тэрміну
release-reason-pardon = памілаванне
release-reason-amnesty = амністыя
release-reason-acquittal = апраўданне
release-reason-deported = высылка
release-reason-conditional = умоўна-датэрміновае вызваленне
release-reason-other = іншае
confidence-confirmed = пацверджана
confidence-reported = паведамляецца
confidence-alleged = паводле неправераных даных
announcement-kind-pardon = Памілаванне
announcement-kind-amnesty = Амністыя
announcement-kind-release = Вызваленне
announcement-kind-recognition = Прызнанне
qualifier-exact = { "" }
qualifier-approximately = каля
qualifier-at_least = не менш чым
qualifier-more_than = больш за
qualifier-up_to = да
metric-political_prisoners_held = палітвязняў у зняволенні
metric-released = вызваленыя
metric-pardon_waves_year = хваляў памілаванняў за год
metric-pardoned_total_year = памілаваных за год
metric-exiled_total = высланых усяго
metric-pardoned = памілаваныя
breakdown-women = жанчыны
breakdown-men = мужчыны
breakdown-under_25 = маладзейшыя за 25 гадоў
breakdown-minors = непаўналетнія
breakdown-pensioners = пенсіянеры
breakdown-disabled = людзі з інваліднасцю
breakdown-chronic_illness = хранічна хворыя
breakdown-withheld = не раскрываецца
breakdown-unknown = невядома
detail-to = куды
detail-from = адкуль
detail-note = заўвага
detail-reason = падстава
detail-by = кім
detail-term_months = тэрмін
detail-term_start = тэрмін з
detail-articles = артыкулы
detail-court = суд
detail-place = месца
detail-in_transit = на этапе
detail-regime = рэжым
role-journalist = журналіст
role-lawyer = адвакат
role-human_rights_defender = праваабаронца
role-politician = палітык
role-civic_activist = грамадскі актывіст
role-trade_unionist = прафсаюзны дзеяч
role-culture_worker = дзеяч культуры
role-activist = актывіст
role-student = студэнт
role-religious = святар
country-BY = Беларусь
country-RU = Расія
country-UA = Украіна
country-MM = М'янма
country-VE = Венесуэла
country-AZ = Азербайджан
country-KZ = Казахстан
country-GE = Грузія
country-TJ = Таджыкістан
country-TM = Туркменістан
country-UZ = Узбекістан
country-KG = Кыргызстан
country-CU = Куба
country-NI = Нікарагуа
country-IR = Іран
country-CN = Кітай
