# Беларускі каталог vigil. Тыя самыя ключы, што ў en/main.ftl і ru/main.ftl. Лікі
# прыходзяць ужо адфарматаванымі ($NAME), іх форма множнага ліку, выбраная ICU4X, —
# у $NAME_form (one, few, many, other).

## Рамка кожнай старонкі

skip-to-content = Перайсці да зместу
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
announcement-kind-exchange = Абмен
announcement-kind-deportation = Дэпартацыя
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
breakdown-foreigners = замежнікі
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

## Бок рэдактараў: рамка, уваход, адмовы

edit-nav-tokens = Токены
edit-who = { $name } ({ $role })
logout = Выйсці
edit-back = Назад
forbidden-title = Няма доступу
forbidden-heading-editor = Каб рэдагаваць, патрэбная роля рэдактара
forbidden-heading-admin = Гэтая старонка — толькі для адміністратараў
forbidden-message = Вы ўвайшлі як { $name } з роляй «{ $role }». Папрасіце адміністратара даць вам ролю «{ $needs }» або выйдзіце.
stale-warning = Запісана ў журнал, але публічныя адказы састарэлі: сервер не змог нанова загрузіць рэестр, таму ў іх няма гэтай змены (і ніводнай наступнай). Прычына: { $reason }
login-title = Уваход
login-name = Імя
login-password = Пароль
login-button = Увайсці
login-wrong = Няправільнае імя або пароль.
login-wait-seconds = { $n_form ->
    [one] Занадта шмат няўдалых спроб увайсці адсюль. Паспрабуйце зноў праз { $n } секунду.
    [few] Занадта шмат няўдалых спроб увайсці адсюль. Паспрабуйце зноў праз { $n } секунды.
    [many] Занадта шмат няўдалых спроб увайсці адсюль. Паспрабуйце зноў праз { $n } секунд.
   *[other] Занадта шмат няўдалых спроб увайсці адсюль. Паспрабуйце зноў праз { $n } секунды.
}
login-wait-minutes = { $n_form ->
    [one] Занадта шмат няўдалых спроб увайсці адсюль. Паспрабуйце зноў праз { $n } хвіліну.
    [few] Занадта шмат няўдалых спроб увайсці адсюль. Паспрабуйце зноў праз { $n } хвіліны.
    [many] Занадта шмат няўдалых спроб увайсці адсюль. Паспрабуйце зноў праз { $n } хвілін.
   *[other] Занадта шмат няўдалых спроб увайсці адсюль. Паспрабуйце зноў праз { $n } хвіліны.
}
login-expired = Гэтая форма ўваходу састарэла або была адпраўлена з іншага сайта. Увайдзіце нанова ніжэй.

## Пачатковая старонка рэдактараў і формы

edit-title = Рэдагаванне
edit-heading = Рэдагаванне рэестра
edit-intro = Кожнае захаванне — запіс у журнале пад вашым імем. Захаванне, зробленае са старой версіі запісу, адхіляецца, і вы бачыце, што змянілася.
edit-add-person = Дадаць чалавека
edit-add-event = Дадаць падзею
edit-paste-report = Уставіць паведамленне
edit-paste-report-note = vigil прапануе аб'явы і лічбы, пра якія ў ім гаворыцца; нічога не захоўваецца, пакуль вы не пацвердзіце.
edit-open-person = Рэдагаваць звесткі пра чалавека
edit-any-record = Любы запіс у фармаце JSON
edit-any-record-note = Аб'явы (склад, заявы), лічбы, крыніцы, аб'яднанні, людзі з некалькімі імёнамі: адкрыйце запіс па тыпе і ідэнтыфікатары (каб выправіць або адклікаць яго) ці пакіньце ідэнтыфікатар пустым, каб стварыць новы.
field-id = Ідэнтыфікатар
field-country = Краіна
field-sex = Пол
field-birth-date = Дата нараджэння
field-visibility = Бачнасць
field-reason = Прычына
field-person = Чалавек
field-kind = Від
field-date = Дата
field-sources = Крыніцы
field-type = Тып
field-record = Запіс (JSON)
field-report = Паведамленне (па-англійску)
field-publisher = Выданне
field-url = Адрас (URL)
hint-partial-date = 10.03.2022, 03.2022 або 2022
hint-date = ГГГГ-ММ-ДД
hint-reason = чаму (застанецца ў журнале)
button-save-person = Захаваць звесткі пра чалавека
button-save-event = Захаваць падзею
button-save = Захаваць
button-open = Адкрыць
button-read = Прачытаць
button-retract = Адклікаць: { $type } { $id }
edit-as-json = Рэдагаваць іх у JSON.

## Старонкі запісу

edit-person-title = Звесткі пра чалавека
edit-event-title = Рэдагаванне падзеі
edit-event-heading = Рэдагаванне падзеі { $id }
edit-record-title = Рэдагаванне запісу
edit-record-heading = Рэдагаванне: { $type } { $id }
edit-record-heading-new = Новы запіс: { $type }
version = Версія
events = Падзеі
events-none = Падзей пакуль няма.
col-kind = від
col-id = ідэнтыфікатар
col-entry = запіс
col-when = калі
col-who = хто
col-what = што
col-why = чаму
link-form = форма
history = Гісторыя
history-added = дададзена
history-correction = выпраўленне
history-retracted = адклікана
retract-heading = Адкліканне
retract-note-person = Адкліканне выдаляе чалавека з усіх адказаў; у журнале ён застаецца. Чалавека з падзеямі адклікаць нельга: спачатку адклічце падзеі.
retract-note-announcement = Адкліканне выдаляе аб'яву з хваляў і праверак; у журнале яна застаецца. Аб'яву, на якую спасылаюцца падзеі, адклікаць нельга: спачатку адклічце або выпраўце гэтыя падзеі.
retract-note-merge = Адкліканне аб'яднання скасоўвае яго: два чалавекі зноў лічацца паасобку. У журнале яно застаецца.
retract-note-event = Адкліканне выдаляе падзею з усіх падлікаў; у журнале яна застаецца.
retract-note-other = Адкліканне выдаляе запіс з усіх адказаў; у журнале ён застаецца.
not-found-title = Не знойдзена
error-not-found = Па гэтым адрасе старонкі няма: магчыма, яе прыбралі або ў адрасе памылка.
error-bad-request-title = Гэты адрас нельга паказаць
error-bad-request = Адрас просіць тое, што гэтая старонка не можа прачытаць.
error-parameter = «{ $value }» не падыходзіць для «{ $param }».
error-parameter-empty = «{ $param }» пададзены без значэння.
error-period-backwards = Перыяд заканчваецца ({ $to }) раней, чым пачынаецца ({ $from }).
error-home = На галоўную старонку
no-person = Няма чалавека з ідэнтыфікатарам { $id }
no-event = Няма падзеі з ідэнтыфікатарам { $id }
no-record = Такога запісу няма
unknown-record-type = Невядомы тып запісу
unknown-record-type-message = чакаўся адзін з тыпаў: person, event, announcement, figure, source, merge

## Што выйшла з захавання або адклікання

saved = Захавана
saved-at = Запіс журнала { $seq }.
edit-something-else = Рэдагаваць іншае
conflict-title = Змянілася тым часам
conflict-heading = Гэты запіс змяніўся пасля таго, як вы яго адкрылі
conflict-message = Нехта захаваў яго пасля таго, як вы адкрылі форму (цяпер гэта запіс журнала { $seq }). З вашых змен нічога не захавана. Вось які ён цяпер:
conflict-retry = Адкрыйце бягучую версію і ўнясіце змену нанова.
not-saved = Не захавана
record-not-json = запіс — не JSON: { $error }
record-missing = запіс не перададзены
unsaved-record = Запіс не прыняты: { $message }
unsaved-above-role = бачнасць гэтага запісу вышэйшая за вашу ролю
unsaved-no-version = Запіс «{ $id }» ({ $type }): пазначце, якую версію вы адклікаеце
refused-taken = Запіс «{ $id }» ({ $type }) ужо існуе (запіс журнала { $seq }): адкрыйце яго, каб змяніць, або выберыце іншы ідэнтыфікатар
refused-stale = Запіс «{ $id }» ({ $type }) змяніўся пасля таго, як яго прачыталі (цяпер гэта запіс журнала { $seq })
refused-stale-gone = Запіс «{ $id }» ({ $type }) змяніўся пасля таго, як яго прачыталі (яго больш няма)
refused-missing-reference = Запіс «{ $id }» ({ $type }): поле `{ $field }`: невядомы запіс «{ $target_id }» ({ $target })
refused-not-found = Запісу «{ $id }» ({ $type }) няма, або ён ужо адкліканы
refused-in-use = На запіс «{ $id }» ({ $type }) яшчэ спасылаюцца: { $users }; спачатку адклічце іх
refused-more = яшчэ { $n }
refused-already-merged = чалавек «{ $merged }» ужо аб'яднаны з «{ $keep }»; спачатку скасуйце аб'яднанне
refused-not-merged = чалавек «{ $id }» ні з кім не аб'яднаны
refused-self-merge = чалавека нельга аб'яднаць з ім самім («{ $id }»)
refused-merge-loop = чалавек «{ $keep }» ужо ўлічваецца як «{ $merged }» (аб'яднаны з ім); аб'яднанне «{ $merged }» з «{ $keep }» замкнула б кола
retracted = Адклікана
retracted-at = { $type } { $id }: запіс журнала { $seq }.
not-retracted = Не адклікана
retract-needs-reason = Нічога не адклікана: пазначце прычыну (яна застанецца ў журнале побач з адкліканнем).
retract-needs-record = Нічога не адклікана: для адклікання патрэбныя тып запісу і ідэнтыфікатар; адкрыйце запіс і скарыстайцеся яго формай адклікання.

## Чытанне паведамлення

extract-title = Прачытаць паведамленне
extract-intro = vigil прапануе аб'явы (з іх складам і афіцыйнымі заявамі) і апублікаваныя лічбы, пра якія гаворыцца ў тэксце. Вы ўбачыце іх раней, чым нешта захаваецца.
extract-no-text = устаўце тэкст паведамлення
extract-bad-date = дата: { $error }
extract-nothing-found = у гэтым тэксце не знойдзена ні аб'явы, ні лічбы
extract-language-not-read = тэкст на мове, якую vigil не чытае: чытаюцца толькі справаздачы па-англійску, па-руску і па-беларуску
extract-proposed = Прапанаваныя запісы
extract-proposed-note = Пакуль нічога не захавана. Вось запісы, якія дадаў бы vigil, кожны са спасылкай на сваю крыніцу:
extract-claims = Афіцыйныя заявы (асобна ад фактаў)
extract-store = { $n_form ->
    [one] Захаваць { $n } запіс
    [few] Захаваць гэтыя { $n } запісы
    [many] Захаваць гэтыя { $n } запісаў
   *[other] Захаваць гэтыя { $n } запісу
}
extract-start-again = Пачаць нанова
extract-stored = Захавана
extract-stored-summary = Дададзена запісаў: { $added }. Ужо былі захаваныя без змен: { $unchanged }.
extract-nothing-stored = нічога не захавана: { $problems }
extract-figure = Паведамленая лічба
extract-keep = Захаваць гэтую
extract-notes = Заўвагі да чытання
extract-note-undated = { $kind } ({ $total }): у тэксце няма даты; прапанавана дата паведамлення, { $date }.
extract-note-undated-none = { $kind } ({ $total }): у тэксце няма даты; пазначце дату паведамлення вышэй або дату пры пацвярджэнні.
extract-note-no-country = { $kind } ({ $total }): у тэксце не названа краіна; пазначце яе пры пацвярджэнні.
extract-not-taken = Лічбы, якія не ўзятыя
extract-similar = Падобная аб'ява ўжо захаваная: { $date }, { $n_form ->
    [one] { $n } чалавек
    [few] { $n } чалавекі
   *[other] { $n } чалавек
}.
extract-similar-open = Адкрыць яе
extract-bad-edit = прапанова { $n }: { $field } «{ $value }» — не лік і не дата, якія vigil чытае
extract-none-kept = усе прапановы пакінутыя ўбаку: няма чаго захоўваць

## API-токены (для адміністратараў)

tokens-title = API-токены
tokens-intro = Токен дазваляе скрыпту дзейнічаць з пэўнай роляй. Захоўваецца толькі яго хэш: сам сакрэт быў паказаны адзін раз, калі токен стваралі. Адкліканы токен адхіляецца, пачынаючы з наступнага запыту.
tokens-make = Каб стварыць токен:
tokens-none = Токенаў пакуль няма.
col-role = роля
col-created = створаны
col-expires = дзейнічае да
col-revoked = адкліканы
token-never = бестэрміновы
token-expired = тэрмін скончыўся
button-revoke = Адклікаць
token-revoked = Токен { $id } ({ $name }) адкліканы: з гэтага моманту ён адхіляецца.
token-already-revoked = Токен { $id } ({ $name }) ужо быў адкліканы.
token-not-found = Няма токена з ідэнтыфікатарам { $id }.
token-not-revoked = Не адклікана
token-no-id = Пазначце, які токен адклікаць: скарыстайцеся кнопкай «Адклікаць» у спісе.

## Слоўнік боку рэдактараў

record-type-person = чалавек
record-type-event = падзея
record-type-announcement = аб'ява
record-type-figure = лічба
record-type-source = крыніца
record-type-merge = аб'яднанне
account-role-viewer = чытач
account-role-editor = рэдактар
account-role-admin = адміністратар

## Імпарт табліцы

edit-import-sheet = Імпартаваць табліцу
edit-import-sheet-note = спіс, які вядуць у табліцы (.xlsx, .ods або .csv), па адным чалавеку ў радку.
sheet-title = Імпарт табліцы
sheet-intro = Па адным чалавеку ў радку, файл .xlsx, .ods або .csv. Загалоўкі слупкоў распазнаюцца па-беларуску, па-руску і па-англійску; да захавання відаць, як прачытаны кожны слупок, і гэта можна змяніць. Нічога не захоўваецца, пакуль вы не пацвердзіце, і тады захоўваецца ўся табліца або нічога.
sheet-template = Спампаваць пусты спіс для запаўнення, з выпадальнымі спісамі:
sheet-template-be = загалоўкі па-беларуску
sheet-template-ru = па-руску
sheet-template-en = па-англійску
field-sheet-file = Табліца (.xlsx, .ods або .csv)
field-sheet-source = Адкуль спіс (яго слупкі запамінаюцца для наступнага спіса адтуль)
sheet-source-none = не пазначана
field-sheet-country = Краіна радкоў, у якіх яна не пазначана (дзве літары, напрыклад BY)
field-sheet-visibility = Каму бачныя людзі, у радку якіх гэта не пазначана
field-sheet-update = Табліца выпраўляе ўжо захаваных людзей (выпраўленая копія ранейшага спіса)
button-read-sheet = Прачытаць табліцу
sheet-no-file = Выберыце табліцу для імпарту.
sheet-too-large = Файл большы за { $mb } МБ. Падзяліце спіс на меншыя табліцы.
sheet-not-a-sheet = «{ $name }» — не табліца, якую чытае vigil: захавайце яе як .xlsx, .ods або .csv.
sheet-unreadable = Не ўдалося прачытаць «{ $name }»: { $error }
sheet-is-export = «{ $name }» — выгрузка рэестра vigil (яго табліцы, па адной на кожны від запісаў), а не спіс людзей. Такі файл аднаўляе або аб'ядноўвае адміністратар; тут загрузіце спіс, па адным чалавеку ў радку.
sheet-bad-country = «{ $country }» — не код краіны: напішыце дзве літары, напрыклад BY або RU.
sheet-columns = Як прачытаны слупкі
sheet-column-header = Слупок табліцы
sheet-column-field = Чытаецца як
sheet-column-sample = Першыя значэнні
sheet-field-ignore = не чытаецца
sheet-errors = { $n_form ->
    [one] { $n } ячэйку не ўдаецца прачытаць. Нічога не будзе захавана, пакуль яе не выправяць у табліцы або яе слупок не будзе прачытаны інакш:
    [few] { $n } ячэйкі не ўдаецца прачытаць. Нічога не будзе захавана, пакуль іх не выправяць у табліцы або іх слупкі не будуць прачытаны інакш:
    [many] { $n } ячэек не ўдаецца прачытаць. Нічога не будзе захавана, пакуль іх не выправяць у табліцы або іх слупкі не будуць прачытаны інакш:
   *[other] { $n } ячэйкі не ўдаецца прачытаць. Нічога не будзе захавана, пакуль іх не выправяць у табліцы або іх слупкі не будуць прачытаны інакш:
}
sheet-error-line = Радок { $row }, слупок «{ $column }»: { $message }
sheet-problem-empty = табліца пустая: у яе першым радку павінны быць загалоўкі
sheet-problem-second-column = другі слупок чытаецца як «{ $field }»: адзначце адзін з іх «не чытаецца»
sheet-problem-no-name-column = няма слупка з імем (Імя і прозвішча, ФИО, name…) або ідэнтыфікатарам: нішто не кажа, пра каго радок
sheet-problem-same-id = «{ $id }» ёсць і ў радку { $row }, з іншым зместам: у кожнага чалавека павінен быць адзін радок
sheet-problem-no-name = радок без імя: у кожным радку патрэбна імя чалавека
sheet-problem-not-date = «{ $text }» — не дата: пішыце 2021-03-14, 14.03.2021, 03.2021, 2021 або 14 сакавіка 2021
sheet-problem-not-day = «{ $text }» — такога дня няма ў календары ({ $day })
sheet-problem-not-term = «{ $text }» — не тэрмін: пішыце 3 гады, 2 г. 6 мес. або 36 месяцаў
sheet-problem-not-sex = «{ $text }» — не пол: пішыце М або Ж (мужчынскі, жаночы)
sheet-problem-not-reason = «{ $text }» — не прычына вызвалення: пішыце сканчэнне тэрміну, памілаванне, амністыя, апраўданне, высылка, умоўна-датэрміновае або іншае
sheet-problem-not-regime = «{ $text }» — від пакарання, якога vigil не ведае: пішыце агульны, узмоцнены, строгі, асаблівы, турма, калонія-пасяленне, абмежаванне волі (хімія), хатні арышт, штраф, умоўна або прымусовае лячэнне
sheet-problem-not-health = «{ $text }» — не стан здароўя, які ўлічвае vigil: пішыце хранічная хвароба або інваліднасць
sheet-problem-not-visibility = «{ $text }» — не бачнасць: пішыце адкрыта, абмежавана або канфідэнцыйна
sheet-problem-several-places = «{ $text }» — назва некалькіх месцаў у рэестры ({ $ids }): упішыце id патрэбнага
sheet-problem-undated-recognition = у «{ $text }» няма даты: дадайце дату прызнання або адзначце слупок «не чытаецца»
sheet-problem-undated-release = у «{ $text }» няма даты: дадайце дату вызвалення або адзначце слупок «не чытаецца»
sheet-problem-undated-sentence = у «{ $text }» няма даты: дадайце дату прысуду або затрымання або адзначце слупок «не чытаецца»
sheet-would-store = Будзе захавана людзей: { $persons }, падзей: { $events }.
sheet-default-visibility = Людзей без бачнасці ў табліцы: { $n }; яны будуць захаваны як «{ $visibility }».
sheet-unknown-columns = Гэтыя слупкі не чытаюцца: { $list }. Выберыце ніжэй, што ў іх, або пакіньце як ёсць.
sheet-changes = У рэестры: новых запісаў будзе { $added }, выпраўленняў — { $corrected }, ужо захаваны без зменаў — { $unchanged }.
sheet-conflicts = { $n_form ->
    [one] { $n } запіс табліцы ўжо захаваны з іншым зместам. Калі табліца яго выпраўляе, адзначце ніжэй «Табліца выпраўляе ўжо захаваных людзей» і пакажыце зноў:
    [few] { $n } запісы табліцы ўжо захаваны з іншым зместам. Калі табліца іх выпраўляе, адзначце ніжэй «Табліца выпраўляе ўжо захаваных людзей» і пакажыце зноў:
    [many] { $n } запісаў табліцы ўжо захаваны з іншым зместам. Калі табліца іх выпраўляе, адзначце ніжэй «Табліца выпраўляе ўжо захаваных людзей» і пакажыце зноў:
   *[other] { $n } запісу табліцы ўжо захаваны з іншым зместам. Калі табліца іх выпраўляе, адзначце ніжэй «Табліца выпраўляе ўжо захаваных людзей» і пакажыце зноў:
}
sheet-conflict = радок { $row }: { $what }
sheet-conflicts-blocked = Нічога не захавана: некаторыя радкі кажуць іначай, чым ужо захавана, а табліца не адзначана як выпраўленні.
sheet-unrecognized = Людзей без даты прызнання палітвязнямі: { $n }. Яны не лічацца палітвязнямі, пакуль дата прызнання не запісаная.
sheet-undated-sentences = Радкоў з прысудам без даты: { $n }. Тэрмін, артыкулы і рэжым захоўваюцца разам з затрыманнем.
sheet-mapping-from-source = Слупкі прачытаны гэтак жа, як у мінулым спісе ад «{ $source }».
sheet-doubles = { $n_form ->
    [one] { $n } радок, верагодна, — чалавек, які ўжо ёсць у рэестры:
    [few] { $n } радкі, верагодна, — людзі, якія ўжо ёсць у рэестры:
    [many] { $n } радкоў, верагодна, — людзі, якія ўжо ёсць у рэестры:
   *[other] { $n } радка, верагодна, — людзі, якія ўжо ёсць у рэестры:
}
sheet-double = радок { $row }: «{ $name }» — верагодна, «{ $existing_name }»
sheet-doubles-new = Усё роўна захаваць іх як новых людзей (і аб'яднаць пазней)
sheet-doubles-blocked = Нічога не захавана: некаторыя радкі, верагодна, — людзі, якія ўжо ёсць у рэестры. Пазначце для кожнага, ці той гэта чалавек, або адзначце «Усё роўна захаваць іх як новых людзей».
sheet-same-choose = — гэта той самы чалавек? —
sheet-same-new = Не: захаваць новага чалавека
sheet-same-merge = Так: аб'яднаць з «{ $name }» (можна адмяніць)
sheet-same-unknown = Нічога не захавана: выбар для радка { $row } — не адзін з паказаных людзей. Пакажыце табліцу зноў і выберыце.
button-sheet-again = Паказаць зноў з гэтымі слупкамі
button-sheet-import = { $n_form ->
    [one] Захаваць { $n } чалавека
   *[other] Захаваць гэтых людзей: { $n }
}
sheet-start-again = Пачаць зноў з іншым файлам
sheet-stored = Табліца захавана
sheet-stored-summary = Людзей: { $persons }. Запісаў дададзена: { $added }, выпраўлена: { $corrected }, ужо былі захаваны без зменаў: { $unchanged }.
sheet-mapping-saved = Яе слупкі запомнены для наступнага спіса ад «{ $source }».
sheet-see-directory = Адкрыць спіс людзей
sheet-another = Імпартаваць яшчэ адну табліцу
sheet-refused = Нічога не захавана: рэестр не прымае гэтыя радкі.
sheet-refused-line = Радок { $row }: { $message }
sheet-refused-update = Калі табліца — выпраўленая копія ўжо імпартаванага спіса, пачніце зноў і адзначце «Табліца выпраўляе ўжо захаваных людзей».
sheet-field-id = ідэнтыфікатар (id)
sheet-field-name = імя
sheet-field-name_be = імя па-беларуску
sheet-field-name_ru = імя па-руску
sheet-field-name_latin = імя лацінкай
sheet-field-health = здароўе
sheet-field-charged = дата абвінавачвання
sheet-field-sex = пол
sheet-field-birth_date = дата нараджэння
sheet-field-country = краіна
sheet-field-region = рэгіён
sheet-field-roles = род заняткаў
sheet-field-detained = дата затрымання
sheet-field-recognized = дата прызнання палітвязнем
sheet-field-recognized_by = кім прызнаны
sheet-field-articles = артыкулы
sheet-field-sentence_date = дата прысуду
sheet-field-sentence = прысуд (тэрмін)
sheet-field-regime = рэжым
sheet-field-place = месца ўтрымання
sheet-field-released = дата вызвалення
sheet-field-release_reason = прычына вызвалення
sheet-field-visibility = бачнасць
sheet-field-source = крыніца

## The editors' workplace: forms of every record, lists, pickers

announcement-none = Ні ў адной захаванай аб'яве
button-find = Знайсці
choice-any = любы
choice-none = — не зададзена —
col-birth = нарадзіўся
col-finding = знаходка
col-other-names = іншыя імёны
col-record = запіс
conflict-changed = Нехта захаваў гэты запіс ({ $type }) пасля таго, як вы адкрылі форму. Нічога з вашага не захавана: тое, што вы ўпісалі, засталося ніжэй, а форма цяпер адкрыта на бягучай версіі — праверце і захавайце зноў.
conflict-gone = З таго часу яго адклікалі.
contradictions-heading = Чаму тут супярэчыць рэестр
count-findings = { $n_form ->
    [one] { $n } знаходка
    [few] { $n } знаходкі
    [many] { $n } знаходак
   *[other] { $n } знаходкі
}
edit-add-announcement = Дадаць аб'яву
edit-add-figure = Дадаць паведамленую лічбу
edit-add-source = Дадаць крыніцу
edit-announcements-heading = Аб'явы
edit-changes-heading = Апошнія змены
edit-figures-heading = Паведамленыя лічбы
edit-lists = Спісы
edit-persons-heading = Людзі
edit-record-heading-words = Праўка: { $type }
edit-review-heading = Праверыць
edit-sources-heading = Крыніцы
field-announcement = Аб'ява, у якую яна трапіла
field-articles = Артыкулы
field-as-of = На дату
field-breakdown = Склад
field-claims = Афіцыйныя заявы (па адной у радку)
field-confidence = Упэўненасць
field-consent-note = Згода (нататка)
field-court = Суд
field-custom-count = Колькасць
field-custom-key = Іншая група
field-detained-on = Затрыманая
field-health = Здароўе
field-issuer = Хто абвясціў
field-metric = Што лічыцца
field-name-lang = Мова і пісьмо
field-name-n = Імя { $n }
field-names = Імёны
field-names-disclosed = Імёны названыя
field-note = Нататка
field-prominent = Вядомая асоба
field-published = Апублікавана
field-qualifier = Удакладненне
field-recognized-by = Хто прызнаў
field-recognized-on = Прызнаная палітвязнем
field-region = Рэгіён
field-release-reason = Падстава вызвалення
field-reliability = Надзейнасць
field-roles = Ролі
field-roles-other = Іншыя ролі (праз коску)
field-source-add = Дадаць захаваную крыніцу
field-source-new = Або новую крыніцу
field-term = Тэрмін
field-title = Назва
field-total = Усяго
field-transfer-to = Куды
field-value = Значэнне
filter-name-any = Імя (любы запіс)
first-events = Яе справа на сёння
fix-marked = Выпраўце пазначаныя палі; усё, што вы ўпісалі, засталося.
health-none = ні тое, ні другое (вядома)
hint-term = 3 гады 6 месяцаў
in-announcement = у аб'яве
name-lang-be = беларуская (кірыліца)
name-lang-be-latn = беларуская (лацінка)
name-lang-en = англійская (лацінка)
name-lang-ru = руская (кірыліца)
name-lang-uk = украінская (кірыліца)
name-lang-unknown = не сказана
need-event-person = Спачатку адкрыйце чалавека: падзея дадаецца з яго старонкі.
new-person-note = Новы чалавек мае абмежаваны доступ, пакуль вы не вырашыце яго апублікаваць. Затрыманне і прызнанне можна захаваць разам з ім.
page-next = Далей
page-of = Старонка { $at } з { $pages }
page-previous = Назад
pages = Старонкі
problem-choice = Выберыце са спісу.
problem-count = Упішыце цэлы лік, напрыклад 29.
problem-country = Выберыце краіну са спісу.
problem-date = Упішыце дату як 10.03.2022, 03.2022 або 2022.
problem-missing = Гэта трэба запоўніць.
problem-number = Упішыце лік, напрыклад 1300 або 1300,5.
problem-pick-announcement = Каля гэтай даты ў яе краіне былі аб'явы: выберыце тую, у якую яна трапіла, або «Ні ў адной захаванай аб'яве». Інакш гэтае памілаванне палічыцца звыш іх.
problem-pick-which = Пад «{ $typed }» падыходзіць некалькі захаваных запісаў: { $choices }. Дапішыце, які з іх вы маеце на ўвазе, або выберыце яго са спіса.
problem-pick-nothing = Пад «{ $typed }» не падыходзіць ніводзін захаваны запіс. Выберыце са спіса або ўпішыце новы.
problem-term = Упішыце тэрмін як 3 гады 6 месяцаў або колькасцю месяцаў.
public-page = Публічная старонка
qualifier-exact-word = роўна
showing-none = Нічога не знойдзена
showing-range = Паказана { $from }–{ $to } з { $total }
taken-heading = Гэты ідэнтыфікатар заняты
taken-message = Іншы запіс ({ $type }) ужо мае ідэнтыфікатар { $id }. Нічога не захавана; тое, што вы ўпісалі, засталося ніжэй.
taken-json = Іншы запіс гэтага тыпу ўжо мае такі ідэнтыфікатар. Нічога не захавана. Змяніце ідэнтыфікатар у запісе або адкрыйце захаваны, каб выправіць яго. Вось захаваны:

## Справы, прысуды і месцы зняволення (issue 15)
record-type-place = месца зняволення
retract-note-place = Адкліканне адхіляецца, пакуль на месца паказвае перавод; у журнале запіс застаецца.
place-kind-ivs = ізалятар часовага ўтрымання (ІЧУ)
place-kind-sizo = следчы ізалятар (СІЗА)
place-kind-colony = папраўчая калонія
place-kind-prison = турма
place-kind-psychiatric = псіхіятрычная лякарня
place-kind-other = іншае месца
regime-general = агульны рэжым
regime-reinforced = узмоцнены рэжым
regime-strict = строгі рэжым
regime-special = асаблівы рэжым
regime-prison = турэмны рэжым
regime-settlement = калонія-пасяленне
regime-restricted_freedom = абмежаванне волі
regime-house_arrest = хатні арышт
regime-fine = штраф
regime-suspended = умоўны тэрмін
regime-compulsory_treatment = прымусовае лячэнне
regime-other = іншае пакаранне
condition-incommunicado = утрымліваецца інкамунікада
condition-no_lawyer = без доступу да адваката
condition-punishment_cell = штрафны ізалятар (ШІЗА)
condition-cell_type_unit = памяшканне камернага тыпу (ПКТ)
condition-visits_banned = спатканні забароненыя
condition-parcels_banned = перадачы забароненыя
condition-correspondence_blocked = перапіска заблакаваная
condition-ill_treatment = жорсткае абыходжанне
condition-medical_care_denied = адмова ў медычнай дапамозе
consent-letters = лісты
consent-calendar = каляндар падтрымкі
fact-expected_release = чаканае вызваленне
release-between = паміж { $earliest } і { $latest }
fact-place = месца ўтрымання
fact-custody = месцы зняволення
fact-letters = адрас для лістоў
fact-recognized_by = прызнаны(ая)
fact-conditions = умовы ўтрымання
days-without-news = { $n_form ->
    [one] { $n } дзень без вестак
    [few] { $n } дні без вестак
    [many] { $n } дзён без вестак
   *[other] { $n } дня без вестак
}
whereabouts-place = у месцы зняволення
whereabouts-in_transit = на этапе
whereabouts-address_unknown = адрас удакладняецца
detail-address_unknown = адрас удакладняецца
detail-case = справа
detail-extends = дададзена да тэрміну
detail-conditions = умовы
detail-judge = суддзя
detail-prosecutor = пракурор
detail-counsel = адвакат
detail-type = від
by-article = Па артыкуле
by-place = Па месцы зняволення
by-regime = Па рэжыме
by-status = Па статусе
by-recognized_by = Па арганізацыі, што прызнала
article-number = арт. { $n }
breakdown-none = няма
breakdown-pre_trial = да прысуду
breakdown-convicted = асуджаныя
breakdown-restricted_freedom = абмежаванне волі
breakdown-house_arrest = хатні арышт
breakdown-in_transit = на этапе
breakdown-address_unknown = адрас удакладняецца
calendar-heading = Каляндар падтрымкі
calendar-note = Дні нараджэння і чаканыя вызваленні ў бліжэйшыя 60 дзён палітвязняў, якія на гэта пагадзіліся: паштоўка ці ліст дапамагаюць.
calendar-subscribe = Падпісацца на каляндар
calendar-empty = У бліжэйшыя 60 дзён нічога няма.
calendar-birthday = { $n_form ->
    [one] дзень нараджэння: { $n } год
    [few] дзень нараджэння: { $n } гады
    [many] дзень нараджэння: { $n } гадоў
   *[other] дзень нараджэння: { $n } года
}
calendar-birthday-day = дзень нараджэння
calendar-release = чаканае вызваленне
nav-calendar = Каляндар

# Editors' forms of places and case facts (issue 15)
field-regime = Рэжым або пакаранне
field-term-start = Тэрмін адлічваецца з (калі не з дня затрымання)
field-case = Справа (нумар або назва; новы прысуд той самай справы, пасля новага разгляду, замяняе ранейшы)
field-extends = Тэрмін дадаецца да таго, што ўжо адбываецца (новая справа, падаўжэнне)
field-judge = Суддзя
field-prosecutor = Пракурор
field-counsel = Адвакат
field-destination = Куды пераведзены(-ая)
field-conditions = Умовы ўтрымання
field-articles-other = Іншыя артыкулы (праз коску)
hint-articles = ч. 1 арт. 342, 361-1
hint-coordinates = 53.9023, 27.5619
problem-coordinates = Увядзіце шырату і даўгату, як іх паказвае мапа, напрыклад 53.9023, 27.5619.
field-place-name-be = Назва па-беларуску
field-place-name-ru = Назва па-руску
field-place-name-en = Назва па-англійску
field-place-kind = Від установы
field-address = Паштовы адрас (для лістоў)
field-coordinates = Каардынаты (неабавязкова)
edit-add-place = Дадаць месца зняволення
edit-places-heading = Месцы зняволення
col-held-now = цяпер там

# Counting by releases and by sentence length (issue 15)
by-term = Па тэрміне пакарання
term-band-under_1 = менш за год
term-band-1_3 = ад 1 да 3 гадоў
term-band-3_5 = ад 3 да 5 гадоў
term-band-5_10 = ад 5 да 10 гадоў
term-band-10_15 = ад 10 да 15 гадоў
term-band-15_plus = 15 гадоў і больш
term-band-unknown = тэрмін невядомы
term-band-non_custodial = пакаранне, не звязанае з пазбаўленнем волі
term-band-pre_trial = яшчэ не асуджаныя
releases-heading = Вызваленні
released-this-week = Вызваленыя за апошнія 7 дзён
released-bounds = (напэўна { $min }, магчыма { $max })
releases-ahead = Чаканыя вызваленні тых, хто ў зняволенні сёння, па месяцах
col-expected = чакаецца
col-surely = напэўна
col-possibly = магчыма
releases-later = пазней
releases-overdue = тэрмін вызвалення прайшоў, усё яшчэ ў зняволенні
releases-none = дата вызвалення невядомая
releases-withheld = не публічныя

# Апеляцыя на прысуд (issue 15)
field-appeal-date = Дата рашэння па апеляцыі
field-appeal-court = Апеляцыйны суд
field-appeal-outcome = Рашэнне па апеляцыі
field-appeal-term = Тэрмін пасля апеляцыі (калі паменшаны або павялічаны)
field-appeal-regime = Рэжым пасля апеляцыі (калі зменены)
appeal-outcome-upheld = прысуд пакінуты без зменаў
appeal-outcome-reduced = тэрмін паменшаны
appeal-outcome-increased = тэрмін павялічаны
appeal-outcome-overturned = прысуд адменены, справа накіравана на новы разгляд
appeal-outcome-pending = апеляцыя яшчэ не разгледжана
appeal-to = { $outcome }: { $term }
detail-appeal = апеляцыя
problem-appeal-term = Паменшаны тэрмін карацейшы за тэрмін прысуду, павялічаны — даўжэйшы; пры іншых рашэннях новы тэрмін і рэжым не пазначаюцца.
problem-appeal-date = Рашэнне па апеляцыі не можа быць раней за прысуд.

# Spreadsheet columns of a verdict and its appeal (issue 15)
sheet-field-court = суд
sheet-field-judge = суддзя
sheet-field-prosecutor = пракурор
sheet-field-counsel = адвакат
sheet-field-term_start = пачатак тэрміну
sheet-field-appeal_date = дата апеляцыі
sheet-field-appeal_court = апеляцыйны суд
sheet-field-appeal_outcome = рашэнне па апеляцыі
sheet-problem-not-appeal-outcome = «{ $text }» — не рашэнне па апеляцыі: пішыце пакінуты без зменаў, тэрмін паменшаны, тэрмін павялічаны, адменены або не разгледжана
sheet-problem-undated-verdict = у «{ $text }» няма даты: дадайце дату прысуду або адзначце слупок «не чытаецца»
sheet-field-appeal_term = тэрмін пасля апеляцыі

## Прызнанне па арганізацыях (issue 15)
filter-recognized_by = Кім прызнаны
persons-recognized_by = Прызнаныя цяпер, па арганізацыях
org-viasna = Вясна
org-memorial = Мемарыял
recognition-ex-post-facto = прызнаны пасля вызвалення
recognition-withdrawn = прызнанне адклікана: { $date }
