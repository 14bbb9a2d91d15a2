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
field-name = Імя
field-country = Краіна
field-sex = Пол
field-birth-date = Дата нараджэння
field-visibility = Бачнасць
field-reason = Прычына
field-person = Чалавек
field-person-id = Ідэнтыфікатар чалавека
field-kind = Від
field-date = Дата
field-sources = Крыніцы
field-type = Тып
field-record = Запіс (JSON)
field-report = Паведамленне (па-англійску)
field-publisher = Выданне
field-url = Адрас (URL)
hint-partial-date = ГГГГ-ММ-ДД, ГГГГ-ММ або ГГГГ
hint-date = ГГГГ-ММ-ДД
hint-reason = чаму (застанецца ў журнале)
hint-person = ідэнтыфікатар чалавека
hint-sources = ідэнтыфікатары крыніц праз коску (неабавязкова)
button-save-person = Захаваць звесткі пра чалавека
button-save-event = Захаваць падзею
button-save = Захаваць
button-open = Адкрыць
button-read = Прачытаць
button-retract = Адклікаць: { $type } { $id }
person-form-note = Імёны ў іншых алфавітах, рэгіён, род заняткаў, здароўе і ўсе астатнія палі застаюцца як ёсць.
event-form-note = Падрабязнасці, ступень пэўнасці, аб'ява і ўсе астатнія палі застаюцца як ёсць.
edit-as-json = Рэдагаваць іх у JSON.

## Старонкі запісу

edit-person-title = Звесткі пра чалавека
edit-heading-id = Рэдагаванне: { $id }
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
col-edit = рэдагаваць
col-retract = адклікаць
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
no-person = Няма чалавека з ідэнтыфікатарам { $id }
no-event = Няма падзеі з ідэнтыфікатарам { $id }
no-record = Такога запісу няма
unknown-record-type = Невядомы тып запісу
unknown-record-type-message = чакаўся адзін з тыпаў: person, event, announcement, figure, source, merge

## Што выйшла з захавання або адклікання

saved = Захавана
saved-at = Запіс журнала { $seq }.
open-again = Адкрыць зноў
edit-something-else = Рэдагаваць іншае
conflict-title = Змянілася тым часам
conflict-heading = Гэты запіс змяніўся пасля таго, як вы яго адкрылі
conflict-message = Нехта захаваў яго пасля таго, як вы адкрылі форму (цяпер гэта запіс журнала { $seq }). З вашых змен нічога не захавана. Вось які ён цяпер:
conflict-retry = Адкрыйце бягучую версію і ўнясіце змену нанова.
not-saved = Не захавана
need-person-id = у чалавека павінен быць ідэнтыфікатар
need-event-fields = у падзеі павінны быць ідэнтыфікатар, чалавек, від і дата
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
calendar-release = чаканае вызваленне
nav-calendar = Каляндар
